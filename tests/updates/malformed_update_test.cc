// Bad input: truncated v2 updates at every byte, seeded byte flips (ACCORD_UPDATES_SEED replays)
// and run-length bombs. Every function returns an error with an offset or a result; nothing
// crashes, and a failed apply leaves the document unchanged.
#include <gtest/gtest.h>

#include <random>

#include "accord/doc.h"
#include "accord/update.h"
#include "accord/update_ops.h"
#include "updates/update_fixtures.h"

namespace accord {
namespace {

using testing::Bytes;
using testing::field_bytes;
using testing::field_list;
using testing::hex;

struct Snapshot {
  std::string json;
  Bytes sv;
  Bytes state;
  bool operator==(const Snapshot&) const = default;
};

Snapshot snapshot(const Doc& doc) {
  return {doc.to_json().to_json_string(), encode_state_vector(doc), encode_state_as_update(doc)};
}

/// Every update-level function on `bytes` (v2): may fail, must not crash; errors carry offsets
/// within the input.
void exercise_v2(const Bytes& bytes) {
  std::vector<Bytes> pair{bytes, bytes};
  Bytes sv{1, 1, 3};
  for (const auto& r : {convert_update_v2_to_v1(bytes), merge_updates_v2(pair),
                        diff_update_v2(bytes, sv), encode_state_vector_from_update_v2(bytes)}) {
    if (!r.ok()) {
      EXPECT_NE(r.status().code(), StatusCode::kInternal);
      if (r.status().offset()) {
        EXPECT_LE(*r.status().offset(), bytes.size());
      }
    }
  }
}

TEST(MalformedUpdates, TruncatedV2FailsAndChangesNothing) {
  const auto& sessions = testing::update_sessions();
  ASSERT_FALSE(sessions.empty());
  for (std::size_t k = 0; k < sessions.size(); k += 30) {
    const Any& s = sessions[k];
    auto updates = field_list(s, "updates_v2");
    Bytes full = field_bytes(s, "state_v2");
    Doc doc(DocOptions::with_client_id(9, s.find("gc")->as_bool()));
    // Start from part of the session so that a partial application would show.
    for (std::size_t i = 0; i < updates.size() / 2; ++i) {
      ASSERT_TRUE(apply_update_v2(doc, updates[i]).is_ok());
    }
    Snapshot before = snapshot(doc);
    for (std::size_t n = 0; n < full.size(); ++n) {
      Bytes prefix(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
      Status st = apply_update_v2(doc, prefix);
      ASSERT_FALSE(st.is_ok()) << "prefix of " << n << " bytes applied";
      ASSERT_TRUE(st.offset().has_value()) << st.to_string();
      ASSERT_LE(*st.offset(), n);
      ASSERT_TRUE(snapshot(doc) == before) << "prefix of " << n << " bytes changed the doc";
      ASSERT_FALSE(convert_update_v2_to_v1(prefix).ok()) << n;
      ASSERT_FALSE(encode_state_vector_from_update_v2(prefix).ok()) << n;
      std::vector<Bytes> pair{prefix, full};
      ASSERT_FALSE(merge_updates_v2(pair).ok()) << n;
    }
    Bytes v1 = field_bytes(s, "merged_v1");
    for (std::size_t n = 0; n < v1.size(); ++n) {
      Bytes prefix(v1.begin(), v1.begin() + static_cast<std::ptrdiff_t>(n));
      ASSERT_FALSE(convert_update_v1_to_v2(prefix).ok()) << n;
      ASSERT_FALSE(diff_update(prefix, Bytes{0}).ok()) << n;
    }
    ASSERT_TRUE(apply_update_v2(doc, full).is_ok());
  }
}

TEST(MalformedUpdates, RandomByteFlipsNeverCrash) {
  std::uint64_t seed = testing::env_seed("ACCORD_UPDATES_SEED", 7);
  std::mt19937_64 rng(seed);
  const auto& sessions = testing::update_sessions();
  ASSERT_FALSE(sessions.empty());
  for (int iter = 0; iter < 1500; ++iter) {
    const Any& s = sessions[rng() % sessions.size()];
    auto updates = field_list(s, "updates_v2");
    Bytes u = updates[rng() % updates.size()];
    int flips = 1 + static_cast<int>(rng() % 3);
    for (int f = 0; f < flips; ++f) u[rng() % u.size()] = static_cast<std::uint8_t>(rng());
    Doc doc(DocOptions::with_client_id(3));
    Snapshot before = snapshot(doc);
    Status st = apply_update_v2(doc, u);
    if (!st.is_ok()) {
      ASSERT_TRUE(snapshot(doc) == before) << "seed " << seed << " iteration " << iter;
      ASSERT_NE(st.code(), StatusCode::kInternal) << "seed " << seed;
    }
    exercise_v2(u);
  }
}

TEST(MalformedUpdates, RunLengthBombIsRefused) {
  // v2 columns: one client repeated, GC infos forever, lengths 1 repeated 2^35 times; the rest
  // claims 2^35 structs. Yjs would try to build them all; the decoder stops at its budget.
  Bytes bomb = testing::unhex(
      "00"   // feature flag
      "00"   // key clocks
      "0101" // clients: [1]
      "00"
      "00"   // left / right clocks
      "0100" // infos: 0 (GC) forever
      "0100" // strings: ""
      "00"
      "00"               // parent infos, type refs
      "0741808080808001" // lengths: 1, repeated 2^35 + 2 times
      "01"
      "808080808001"
      "00"   // rest: 1 section, 2^35 structs, clock 0
      "00"); // delete set
  Doc doc(DocOptions::with_client_id(3));
  Status st = apply_update_v2(doc, bomb);
  ASSERT_FALSE(st.is_ok());
  EXPECT_EQ(st.code(), StatusCode::kLimitExceeded) << st.to_string();
  auto c = convert_update_v2_to_v1(bomb);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), StatusCode::kLimitExceeded);
  EXPECT_TRUE(encode_state_as_update(doc).size() == 2);
}

TEST(MalformedUpdates, UnknownContentIsAnErrorNotASkip) {
  // A v1 update with one item of content ref 11 (unknown).
  Bytes v1 = testing::unhex(
      "01010100"
      "0b"
      "0101"
      "61"
      "00");
  auto r = convert_update_v1_to_v2(v1);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kUnsupported);
  std::vector<Bytes> two{v1, v1};
  EXPECT_FALSE(merge_updates(two).ok());
}

