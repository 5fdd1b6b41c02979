// Regressions of the engine's correctness fixes, each with the minimal session that showed the
// bug and the behaviour of yjs 13.6.33 on the same bytes (see the fix helper's notes in
// tests/fuzz/README.md for the fuzz inputs they came from).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "accord/doc.h"
#include "accord/types.h"
#include "accord/update.h"
#include "accord/update_ops.h"
#include "test_util.h"

namespace accord {
namespace {

using testing::hex;
using testing::unhex;

std::string json(const Doc& d) { return d.to_json().to_json_string(); }

// A string item read as an array element or a map value gives one string per UTF-16 code unit,
// as yjs's ContentString.getContent() (text written by one peer, read as an array by another).
TEST(Regression, StringItemsReadAsArrayElementsAreCodeUnits) {
  Doc a(DocOptions::with_client_id(3));
  a.transact([&](Transaction& t) { ASSERT_TRUE(a.get_text("x").insert(t, 0, "hi").is_ok()); });
  Doc b(DocOptions::with_client_id(4));
  ASSERT_TRUE(apply_update(b, encode_state_as_update(a)).is_ok());
  ArrayRef arr = b.get_array("x");
  EXPECT_EQ(arr.to_json().to_json_string(), R"(["h","i"])");
  ASSERT_EQ(arr.length(), 2u);
  ASSERT_TRUE(arr.get(1).has_value());
  EXPECT_EQ(arr.get(1)->to_json().to_json_string(), R"("i")");
}

// Fuzz input fuzz_apply_update_content/reload-partly-known-struct-in-other-type. Client 1 sets
// m.k = "v" (struct 1:0); an update from "client 1" then claims 1:0..2 is the text "abc" of
// root t. 1:0 is known, so only "bc" is new; its left is 1:0 (the map entry), and its encoding
// says so (origin 1:0, no parent). yjs keeps the record's parent (t) for the live item but links
// it after the map entry, so its own reload gives m.k = "c" where the live doc had "v". Accord
// places the new part in the type of its left neighbour, which is what its bytes mean: the live
// doc and every reload agree (m.k = "c"), and the encoded state loads in yjs to the same JSON.
TEST(Regression, PartlyKnownStructJoinsTheTypeOfItsLeftNeighbour) {
  const auto set_k = unhex("010101002801016d016b0177017600"); // yjs: client 1, m.set('k','v')
  const auto text_abc = unhex("01010100040101740361626300");  // yjs: client 1, t.insert(0,'abc')
  Doc d(DocOptions::with_client_id(9));
  ASSERT_TRUE(apply_update(d, set_k).is_ok());
  ASSERT_TRUE(apply_update(d, text_abc).is_ok());
  d.get_map("m");
  d.get_text("t");
  EXPECT_EQ(json(d), R"({"m":{"k":"c"},"t":""})");
  const auto state = encode_state_as_update(d);
  Doc reloaded(DocOptions::with_client_id(10));
  ASSERT_TRUE(apply_update(reloaded, state).is_ok());
  reloaded.get_map("m");
  reloaded.get_text("t");
  EXPECT_EQ(json(reloaded), json(d));
  EXPECT_EQ(hex(encode_state_as_update(reloaded)), hex(state));
}

// Fuzz input fuzz_state_vector/empty-state-vector: zero bytes are not an encoded state vector
// (an empty one is the single byte 0). yjs's decodeStateVector, encodeStateAsUpdate(V2) and
// diffUpdate all throw "Unexpected end of array" on them; Accord returns kCorrupt from each.
TEST(Regression, EmptyBytesAreNotAStateVector) {
  Doc d(DocOptions::with_client_id(1));
  d.transact([&](Transaction& t) { d.get_map("m").set(t, "a", Any(1)); });
  const std::vector<std::uint8_t> none;
  EXPECT_FALSE(decode_state_vector(none).ok());
  auto v1 = encode_state_as_update(d, std::span<const std::uint8_t>(none));
  ASSERT_FALSE(v1.ok());
  EXPECT_EQ(v1.status().code(), StatusCode::kCorrupt);
  EXPECT_EQ(v1.status().offset(), std::optional<std::size_t>(0));
  auto v2 = encode_state_as_update_v2(d, std::span<const std::uint8_t>(none));
  EXPECT_FALSE(v2.ok());
  const std::vector<std::uint8_t> empty_sv{0};
  auto all = encode_state_as_update(d, std::span<const std::uint8_t>(empty_sv));
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(hex(all.value()), hex(encode_state_as_update(d)));
}

// Convergence fuzz MapEdits seed 1000172: a peer's pending structs held a Skip (a gap in an
// update made by a peer that had pending structs itself) and later received the real struct for
// those clocks; merging the pending structs kept the Skip and dropped the struct, so the peer
// waited forever. yjs's mergeUpdates prefers the struct.
TEST(Regression, PendingSkipDoesNotHideALaterStruct) {
  Doc a(DocOptions::with_client_id(3));
  std::vector<std::vector<std::uint8_t>> u;
  a.observe_update([&](const std::vector<std::uint8_t>& x, const Origin&) { u.push_back(x); });
  for (int i = 0; i < 4; ++i) {
    a.transact([&](Transaction& t) { a.get_array("l").push(t, {Any(i)}); });
  }
  ASSERT_EQ(u.size(), 4u);
  Doc gappy(DocOptions::with_client_id(5));
  ASSERT_TRUE(apply_update(gappy, u[1]).is_ok());
  ASSERT_TRUE(apply_update(gappy, u[3]).is_ok());
  const auto with_skip = encode_state_as_update(gappy); // 3:1, Skip 3:2, 3:3 (all pending)
  Doc d(DocOptions::with_client_id(6));
  ASSERT_TRUE(apply_update(d, with_skip).is_ok());
  ASSERT_TRUE(apply_update(d, u[2]).is_ok());
  ASSERT_TRUE(apply_update(d, u[0]).is_ok());
  EXPECT_EQ(json(d), json(a));
  EXPECT_EQ(hex(encode_state_as_update(d)), hex(encode_state_as_update(a)));
}

// Interop failure 8: ywasm 0.18.3 wrote an empty string item (client 22, clock 7, origin 22:5,
// in the middle of the surrogate pair of U+1F1E8) after out-of-order delivery; yjs loads it, so
// Accord must too, with yjs's JSON: the origin's pair is cut into two U+FFFD.
TEST(Regression, EmptyItemFromYwasmLoadsAsInYjs) {
  const auto state = unhex(
      "020416000401056e6f74657313e585b3e994aee586b3e7ad96e4babaf09f87a8841605008416050ef09f87b3f0"
      "9f918df09f8fbd5133c41605160606e8aea1e58892070b000401056e6f74657303e5aea2840b0003e688b7440b"
      "0003e282acc40b020b0003e8aea1c40b030b0003e58892c50b040b00107b226d656e74696f6e223a6e756c6c7d"
      "c40b020b0306e99c80e6b182010b0201020402");
  Doc d(DocOptions::with_client_id(9, false));
  ASSERT_TRUE(apply_update(d, state).is_ok());
  // yjs 13.6.33 on the same bytes (gc off).
  EXPECT_EQ(
      json(d),
      "{\"notes\":\"需求计客关键决策人\xef\xbf\xbd计划🇳👍🏽Q3\xef\xbf\xbd\"}");
  Doc reloaded(DocOptions::with_client_id(10, false));
  ASSERT_TRUE(apply_update(reloaded, encode_state_as_update(d)).is_ok());
  EXPECT_EQ(json(reloaded), json(d));
  // A GC or Skip struct must still cover clocks.
  EXPECT_FALSE(apply_update(d, unhex("01010500000000")).is_ok());
}

// Interop failure 5: yjs's push([new Y.Map(), true, ""]) inserts after the very last item,
// deleted or not; inserting at index length() would take the last live item as left origin.
TEST(Regression, PushOfANestedTypeGoesAfterTheLastItem) {
  Doc d(DocOptions::with_client_id(1));
  ArrayRef a = d.get_array("contacts");
  d.transact([&](Transaction& t) { (void)a.insert_map(t, 0); });
  d.transact([&](Transaction& t) {
    ASSERT_TRUE(a.insert(t, 0, {Any(Any::Array{Any(-90)}), Any(160)}).is_ok());
    ASSERT_TRUE(a.remove(t, 1, 2).is_ok());
    EXPECT_TRUE(a.push_map(t).valid());
    a.push(t, {Any(true), Any("")});
  });
  // yjs 13.6.33, same client and operations.
  EXPECT_EQ(hex(encode_state_as_update(d)),
            "01050100010108636f6e7461637473014801000175017dda01c10101010001870100018801030278770001"
            "010200010201");
  EXPECT_EQ(a.to_json().to_json_string(), R"([[-90],{},true,""])");
}

// Fuzz input fuzz_apply_update_content/reload-adds-empty-root (was open-): an update claims
// client 1's clocks 0..14 as text of root "y" where the doc has 0..9 in root "t". Only the tail
// is new and it joins its left neighbour's type (see above), but reading the record had created
// root "y", which stayed in the doc's JSON as {} while a reload has no such root. A root of
// unknown kind with nothing in it is not part of the JSON (yjs leaves out every root nobody asked
// for by type).
TEST(Regression, AnEmptyRootNamedOnlyByAKnownStructIsNotInTheJson) {
  Doc doc(DocOptions::with_client_id(1));
  doc.transact(
      [&](Transaction& t) { ASSERT_TRUE(doc.get_text("t").insert(t, 0, "ten chars!").is_ok()); });
  Doc other(DocOptions::with_client_id(1));
  other.transact([&](Transaction& t) {
    ASSERT_TRUE(other.get_text("y").insert(t, 0, "fifteen chars..").is_ok());
  });
  ASSERT_TRUE(apply_update(doc, encode_state_as_update(other)).is_ok());
  EXPECT_EQ(json(doc), R"({"t":"ten chars!ars.."})");
  Doc reload(DocOptions::with_client_id(2));
  ASSERT_TRUE(apply_update(reload, encode_state_as_update(doc)).is_ok());
  EXPECT_EQ(json(reload), json(doc));
  // Asking for the root makes it a known, empty map, which the JSON shows.
  (void)doc.get_map("y");
  EXPECT_EQ(json(doc), R"({"t":"ten chars!ars..","y":{}})");
}

} // namespace
} // namespace accord
