// lib0 var ints, floats and strings. Expected bytes follow lib0's encoding.js.
#include <gtest/gtest.h>

#include "encoding/lib0_reader.h"
#include "encoding/lib0_writer.h"
#include "encoding/utf.h"

namespace accord::encoding {
namespace {

TEST(Lib0, VarUintRoundTripsUpTo53Bits) {
  for (std::uint64_t v :
       std::initializer_list<std::uint64_t>{0, 1, 127, 128, 300, 1ull << 32, kMaxSafeInteger}) {
    Lib0Buffer w;
    w.write_var_uint(v);
    auto b = w.take();
    Lib0Reader r(b);
    auto got = r.read_var_uint();
    ASSERT_TRUE(got.ok());
    EXPECT_EQ(*got, v);
    EXPECT_TRUE(r.at_end());
  }
  Lib0Buffer w;
  w.write_var_uint(300);
  EXPECT_EQ(w.bytes(), (std::vector<std::uint8_t>{0xac, 0x02}));
}

TEST(Lib0, VarUintBeyond53BitsIsRejected) {
  Lib0Buffer w;
  w.write_var_uint(kMaxSafeInteger + 1);
  auto b = w.take();
  Lib0Reader r(b);
  auto got = r.read_var_uint();
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().offset(), 0u);
}

TEST(Lib0, VarIntSignAndNegativeZero) {
  Lib0Buffer w;
  w.write_var_int(-1);
  w.write_var_int(0, true);
  w.write_var_int(64);
  EXPECT_EQ(w.bytes(), (std::vector<std::uint8_t>{0x41, 0x40, 0x80, 0x01}));
  auto b = w.take();
  Lib0Reader r(b);
  EXPECT_EQ(r.read_var_int()->value, -1);
  auto z = r.read_var_int();
  EXPECT_TRUE(z->negative);
  EXPECT_EQ(z->value, 0);
  EXPECT_EQ(r.read_var_int()->value, 64);
}

TEST(Lib0, StringLengthBeyondInputIsCorruptWithOffset) {
  std::vector<std::uint8_t> b = {0x05, 'a', 'b'};
  Lib0Reader r(b);
  auto s = r.read_var_string();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(s.status().offset(), 0u);
}

TEST(Lib0, InvalidUtf8IsRejected) {
  std::vector<std::uint8_t> b = {0x02, 0xc3, 0x28};
  Lib0Reader r(b);
  EXPECT_FALSE(r.read_var_string().ok());
}

TEST(Utf, SurrogatePairsAndLoneSurrogates) {
  std::u16string u;
  ASSERT_TRUE(utf8_to_utf16("a\xf0\x9f\x98\x80", u));
  EXPECT_EQ(u.size(), 3u);
  EXPECT_EQ(utf16_length("a\xf0\x9f\x98\x80\xe4\xb8\xad"), 4u);
  std::u16string lone = u.substr(0, 2);
  EXPECT_EQ(utf16_to_utf8(lone), "a\xef\xbf\xbd");
}

} // namespace
} // namespace accord::encoding
