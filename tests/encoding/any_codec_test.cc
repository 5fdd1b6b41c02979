// Byte-exact writeAny/readAny against lib0. Expected bytes were produced by
// tests/encoding/fixtures/any_fixtures.mjs (lib0 0.2.120, pinned in package-lock.json).
#include "encoding/any_codec.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace accord::encoding {
namespace {

std::string hex(const std::vector<std::uint8_t>& b) {
  static const char* k = "0123456789abcdef";
  std::string s;
  for (auto x : b) {
    s.push_back(k[x >> 4]);
    s.push_back(k[x & 15]);
  }
  return s;
}

std::vector<std::uint8_t> unhex(const std::string& s) {
  std::vector<std::uint8_t> out;
  for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
    out.push_back(static_cast<std::uint8_t>(std::stoi(s.substr(i, 2), nullptr, 16)));
  }
  return out;
}

struct Case {
  const char* name;
  Any value;
  const char* expected;
};

std::vector<Case> cases() {
  return {
      {"undefined", Any(), "7f"},
      {"null", Any::null(), "7e"},
      {"true", Any(true), "78"},
      {"false", Any(false), "79"},
      {"zero", Any(0), "7d00"},
      {"neg_zero", Any(-0.0), "7d40"},
      {"small", Any(42), "7d2a"},
      {"neg", Any(-42), "7d6a"},
      {"int31", Any(2147483647.0), "7dbfffffff0f"},
      {"int32", Any(2147483648.0), "7c4f000000"},
      {"neg_int31", Any(-2147483647.0), "7dffffffff0f"},
      {"float32", Any(0.5), "7c3f000000"},
      {"float64", Any(0.1), "7b3fb999999999999a"},
      {"big_int", Any(9007199254740991.0), "7b433fffffffffffff"},
      {"nan", Any(std::nan("")), "7b7ff8000000000000"},
      {"inf", Any(HUGE_VAL), "7c7f800000"},
      {"bigint", Any::bigint(-5), "7afffffffffffffffb"},
      {"string", Any("h\xc3\xa9llo \xf0\x9f\x98\x80"), "770b68c3a96c6c6f20f09f9880"},
      {"bytes", Any::bytes({1, 2, 3}), "7403010203"},
      {"array", Any(Any::Array{Any(1), Any("a"), Any::null(), Any(Any::Array{Any(true)})}),
       "75047d017701617e750178"},
      {"object", Any(Any::Object{{"b", Any(1)}, {"a", Any(Any::Object{{"c", Any("x")}})}}),
       "760201627d01016176010163770178"},
  };
}

TEST(AnyCodec, WritesExactlyAsLib0) {
  for (const Case& c : cases()) {
    Lib0Buffer w;
    write_any(w, c.value);
    EXPECT_EQ(hex(w.take()), c.expected) << c.name;
  }
}

TEST(AnyCodec, ReadsBackWhatLib0Wrote) {
  for (const Case& c : cases()) {
    auto bytes = unhex(c.expected);
    Lib0Reader r(bytes);
    auto v = read_any(r);
    ASSERT_TRUE(v.ok()) << c.name << ": " << v.status().to_string();
    EXPECT_TRUE(r.at_end()) << c.name;
    if (c.value.is_number() && std::isnan(c.value.as_number())) {
      EXPECT_TRUE(std::isnan(v->as_number()));
    } else {
      EXPECT_EQ(*v, c.value) << c.name;
    }
    if (std::string(c.name) == "neg_zero") {
      EXPECT_TRUE(std::signbit(v->as_number()));
    }
  }
}

TEST(AnyCodec, TruncatedInputIsAnErrorAtEveryByte) {
  for (const Case& c : cases()) {
    auto bytes = unhex(c.expected);
    for (std::size_t n = 0; n < bytes.size(); ++n) {
      Lib0Reader r(std::span<const std::uint8_t>(bytes.data(), n));
      auto v = read_any(r);
      EXPECT_FALSE(v.ok()) << c.name << " truncated to " << n;
      if (!v.ok()) {
        EXPECT_EQ(v.status().code(), StatusCode::kCorrupt);
      }
    }
  }
}

TEST(AnyCodec, DepthLimit) {
  std::vector<std::uint8_t> bytes;
  for (int i = 0; i < 200; ++i) {
    bytes.push_back(117);
    bytes.push_back(1);
  }
  bytes.push_back(126);
  Lib0Reader r(bytes);
  auto v = read_any(r);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), StatusCode::kLimitExceeded);
}

TEST(AnyCodec, HugeCountsAreRejectedWithoutAllocating) {
  std::vector<std::uint8_t> bytes = {117, 0xff, 0xff, 0xff, 0xff, 0x0f, 126};
  Lib0Reader r(bytes);
  auto v = read_any(r);
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().offset(), 0u);
}

TEST(AnyJson, StringifiesAsJson) {
  Any a(Any::Object{{"a", Any(1)},
                    {"u", Any()},
                    {"s", Any("x\"y")},
                    {"f", Any(0.5)},
                    {"l", Any(Any::Array{Any(), Any(true)})}});
  EXPECT_EQ(a.to_json_string(), R"({"a":1,"s":"x\"y","f":0.5,"l":[null,true]})");
}

} // namespace
} // namespace accord::encoding
