#include "accord/version.h"

#include <gtest/gtest.h>

#include <string_view>

namespace {

// "MAJOR.MINOR.PATCH", each a non-empty run of digits.
bool is_semantic_version(std::string_view v) {
  int dots = 0;
  bool digit_seen = false;
  for (char c : v) {
    if (c == '.') {
      if (!digit_seen) return false;
      ++dots;
      digit_seen = false;
    } else if (c >= '0' && c <= '9') {
      digit_seen = true;
    } else {
      return false;
    }
  }
  return dots == 2 && digit_seen;
}

TEST(Version, IsSemanticAndNative) {
  EXPECT_TRUE(is_semantic_version(accord::version())) << accord::version();
  EXPECT_FALSE(is_semantic_version("1.2"));
  EXPECT_FALSE(is_semantic_version("1..2"));
  EXPECT_EQ(accord::build_target(), "native");
}

} // namespace
