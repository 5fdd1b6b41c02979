// Relative positions against yjs: encoded bytes and JSON for every index of a root text, a
// nested text and an empty root (assoc 0, -1, 1), and their resolution after further edits.
// The operations mirror tests/history/fixtures/history.mjs.
#include "accord/relative_position.h"

#include <gtest/gtest.h>

#include "accord/update.h"
#include "history_test_util.h"

namespace accord {
namespace {

using testing::fx;
using testing::hex;
using testing::js;
using testing::unhex;

struct Scenario {
  Doc a = Doc(DocOptions::with_client_id(5, false));
  Doc b = Doc(DocOptions::with_client_id(6, false));
  TextRef t = a.get_text("t");
  TextRef nested;
  Scenario() {
    a.transact([&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 0, "abc").is_ok()); });
    a.transact([&](Transaction& tx) { ASSERT_TRUE(t.insert(tx, 3, "def").is_ok()); });
    EXPECT_TRUE(apply_update(b, encode_state_as_update(a)).is_ok());
    b.transact([&](Transaction& tx) { ASSERT_TRUE(b.get_text("t").insert(tx, 2, "12").is_ok()); });
    EXPECT_TRUE(apply_update(a, encode_state_as_update(b)).is_ok());
    a.transact([&](Transaction& tx) { ASSERT_TRUE(t.remove(tx, 4, 1).is_ok()); });
    a.transact([&](Transaction& tx) { nested = a.get_map("m").insert_text(tx, "n"); });
    a.transact([&](Transaction& tx) { ASSERT_TRUE(nested.insert(tx, 0, "xy").is_ok()); });
  }
  TextRef by_label(const std::string& label) {
    if (label == "t") return t;
    if (label == "n") return nested;
    return a.get_text("empty");
  }
};

TEST(RelativePosition, BytesAndJsonMatchYjs) {
  Scenario s;
  const auto& positions = fx({"relpos", "positions"}).as_array();
  ASSERT_GT(positions.size(), 30u);
  for (const Any& p : positions) {
    const std::string& label = p.find("label")->as_string();
    auto index = static_cast<std::uint64_t>(p.find("index")->as_number());
    auto assoc = static_cast<std::int64_t>(p.find("assoc")->as_number());
    RelativePosition rp = relative_position_from_type_index(s.by_label(label), index, assoc);
    auto bytes = encode_relative_position(rp);
    ASSERT_TRUE(bytes.ok());
    std::string where =
        label + " index " + std::to_string(index) + " assoc " + std::to_string(assoc);
    EXPECT_EQ(hex(*bytes), p.find("bytes")->as_string()) << where;
    EXPECT_EQ(js(relative_position_to_json(rp)), js(*p.find("json"))) << where;
    auto decoded = decode_relative_position(unhex(p.find("bytes")->as_string()));
    ASSERT_TRUE(decoded.ok()) << where;
    // The bytes carry the item or the type, not both (yjs's decoded position lacks tname too).
    EXPECT_EQ(decoded->item, rp.item) << where;
    EXPECT_EQ(decoded->assoc, rp.assoc) << where;
    EXPECT_EQ(hex(*encode_relative_position(*decoded)), p.find("bytes")->as_string()) << where;
    auto from_json = relative_position_from_json(*p.find("json"));
    ASSERT_TRUE(from_json.ok()) << where;
    EXPECT_EQ(*from_json, rp) << where;
  }
}

TEST(RelativePosition, ResolvesAfterEditsAsYjs) {
  Scenario s;
  const auto& positions = fx({"relpos", "positions"}).as_array();
  std::vector<RelativePosition> rps;
  for (const Any& p : positions) {
    rps.push_back(*decode_relative_position(unhex(p.find("bytes")->as_string())));
  }
  s.a.transact([&](Transaction& tx) { ASSERT_TRUE(s.t.insert(tx, 1, "Z").is_ok()); });
  s.a.transact([&](Transaction& tx) { ASSERT_TRUE(s.t.remove(tx, 5, 2).is_ok()); });
  s.a.transact([&](Transaction& tx) { ASSERT_TRUE(s.nested.insert(tx, 1, "--").is_ok()); });
  EXPECT_EQ(s.t.to_string(), fx({"relpos", "text"}).as_string());
  EXPECT_EQ(s.nested.to_string(), fx({"relpos", "nested"}).as_string());
  for (std::size_t i = 0; i < rps.size(); ++i) {
    auto abs = to_absolute_position(rps[i], s.a);
    const Any& expected = *positions[i].find("resolved");
    if (expected.is_null()) {
      EXPECT_FALSE(abs.has_value()) << i;
    } else {
      ASSERT_TRUE(abs.has_value()) << i;
      EXPECT_EQ(abs->index, static_cast<std::uint64_t>(expected.as_number())) << i;
      EXPECT_EQ(abs->type, s.by_label(positions[i].find("label")->as_string())) << i;
    }
  }
}

TEST(RelativePosition, UnknownItemsResolveToNothing) {
  Scenario s;
  Doc other(DocOptions::with_client_id(7));
  RelativePosition rp = relative_position_from_type_index(s.t, 2);
  EXPECT_FALSE(to_absolute_position(rp, other).has_value());
  RelativePosition in_nested = relative_position_from_type_index(s.nested, 2);
  ASSERT_TRUE(in_nested.type.has_value());
  EXPECT_FALSE(to_absolute_position(in_nested, other).has_value());
}

TEST(RelativePosition, DecodeRejectsBadInput) {
  std::vector<std::uint8_t> bad_tag = {0x03, 0x00};
  EXPECT_FALSE(decode_relative_position(bad_tag).ok());
  std::vector<std::uint8_t> truncated = {0x00, 0x05};
  EXPECT_FALSE(decode_relative_position(truncated).ok());
  std::vector<std::uint8_t> trailing = {0x00, 0x05, 0x01, 0x00, 0x00};
  EXPECT_FALSE(decode_relative_position(trailing).ok());
  std::vector<std::uint8_t> no_assoc = {0x00, 0x05, 0x01};
  auto r = decode_relative_position(no_assoc);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->assoc, 0);
  EXPECT_FALSE(encode_relative_position(RelativePosition{}).ok());
  EXPECT_FALSE(relative_position_from_json(Any("x")).ok());
}

} // namespace
} // namespace accord