TEST(MalformedUpdates, AConversionWritesDeleteRangesInOrder) {
  // A v1 update with no structs and a delete range of length 0: v2 cannot carry an empty range
  // (it writes length - 1); it deletes nothing, so the conversion leaves it, and the client with
  // nothing else deleted, out.
  Bytes v1 = testing::unhex(
      "00"
      "01"
      "05"
      "01"
      "0300");
  auto v2 = convert_update_v1_to_v2(v1);
  ASSERT_TRUE(v2.ok()) << v2.status().to_string();
  auto back = convert_update_v2_to_v1(*v2);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(*back, testing::unhex("00"
                                  "00")); // no structs, no deletions
  // Client 5 twice, its ranges out of order and overlapping: one client, ranges 1..4 and 7..8.
  Bytes twice = testing::unhex(
      "00"
      "02"
      "05"
      "02"
      "0702"
      "0102"
      "05"
      "01"
      "0203");
  auto ordered = convert_update_v1_to_v2(twice);
  ASSERT_TRUE(ordered.ok()) << ordered.status().to_string();
  auto v1_again = convert_update_v2_to_v1(*ordered);
  ASSERT_TRUE(v1_again.ok());
  EXPECT_EQ(*v1_again, testing::unhex("00"
                                      "01"
                                      "05"
                                      "02"
                                      "0104"
                                      "0702"));
  // An ordered delete set is written as read (yjs's bytes).
  Bytes in_order = testing::unhex(
      "00"
      "01"
      "05"
      "02"
      "0102"
      "0302");
  auto kept = convert_update_v1_to_v2(in_order);
  ASSERT_TRUE(kept.ok());
  auto kept_back = convert_update_v2_to_v1(*kept);
  ASSERT_TRUE(kept_back.ok());
  EXPECT_EQ(*kept_back, in_order);
}

} // namespace
} // namespace accord
