// lib0's column codecs against the bytes lib0 itself produced (fixtures/sessions.json
// "columns", made by fixtures/make_fixtures.mjs), and decode round trips.
#include <gtest/gtest.h>

#include "update/column_codec.h"
#include "updates/update_fixtures.h"

namespace accord {
namespace {

using testing::hex;
using testing::unhex;

const Any& columns() {
  static const Any f = testing::load_fixture("tests/updates/fixtures/sessions.json");
  return *f.find("columns");
}

std::vector<std::int64_t> values_of(const Any& c) {
  std::vector<std::int64_t> out;
  for (const Any& v : c.find("values")->as_array()) {
    out.push_back(static_cast<std::int64_t>(v.as_number()));
  }
  return out;
}

TEST(ColumnCodec, UintOptRleMatchesLib0) {
  for (const Any& c : columns().find("uint_opt_rle")->as_array()) {
    auto values = values_of(c);
    update::UintOptRleEncoder e;
    for (auto v : values) e.write(static_cast<std::uint64_t>(v));
    auto bytes = e.finish();
    EXPECT_EQ(hex(bytes), c.find("bytes")->as_string());
    update::UintOptRleDecoder d(bytes, 0);
    for (auto v : values) {
      auto r = d.read();
      ASSERT_TRUE(r.ok()) << r.status().to_string();
      EXPECT_EQ(*r, static_cast<std::uint64_t>(v));
    }
  }
}

TEST(ColumnCodec, IntDiffOptRleMatchesLib0) {
  for (const Any& c : columns().find("int_diff_opt_rle")->as_array()) {
    auto values = values_of(c);
    update::IntDiffOptRleEncoder e;
    for (auto v : values) e.write(v);
    auto bytes = e.finish();
    EXPECT_EQ(hex(bytes), c.find("bytes")->as_string());
    update::IntDiffOptRleDecoder d(bytes, 0);
    for (auto v : values) {
      auto r = d.read();
      ASSERT_TRUE(r.ok()) << r.status().to_string();
      EXPECT_EQ(*r, v);
    }
  }
}

TEST(ColumnCodec, RleU8MatchesLib0) {
  for (const Any& c : columns().find("rle_u8")->as_array()) {
    auto values = values_of(c);
    update::RleU8Encoder e;
    for (auto v : values) e.write(static_cast<std::uint8_t>(v));
    EXPECT_EQ(hex(e.bytes()), c.find("bytes")->as_string());
    update::RleU8Decoder d(e.bytes(), 0);
    for (auto v : values) {
      auto r = d.read();
      ASSERT_TRUE(r.ok()) << r.status().to_string();
      EXPECT_EQ(*r, v);
    }
  }
}

TEST(ColumnCodec, StringMatchesLib0) {
  for (const Any& c : columns().find("string")->as_array()) {
    update::StringColumnEncoder e;
    for (const Any& v : c.find("values")->as_array()) e.write(v.as_string());
    auto bytes = e.finish();
    EXPECT_EQ(hex(bytes), c.find("bytes")->as_string());
    update::StringColumnDecoder d;
    ASSERT_TRUE(d.init(bytes, 0).is_ok());
    for (const Any& v : c.find("values")->as_array()) {
      auto r = d.read();
      ASSERT_TRUE(r.ok()) << r.status().to_string();
      EXPECT_EQ(*r, v.as_string());
    }
  }
}

TEST(ColumnCodec, DecodersRejectBadInput) {
  // Truncated run count, a value past 53 bits, a string length past the concatenation.
  std::vector<std::uint8_t> truncated{0x45};
  update::UintOptRleDecoder u(truncated, 10);
  auto r = u.read();
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
  EXPECT_GE(r.status().offset().value_or(0), 10u);

  std::vector<std::uint8_t> huge{0x81, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f};
  update::IntDiffOptRleDecoder i(huge, 0);
  EXPECT_FALSE(i.read().ok());

  std::vector<std::uint8_t> s = unhex(
      "0161"
      "05");
  update::StringColumnDecoder sd;
  ASSERT_TRUE(sd.init(s, 0).is_ok());
  EXPECT_FALSE(sd.read().ok());

  std::vector<std::uint8_t> empty;
  update::RleU8Decoder e(empty, 0);
  EXPECT_FALSE(e.read().ok());
}

} // namespace
} // namespace accord
