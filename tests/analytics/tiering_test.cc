// The tiering matrix, its strategies and the 80/20 concentration.
#include <gtest/gtest.h>

#include "accord/analytics/tiering.h"
#include "fixtures.h"

namespace accord::analytics {
namespace {

using namespace testing;

TEST(Tiering, EveryCellSuggestsItsStrategy) {
  using G = Grade;
  using R = RelationshipStrength;
  EXPECT_EQ(suggest_strategy(G::kHigh, R::kVeryStrong), Strategy::kInvest);
  EXPECT_EQ(suggest_strategy(G::kHigh, R::kGood), Strategy::kInvest);
  EXPECT_EQ(suggest_strategy(G::kHigh, R::kDeveloping), Strategy::kDevelop);
  EXPECT_EQ(suggest_strategy(G::kHigh, R::kLimited), Strategy::kDevelop);
  EXPECT_EQ(suggest_strategy(G::kHigh, R::kDefensive), Strategy::kRecover);
  EXPECT_EQ(suggest_strategy(G::kHigh, R::kDeclining), Strategy::kRecover);
  EXPECT_EQ(suggest_strategy(G::kMedium, R::kGood), Strategy::kMaintain);
  EXPECT_EQ(suggest_strategy(G::kMedium, R::kLimited), Strategy::kSelective);
  EXPECT_EQ(suggest_strategy(G::kMedium, R::kDeclining), Strategy::kMonitor);
  EXPECT_EQ(suggest_strategy(G::kLow, R::kVeryStrong), Strategy::kHarvest);
  EXPECT_EQ(suggest_strategy(G::kLow, R::kDeveloping), Strategy::kMinimal);
  EXPECT_EQ(suggest_strategy(G::kLow, R::kDefensive), Strategy::kWithdraw);
  EXPECT_EQ(code_of(Strategy::kRecover), "recover");
  EXPECT_EQ(display_name(Strategy::kInvest, Locale::kChinese), "重点投入，扩大合作");
}

TEST(Tiering, MatrixAndEightyTwentyConcentration) {
  AccountFixture a1("a1", "Alpha"), a2("a2"), a3("a3"), a4("a4"), a5("a5"), a6("a6");
  auto place = [](AccountFixture& f, Grade g, RelationshipStrength r, double sales) {
    f.set(account::kAttractiveness, g);
    f.set(account::kRelationship, r);
    f.set(account::kOurSales, sales);
  };
  place(a1, Grade::kHigh, RelationshipStrength::kVeryStrong, 500);
  place(a2, Grade::kHigh, RelationshipStrength::kDeclining, 200);
  place(a3, Grade::kMedium, RelationshipStrength::kDeveloping, 150);
  place(a4, Grade::kLow, RelationshipStrength::kGood, 100);
  place(a5, Grade::kLow, RelationshipStrength::kDeclining, 50);
  a1.set(account::kTier, Tier::kA);
  a6.set(account::kRelationship, RelationshipStrength::kGood);
  const std::vector<const AccountDocument*> docs{&a6.account, &a5.account, &a4.account,
                                                 &a3.account, &a2.account, &a1.account};
  TieringReport r = tiering(docs);
  ASSERT_EQ(r.placed.size(), 5u);
  EXPECT_EQ(r.placed[0].account_id, "a1");
  EXPECT_EQ(r.placed[0].name, "Alpha");
  EXPECT_EQ(r.placed[0].strategy, Strategy::kInvest);
  EXPECT_EQ(r.placed[0].tier, Tier::kA);
  EXPECT_EQ(r.placed[1].strategy, Strategy::kRecover);
  EXPECT_EQ(r.placed[2].strategy, Strategy::kSelective);
  EXPECT_EQ(r.placed[3].strategy, Strategy::kHarvest);
  EXPECT_EQ(r.placed[4].strategy, Strategy::kWithdraw);
  EXPECT_EQ(r.unplaced, (std::vector<std::string>{"a6"}));
  EXPECT_DOUBLE_EQ(r.total_revenue, 1000);
  EXPECT_EQ(r.accounts_with_revenue, 5);
  EXPECT_EQ(r.top_accounts, (std::vector<std::string>{"a1", "a2", "a3"}));
  EXPECT_DOUBLE_EQ(r.top_account_share, 0.6);
  EXPECT_DOUBLE_EQ(r.top_revenue_share, 0.85);
}

TEST(Tiering, NoRevenueMeansNoConcentration) {
  AccountFixture a("a");
  const std::vector<const AccountDocument*> docs{&a.account};
  TieringReport r = tiering(docs);
  EXPECT_TRUE(r.top_accounts.empty());
  EXPECT_EQ(r.top_account_share, 0);
  EXPECT_EQ(r.unplaced.size(), 1u);
}

} // namespace
} // namespace accord::analytics
