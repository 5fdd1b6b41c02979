#include "accord/status.h"

#include <gtest/gtest.h>

namespace accord {
namespace {

Result<int> parse_digit(char c) {
  if (c < '0' || c > '9') {
    return Status::error_at(StatusCode::kInvalidArgument, 0, std::string("not a digit: ") + c);
  }
  return c - '0';
}

Result<int> sum_of_digits(char a, char b) {
  ACCORD_ASSIGN_OR_RETURN(int x, parse_digit(a));
  ACCORD_ASSIGN_OR_RETURN(int y, parse_digit(b));
  return x + y;
}

TEST(Status, OkByDefault) {
  Status s;
  EXPECT_TRUE(s.is_ok());
  EXPECT_EQ(s.to_string(), "ok");
  EXPECT_FALSE(s.offset().has_value());
}

TEST(Status, ErrorCarriesCodeOffsetAndMessage) {
  Status s =
      Status::error_at(StatusCode::kCorrupt, 17, "string length 900 exceeds the 12 bytes left");
  EXPECT_FALSE(s.is_ok());
  EXPECT_EQ(s.code(), StatusCode::kCorrupt);
  ASSERT_TRUE(s.offset().has_value());
  EXPECT_EQ(*s.offset(), 17u);
  EXPECT_EQ(s.to_string(), "corrupt at byte 17: string length 900 exceeds the 12 bytes left");
  EXPECT_EQ(s.with_context("reading struct 3").message(),
            "reading struct 3: string length 900 exceeds the 12 bytes left");
}

TEST(Status, EveryCodeHasAStableName) {
  EXPECT_EQ(code_name(StatusCode::kOk), "ok");
  EXPECT_EQ(code_name(StatusCode::kInvalidArgument), "invalid_argument");
  EXPECT_EQ(code_name(StatusCode::kCorrupt), "corrupt");
  EXPECT_EQ(code_name(StatusCode::kUnsupported), "unsupported");
  EXPECT_EQ(code_name(StatusCode::kLimitExceeded), "limit_exceeded");
  EXPECT_EQ(code_name(StatusCode::kNotFound), "not_found");
  EXPECT_EQ(code_name(StatusCode::kAlreadyExists), "already_exists");
  EXPECT_EQ(code_name(StatusCode::kFailedPrecondition), "failed_precondition");
  EXPECT_EQ(code_name(StatusCode::kPermissionDenied), "permission_denied");
  EXPECT_EQ(code_name(StatusCode::kIoError), "io_error");
  EXPECT_EQ(code_name(StatusCode::kInternal), "internal");
}

TEST(Result, PropagatesTheFirstError) {
  auto good = sum_of_digits('3', '4');
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 7);
  auto bad = sum_of_digits('3', 'x');
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message(), "not a digit: x");
}

} // namespace
} // namespace accord
