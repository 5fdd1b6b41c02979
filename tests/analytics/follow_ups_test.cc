// Follow-ups by tier cadence, next steps past due, per rep and team.
#include <gtest/gtest.h>

#include "accord/analytics/follow_ups.h"
#include "fixtures.h"

namespace accord::analytics {
namespace {

using namespace testing;

TEST(FollowUps, DueAndOverdueByTierCadencePerRepAndTeam) {
  Doc team_doc(DocOptions::with_client_id(1));
  TeamIndex team(team_doc);
  {
    Edit e(team_doc, rep(), kNow);
    ASSERT_TRUE(TeamIndex::create(e, "team").ok());
    ASSERT_TRUE(team.settings().set(e, settings::kCadenceC, 60).is_ok());
  }
  AccountFixture a1("a1"), a2("a2"), a3("a3"), a4("a4"), a5("a5");
  a1.set(account::kTier, Tier::kA);
  a1.set(account::kOwner, "alice");
  const std::string v1 = a1.visit(kNow - 20 * kDay);
  a1.set_visit(v1, visit::kNextStep, "send the trial report");
  a1.set_visit(v1, visit::kNextStepDue, "2026-02-28");
  const std::string v2 = a1.visit(kNow - 21 * kDay);
  a1.set_visit(v2, visit::kNextStep, "quote");
  a1.set_visit(v2, visit::kNextStepDue, "2026-02-20");
  a1.set_visit(v2, visit::kNextStepDone, true);
  const std::string v3 = a1.visit(kNow - 22 * kDay, {}, "carol");
  a1.set_visit(v3, visit::kNextStep, "site tour");
  a1.set_visit(v3, visit::kNextStepDue, "2026-03-03");
  a2.set(account::kTier, Tier::kB);
  a2.set(account::kOwner, "bob");
  a2.visit(kNow - 25 * kDay);
  a3.set(account::kTier, Tier::kC);
  a3.set(account::kOwner, "alice");
  a3.visit(kNow - 10 * kDay);
  a4.set(account::kOwner, "bob");
  a5.set(account::kTier, Tier::kA);
  a5.set(account::kFunnelStage, FunnelStage::kLost);
  a4.visit(kNow + 2 * kDay); // in the future: not a touch yet

  const std::vector<AccountInput> inputs{a1.input(), a2.input(), a3.input(), a4.input(),
                                         a5.input()};
  FollowUpReport r = follow_ups(team, inputs, kNow, 7);
  ASSERT_EQ(r.accounts.size(), 4u);
  // Most overdue first: a1 (6 days), a4 (never: 0), a2 (-5), a3 (-50).
  EXPECT_EQ(r.accounts[0].account_id, "a1");
  EXPECT_EQ(r.accounts[0].cadence_days, 14);
  EXPECT_EQ(format_date(*r.accounts[0].last_touch), "2026-02-10");
  EXPECT_EQ(format_date(r.accounts[0].due), "2026-02-24");
  EXPECT_EQ(r.accounts[0].days_overdue, 6);
  EXPECT_EQ(r.accounts[0].state, FollowUpState::kOverdue);
  EXPECT_EQ(r.accounts[1].account_id, "a4");
  EXPECT_EQ(r.accounts[1].state, FollowUpState::kOverdue);
  EXPECT_FALSE(r.accounts[1].last_touch.has_value());
  EXPECT_EQ(r.accounts[1].cadence_days, 60); // no tier: tier C's cadence
  EXPECT_EQ(r.accounts[2].account_id, "a2");
  EXPECT_EQ(r.accounts[2].cadence_days, 30);
  EXPECT_EQ(r.accounts[2].days_overdue, -5);
  EXPECT_EQ(r.accounts[2].state, FollowUpState::kDue);
  EXPECT_EQ(r.accounts[3].account_id, "a3");
  EXPECT_EQ(r.accounts[3].days_overdue, -50);
  EXPECT_EQ(r.accounts[3].state, FollowUpState::kOk);

  ASSERT_EQ(r.next_steps.size(), 1u);
  EXPECT_EQ(r.next_steps[0].visit_id, v1);
  EXPECT_EQ(r.next_steps[0].rep, "alice");
  EXPECT_EQ(r.next_steps[0].next_step, "send the trial report");
  EXPECT_EQ(r.next_steps[0].days_overdue, 2);

  ASSERT_EQ(r.per_rep.size(), 2u);
  EXPECT_EQ(r.per_rep[0].rep, "alice");
  EXPECT_EQ(r.per_rep[0].overdue, 1);
  EXPECT_EQ(r.per_rep[0].due, 0);
  EXPECT_EQ(r.per_rep[0].next_steps_overdue, 1);
  EXPECT_EQ(r.per_rep[1].rep, "bob");
  EXPECT_EQ(r.per_rep[1].overdue, 1);
  EXPECT_EQ(r.per_rep[1].due, 1);
  EXPECT_EQ(r.team.due, 1);
  EXPECT_EQ(r.team.overdue, 2);
  EXPECT_EQ(r.team.next_steps_overdue, 1);

  // A narrower window turns a2 from due to ok.
  FollowUpReport narrow = follow_ups(team, inputs, kNow, 3);
  EXPECT_EQ(narrow.team.due, 0);
}

} // namespace
} // namespace accord::analytics
