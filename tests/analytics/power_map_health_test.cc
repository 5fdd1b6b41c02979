// Power-map health: every rule with exact points and reasons.
#include <gtest/gtest.h>

#include "accord/analytics/power_map_health.h"
#include "fixtures.h"

namespace accord::analytics {
namespace {

using namespace testing;

std::vector<std::string> codes(const PowerMapHealth& h) {
  std::vector<std::string> out;
  for (const auto& r : h.reasons) out.push_back(r.code + ":" + std::to_string(r.points));
  return out;
}

TEST(PowerMapHealth, AnEmptyMapIsAllRisk) {
  AccountFixture f("empty");
  PowerMapHealth h = power_map_health(f.input(), kNow, 14);
  EXPECT_EQ(h.unknown_roles.size(), 9u);
  EXPECT_EQ(codes(h),
            (std::vector<std::string>{"unknown_role:-4", "unknown_role:-4", "unknown_role:-4",
                                      "unknown_role:-4", "unknown_role:-4", "unknown_role:-4",
                                      "unknown_role:-4", "unknown_role:-4", "unknown_role:-4",
                                      "no_stance_known:-10", "no_support:-20", "no_coach:-10",
                                      "no_executive_access:-10"}));
  EXPECT_EQ(h.score, 14);
  EXPECT_EQ(h.reasons[0].subject, "decider");
  EXPECT_EQ(h.reasons[0].message, "nobody known as Decider (决策的人)");
  EXPECT_TRUE(h.single_threaded);
  EXPECT_FALSE(h.executive_access);
  ASSERT_EQ(h.zipper.size(), 3u);
  EXPECT_EQ(h.zipper[0].contacts, 0);
}

TEST(PowerMapHealth, AMixedMapScoresWithEveryReason) {
  AccountFixture f("mixed");
  const std::string wang =
      f.contact("Wang", OrgLevel::kTop, {BuyingRole::kDecider}, Stance::kOpponent, Grade::kHigh);
  const std::string li =
      f.contact("Li", OrgLevel::kMiddle, {BuyingRole::kPurchaser, BuyingRole::kEvaluator},
                Stance::kChampion, Grade::kMedium);
  const std::string zhang =
      f.contact("Zhang", OrgLevel::kBase, {BuyingRole::kUser}, Stance::kNeutral, Grade::kLow);
  const std::string zhao =
      f.contact("Zhao", OrgLevel::kMiddle, {BuyingRole::kEvaluator, BuyingRole::kInitiator},
                Stance::kSkeptic, Grade::kMedium);
  f.set_contact(li, contact::kInsideHelp, InsideHelp::kCoach);
  const std::string sponsor = f.member("vp", TeamRole::kExecutiveSponsor, OrgLevel::kTop);
  const std::string sales = f.member("alice", TeamRole::kSalesManager, OrgLevel::kMiddle);
  f.set_contact(wang, contact::kCounterpart, sponsor);
  f.set_contact(li, contact::kCounterpart, sales);
  f.visit(kNow - 3 * kDay, {li, wang});
  f.visit(kNow - 40 * kDay, {zhang});

  PowerMapHealth h = power_map_health(f.input(), kNow, 14);
  EXPECT_EQ(codes(h), (std::vector<std::string>{
                          "unknown_role:-4", "unknown_role:-4", "unknown_role:-4",
                          "unknown_role:-4", "support_negative:-15", "high_influence_opponent:-10",
                          "single_threaded:-15", "no_executive_access:-10", "zipper_gap:-5"}));
  EXPECT_EQ(h.score, 29);
  EXPECT_EQ(h.unknown_roles,
            (std::vector<BuyingRole>{BuyingRole::kPayer, BuyingRole::kBeneficiary,
                                     BuyingRole::kFacilitator, BuyingRole::kSaboteur}));
  EXPECT_EQ(h.roles[static_cast<int>(BuyingRole::kEvaluator)].contacts.size(), 2u);
  EXPECT_EQ(h.roles[static_cast<int>(BuyingRole::kDecider)].contacts,
            (std::vector<std::string>{wang}));
  EXPECT_DOUBLE_EQ(h.support_balance, -0.5); // (-6 + 4 + 0 - 2) / (3 + 2 + 1 + 2)
  EXPECT_EQ(h.contacts_with_stance, 4);
  EXPECT_EQ(h.high_influence_opponents, (std::vector<std::string>{wang}));
  EXPECT_EQ(h.engaged, (std::vector<std::string>{li}));
  EXPECT_TRUE(h.single_threaded);
  EXPECT_EQ(h.coaches, (std::vector<std::string>{li}));
  EXPECT_FALSE(h.executive_access);
  EXPECT_EQ(h.zipper[0].contacts, 1);
  EXPECT_EQ(h.zipper[0].covered, 1);
  EXPECT_EQ(h.zipper[1].contacts, 2);
  EXPECT_EQ(h.zipper[1].covered, 1);
  EXPECT_EQ(h.zipper[2].contacts, 1);
  EXPECT_EQ(h.zipper[2].covered, 0);
  EXPECT_EQ(h.reasons[4].message, "influence-weighted support is negative (-0.50)");
  EXPECT_EQ(h.reasons[6].message, "only one engaged contact: Li");
  EXPECT_EQ(h.reasons[8].message, "0 of 1 Base-level contacts have a counterpart at their level");
  EXPECT_TRUE(h.stale_contacts.empty());

  // Twenty days later the two key contacts met 23 days ago are stale (cadence 14).
  PowerMapHealth later = power_map_health(f.input(), kNow + 20 * kDay, 14);
  EXPECT_EQ(later.stale_contacts.size(), 2u);
  EXPECT_EQ(later.score, 23);
  EXPECT_EQ(later.reasons.back().code, "stale_contact");
  EXPECT_NE(later.reasons.back().message.find("not met for more than 14 days"), std::string::npos);

  // Winning Wang over gives executive access and removes the opponent.
  f.set_contact(wang, contact::kStance, Stance::kSupporter);
  PowerMapHealth won = power_map_health(f.input(), kNow, 14);
  EXPECT_TRUE(won.executive_access);
  EXPECT_TRUE(won.high_influence_opponents.empty());
  EXPECT_FALSE(won.single_threaded);
  // balance (3 + 4 + 0 - 2) / 8 = 0.625: no support reason.
  EXPECT_DOUBLE_EQ(won.support_balance, 0.625);
  EXPECT_EQ(codes(won),
            (std::vector<std::string>{"unknown_role:-4", "unknown_role:-4", "unknown_role:-4",
                                      "unknown_role:-4", "zipper_gap:-5"}));
  EXPECT_EQ(won.score, 79);
}

TEST(PowerMapHealth, AHealthyMapScoresFull) {
  AccountFixture f("healthy");
  const std::string top = f.member("vp", TeamRole::kExecutiveSponsor, OrgLevel::kTop);
  const std::string mid = f.member("alice", TeamRole::kAccountManager, OrgLevel::kMiddle);
  const std::string a = f.contact(
      "Boss", OrgLevel::kTop, {BuyingRole::kDecider, BuyingRole::kPayer, BuyingRole::kInitiator},
      Stance::kSupporter, Grade::kHigh);
  const std::string b =
      f.contact("Buyer", OrgLevel::kMiddle,
                {BuyingRole::kPurchaser, BuyingRole::kEvaluator, BuyingRole::kFacilitator},
                Stance::kChampion, Grade::kMedium);
  const std::string c =
      f.contact("Skeptic", OrgLevel::kMiddle,
                {BuyingRole::kUser, BuyingRole::kBeneficiary, BuyingRole::kSaboteur},
                Stance::kNeutral, Grade::kLow);
  f.set_contact(b, contact::kInsideHelp, InsideHelp::kCoach);
  f.set_contact(a, contact::kCounterpart, top);
  f.set_contact(b, contact::kCounterpart, mid);
  f.set_contact(c, contact::kCounterpart, mid);
  f.visit(kNow - 2 * kDay, {a, b});
  PowerMapHealth h = power_map_health(f.input(), kNow, 14);
  EXPECT_TRUE(h.reasons.empty()) << h.reasons.front().code;
  EXPECT_EQ(h.score, 100);
  EXPECT_TRUE(h.executive_access);
  EXPECT_FALSE(h.single_threaded);
}

TEST(PowerMapHealth, ArchivedContactsDoNotCount) {
  AccountFixture f("archived");
  const std::string c =
      f.contact("Gone", OrgLevel::kTop, {BuyingRole::kDecider}, Stance::kChampion, Grade::kHigh);
  {
    Edit e(f.account_doc, rep(), kNow);
    ASSERT_TRUE(f.account.find(kContactRecord, c)->set_archived(e, true).is_ok());
  }
  PowerMapHealth h = power_map_health(f.input(), kNow, 14);
  EXPECT_EQ(h.unknown_roles.size(), 9u);
  EXPECT_EQ(h.score, 14);
}

} // namespace
} // namespace accord::analytics
