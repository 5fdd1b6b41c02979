// The demo generator: deterministic, complete, and meaningful to the analytics.
#include <gtest/gtest.h>

#include "accord/analytics/digest.h"
#include "accord/analytics/follow_ups.h"
#include "accord/analytics/power_map_health.h"
#include "accord/model/account_schema.h"
#include "accord/model/activity_schema.h"
#include "accord/model/contact_schema.h"
#include "accord/model/plan_schema.h"
#include "accord/workspace/demo.h"
#include "accord/workspace/json_bundle.h"
#include "workspace_fixture.h"

namespace accord::workspace {
namespace {

using namespace accord::workspace::testing;

struct Demo {
  explicit Demo(std::uint64_t seed) {
    store = std::move(DocumentStore::open(":memory:")).value();
    ws = std::move(Workspace::create(*store, "demo-team", "Demo", model::Actor{"demo", "cli"},
                                     "Demo", kNow))
             .value();
    auto s = generate_demo(*ws, DemoOptions{seed, kNow, 12});
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    summary = *s;
    EXPECT_TRUE(ws->save().is_ok());
  }
  std::string json() { return pretty_json(export_workspace(*ws)->with_sorted_keys()); }
  std::unique_ptr<DocumentStore> store;
  std::unique_ptr<Workspace> ws;
  DemoSummary summary;
};

TEST(Demo, SameSeedSameWorkspaceOtherSeedOther) {
  Demo a(1), b(1), c(2);
  EXPECT_EQ(a.json(), b.json());
  EXPECT_NE(a.json(), c.json());
}

TEST(Demo, HasTwelveAccountsWithFullMapsAndAYearOfVisits) {
  Demo d(1);
  EXPECT_EQ(d.summary.accounts, 12u);
  const auto ids = d.ws->account_ids();
  ASSERT_EQ(ids.size(), 12u);
  int chinese = 0;
  for (const auto& id : ids) {
    AccountSlot* slot = d.ws->account(id);
    const auto contacts = slot->account.list(model::kContactRecord);
    EXPECT_GE(contacts.size(), 8u) << id;
    EXPECT_LE(contacts.size(), 15u) << id;
    EXPECT_GE(slot->account.list(model::kLinkRecord).size(), contacts.size() - 1) << id;
    EXPECT_EQ(slot->account.list(model::kFactionRecord).size(), 2u) << id;
    EXPECT_GE(slot->account.list(model::kNeedRecord).size(), 3u) << id;
    EXPECT_GE(slot->account.list(model::kActionRecord).size(), 4u) << id;
    const auto visits = slot->visits.visits();
    EXPECT_GE(visits.size(), 4u) << id;
    for (const auto& c : contacts) {
      EXPECT_TRUE(c.get(model::contact::kLevel).is_set()) << id;
      EXPECT_FALSE(c.get(model::contact::kBuyingRoles).empty()) << id;
    }
    const std::string name = slot->account.account().get(model::account::kName).value_or("");
    if (static_cast<unsigned char>(name[0]) >= 0xE0) ++chinese;
  }
  EXPECT_EQ(chinese, 6);
  EXPECT_EQ(d.ws->team().accounts().size(), 12u);
}

TEST(Demo, AnalyticsHaveSomethingToSay) {
  Demo d(1);
  const auto inputs = d.ws->inputs();
  const auto due = analytics::follow_ups(d.ws->team(), inputs, kNow, 7);
  EXPECT_GT(due.team.overdue + due.team.due, 0);
  const auto digest = analytics::manager_digest(inputs, kNow, 7);
  EXPECT_GE(digest.losing_ground.size(), 2u);
  EXPECT_FALSE(digest.pending_reviews.empty());
  EXPECT_FALSE(digest.overdue_actions.empty());
  int lowest = 100, highest = 0;
  for (const auto& in : inputs) {
    const auto h = analytics::power_map_health(in, kNow, 30);
    lowest = std::min(lowest, h.score);
    highest = std::max(highest, h.score);
  }
  EXPECT_LT(lowest, highest); // healthy and unhealthy maps
}

TEST(Demo, RefusesAWorkspaceWithAccounts) {
  Demo d(1);
  auto again = generate_demo(*d.ws, DemoOptions{1, kNow, 12});
  EXPECT_EQ(again.status().code(), StatusCode::kFailedPrecondition);
}

} // namespace
} // namespace accord::workspace
