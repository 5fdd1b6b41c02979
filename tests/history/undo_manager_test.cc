// UndoManager scenarios after yjs's own undo-redo tests: text, formatting, maps, arrays and
// nested types; capture timeout with a test clock; tracked origins; events and stack item
// meta; clear; delete filter; undo interleaved with remote changes; redone links followed by
// relative positions.
#include "accord/undo_manager.h"

#include <gtest/gtest.h>

#include "accord/relative_position.h"
#include "accord/update.h"
#include "history_test_util.h"

namespace accord {
namespace {

using testing::js;

/// A manual clock in milliseconds.
struct TestClock {
  std::uint64_t now = 1000;
  std::function<std::uint64_t()> fn() {
    return [this] { return now; };
  }
};

UndoManagerOptions opts(TestClock& clock, std::uint64_t timeout = 500) {
  UndoManagerOptions o;
  o.clock = clock.fn();
  o.capture_timeout_ms = timeout;
  return o;
}

void sync(Doc& a, Doc& b) {
  ASSERT_TRUE(
      apply_update(b, encode_state_as_update(a, state_vector(b)), Origin{"remote"}).is_ok());
  ASSERT_TRUE(
      apply_update(a, encode_state_as_update(b, state_vector(a)), Origin{"remote"}).is_ok());
}

template <typename Fn>
void edit(Doc& doc, Fn&& fn, Origin origin = {}) {
  doc.transact([&](Transaction& tx) { fn(tx); }, std::move(origin));
}

TEST(UndoManager, TextUndoRedo) {
  TestClock clock;
  Doc doc(DocOptions::with_client_id(1));
  TextRef t = doc.get_text("t");
  UndoManager um(doc, {t}, opts(clock));
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 0, "abc").is_ok()); });
  clock.now += 1000;
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 3, "def").is_ok()); });
  clock.now += 1000;
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.remove(tx, 1, 3).is_ok()); });
  EXPECT_EQ(t.to_string(), "aef");
  EXPECT_EQ(um.undo_stack().size(), 3u);
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(t.to_string(), "abcdef");
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(t.to_string(), "abc");
  ASSERT_TRUE(um.redo().has_value());
  EXPECT_EQ(t.to_string(), "abcdef");
  ASSERT_TRUE(um.redo().has_value());
  EXPECT_EQ(t.to_string(), "aef");
  EXPECT_FALSE(um.redo().has_value());
  ASSERT_TRUE(um.undo().has_value());
  ASSERT_TRUE(um.undo().has_value());
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(t.to_string(), "");
  EXPECT_FALSE(um.undo().has_value());
  EXPECT_FALSE(um.can_undo());
  EXPECT_TRUE(um.can_redo());
}

TEST(UndoManager, UndoKeepsRemoteChanges) {
  TestClock clock;
  Doc a(DocOptions::with_client_id(1));
  Doc b(DocOptions::with_client_id(2));
  TextRef ta = a.get_text("t");
  TextRef tb = b.get_text("t");
  UndoManager um(a, {ta}, opts(clock));
  edit(a, [&](Transaction& tx) { ASSERT_TRUE(ta.insert(tx, 0, "abc").is_ok()); });
  edit(b, [&](Transaction& tx) { ASSERT_TRUE(tb.insert(tx, 0, "xyz").is_ok()); });
  sync(a, b);
  EXPECT_EQ(ta.to_string(), tb.to_string());
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(ta.to_string(), "xyz");
  ASSERT_TRUE(um.redo().has_value());
  sync(a, b);
  EXPECT_EQ(ta.to_string(), tb.to_string());
  EXPECT_EQ(ta.to_string().size(), 6u);
  // A remote deletion of the redone text is not undone by a's manager.
  edit(b, [&](Transaction& tx) { ASSERT_TRUE(tb.remove(tx, 0, 6).is_ok()); });
  sync(a, b);
  EXPECT_EQ(ta.to_string(), "");
  // Everything the redo inserted was deleted remotely: undo finds nothing to do (as yjs).
  EXPECT_FALSE(um.undo().has_value());
  EXPECT_EQ(ta.to_string(), "");
  sync(a, b);
  EXPECT_EQ(tb.to_string(), "");
}

