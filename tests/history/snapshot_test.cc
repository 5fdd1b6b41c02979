// Snapshots against yjs: encoded bytes, content at a snapshot, documents restored from a
// snapshot. The operations mirror tests/history/fixtures/history.mjs step by step.
#include "accord/snapshot.h"

#include <gtest/gtest.h>

#include "accord/update.h"
#include "history_test_util.h"

namespace accord {
namespace {

using testing::delta_json;
using testing::fx;
using testing::hex;
using testing::js;
using testing::unhex;

Doc make_doc(std::uint64_t client) { return Doc(DocOptions::with_client_id(client, false)); }

Any values_json(const std::vector<Value>& values) {
  Any::Array a;
  for (const Value& v : values) a.push_back(v.to_json());
  return Any(std::move(a));
}

Any entries_json(const std::vector<std::pair<std::string, Value>>& entries) {
  Any::Object o;
  for (const auto& [k, v] : entries) o.emplace_back(k, v.to_json());
  return Any(std::move(o));
}

struct SingleClient {
  Doc doc = make_doc(1);
  std::vector<Snapshot> snaps;
  TextRef t = doc.get_text("t");
  MapRef m = doc.get_map("m");
  ArrayRef arr;

  SingleClient() {
    doc.transact([&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 0, "hello world").is_ok()); });
    doc.transact([&](Transaction& tx) { m.set(tx, "a", Any(1)); });
    snaps.push_back(snapshot(doc));
    doc.transact([&](Transaction& tx) { ASSERT_TRUE(t.remove(tx, 0, 6).is_ok()); });
    doc.transact([&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 5, "!").is_ok()); });
    doc.transact([&](Transaction& tx) { m.set(tx, "a", Any(2)); });
    doc.transact([&](Transaction& tx) { m.set(tx, "b", Any("x")); });
    snaps.push_back(snapshot(doc));
    doc.transact([&](Transaction& tx) {
      ASSERT_TRUE(t.format(tx, 0, 2, {{"bold", Any(true)}}).is_ok());
    });
    doc.transact([&](Transaction& tx) { m.remove(tx, "a"); });
    arr = doc.get_array("arr");
    doc.transact([&](Transaction& tx) { ASSERT_TRUE(arr.insert(tx, 0, {1, 2, 3}).is_ok()); });
    snaps.push_back(snapshot(doc));
    doc.transact([&](Transaction& tx) { ASSERT_TRUE(arr.remove(tx, 1, 1).is_ok()); });
    doc.transact([&](Transaction& tx) { ASSERT_TRUE(arr.insert(tx, 0, {Any("z")}).is_ok()); });
    snaps.push_back(snapshot(doc));
  }
};

TEST(Snapshot, EncodedBytesMatchYjs) {
  SingleClient s;
  ASSERT_EQ(hex(encode_state_as_update(s.doc)), fx({"snap_single", "final_update"}).as_string());
  const auto& expected = fx({"snap_single", "snapshots"}).as_array();
  ASSERT_EQ(expected.size(), s.snaps.size());
  for (std::size_t i = 0; i < s.snaps.size(); ++i) {
    EXPECT_EQ(hex(encode_snapshot(s.snaps[i])), expected[i].as_string()) << "snapshot " << i;
  }
}

TEST(Snapshot, DecodeRoundTripsAndCompares) {
  SingleClient s;
  for (const Snapshot& snap : s.snaps) {
    auto bytes = encode_snapshot(snap);
    auto decoded = decode_snapshot(bytes);
    ASSERT_TRUE(decoded.ok()) << decoded.status().to_string();
    EXPECT_TRUE(equal_snapshots(snap, *decoded));
    EXPECT_EQ(encode_snapshot(*decoded), bytes);
  }
  EXPECT_EQ(equal_snapshots(s.snaps[0], s.snaps[1]), fx({"snap_single", "equal_1_2"}).as_bool());
  EXPECT_FALSE(equal_snapshots(s.snaps[0], s.snaps[1]));
}

TEST(Snapshot, DecodeRejectsBadInput) {
  SingleClient s;
  auto bytes = encode_snapshot(s.snaps[3]);
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    auto r = decode_snapshot(std::span(bytes.data(), cut));
    EXPECT_FALSE(r.ok()) << "prefix " << cut;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kCorrupt);
    }
  }
  bytes.push_back(0);
  EXPECT_FALSE(decode_snapshot(bytes).ok());
  std::vector<std::uint8_t> huge = {0xff, 0xff, 0xff, 0xff, 0x0f};
  EXPECT_FALSE(decode_snapshot(huge).ok());
}

TEST(Snapshot, TextAtSnapshotMatchesYjs) {
  SingleClient s;
  const auto& expected = fx({"snap_single", "deltas"}).as_array();
  for (std::size_t i = 0; i < s.snaps.size(); ++i) {
    EXPECT_EQ(js(delta_json(text_to_delta_at(s.t, s.snaps[i]))), js(expected[i])) << i;
  }
  EXPECT_EQ(text_to_string_at(s.t, s.snaps[0]), "hello world");
  EXPECT_EQ(text_to_string_at(s.t, s.snaps[1]), "world!");
  EXPECT_EQ(js(delta_json(text_to_delta_at(s.t, s.snaps[3], &s.snaps[0]))),
            js(fx({"snap_single", "delta_s4_vs_s1"})));
}

