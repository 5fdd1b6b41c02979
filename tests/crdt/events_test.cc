// Observer events with Yjs semantics: map keys with actions and old values, array delta, text
// delta with attributes, deep observers with paths.
#include <gtest/gtest.h>

#include "accord/doc.h"
#include "accord/update.h"

namespace accord {
namespace {

TEST(Events, MapKeysChanged) {
  Doc doc(DocOptions::with_client_id(1));
  MapRef m = doc.get_map("m");
  doc.transact([&](Transaction& x) {
    m.set(x, "a", Any(1));
    m.set(x, "b", Any(2));
  });
  std::vector<Event> events;
  m.observe([&](const Event& e) { events.push_back(e); });
  doc.transact([&](Transaction& x) {
    m.set(x, "a", Any(10));
    m.remove(x, "b");
    m.set(x, "c", Any(3));
  });
  ASSERT_EQ(events.size(), 1u);
  const auto& keys = events[0].keys;
  ASSERT_EQ(keys.size(), 3u);
  EXPECT_EQ(keys.at("a").action, KeyAction::kUpdate);
  EXPECT_EQ(keys.at("a").old_value->any(), Any(1));
  EXPECT_EQ(keys.at("b").action, KeyAction::kDelete);
  EXPECT_EQ(keys.at("b").old_value->any(), Any(2));
  EXPECT_EQ(keys.at("c").action, KeyAction::kAdd);
}

TEST(Events, ArrayDelta) {
  Doc doc(DocOptions::with_client_id(1));
  ArrayRef a = doc.get_array("a");
  doc.transact([&](Transaction& x) { a.push(x, {Any(1), Any(2), Any(3), Any(4)}); });
  std::vector<Delta> delta;
  a.observe([&](const Event& e) { delta = e.delta; });
  doc.transact([&](Transaction& x) {
    ASSERT_TRUE(a.remove(x, 1, 1).is_ok());
    ASSERT_TRUE(a.insert(x, 2, {Any("x")}).is_ok());
  });
  ASSERT_EQ(delta.size(), 4u);
  EXPECT_EQ(delta[0].op, Delta::Op::kRetain);
  EXPECT_EQ(delta[0].len, 1u);
  EXPECT_EQ(delta[1].op, Delta::Op::kDelete);
  EXPECT_EQ(delta[2].op, Delta::Op::kRetain);
  EXPECT_EQ(delta[3].op, Delta::Op::kInsert);
  EXPECT_EQ(delta[3].values[0].any(), Any("x"));
}

TEST(Events, TextDeltaWithAttributes) {
  Doc doc(DocOptions::with_client_id(1));
  TextRef t = doc.get_text("t");
  doc.transact([&](Transaction& x) { ASSERT_TRUE(t.insert(x, 0, "hello").is_ok()); });
  std::vector<Delta> delta;
  t.observe([&](const Event& e) { delta = e.delta; });
  doc.transact([&](Transaction& x) {
    ASSERT_TRUE(t.insert(x, 5, " world", {{"bold", Any(true)}}).is_ok());
  });
  ASSERT_EQ(delta.size(), 2u);
  EXPECT_EQ(delta[0].op, Delta::Op::kRetain);
  EXPECT_EQ(delta[0].len, 5u);
  EXPECT_EQ(delta[1].text, " world");
  EXPECT_EQ(delta[1].attributes, (Any::Object{{"bold", Any(true)}}));
  doc.transact([&](Transaction& x) { ASSERT_TRUE(t.format(x, 0, 2, {{"i", Any(true)}}).is_ok()); });
  ASSERT_EQ(delta.size(), 1u);
  EXPECT_EQ(delta[0].op, Delta::Op::kRetain);
  EXPECT_EQ(delta[0].attributes, (Any::Object{{"i", Any(true)}}));
}

TEST(Events, DeepObserverPaths) {
  Doc doc(DocOptions::with_client_id(1));
  MapRef root = doc.get_map("root");
  ArrayRef list;
  doc.transact([&](Transaction& x) { list = root.insert_array(x, "list"); });
  MapRef item;
  doc.transact([&](Transaction& x) { item = list.insert_map(x, 0); });
  std::vector<Event> got;
  root.observe_deep([&](const std::vector<Event>& evs) { got = evs; });
  doc.transact([&](Transaction& x) { item.set(x, "name", Any("n")); });
  ASSERT_EQ(got.size(), 1u);
  ASSERT_EQ(got[0].path.size(), 2u);
  EXPECT_EQ(got[0].path[0].key, "list");
  EXPECT_FALSE(got[0].path[1].is_key);
  EXPECT_EQ(got[0].path[1].index, 0u);
  EXPECT_EQ(got[0].current_target, TypeRef(root));
}

TEST(Events, RemoteOriginReachesObservers) {
  Doc a(DocOptions::with_client_id(1));
  Doc b(DocOptions::with_client_id(2));
  std::string origin;
  bool local = true;
  b.get_map("m").observe([&](const Event& e) {
    origin = e.transaction->origin().name;
    local = e.transaction->local();
  });
  a.transact([&](Transaction& x) { a.get_map("m").set(x, "k", Any(1)); });
  ASSERT_TRUE(apply_update(b, encode_state_as_update(a), Origin{"net"}).is_ok());
  EXPECT_EQ(origin, "net");
  EXPECT_FALSE(local);
}

} // namespace
} // namespace accord