TEST(UndoManager, UndoRestoresDeletedRemoteText) {
  TestClock clock;
  Doc a(DocOptions::with_client_id(1));
  Doc b(DocOptions::with_client_id(2));
  TextRef ta = a.get_text("t");
  edit(b,
       [&](Transaction& tx) { ASSERT_TRUE(b.get_text("t").insert(tx, 0, "remote text").is_ok()); });
  sync(a, b);
  UndoManager um(a, {ta}, opts(clock));
  edit(a, [&](Transaction& tx) { ASSERT_TRUE(ta.remove(tx, 0, 7).is_ok()); });
  EXPECT_EQ(ta.to_string(), "text");
  sync(a, b);
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(ta.to_string(), "remote text");
  sync(a, b);
  EXPECT_EQ(b.get_text("t").to_string(), "remote text");
  ASSERT_TRUE(um.redo().has_value());
  EXPECT_EQ(ta.to_string(), "text");
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(ta.to_string(), "remote text");
  sync(a, b);
  EXPECT_EQ(b.get_text("t").to_string(), "remote text");
}

TEST(UndoManager, FormattingUndo) {
  TestClock clock;
  Doc doc(DocOptions::with_client_id(1));
  TextRef t = doc.get_text("t");
  UndoManager um(doc, {t}, opts(clock));
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 0, "bold text").is_ok()); });
  um.stop_capturing();
  edit(doc, [&](Transaction& tx) {
    ASSERT_TRUE(t.format(tx, 0, 4, {{"bold", Any(true)}}).is_ok());
  });
  ASSERT_EQ(t.to_delta().size(), 2u);
  ASSERT_TRUE(um.undo().has_value());
  ASSERT_EQ(t.to_delta().size(), 1u);
  EXPECT_TRUE(t.to_delta()[0].attributes.empty());
  EXPECT_EQ(t.to_string(), "bold text");
  ASSERT_TRUE(um.redo().has_value());
  auto d = t.to_delta();
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].text, "bold");
  EXPECT_EQ(js(Any(d[0].attributes)), R"({"bold":true})");
}

TEST(UndoManager, CaptureTimeoutMergesAndStopCapturingSplits) {
  TestClock clock;
  Doc doc(DocOptions::with_client_id(1));
  TextRef t = doc.get_text("t");
  UndoManager um(doc, {t}, opts(clock, 500));
  int added = 0, updated = 0;
  um.on_stack_item_added([&](StackItemEvent&) { ++added; });
  um.on_stack_item_updated([&](StackItemEvent&) { ++updated; });
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 0, "a").is_ok()); });
  clock.now += 100;
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 1, "b").is_ok()); });
  clock.now += 499;
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 2, "c").is_ok()); });
  EXPECT_EQ(um.undo_stack().size(), 1u);
  clock.now += 500;
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 3, "d").is_ok()); });
  EXPECT_EQ(um.undo_stack().size(), 2u);
  um.stop_capturing();
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 4, "e").is_ok()); });
  EXPECT_EQ(um.undo_stack().size(), 3u);
  EXPECT_EQ(added, 3);
  EXPECT_EQ(updated, 2);
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(t.to_string(), "abcd");
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(t.to_string(), "abc");
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(t.to_string(), "");
}

TEST(UndoManager, MapUndoRedo) {
  TestClock clock;
  Doc doc(DocOptions::with_client_id(1));
  MapRef m = doc.get_map("m");
  UndoManager um(doc, {m}, opts(clock, 0));
  edit(doc, [&](Transaction& tx) { m.set(tx, "a", Any(1)); });
  edit(doc, [&](Transaction& tx) { m.set(tx, "a", Any(2)); });
  edit(doc, [&](Transaction& tx) { m.remove(tx, "a"); });
  EXPECT_EQ(js(m.to_json()), "{}");
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(js(m.to_json()), R"({"a":2})");
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(js(m.to_json()), R"({"a":1})");
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(js(m.to_json()), "{}");
  ASSERT_TRUE(um.redo().has_value());
  ASSERT_TRUE(um.redo().has_value());
  EXPECT_EQ(js(m.to_json()), R"({"a":2})");
  ASSERT_TRUE(um.redo().has_value());
  EXPECT_EQ(js(m.to_json()), "{}");
}

