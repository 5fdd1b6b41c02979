// Update v1 application: out-of-order delivery (pending structs and delete sets), duplicates,
// malformed input (every truncation of a valid update fails and leaves the doc unchanged).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "accord/doc.h"
#include "accord/update.h"
#include "test_util.h"

namespace accord {
namespace {

using testing::hex;

TEST(Update, OutOfOrderDeliveryConverges) {
  Doc a(DocOptions::with_client_id(1));
  std::vector<std::vector<std::uint8_t>> updates;
  a.observe_update(
      [&](const std::vector<std::uint8_t>& u, const Origin&) { updates.push_back(u); });
  TextRef t = a.get_text("t");
  MapRef m = a.get_map("m");
  for (int i = 0; i < 20; ++i) {
    a.transact([&](Transaction& x) {
      ASSERT_TRUE(t.insert(x, static_cast<std::uint64_t>(i % 3), std::string(1, 'a' + i)).is_ok());
    });
    if (i % 4 == 3) {
      a.transact([&](Transaction& x) { ASSERT_TRUE(t.remove(x, 1, 2).is_ok()); });
    }
    a.transact([&](Transaction& x) { m.set(x, "k" + std::to_string(i % 5), Any(i)); });
  }
  ASSERT_FALSE(updates.empty());
  std::mt19937 rng(7);
  for (int round = 0; round < 20; ++round) {
    std::vector<std::vector<std::uint8_t>> shuffled = updates;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    Doc b(DocOptions::with_client_id(2));
    for (const auto& u : shuffled) ASSERT_TRUE(apply_update(b, u).is_ok());
    // Duplicates are harmless.
    for (const auto& u : shuffled) ASSERT_TRUE(apply_update(b, u).is_ok());
    EXPECT_EQ(b.to_json().to_json_string(), a.to_json().to_json_string()) << "round " << round;
    EXPECT_EQ(hex(encode_state_vector(b)), hex(encode_state_vector(a)));
    EXPECT_EQ(hex(encode_state_as_update(b)), hex(encode_state_as_update(a)));
  }
}

TEST(Update, UpdateHookMatchesStateDiff) {
  Doc a(DocOptions::with_client_id(5));
  Doc b(DocOptions::with_client_id(6));
  a.observe_update([&](const std::vector<std::uint8_t>& u, const Origin& o) {
    EXPECT_EQ(o.name, "me");
    ASSERT_TRUE(apply_update(b, u, Origin{"remote"}).is_ok());
  });
  ArrayRef arr = a.get_array("list");
  a.transact([&](Transaction& x) { arr.push(x, {Any(1), Any("two")}); }, Origin{"me"});
  a.transact([&](Transaction& x) { ASSERT_TRUE(arr.remove(x, 0, 1).is_ok()); }, Origin{"me"});
  EXPECT_EQ(b.to_json().to_json_string(), a.to_json().to_json_string());
  EXPECT_EQ(hex(encode_state_as_update(b)), hex(encode_state_as_update(a)));
}

TEST(Update, EveryTruncationFailsAndChangesNothing) {
  Doc a(DocOptions::with_client_id(3));
  TextRef t = a.get_text("t");
  MapRef m = a.get_map("m");
  a.transact([&](Transaction& x) {
    ASSERT_TRUE(t.insert(x, 0, "h\xc3\xa9llo \xf0\x9f\x98\x80").is_ok());
    m.set(x, "obj", Any(Any::Object{{"a", Any(1.5)}}));
    m.insert_array(x, "arr");
  });
  a.transact([&](Transaction& x) {
    ASSERT_TRUE(t.format(x, 1, 2, {{"bold", Any(true)}}).is_ok());
    ASSERT_TRUE(t.remove(x, 0, 1).is_ok());
  });
  auto full = encode_state_as_update(a);
  Doc base(DocOptions::with_client_id(4));
  base.transact([&](Transaction& x) { base.get_map("m").set(x, "mine", Any("kept")); });
  const std::string before = hex(encode_state_as_update(base));
  for (std::size_t n = 0; n < full.size(); ++n) {
    std::vector<std::uint8_t> cut(full.begin(), full.begin() + static_cast<std::ptrdiff_t>(n));
    Status s = apply_update(base, cut);
    ASSERT_FALSE(s.is_ok()) << "truncated to " << n;
    EXPECT_TRUE(s.offset().has_value());
    ASSERT_EQ(hex(encode_state_as_update(base)), before) << "truncated to " << n;
  }
  ASSERT_TRUE(apply_update(base, full).is_ok());
  EXPECT_EQ(base.get_text("t").to_string(), a.get_text("t").to_string());
}

TEST(Update, PendingStructsAreIncludedInEncodedState) {
  Doc a(DocOptions::with_client_id(1));
  std::vector<std::vector<std::uint8_t>> updates;
  a.observe_update(
      [&](const std::vector<std::uint8_t>& u, const Origin&) { updates.push_back(u); });
  TextRef t = a.get_text("t");
  a.transact([&](Transaction& x) { ASSERT_TRUE(t.insert(x, 0, "abc").is_ok()); });
  a.transact([&](Transaction& x) { ASSERT_TRUE(t.insert(x, 1, "XY").is_ok()); });
  a.transact([&](Transaction& x) { ASSERT_TRUE(t.remove(x, 0, 1).is_ok()); });
  ASSERT_EQ(updates.size(), 3u);
  // b only gets the later updates: they wait as pending structs / pending deletes.
  Doc b(DocOptions::with_client_id(2));
  ASSERT_TRUE(apply_update(b, updates[1]).is_ok());
  ASSERT_TRUE(apply_update(b, updates[2]).is_ok());
  EXPECT_EQ(b.get_text("t").to_string(), "");
  // c learns b's state (pending included), then the first update: all of a arrives.
  Doc c(DocOptions::with_client_id(3));
  ASSERT_TRUE(apply_update(c, encode_state_as_update(b)).is_ok());
  ASSERT_TRUE(apply_update(c, updates[0]).is_ok());
  EXPECT_EQ(c.get_text("t").to_string(), t.to_string());
  ASSERT_TRUE(apply_update(b, updates[0]).is_ok());
  EXPECT_EQ(b.get_text("t").to_string(), t.to_string());
  EXPECT_EQ(hex(encode_state_as_update(b)), hex(encode_state_as_update(a)));
}

TEST(Update, DeeplyNestedTypesFromAPeerDoNotExhaustTheStack) {
  // 20000 maps, each inside the previous one under key "k": one client, one update.
  constexpr int kDepth = 20000;
  std::vector<std::uint8_t> u;
  auto var = [&](std::uint64_t v) {
    while (v > 0x7f) {
      u.push_back(static_cast<std::uint8_t>(0x80 | (v & 0x7f)));
      v >>= 7;
    }
    u.push_back(static_cast<std::uint8_t>(v));
  };
  auto str = [&](const std::string& s) {
    var(s.size());
    u.insert(u.end(), s.begin(), s.end());
  };
  var(1);      // one client
  var(kDepth); // structs
  var(7);      // client
  var(0);      // first clock
  for (int i = 0; i < kDepth; ++i) {
    u.push_back(7 | 0x20); // ContentType, has parent sub
    if (i == 0) {
      var(1);
      str("root");
    } else {
      var(0);
      var(7);
      var(static_cast<std::uint64_t>(i - 1));
    }
    str("k");
    var(1); // YMap
  }
  var(0); // empty delete set
  Doc d(DocOptions::with_client_id(1));
  ASSERT_TRUE(apply_update(d, u).is_ok());
  Any json = d.to_json();
  EXPECT_TRUE(json.is_object());
  auto again = encode_state_as_update(d);
  EXPECT_EQ(hex(again), hex(u));
  // Deleting the outermost map deletes (and GCs) all of them without recursion.
  d.transact([&](Transaction& x) { d.get_map("root").remove(x, "k"); });
  EXPECT_EQ(d.get_map("root").size(), 0u);
}

TEST(Update, UnknownContentIsAnErrorNotASkip) {
  // One client, one struct with content ref 11 (unknown).
  std::vector<std::uint8_t> bad = {1, 1, 7, 0, 11, 1, 1, 't', 0};
  Doc d;
  Status s = apply_update(d, bad);
  ASSERT_FALSE(s.is_ok());
  EXPECT_EQ(s.code(), StatusCode::kUnsupported);
}

TEST(Update, RandomBytesNeverCrash) {
  Doc a(DocOptions::with_client_id(3));
  a.transact([&](Transaction& x) {
    ASSERT_TRUE(a.get_text("t").insert(x, 0, "hello").is_ok());
    a.get_map("m").set(x, "k", Any(Any::Array{Any(1), Any("x")}));
  });
  auto full = encode_state_as_update(a);
  std::uint32_t seed = 1234;
  std::mt19937 rng(seed);
  for (int i = 0; i < 3000; ++i) {
    auto mutated = full;
    int flips = 1 + static_cast<int>(rng() % 4);
    for (int f = 0; f < flips; ++f) {
      mutated[rng() % mutated.size()] = static_cast<std::uint8_t>(rng());
    }
    Doc d(DocOptions::with_client_id(9));
    (void)apply_update(d, mutated);
    (void)encode_state_as_update(d);
    (void)d.to_json();
  }
  SUCCEED() << "seed " << seed;
}

} // namespace
} // namespace accord
