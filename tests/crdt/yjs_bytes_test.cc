// Byte-exact comparison with yjs: each scenario performs the same operations as its JS twin in
// tests/crdt/fixtures/scenarios.mjs (which produced fixtures/scenarios.json with yjs 13.6.x)
// and compares encode_state_as_update, encode_state_vector and to_json.
#include <gtest/gtest.h>

#include <functional>

#include "accord/doc.h"
#include "accord/update.h"
#include "test_util.h"

namespace accord {
namespace {

using testing::hex;

const Any& fixtures() {
  static const Any f = testing::load_fixture("tests/crdt/fixtures/scenarios.json");
  return f;
}

void check(const std::string& name, Doc& doc) {
  const Any* fx = fixtures().find(name);
  ASSERT_NE(fx, nullptr) << "missing fixture " << name;
  EXPECT_EQ(hex(encode_state_as_update(doc)), fx->find("update")->as_string()) << name;
  EXPECT_EQ(hex(encode_state_vector(doc)), fx->find("sv")->as_string()) << name;
  EXPECT_EQ(doc.to_json().to_json_string(), fx->find("json")->to_json_string()) << name;
  // The yjs bytes load into a fresh doc and re-encode identically.
  Doc other(DocOptions::with_client_id(99));
  auto bytes = testing::unhex(fx->find("update")->as_string());
  ASSERT_TRUE(apply_update(other, bytes).is_ok());
  EXPECT_EQ(hex(encode_state_as_update(other)), fx->find("update")->as_string()) << name;
}

Doc make_doc() { return Doc(DocOptions::with_client_id(1)); }

TEST(YjsBytes, TextTyping) {
  Doc doc = make_doc();
  TextRef t = doc.get_text("t");
  std::string s = "hello world";
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto txn = doc.transact();
    ASSERT_TRUE(t.insert(txn, i, s.substr(i, 1)).is_ok());
  }
  {
    auto txn = doc.transact();
    ASSERT_TRUE(t.remove(txn, 5, 1).is_ok());
  }
  {
    auto txn = doc.transact();
    ASSERT_TRUE(t.insert(txn, 5, "_").is_ok());
  }
  check("text_typing", doc);
}

TEST(YjsBytes, TextUnicodeSurrogateSplit) {
  Doc doc = make_doc();
  TextRef t = doc.get_text("t");
  {
    auto txn = doc.transact();
    ASSERT_TRUE(t.insert(txn, 0,
                         "a\xf0\x9f\x98\x80\xe4\xb8\xad"
                         "b")
                    .is_ok());
  }
  EXPECT_EQ(t.length(), 5u);
  {
    auto txn = doc.transact();
    ASSERT_TRUE(t.remove(txn, 1, 1).is_ok());
  }
  {
    auto txn = doc.transact();
    ASSERT_TRUE(t.insert(txn, 2, "\xc3\xa9").is_ok());
  }
  check("text_unicode", doc);
}

TEST(YjsBytes, TextFormat) {
  Doc doc = make_doc();
  TextRef t = doc.get_text("t");
  auto tx = [&](auto fn) {
    auto txn = doc.transact();
    fn(txn);
  };
  tx([&](Transaction& x) { ASSERT_TRUE(t.insert(x, 0, "hello world").is_ok()); });
  tx([&](Transaction& x) { ASSERT_TRUE(t.format(x, 0, 5, {{"bold", Any(true)}}).is_ok()); });
  tx([&](Transaction& x) { ASSERT_TRUE(t.insert(x, 5, "!", {{"italic", Any(true)}}).is_ok()); });
  tx([&](Transaction& x) { ASSERT_TRUE(t.insert(x, 3, "X").is_ok()); });
  tx([&](Transaction& x) { ASSERT_TRUE(t.format(x, 2, 4, {{"bold", Any::null()}}).is_ok()); });
  tx([&](Transaction& x) {
    ASSERT_TRUE(t.insert_embed(x, 1, Any(Any::Object{{"image", Any("x.png")}})).is_ok());
  });
  check("text_format", doc);
  // Delta as yjs's toDelta.
  Any::Array delta;
  for (const Delta& d : t.to_delta()) {
    Any::Object op;
    op.emplace_back("insert", d.values.empty() ? Any(d.text) : d.values[0].to_json());
    if (!d.attributes.empty()) op.emplace_back("attributes", Any(d.attributes));
    delta.emplace_back(std::move(op));
  }
  EXPECT_EQ(Any(delta).to_json_string(),
            fixtures().find("text_format")->find("delta")->to_json_string());
}

TEST(YjsBytes, MapArrayNested) {
  Doc doc = make_doc();
  MapRef m = doc.get_map("m");
  {
    auto x = doc.transact();
    m.set(x, "a", Any(1));
    m.set(x, "b", Any("two"));
    m.set(x, "c",
          Any(Any::Object{{"x", Any(Any::Array{Any(1), Any(2.5), Any::null(), Any(true)})}}));
    m.set(x, "bin", Any::bytes({1, 2, 3}));
    m.set(x, "big", Any::bigint(12345678901234));
  }
  doc.transact([&](Transaction& x) { m.set(x, "a", Any(2)); });
  doc.transact([&](Transaction& x) { m.remove(x, "b"); });
  ArrayRef arr;
  doc.transact([&](Transaction& x) { arr = m.insert_array(x, "arr"); });
  doc.transact([&](Transaction& x) {
    ASSERT_TRUE(arr.insert(x, 0, {Any(1), Any(2), Any(3), Any("x")}).is_ok());
  });
  MapRef inner;
  doc.transact([&](Transaction& x) { inner = arr.insert_map(x, 2); });
  doc.transact([&](Transaction& x) { inner.set(x, "k", Any("v")); });
  doc.transact([&](Transaction& x) { ASSERT_TRUE(arr.remove(x, 0, 1).is_ok()); });
  doc.transact([&](Transaction& x) { arr.push(x, {Any::bytes({9})}); });
  TextRef txt;
  doc.transact([&](Transaction& x) { txt = arr.insert_text(x, 1); });
  doc.transact([&](Transaction& x) { ASSERT_TRUE(txt.insert(x, 0, "nested").is_ok()); });
  check("map_array_nested", doc);
}

TEST(YjsBytes, GcNestedDelete) {
  Doc doc = make_doc();
  MapRef m = doc.get_map("m");
  MapRef inner;
  doc.transact([&](Transaction& x) { inner = m.insert_map(x, "inner"); });
  doc.transact([&](Transaction& x) { inner.set(x, "x", Any("y")); });
  ArrayRef a;
  doc.transact([&](Transaction& x) { a = inner.insert_array(x, "list"); });
  doc.transact([&](Transaction& x) {
    ASSERT_TRUE(a.insert(x, 0, {Any("a"), Any("b"), Any("c")}).is_ok());
  });
  doc.transact([&](Transaction& x) { m.remove(x, "inner"); });
  doc.transact([&](Transaction& x) { m.set(x, "after", Any(true)); });
  EXPECT_TRUE(inner.deleted());
  check("gc_nested_delete", doc);
}

TEST(YjsBytes, ArrayOps) {
  Doc doc = make_doc();
  ArrayRef a = doc.get_array("a");
  for (int i = 0; i < 30; ++i) {
    doc.transact([&](Transaction& x) { ASSERT_TRUE(a.insert(x, i / 2, {Any(i)}).is_ok()); });
  }
  doc.transact([&](Transaction& x) { ASSERT_TRUE(a.remove(x, 3, 5).is_ok()); });
  doc.transact([&](Transaction& x) { ASSERT_TRUE(a.insert(x, 10, {Any("x"), Any("y")}).is_ok()); });
  doc.transact([&](Transaction& x) { ASSERT_TRUE(a.remove(x, 0, 2).is_ok()); });
  doc.transact([&](Transaction& x) { a.push(x, {Any(Any::Object{{"k", Any("v")}})}); });
  check("array_ops", doc);
}

} // namespace
} // namespace accord