TEST(Snapshot, MapAndArrayAtSnapshotMatchYjs) {
  SingleClient s;
  const auto& map_a = fx({"snap_single", "map_a"}).as_array();
  const auto& map_all = fx({"snap_single", "map_all"}).as_array();
  const auto& array = fx({"snap_single", "array"}).as_array();
  for (std::size_t i = 0; i < s.snaps.size(); ++i) {
    auto a = map_get_at(s.m, "a", s.snaps[i]);
    EXPECT_EQ(js(a ? a->to_json() : Any::null()), js(map_a[i])) << i;
    EXPECT_EQ(js(entries_json(map_entries_at(s.m, s.snaps[i]))), js(map_all[i])) << i;
    EXPECT_EQ(js(values_json(array_to_vector_at(s.arr, s.snaps[i]))), js(array[i])) << i;
  }
  EXPECT_EQ(js(type_to_json_at(s.m, s.snaps[1])), R"({"a":2,"b":"x"})");
}

TEST(Snapshot, CreateDocFromSnapshotMatchesYjs) {
  SingleClient s;
  const auto& expected = fx({"snap_single", "restored_update"}).as_array();
  for (std::size_t i = 0; i < s.snaps.size(); ++i) {
    auto restored =
        create_doc_from_snapshot(s.doc, s.snaps[i], DocOptions::with_client_id(99, false));
    ASSERT_TRUE(restored.ok()) << restored.status().to_string();
    EXPECT_EQ(hex(encode_state_as_update(*restored)), expected[i].as_string()) << i;
    EXPECT_EQ(restored->get_text("t").to_string(), text_to_string_at(s.t, s.snaps[i]));
  }
  // The origin's content is unchanged by the splits.
  EXPECT_EQ(s.t.to_string(), "world!");
  EXPECT_EQ(hex(encode_state_as_update(s.doc)), fx({"snap_single", "final_update"}).as_string());
}

TEST(Snapshot, CreateDocFromSnapshotNeedsGcOff) {
  Doc doc(DocOptions::with_client_id(1, true));
  doc.transact([&](Transaction& tx) { ASSERT_TRUE(doc.get_text("t").insert(tx, 0, "x").is_ok()); });
  auto r = create_doc_from_snapshot(doc, snapshot(doc));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kFailedPrecondition);
  Doc nogc = make_doc(2);
  Snapshot future;
  future.state_vector[2] = 5;
  auto r2 = create_doc_from_snapshot(nogc, future);
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.status().code(), StatusCode::kInvalidArgument);
}

TEST(Snapshot, TwoClientsMatchYjs) {
  Doc a = make_doc(10);
  Doc b = make_doc(300000);
  auto sync = [&]() {
    ASSERT_TRUE(apply_update(b, encode_state_as_update(a, state_vector(b))).is_ok());
    ASSERT_TRUE(apply_update(a, encode_state_as_update(b, state_vector(a))).is_ok());
  };
  a.transact(
      [&](Transaction& tx) { ASSERT_TRUE(a.get_text("t").insert(tx, 0, "abcdef").is_ok()); });
  sync();
  b.transact([&](Transaction& tx) { ASSERT_TRUE(b.get_text("t").insert(tx, 3, "XYZ").is_ok()); });
  a.transact([&](Transaction& tx) { ASSERT_TRUE(a.get_text("t").remove(tx, 1, 2).is_ok()); });
  sync();
  Snapshot s1 = snapshot(a);
  b.transact([&](Transaction& tx) { ASSERT_TRUE(b.get_text("t").remove(tx, 0, 4).is_ok()); });
  a.transact([&](Transaction& tx) { a.get_map("m").set(tx, "k", Any("v")); });
  sync();
  Snapshot s2 = snapshot(a);
  const auto& snaps = fx({"snap_two", "snapshots"}).as_array();
  EXPECT_EQ(hex(encode_snapshot(s1)), snaps[0].as_string());
  EXPECT_EQ(hex(encode_snapshot(s2)), snaps[1].as_string());
  EXPECT_EQ(hex(encode_snapshot(snapshot(b))), fx({"snap_two", "snapshot_b"}).as_string());
  const auto& texts = fx({"snap_two", "texts"}).as_array();
  EXPECT_EQ(js(delta_json(text_to_delta_at(a.get_text("t"), s1))), js(texts[0]));
  EXPECT_EQ(js(delta_json(text_to_delta_at(a.get_text("t"), s2))), js(texts[1]));
  // Decoding yjs's bytes gives the same snapshot.
  auto decoded = decode_snapshot(unhex(snaps[0].as_string()));
  ASSERT_TRUE(decoded.ok());
  EXPECT_TRUE(equal_snapshots(*decoded, s1));
}

TEST(Snapshot, ContainsUpdate) {
  Doc doc = make_doc(3);
  std::vector<std::vector<std::uint8_t>> updates;
  doc.observe_update(
      [&](const std::vector<std::uint8_t>& u, const Origin&) { updates.push_back(u); });
  TextRef t = doc.get_text("t");
  doc.transact([&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 0, "abc").is_ok()); });
  Snapshot s1 = snapshot(doc);
  doc.transact([&](Transaction& tx) { ASSERT_TRUE(t.remove(tx, 0, 1).is_ok()); });
  Snapshot s2 = snapshot(doc);
  ASSERT_EQ(updates.size(), 2u);
  EXPECT_TRUE(*snapshot_contains_update(s1, updates[0]));
  EXPECT_FALSE(*snapshot_contains_update(s1, updates[1]));
  EXPECT_TRUE(*snapshot_contains_update(s2, updates[1]));
  std::vector<std::uint8_t> junk = {0x05};
  EXPECT_FALSE(snapshot_contains_update(s2, junk).ok());
}

} // namespace
} // namespace accord
