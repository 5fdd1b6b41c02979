// lib0 framing primitives: exact values at the edges, and no read past the end.
#include "frame_reader.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace accord::server {
namespace {

TEST(FrameReaderTest, VarUintValues) {
  const std::vector<std::pair<std::vector<std::uint8_t>, std::uint64_t>> cases = {
      {{0x00}, 0},
      {{0x7f}, 127},
      {{0x80, 0x01}, 128},
      {{0xff, 0xff, 0x03}, 65535},
      {{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f}, (std::uint64_t{1} << 46) - 1},
      {{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x0f}, (std::uint64_t{1} << 53) - 1},
  };
  for (const auto& [bytes, value] : cases) {
    FrameReader reader(bytes);
    auto read = reader.read_var_uint();
    ASSERT_TRUE(read.ok()) << read.status().to_string();
    EXPECT_EQ(read.value(), value);
    EXPECT_TRUE(reader.at_end());
  }
  const std::vector<std::uint8_t> too_big = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x10};
  EXPECT_EQ(FrameReader(too_big).read_var_uint().status().code(), StatusCode::kCorrupt);
  const std::vector<std::uint8_t> truncated = {0x80, 0x80};
  EXPECT_EQ(FrameReader(truncated).read_var_uint().status().offset(),
            std::optional<std::size_t>(0));
}

TEST(FrameReaderTest, StringsAndByteArraysStayInBounds) {
  const std::vector<std::uint8_t> text = {0x03, 'a', 'b', 'c', 0x02, 0xc3, 0xa9};
  FrameReader reader(text);
  EXPECT_EQ(reader.read_var_string().value(), "abc");
  EXPECT_EQ(reader.read_var_string().value(), "\xc3\xa9");
  EXPECT_TRUE(reader.at_end());
  const std::vector<std::uint8_t> long_claim = {0x05, 'a'};
  EXPECT_EQ(FrameReader(long_claim).read_var_bytes().status().code(), StatusCode::kCorrupt);
  const std::vector<std::uint8_t> bad_utf8 = {0x02, 0xc3, 0x28};
  EXPECT_EQ(FrameReader(bad_utf8).read_var_string().status().code(), StatusCode::kCorrupt);
}

TEST(FrameReaderTest, Utf8Validation) {
  EXPECT_TRUE(is_valid_utf8("plain ascii"));
  EXPECT_TRUE(is_valid_utf8("\xe4\xb8\xad\xe6\x96\x87")); // 中文
  EXPECT_TRUE(is_valid_utf8("\xf0\x9f\x98\x80"));         // emoji
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));                // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));            // surrogate
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));        // > U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xe4\xb8"));                // truncated
  EXPECT_FALSE(is_valid_utf8("\x80"));                    // stray continuation
}

TEST(FrameReaderTest, RandomBytesNeverReadOutOfBounds) {
  const char* env = std::getenv("ACCORD_SEED");
  const std::uint32_t seed =
      env != nullptr ? static_cast<std::uint32_t>(std::stoul(env)) : std::random_device{}();
  std::printf("seed %u (replay with ACCORD_SEED=%u)\n", seed, seed);
  std::mt19937 rng(seed);
  for (int round = 0; round < 20000; ++round) {
    std::vector<std::uint8_t> bytes(rng() % 12);
    for (auto& byte : bytes) byte = static_cast<std::uint8_t>(rng());
    FrameReader reader(bytes);
    for (int step = 0; step < 4; ++step) {
      const std::size_t before = reader.offset();
      const bool ok = (rng() % 2 == 0) ? reader.read_var_bytes().ok() : reader.read_var_uint().ok();
      ASSERT_LE(reader.offset(), bytes.size()) << "seed " << seed;
      if (!ok) break;
      ASSERT_GT(reader.offset(), before);
    }
  }
}

} // namespace
} // namespace accord::server