TEST(UndoManager, NestedTypesAreRestoredWithContent) {
  TestClock clock;
  Doc doc(DocOptions::with_client_id(1));
  MapRef m = doc.get_map("m");
  UndoManager um(doc, {m}, opts(clock, 0));
  MapRef inner;
  edit(doc, [&](Transaction& tx) {
    inner = m.insert_map(tx, "inner");
    inner.set(tx, "x", Any(1));
    TextRef note = inner.insert_text(tx, "note");
    ASSERT_TRUE(note.insert(tx, 0, "hi").is_ok());
  });
  um.stop_capturing();
  edit(doc, [&](Transaction& tx) { inner.set(tx, "y", Any(2)); });
  um.stop_capturing();
  edit(doc, [&](Transaction& tx) { m.remove(tx, "inner"); });
  EXPECT_EQ(js(m.to_json()), "{}");
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(js(m.to_json()), R"({"inner":{"x":1,"note":"hi","y":2}})");
  // The restored map is a new type; undoing "y" follows the redone link into it.
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(js(m.to_json()), R"({"inner":{"x":1,"note":"hi"}})");
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(js(m.to_json()), "{}");
  ASSERT_TRUE(um.redo().has_value());
  ASSERT_TRUE(um.redo().has_value());
  ASSERT_TRUE(um.redo().has_value());
  EXPECT_EQ(js(m.to_json()), "{}");
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(js(m.to_json()), R"({"inner":{"x":1,"note":"hi","y":2}})");
}

TEST(UndoManager, ArrayWithNestedMap) {
  TestClock clock;
  Doc a(DocOptions::with_client_id(1));
  Doc b(DocOptions::with_client_id(2));
  ArrayRef arr = a.get_array("arr");
  UndoManager um(a, {arr}, opts(clock, 0));
  edit(a, [&](Transaction& tx) {
    ASSERT_TRUE(arr.insert(tx, 0, {1, 2}).is_ok());
    MapRef mm = arr.insert_map(tx, 1);
    mm.set(tx, "k", Any("v"));
  });
  edit(a, [&](Transaction& tx) { ASSERT_TRUE(arr.remove(tx, 0, 3).is_ok()); });
  EXPECT_EQ(js(arr.to_json()), "[]");
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(js(arr.to_json()), R"([1,{"k":"v"},2])");
  sync(a, b);
  EXPECT_EQ(js(b.get_array("arr").to_json()), R"([1,{"k":"v"},2])");
  edit(b, [&](Transaction& tx) {
    ASSERT_TRUE(b.get_array("arr").insert(tx, 1, {Any("remote")}).is_ok());
  });
  sync(a, b);
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(js(arr.to_json()), R"(["remote"])");
  sync(a, b);
  EXPECT_EQ(js(b.get_array("arr").to_json()), R"(["remote"])");
  ASSERT_TRUE(um.redo().has_value());
  sync(a, b);
  EXPECT_EQ(js(arr.to_json()), js(b.get_array("arr").to_json()));
}

