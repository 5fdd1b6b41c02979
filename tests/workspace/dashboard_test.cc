// The dashboard from the projection tables gives the analytics' figures for the same documents.
#include <gtest/gtest.h>

#include "accord/analytics/digest.h"
#include "accord/analytics/follow_ups.h"
#include "accord/analytics/power_map_health.h"
#include "accord/model/team_schema.h"
#include "accord/workspace/dashboard.h"
#include "accord/workspace/demo.h"
#include "workspace_fixture.h"

namespace accord::workspace {
namespace {

using namespace accord::workspace::testing;

struct DemoWorkspace {
  explicit DemoWorkspace(std::uint64_t seed) {
    store = std::move(DocumentStore::open(":memory:")).value();
    ws = std::move(Workspace::create(*store, "demo-team", "Demo team", model::Actor{"demo", "cli"},
                                     "Demo", kNow))
             .value();
    EXPECT_TRUE(generate_demo(*ws, DemoOptions{seed, kNow, 12}).ok());
    EXPECT_TRUE(ws->save().is_ok());
  }
  std::unique_ptr<DocumentStore> store;
  std::unique_ptr<Workspace> ws;
};

void expect_same_as_analytics(DemoWorkspace& demo, std::int64_t now_ms) {
  SCOPED_TRACE("now " + model::format_date_time(now_ms));
  DashboardOptions options;
  options.list_limit = 100000;
  auto d = dashboard(*demo.store, "demo-team", now_ms, options);
  ASSERT_TRUE(d.ok()) << d.status().to_string();
  EXPECT_EQ(d->team_name, demo.ws->team().settings().get(model::settings::kTeamName));
  const auto inputs = demo.ws->inputs();
  const analytics::FollowUpReport follow = analytics::follow_ups(demo.ws->team(), inputs, now_ms);
  const analytics::ManagerDigest digest = analytics::manager_digest(inputs, now_ms);

  // Follow-ups: the same accounts in the same order with the same figures.
  std::vector<const DashboardAccount*> tracked;
  for (const auto& a : d->accounts) {
    if (!a.lost) tracked.push_back(&a);
  }
  ASSERT_EQ(tracked.size(), follow.accounts.size());
  for (std::size_t i = 0; i < tracked.size(); ++i) {
    const DashboardAccount& got = *tracked[i];
    const analytics::AccountFollowUp& want = follow.accounts[i];
    EXPECT_EQ(got.account.account_id, want.account_id);
    EXPECT_EQ(got.account.name, want.name);
    EXPECT_EQ(got.cadence_days, want.cadence_days);
    EXPECT_EQ(got.last_touch, want.last_touch);
    EXPECT_EQ(got.due, want.due);
    EXPECT_EQ(got.days_overdue, want.days_overdue);
    EXPECT_EQ(got.follow_up, want.state) << got.account.account_id;
  }
  ASSERT_EQ(d->per_rep.size(), follow.per_rep.size());
  for (std::size_t i = 0; i < d->per_rep.size(); ++i) {
    EXPECT_EQ(d->per_rep[i].rep, follow.per_rep[i].rep);
    EXPECT_EQ(d->per_rep[i].due, follow.per_rep[i].due);
    EXPECT_EQ(d->per_rep[i].overdue, follow.per_rep[i].overdue);
    EXPECT_EQ(d->per_rep[i].next_steps_overdue, follow.per_rep[i].next_steps_overdue);
  }
  EXPECT_EQ(d->team.overdue, follow.team.overdue);
  EXPECT_EQ(d->team.due, follow.team.due);
  EXPECT_EQ(d->team.next_steps_overdue, follow.team.next_steps_overdue);
  ASSERT_EQ(d->next_steps.size(), follow.next_steps.size());
  EXPECT_EQ(d->next_steps_total, follow.next_steps.size());
  for (std::size_t i = 0; i < d->next_steps.size(); ++i) {
    EXPECT_EQ(d->next_steps[i].visit_id, follow.next_steps[i].visit_id);
    EXPECT_EQ(d->next_steps[i].next_step, follow.next_steps[i].next_step);
    EXPECT_EQ(d->next_steps[i].due, follow.next_steps[i].due);
    EXPECT_EQ(d->next_steps[i].days_overdue, follow.next_steps[i].days_overdue);
  }

  // Health of every account.
  for (const auto& a : d->accounts) {
    AccountSlot* slot = demo.ws->account(a.account.account_id);
    ASSERT_NE(slot, nullptr);
    const analytics::PowerMapHealth h = analytics::power_map_health(
        analytics::AccountInput{&slot->account, &slot->visits}, now_ms, a.cadence_days);
    EXPECT_EQ(a.health_score, h.score) << a.account.account_id;
    EXPECT_EQ(a.stale_contacts, static_cast<int>(h.stale_contacts.size())) << a.account.account_id;
  }

  // Digest lists.
  EXPECT_EQ(d->pending_reviews_total, digest.pending_reviews.size());
  ASSERT_EQ(d->pending_reviews.size(), digest.pending_reviews.size());
  for (std::size_t i = 0; i < d->pending_reviews.size(); ++i) {
    EXPECT_EQ(d->pending_reviews[i].visit_id, digest.pending_reviews[i].visit_id);
    EXPECT_EQ(d->pending_reviews[i].rep, digest.pending_reviews[i].rep);
    EXPECT_EQ(d->pending_reviews[i].days_waiting, digest.pending_reviews[i].days_waiting);
  }
  EXPECT_EQ(d->overdue_actions_total, digest.overdue_actions.size());
  ASSERT_EQ(d->overdue_actions.size(), digest.overdue_actions.size());
  for (std::size_t i = 0; i < d->overdue_actions.size(); ++i) {
    EXPECT_EQ(d->overdue_actions[i].action_id, digest.overdue_actions[i].action_id);
    EXPECT_EQ(d->overdue_actions[i].task, digest.overdue_actions[i].task);
    EXPECT_EQ(d->overdue_actions[i].owner, digest.overdue_actions[i].owner);
    EXPECT_EQ(d->overdue_actions[i].days_overdue, digest.overdue_actions[i].days_overdue);
  }
}

TEST(Dashboard, MatchesTheAnalyticsOfTheDocuments) {
  DemoWorkspace demo(3);
  expect_same_as_analytics(demo, kNow);
  expect_same_as_analytics(demo, kNow + 20 * kDay); // more overdue, more stale contacts
  expect_same_as_analytics(demo, kNow - 60 * kDay); // later visits not yet made
}

TEST(Dashboard, FollowsEditsAndLimitsItsLists) {
  DemoWorkspace demo(5);
  auto before = dashboard(*demo.store, "demo-team", kNow);
  ASSERT_TRUE(before.ok());
  ASSERT_GT(before->pending_reviews_total, 0u);
  DashboardOptions one;
  one.list_limit = 1;
  auto limited = dashboard(*demo.store, "demo-team", kNow, one);
  ASSERT_TRUE(limited.ok());
  EXPECT_EQ(limited->pending_reviews.size(), 1u);
  EXPECT_EQ(limited->pending_reviews_total, before->pending_reviews_total);

  // The manager reviews the oldest pending visit: one fewer after save.
  const analytics::PendingReview& oldest = before->pending_reviews.front();
  AccountSlot* slot = demo.ws->account(oldest.account_id);
  ASSERT_NE(slot, nullptr);
  {
    model::Edit e(*slot->visit_doc, model::Actor{"demo", "cli"}, kNow);
    auto visits = slot->visits.visits();
    auto it = std::find_if(visits.begin(), visits.end(),
                           [&](const model::RecordRef& v) { return v.id() == oldest.visit_id; });
    ASSERT_NE(it, visits.end());
    ASSERT_TRUE(slot->visits.review(e, *it, "ok").is_ok());
  }
  ASSERT_TRUE(demo.ws->save().is_ok());
  auto after = dashboard(*demo.store, "demo-team", kNow);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->pending_reviews_total + 1, before->pending_reviews_total);
  expect_same_as_analytics(demo, kNow);
}

TEST(Dashboard, WithoutProjectionSaysHowToBuildIt) {
  auto store = std::move(DocumentStore::open(":memory:")).value();
  auto d = dashboard(*store, "nobody", kNow);
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(d.status().message().find("open the workspace"), std::string::npos);
  DemoWorkspace demo(1);
  auto other = dashboard(*demo.store, "other-team", kNow);
  ASSERT_FALSE(other.ok());
  EXPECT_NE(other.status().message().find("team 'other-team'"), std::string::npos);
}

} // namespace
} // namespace accord::workspace
