// Sync messages and Hocuspocus frames against the bytes y-protocols, lib0 and @hocuspocus/common
// produce (fixtures/protocol.json, made by fixtures/make_fixtures.mjs), plus a fuzz-style decode
// test: mutated and random bytes give an error with an offset, never a crash.
#include <gtest/gtest.h>

#include <random>

#include "accord/sync_message.h"
#include "support/env.h"
#include "sync_test_util.h"

namespace accord::sync {
namespace {

using test::fixtures;
using test::hex;
using test::unhex;

TEST(SyncMessage, FixturesDecodeAndReencodeByteExact) {
  ASSERT_TRUE(fixtures().is_object()) << "fixtures/protocol.json missing";
  int checked = 0;
  for (const auto& f : fixtures()["messages"]) {
    SCOPED_TRACE(f["name"].get<std::string>());
    const auto bytes = unhex(f["hex"]);
    const Framing framing = f["framing"] == "y" ? Framing::kYWebsocket : Framing::kHocuspocus;
    auto frame = decode_for(framing, bytes);
    ASSERT_TRUE(frame.ok()) << frame.status().to_string();
    const auto& expect = f["expect"];
    EXPECT_EQ(frame->document, f["document"].get<std::string>());
    EXPECT_EQ(static_cast<int>(frame->message.type), expect["type"].get<int>());
    if (expect.contains("step")) {
      EXPECT_EQ(static_cast<int>(frame->message.step), expect["step"]);
    }
    if (expect.contains("payload")) {
      EXPECT_EQ(hex(frame->message.payload), expect["payload"]);
    }
    if (expect.contains("auth")) {
      EXPECT_EQ(static_cast<int>(frame->message.auth), expect["auth"]);
    }
    if (expect.contains("text")) {
      EXPECT_EQ(frame->message.text, expect["text"]);
    }
    if (expect.contains("version")) {
      EXPECT_EQ(frame->message.version, expect["version"]);
    }
    if (expect.contains("applied")) {
      EXPECT_EQ(frame->message.applied, expect["applied"]);
    }
    EXPECT_EQ(hex(encode_for(framing, frame->document, frame->message)), f["hex"]);
    ++checked;
  }
  EXPECT_GE(checked, 20);
}

TEST(SyncMessage, BuildersMatchFixtures) {
  const auto& messages = fixtures()["messages"];
  const auto find = [&](const std::string& name) {
    for (const auto& f : messages) {
      if (f["name"] == name) return f["hex"].get<std::string>();
    }
    return std::string();
  };
  EXPECT_EQ(hex(encode_frame("d", sync_status(true))), find("hp sync status ok"));
  EXPECT_EQ(hex(encode_frame("acme/index", auth_authenticated("read-write"))),
            find("hp authenticated"));
  EXPECT_EQ(hex(encode_frame("acme/index", auth_permission_denied("other team"))),
            find("hp permission denied"));
  EXPECT_EQ(hex(encode_frame("acme/index", auth_token("tok"))), find("hp auth token"));
  EXPECT_EQ(hex(encode_message(auth_permission_denied("no ✗"))), find("y permission denied"));
  EXPECT_EQ(hex(encode_frame("d", query_awareness())), find("hp query awareness"));
  EXPECT_EQ(hex(encode_frame("d", close_message("bye"))), find("hp close"));
  EXPECT_EQ(hex(encode_frame("", ping())), find("hp ping"));
}

TEST(SyncMessage, RejectsWithOffsets) {
  struct Case {
    std::vector<std::uint8_t> bytes;
    StatusCode code;
    std::size_t offset;
  };
  const std::vector<Case> y_cases = {
      {{}, StatusCode::kCorrupt, 0},                       // empty
      {{0x09}, StatusCode::kUnsupported, 0},               // unknown type
      {{0x04, 0x00, 0x00}, StatusCode::kUnsupported, 0},   // Hocuspocus-only type
      {{0x00, 0x07, 0x00}, StatusCode::kUnsupported, 1},   // sync step 7
      {{0x00, 0x02, 0x05, 0x01}, StatusCode::kCorrupt, 2}, // claims 5 bytes, has 1
      {{0x01, 0x01, 0x00, 0x00}, StatusCode::kCorrupt, 3}, // a byte after the body
  };
  for (const auto& c : y_cases) {
    auto decoded = decode_message(c.bytes);
    ASSERT_FALSE(decoded.ok()) << hex(c.bytes);
    EXPECT_EQ(decoded.status().code(), c.code) << hex(c.bytes);
    EXPECT_EQ(decoded.status().offset(), c.offset) << hex(c.bytes);
  }
  const std::vector<Case> hp_cases = {
      {{0x05, 'a'}, StatusCode::kCorrupt, 0},             // name claims 5 bytes
      {{0x01, 'd', 0x0b}, StatusCode::kUnsupported, 2},   // type 11
      {{0x01, 'd', 0x08, 0x02}, StatusCode::kCorrupt, 3}, // sync status 2
      {{0x01, 'd', 0x02, 0x03, 0x00}, StatusCode::kUnsupported, 3},
      {{0x01, 0xff, 0x03}, StatusCode::kCorrupt, 0}, // name is not UTF-8
  };
  for (const auto& c : hp_cases) {
    auto decoded = decode_frame(c.bytes);
    ASSERT_FALSE(decoded.ok()) << hex(c.bytes);
    EXPECT_EQ(decoded.status().code(), c.code) << hex(c.bytes);
    EXPECT_TRUE(decoded.status().offset().has_value()) << hex(c.bytes);
  }
}

TEST(SyncMessage, MutatedBytesNeverCrash) {
  const std::uint64_t seed = testing::env_u64("ACCORD_SYNC_SEED", 0x5eed);
  std::printf("seed %llu (replay with ACCORD_SYNC_SEED)\n", static_cast<unsigned long long>(seed));
  std::mt19937_64 rng(seed);
  std::vector<std::vector<std::uint8_t>> corpus;
  for (const auto& f : fixtures()["messages"]) corpus.push_back(unhex(f["hex"]));
  for (const auto& f : fixtures()["awareness_encode"]) corpus.push_back(unhex(f["hex"]));
  ASSERT_FALSE(corpus.empty());
  std::size_t errors = 0;
  for (int i = 0; i < 20000; ++i) {
    std::vector<std::uint8_t> bytes = corpus[rng() % corpus.size()];
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits; ++e) {
      switch (rng() % 4) {
        case 0:
          if (!bytes.empty()) bytes[rng() % bytes.size()] = static_cast<std::uint8_t>(rng());
          break;
        case 1:
          if (!bytes.empty()) bytes.resize(rng() % bytes.size());
          break;
        case 2:
          bytes.insert(bytes.begin() + static_cast<long>(rng() % (bytes.size() + 1)),
                       static_cast<std::uint8_t>(rng()));
          break;
        default:
          bytes.assign(rng() % 24, 0);
          for (auto& b : bytes) b = static_cast<std::uint8_t>(rng());
      }
    }
    for (const Framing framing : {Framing::kYWebsocket, Framing::kHocuspocus}) {
      auto decoded = decode_for(framing, bytes);
      if (!decoded.ok()) {
        ++errors;
        ASSERT_TRUE(decoded.status().offset().has_value()) << decoded.status().to_string();
        ASSERT_LE(*decoded.status().offset(), bytes.size());
      } else {
        // What decodes re-encodes to the same bytes or decodes again to the same message.
        auto again = decode_for(framing, encode_for(framing, decoded->document, decoded->message));
        ASSERT_TRUE(again.ok());
        EXPECT_EQ(again->message.payload, decoded->message.payload);
      }
    }
    auto awareness = decode_awareness_update(bytes);
    if (!awareness.ok()) {
      ASSERT_TRUE(awareness.status().offset().has_value());
    }
  }
  EXPECT_GT(errors, 1000u);
}

} // namespace
} // namespace accord::sync