TEST(UndoManager, TrackedOrigins) {
  TestClock clock;
  Doc doc(DocOptions::with_client_id(1));
  TextRef t = doc.get_text("t");
  UndoManagerOptions o = opts(clock, 0);
  o.tracked_origins = {Origin{"local"}};
  o.tracked_origin_names = {"provider"};
  UndoManager um(doc, {t}, o);
  int provider_tag = 0;
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 0, "a").is_ok()); });
  edit(
      doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 1, "b").is_ok()); }, Origin{"local"});
  edit(
      doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 2, "c").is_ok()); }, Origin{"other"});
  edit(
      doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 3, "d").is_ok()); },
      Origin{"provider", &provider_tag});
  EXPECT_EQ(um.undo_stack().size(), 2u);
  um.remove_tracked_origin(Origin{"local"});
  edit(
      doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 4, "e").is_ok()); }, Origin{"local"});
  EXPECT_EQ(um.undo_stack().size(), 2u);
  um.add_tracked_origin(Origin{});
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 5, "f").is_ok()); });
  EXPECT_EQ(um.undo_stack().size(), 3u);
  ASSERT_TRUE(um.undo().has_value());
  ASSERT_TRUE(um.undo().has_value());
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(t.to_string(), "ace");
}

TEST(UndoManager, ScopeLimitsCapture) {
  TestClock clock;
  Doc doc(DocOptions::with_client_id(1));
  TextRef t = doc.get_text("t");
  MapRef m = doc.get_map("m");
  UndoManager um(doc, {t}, opts(clock, 0));
  edit(doc, [&](Transaction& tx) { m.set(tx, "k", Any(1)); });
  EXPECT_FALSE(um.can_undo());
  um.add_to_scope(m);
  edit(doc, [&](Transaction& tx) { m.set(tx, "k", Any(2)); });
  EXPECT_TRUE(um.can_undo());
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(js(m.to_json()), R"({"k":1})");
  UndoManager whole(doc, opts(clock, 0));
  edit(doc, [&](Transaction& tx) { doc.get_array("x").push(tx, {Any(1)}); });
  EXPECT_TRUE(whole.can_undo());
  ASSERT_TRUE(whole.undo().has_value());
  EXPECT_EQ(js(doc.get_array("x").to_json()), "[]");
}

TEST(UndoManager, EventsAndMeta) {
  TestClock clock;
  Doc doc(DocOptions::with_client_id(1));
  TextRef t = doc.get_text("t");
  UndoManager um(doc, {t}, opts(clock, 0));
  std::vector<std::string> log;
  um.on_stack_item_added([&](StackItemEvent& e) {
    e.item->meta["cursor"] = Any(static_cast<int>(t.length()));
    log.push_back(std::string("added ") + (e.kind == UndoStackKind::kUndo ? "undo" : "redo"));
    ASSERT_EQ(e.changed_parent_types.size(), 1u);
    EXPECT_EQ(e.changed_parent_types[0], TypeRef(t));
  });
  um.on_stack_item_popped([&](StackItemEvent& e) {
    log.push_back(std::string("popped ") + (e.kind == UndoStackKind::kUndo ? "undo " : "redo ") +
                  js(e.item->meta["cursor"]));
    EXPECT_EQ(e.origin, um.origin());
    EXPECT_EQ(e.changed_parent_types.size(), 1u);
  });
  bool undo_cleared = false;
  um.on_stack_cleared([&](bool u, bool) { undo_cleared = u; });
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 0, "abc").is_ok()); });
  auto undone = um.undo();
  ASSERT_TRUE(undone.has_value());
  EXPECT_EQ(js(undone->meta["cursor"]), "3");
  ASSERT_TRUE(um.redo().has_value());
  EXPECT_EQ(log, (std::vector<std::string>{"added undo", "added redo", "popped undo 3",
                                           "added undo", "popped redo 0"}));
  um.clear();
  EXPECT_TRUE(undo_cleared);
  EXPECT_FALSE(um.can_undo());
  EXPECT_FALSE(um.can_redo());
}

TEST(UndoManager, NewChangeClearsRedoStack) {
  TestClock clock;
  Doc doc(DocOptions::with_client_id(1));
  TextRef t = doc.get_text("t");
  UndoManager um(doc, {t}, opts(clock, 0));
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 0, "a").is_ok()); });
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_TRUE(um.can_redo());
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 0, "b").is_ok()); });
  EXPECT_FALSE(um.can_redo());
}

