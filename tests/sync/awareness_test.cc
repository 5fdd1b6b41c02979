// Awareness against y-protocols/awareness: encoding byte-exact, and random sessions replayed
// from fixtures/protocol.json (the change events, clocks and re-encoded bytes after each step
// must equal what y-protocols produced). Plus the 30 s timeout with the injected clock.
#include <gtest/gtest.h>

#include <algorithm>

#include "accord/awareness.h"
#include "sync_test_util.h"

namespace accord::sync {
namespace {

using test::fixtures;
using test::hex;
using test::unhex;

std::vector<std::uint64_t> ids(const nlohmann::json& list) {
  std::vector<std::uint64_t> out;
  for (const auto& v : list) out.push_back(v.get<std::uint64_t>());
  return out;
}

TEST(Awareness, EncodeMatchesYProtocols) {
  for (const auto& f : fixtures()["awareness_encode"]) {
    std::vector<AwarenessEntry> entries;
    for (const auto& e : f["entries"]) {
      entries.push_back({e["client"].get<std::uint64_t>(), e["clock"].get<std::uint64_t>(),
                         e["state"].get<std::string>()});
    }
    EXPECT_EQ(hex(encode_awareness_update(entries)), f["hex"]);
    auto decoded = decode_awareness_update(unhex(f["hex"]));
    ASSERT_TRUE(decoded.ok()) << decoded.status().to_string();
    EXPECT_EQ(*decoded, entries);
  }
}

TEST(Awareness, RandomSessionsMatchYProtocols) {
  int steps = 0;
  for (const auto& session : fixtures()["awareness_sessions"]) {
    Awareness awareness(1);
    std::uint64_t now = 1000;
    ASSERT_TRUE(awareness.set_local_state("{}", now).ok());
    for (const auto& step : session["steps"]) {
      SCOPED_TRACE("step " + std::to_string(steps));
      ++now;
      Result<AwarenessChange> change = AwarenessChange{};
      if (step["op"] == "set_local") {
        const std::string state = step["state"];
        change = awareness.set_local_state(
            state == "null" ? std::nullopt : std::optional<std::string>(state), now);
      } else {
        change = awareness.apply_update(unhex(step["hex"]), now);
      }
      ASSERT_TRUE(change.ok()) << change.status().to_string();
      auto sorted = [](std::vector<std::uint64_t> v) {
        std::sort(v.begin(), v.end());
        return v;
      };
      EXPECT_EQ(sorted(change->added), sorted(ids(step["change"]["added"])));
      EXPECT_EQ(sorted(change->updated), sorted(ids(step["change"]["updated"])));
      EXPECT_EQ(sorted(change->removed), sorted(ids(step["change"]["removed"])));
      const auto clients = ids(step["clients"]);
      for (std::size_t i = 0; i < clients.size(); ++i) {
        EXPECT_EQ(awareness.clock(clients[i]), step["clocks"][i].get<std::uint64_t>());
      }
      EXPECT_EQ(hex(awareness.encode_update(clients)), step["encoded"]);
      ++steps;
    }
  }
  EXPECT_GE(steps, 400);
}

TEST(Awareness, OutdatedStatesDropAndLocalRenews) {
  Awareness local(1);
  Awareness remote(2);
  std::uint64_t now = 0;
  ASSERT_TRUE(local.set_local_state(R"({"name":"a"})", now).ok());
  ASSERT_TRUE(remote.set_local_state("{}", now).ok());
  ASSERT_TRUE(local.apply_update(remote.encode_states(), now).ok());
  EXPECT_EQ(local.states().size(), 1u) << "clock 0 of an unknown client is ignored (as Yjs)";
  ASSERT_TRUE(remote.set_local_state(R"({"name":"b"})", now).ok());
  ASSERT_TRUE(local.apply_update(remote.encode_states(), now).ok());
  EXPECT_EQ(local.states().size(), 2u);

  now = 15000;
  auto check = local.check_outdated(now);
  EXPECT_TRUE(check.renewed_local);
  EXPECT_TRUE(check.change.empty());
  EXPECT_EQ(local.clock(1), 1u);

  now = 29999;
  EXPECT_TRUE(local.check_outdated(now).change.empty());
  now = 30000;
  check = local.check_outdated(now);
  EXPECT_EQ(check.change.removed, std::vector<std::uint64_t>{2});
  EXPECT_EQ(local.states().count(2), 0u);
  EXPECT_EQ(local.states().count(1), 1u) << "the own state never times out";
}

TEST(Awareness, RemoteNullNeverRemovesOwnState) {
  Awareness local(5);
  ASSERT_TRUE(local.set_local_state("{}", 0).ok());
  const std::vector<AwarenessEntry> kill = {{5, 0, "null"}};
  auto change = local.apply_update(encode_awareness_update(kill), 1);
  ASSERT_TRUE(change.ok());
  EXPECT_TRUE(local.local_state().has_value());
  EXPECT_EQ(local.clock(5), 1u) << "clock bumped so the next broadcast wins";
}

TEST(Awareness, BadStatesAreRejectedWithoutChanges) {
  Awareness local(1);
  const std::vector<AwarenessEntry> good_then_bad = {{2, 1, R"({"a":1})"}, {3, 1, "{nope"}};
  auto change = local.apply_update(encode_awareness_update(good_then_bad), 0);
  ASSERT_FALSE(change.ok());
  EXPECT_EQ(change.status().code(), StatusCode::kCorrupt);
  EXPECT_TRUE(change.status().offset().has_value());
  EXPECT_TRUE(local.states().empty()) << "nothing applied from a bad update";
  EXPECT_FALSE(local.set_local_state("{", 0).ok());
  // A count larger than the bytes can hold is refused before allocating.
  const std::vector<std::uint8_t> huge = {0xff, 0xff, 0xff, 0x7f, 0x01};
  EXPECT_FALSE(decode_awareness_update(huge).ok());
}

} // namespace
} // namespace accord::sync
