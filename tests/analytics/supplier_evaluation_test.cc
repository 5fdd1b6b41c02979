// Weighted supplier evaluation scores.
#include <gtest/gtest.h>

#include "accord/analytics/supplier_evaluation.h"
#include "fixtures.h"

namespace accord::analytics {
namespace {

using namespace testing;

TEST(SupplierEvaluation, WeightedScoresPerSupplier) {
  AccountFixture f("acme");
  std::string rival;
  {
    Edit e(f.account_doc, rep(), kNow);
    auto c = f.account.add(e, kCompetitorRecord);
    ASSERT_TRUE(c->set(e, competitor::kName, "Rival Pumps").is_ok());
    rival = c->id();
    auto line = [&](const char* attr, double weight, EvaluationScore score,
                    const std::string& supplier) {
      auto r = f.account.add(e, kEvaluationRecord);
      ASSERT_TRUE(r->set(e, evaluation::kAttribute, attr).is_ok());
      ASSERT_TRUE(r->set(e, evaluation::kWeight, weight).is_ok());
      ASSERT_TRUE(r->set(e, evaluation::kScore, score).is_ok());
      if (!supplier.empty()) {
        ASSERT_TRUE(r->set(e, evaluation::kSupplier, supplier).is_ok());
      }
    };
    line("quality", 40, EvaluationScore::kExcellent, "");  // 160
    line("price", 30, EvaluationScore::kFair, "");         // 60
    line("delivery", 30, EvaluationScore::kGood, "");      // 90 -> 310 / 100
    line("quality", 40, EvaluationScore::kGood, rival);    // 120
    line("price", 60, EvaluationScore::kExcellent, rival); // 240 -> 360 / 100
    line("service", 0, EvaluationScore::kPoor, rival);     // no weight: skipped
    auto unscored = f.account.add(e, kEvaluationRecord);
    ASSERT_TRUE(unscored->set(e, evaluation::kWeight, 10.0).is_ok());
  }
  auto scores = supplier_scores(f.account);
  ASSERT_EQ(scores.size(), 2u);
  EXPECT_EQ(scores[0].supplier, "");
  EXPECT_EQ(scores[0].lines, 3);
  EXPECT_DOUBLE_EQ(*scores[0].weighted_score, 3.1);
  EXPECT_EQ(scores[1].supplier, rival);
  EXPECT_EQ(scores[1].name, "Rival Pumps");
  EXPECT_EQ(scores[1].lines, 2);
  EXPECT_DOUBLE_EQ(scores[1].total_weight, 100);
  EXPECT_DOUBLE_EQ(*scores[1].weighted_score, 3.6);
}

TEST(SupplierEvaluation, NoLinesLeavesOurScoreUnset) {
  AccountFixture f("empty");
  auto scores = supplier_scores(f.account);
  ASSERT_EQ(scores.size(), 1u);
  EXPECT_FALSE(scores[0].weighted_score.has_value());
}

} // namespace
} // namespace accord::analytics