TEST(UndoManager, DeleteFilterKeepsItems) {
  TestClock clock;
  Doc doc(DocOptions::with_client_id(1));
  ArrayRef arr = doc.get_array("arr");
  UndoManagerOptions o = opts(clock, 0);
  o.delete_filter = [](const UndoItemView& v) {
    return !(v.content.size() == 1 && v.content[0].is_any() && v.content[0].any() == Any("keep"));
  };
  UndoManager um(doc, {arr}, o);
  edit(doc, [&](Transaction& tx) {
    ASSERT_TRUE(arr.insert(tx, 0, {Any("drop")}).is_ok());
    arr.insert_map(tx, 1);
    ASSERT_TRUE(arr.insert(tx, 2, {Any::bytes({1})}).is_ok());
  });
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(arr.insert(tx, 0, {Any("keep")}).is_ok()); });
  // The filter keeps "keep", so undoing its insertion changes nothing; as in yjs the same undo()
  // call goes on to the previous stack item.
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(js(arr.to_json()), R"(["keep"])");
  EXPECT_FALSE(um.can_undo());
  EXPECT_FALSE(um.undo().has_value());
}

TEST(UndoManager, IgnoreRemoteMapChanges) {
  for (bool ignore : {false, true}) {
    TestClock clock;
    Doc a(DocOptions::with_client_id(1));
    Doc b(DocOptions::with_client_id(2));
    MapRef ma = a.get_map("m");
    UndoManagerOptions o = opts(clock, 0);
    o.ignore_remote_map_changes = ignore;
    UndoManager um(a, {ma}, o);
    edit(a, [&](Transaction& tx) { ma.set(tx, "k", Any("a1")); });
    edit(a, [&](Transaction& tx) { ma.set(tx, "k", Any("a2")); });
    sync(a, b);
    edit(b, [&](Transaction& tx) { b.get_map("m").set(tx, "k", Any("b")); });
    sync(a, b);
    // Without the option the remote overwrite wins and nothing can be undone.
    EXPECT_EQ(um.undo().has_value(), ignore);
    sync(a, b);
    EXPECT_EQ(js(ma.to_json()), js(b.get_map("m").to_json()));
    EXPECT_EQ(js(ma.to_json()), ignore ? R"({"k":"a1"})" : R"({"k":"b"})") << ignore;
  }
}

TEST(UndoManager, RelativePositionFollowsRestoredText) {
  TestClock clock;
  Doc doc(DocOptions::with_client_id(1));
  TextRef t = doc.get_text("t");
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 0, "hello world").is_ok()); });
  UndoManager um(doc, {t}, opts(clock, 0));
  RelativePosition pos = relative_position_from_type_index(t, 8);
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.remove(tx, 5, 6).is_ok()); });
  EXPECT_EQ(to_absolute_position(pos, doc)->index, 5u);
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(t.to_string(), "hello world");
  EXPECT_EQ(to_absolute_position(pos, doc)->index, 8u);
  // Without following, the deleted original sits right of its restored copy.
  EXPECT_EQ(to_absolute_position(pos, doc, false)->index, 11u);
}

TEST(UndoManager, UndoInsideOuterTransactionAndGcKeepsContent) {
  TestClock clock;
  Doc doc(DocOptions::with_client_id(1, true));
  TextRef t = doc.get_text("t");
  UndoManager um(doc, {t}, opts(clock, 0));
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 0, "keep me").is_ok()); });
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.remove(tx, 0, 7).is_ok()); });
  // gc is on, but the deleted text is kept for the undo stack.
  ASSERT_TRUE(um.undo().has_value());
  EXPECT_EQ(t.to_string(), "keep me");
  um.clear();
  edit(doc, [&](Transaction& tx) { ASSERT_TRUE(t.remove(tx, 0, 7).is_ok()); });
  Doc copy(DocOptions::with_client_id(2));
  ASSERT_TRUE(apply_update(copy, encode_state_as_update(doc)).is_ok());
  EXPECT_EQ(copy.get_text("t").to_string(), "");
}

} // namespace
} // namespace accord
