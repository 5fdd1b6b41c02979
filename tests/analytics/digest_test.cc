// The manager digest: pending reviews, accounts losing ground, overdue plan actions.
#include <gtest/gtest.h>

#include "accord/analytics/digest.h"
#include "fixtures.h"

namespace accord::analytics {
namespace {

using namespace testing;

TEST(ManagerDigest, PendingReviewsLosingGroundAndOverdueActions) {
  AccountFixture a("acme");
  const std::string v1 = a.visit(kNow - 3 * kDay, {}, "alice");
  const std::string v2 = a.visit(kNow - 1 * kDay, {}, "bob");
  a.set_visit(v2, visit::kReviewed, true);
  a.visit(kNow + kDay); // not yet happened
  const std::string v4 = a.visit(kNow - 10 * kDay, {}, "bob");

  // Journaled moves inside and outside the 7-day window.
  a.set(account::kDevelopmentStage, DevelopmentStage::kStableCooperation, kNow - 20 * kDay);
  a.set(account::kDevelopmentStage, DevelopmentStage::kInitialCooperation, kNow - 10 * kDay);
  a.set(account::kDevelopmentStage, DevelopmentStage::kGestation, kNow - 2 * kDay);
  a.set(account::kRelationship, RelationshipStrength::kGood, kNow - 30 * kDay);
  a.set(account::kRelationship, RelationshipStrength::kDeveloping, kNow - 1 * kDay);
  a.set(account::kRelationshipType, RelationshipType::kVendor, kNow - 30 * kDay);
  a.set(account::kRelationshipType, RelationshipType::kPartner, kNow - 1 * kDay);
  a.set(account::kFunnelStage, FunnelStage::kRegular, kNow - 30 * kDay);
  a.set(account::kFunnelStage, FunnelStage::kLost, kNow - 4 * kDay);
  const std::string c = a.contact("Lu", OrgLevel::kMiddle, {}, Stance::kSupporter, std::nullopt);
  a.set_contact(c, contact::kStance, Stance::kSkeptic, kNow - 3 * kDay);
  a.set_contact(c, contact::kStance, Stance::kNeutral, kNow - 2 * kDay);

  auto action = [&](const std::string& task, const std::string& due, ActionStatus status) {
    Edit e(a.account_doc, rep(), kNow - 60 * kDay);
    auto r = a.account.add(e, kActionRecord);
    EXPECT_TRUE(r->set(e, action::kTask, task).is_ok());
    EXPECT_TRUE(r->set(e, action::kDue, due).is_ok());
    EXPECT_TRUE(r->set(e, action::kStatus, status).is_ok());
    EXPECT_TRUE(r->set(e, action::kOwner, "alice").is_ok());
    return r->id();
  };
  const std::string a1 = action("trial at plant 2", "2026-02-25", ActionStatus::kPlanned);
  action("price review", "2026-03-01", ActionStatus::kDone);
  action("exec dinner", "2026-03-05", ActionStatus::kPlanned);
  action("old idea", "2026-02-28", ActionStatus::kCancelled);
  const std::string a5 = action("CFO meeting", "2026-02-28", ActionStatus::kInProgress);

  const std::vector<AccountInput> in{a.input()};
  ManagerDigest d = manager_digest(in, kNow, 7);

  ASSERT_EQ(d.pending_reviews.size(), 2u);
  EXPECT_EQ(d.pending_reviews[0].visit_id, v4);
  EXPECT_EQ(d.pending_reviews[0].days_waiting, 10);
  EXPECT_EQ(d.pending_reviews[0].rep, "bob");
  EXPECT_EQ(d.pending_reviews[1].visit_id, v1);
  EXPECT_EQ(d.pending_reviews[1].days_waiting, 3);
  EXPECT_EQ(d.pending_reviews[1].account_id, "acme");

  ASSERT_EQ(d.losing_ground.size(), 4u);
  EXPECT_EQ(d.losing_ground[0].field, "relationship");
  EXPECT_EQ(d.losing_ground[0].from_code, "good");
  EXPECT_EQ(d.losing_ground[0].to_code, "developing");
  EXPECT_EQ(d.losing_ground[1].field, "development_stage");
  EXPECT_EQ(d.losing_ground[1].from_code, "initial_cooperation");
  EXPECT_EQ(d.losing_ground[1].to_code, "gestation");
  EXPECT_EQ(d.losing_ground[2].record, "contacts/" + c);
  EXPECT_EQ(d.losing_ground[2].field, "stance");
  EXPECT_EQ(d.losing_ground[2].from_code, "supporter");
  EXPECT_EQ(d.losing_ground[2].to_code, "skeptic");
  EXPECT_EQ(d.losing_ground[3].field, "funnel_stage");
  EXPECT_EQ(d.losing_ground[3].to_code, "lost");
  EXPECT_EQ(d.losing_ground[3].user, "alice");

  ASSERT_EQ(d.overdue_actions.size(), 2u);
  EXPECT_EQ(d.overdue_actions[0].action_id, a1);
  EXPECT_EQ(d.overdue_actions[0].days_overdue, 5);
  EXPECT_EQ(d.overdue_actions[0].task, "trial at plant 2");
  EXPECT_EQ(d.overdue_actions[0].owner, "alice");
  EXPECT_EQ(d.overdue_actions[1].action_id, a5);
  EXPECT_EQ(d.overdue_actions[1].days_overdue, 2);

  // A 30-day window also sees the stage drop 10 days ago.
  ManagerDigest wide = manager_digest(in, kNow, 30);
  EXPECT_EQ(wide.losing_ground.size(), 5u);
}

} // namespace
} // namespace accord::analytics