namespace accord {
namespace {

void sync(Doc& from, Doc& to) {
  auto update = encode_state_as_update(from, state_vector(to));
  ASSERT_TRUE(apply_update(to, update).is_ok());
}

TEST(YjsBytes, ConcurrentPeersConvergeLikeYjs) {
  Doc a(DocOptions::with_client_id(1));
  Doc b(DocOptions::with_client_id(2));
  Doc c(DocOptions::with_client_id(3));
  auto tx = [](Doc& d, auto fn) {
    auto txn = d.transact();
    fn(txn);
  };
  tx(a, [&](Transaction& x) { ASSERT_TRUE(a.get_text("t").insert(x, 0, "base text").is_ok()); });
  sync(a, b);
  sync(a, c);
  tx(a, [&](Transaction& x) { ASSERT_TRUE(a.get_text("t").insert(x, 4, "AAA").is_ok()); });
  tx(b, [&](Transaction& x) { ASSERT_TRUE(b.get_text("t").insert(x, 4, "BBB").is_ok()); });
  tx(c, [&](Transaction& x) { ASSERT_TRUE(c.get_text("t").insert(x, 4, "CCC").is_ok()); });
  tx(b, [&](Transaction& x) { ASSERT_TRUE(b.get_text("t").remove(x, 0, 2).is_ok()); });
  tx(c, [&](Transaction& x) {
    ASSERT_TRUE(c.get_text("t").format(x, 2, 5, {{"bold", Any(true)}}).is_ok());
  });
  tx(a, [&](Transaction& x) {
    ASSERT_TRUE(a.get_array("l").insert(x, 0, {Any("a1"), Any("a2")}).is_ok());
  });
  tx(b, [&](Transaction& x) { ASSERT_TRUE(b.get_array("l").insert(x, 0, {Any("b1")}).is_ok()); });
  tx(c, [&](Transaction& x) {
    ASSERT_TRUE(c.get_array("l").insert(x, 0, {Any(1), Any(2), Any(3)}).is_ok());
  });
  tx(a, [&](Transaction& x) { a.get_map("m").set(x, "k", Any("from a")); });
  tx(b, [&](Transaction& x) { b.get_map("m").set(x, "k", Any("from b")); });
  tx(c, [&](Transaction& x) { c.get_map("m").set(x, "k", Any("from c")); });
  tx(c, [&](Transaction& x) { c.get_map("m").set(x, "only c", Any(true)); });
  sync(c, a);
  sync(b, a);
  sync(a, b);
  sync(a, c);
  check("concurrent", a);
  const Any* fx = fixtures().find("concurrent");
  EXPECT_EQ(hex(encode_state_as_update(b)), fx->find("b")->as_string());
  EXPECT_EQ(hex(encode_state_as_update(c)), fx->find("c")->as_string());
}

} // namespace
} // namespace accord
