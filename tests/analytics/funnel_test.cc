// Funnel stages and conversion rates over a period, from journaled stage changes and visits.
#include <gtest/gtest.h>

#include "accord/analytics/funnel.h"
#include "fixtures.h"

namespace accord::analytics {
namespace {

using namespace testing;

constexpr std::int64_t kFrom = kNow - 30 * kDay;
constexpr std::int64_t kTo = kNow;

TEST(Funnel, StagesConversionsLossAndLoyaltyOverAPeriod) {
  AccountFixture f1("f1"), f2("f2"), f3("f3"), f4("f4"), f5("f5"), f6("f6"), f7("f7");
  f1.set(account::kFunnelStage, FunnelStage::kProspect, kFrom - 10 * kDay);
  f1.set(account::kFunnelStage, FunnelStage::kPossible, kFrom + 1 * kDay);
  f1.set(account::kFunnelStage, FunnelStage::kRegular, kFrom + 5 * kDay);
  f2.set(account::kFunnelStage, FunnelStage::kRegular, kFrom - 30 * kDay);
  f2.set(account::kFunnelStage, FunnelStage::kKey, kFrom + 2 * kDay);
  f2.set(account::kFunnelStage, FunnelStage::kWon, kFrom + 20 * kDay);
  f3.set(account::kFunnelStage, FunnelStage::kPossible, kFrom + 3 * kDay);
  f3.set(account::kFunnelStage, FunnelStage::kLost, kFrom + 6 * kDay);
  f4.set(account::kFunnelStage, FunnelStage::kKey, kFrom - 50 * kDay);
  f5.set(account::kFunnelStage, FunnelStage::kKey, kFrom - 50 * kDay);
  f5.set(account::kFunnelStage, FunnelStage::kLost, kFrom + 4 * kDay);
  f6.set(account::kFunnelStage, FunnelStage::kProspect, kTo + kDay);
  // f7's stage was written without the model (no journal): it only counts at the end.
  {
    Transaction txn = f7.account_doc.transact();
    f7.account_doc.get_map("account").set(txn, "funnel_stage", Any("regular"));
  }

  // Visits of f1: five in the period with results, one after it, one without a result.
  const VisitResult results[] = {VisitResult::kNotReached, VisitResult::kReached,
                                 VisitResult::kAppointment, VisitResult::kMeetingSuccess,
                                 VisitResult::kClosed};
  for (int i = 0; i < 5; ++i) {
    f1.set_visit(f1.visit(kFrom + (i + 1) * kDay), visit::kResult, results[i]);
  }
  f1.set_visit(f1.visit(kTo + kDay), visit::kResult, VisitResult::kClosed);
  f1.visit(kFrom + 9 * kDay);

  const std::vector<AccountInput> in{f1.input(), f2.input(), f3.input(), f4.input(),
                                     f5.input(), f6.input(), f7.input()};
  FunnelReport r = funnel(in, kFrom, kTo);
  ASSERT_EQ(r.stages.size(), 6u);
  auto stage = [&](FunnelStage s) { return r.stages[static_cast<int>(s)]; };
  EXPECT_EQ(stage(FunnelStage::kProspect).at_start, 1);
  EXPECT_EQ(stage(FunnelStage::kRegular).at_start, 1);
  EXPECT_EQ(stage(FunnelStage::kKey).at_start, 2);
  EXPECT_EQ(stage(FunnelStage::kPossible).at_start, 0);
  EXPECT_EQ(stage(FunnelStage::kPossible).entered, 2);
  EXPECT_EQ(stage(FunnelStage::kRegular).entered, 1);
  EXPECT_EQ(stage(FunnelStage::kKey).entered, 1);
  EXPECT_EQ(stage(FunnelStage::kWon).entered, 1);
  EXPECT_EQ(stage(FunnelStage::kLost).entered, 2);
  EXPECT_EQ(stage(FunnelStage::kRegular).at_end, 2); // f1 and f7
  EXPECT_EQ(stage(FunnelStage::kKey).at_end, 1);
  EXPECT_EQ(stage(FunnelStage::kWon).at_end, 1);
  EXPECT_EQ(stage(FunnelStage::kLost).at_end, 2);
  EXPECT_EQ(stage(FunnelStage::kProspect).at_end, 0);

  ASSERT_EQ(r.conversions.size(), 4u);
  EXPECT_EQ(r.conversions[0].passed_through, 1);
  EXPECT_EQ(r.conversions[0].converted, 1);
  EXPECT_EQ(r.conversions[0].rate, 1.0);
  EXPECT_EQ(r.conversions[1].passed_through, 2);
  EXPECT_EQ(r.conversions[1].converted, 1);
  EXPECT_EQ(r.conversions[1].rate, 0.5);
  EXPECT_EQ(r.conversions[2].from, FunnelStage::kRegular);
  EXPECT_EQ(r.conversions[2].passed_through, 2);
  EXPECT_EQ(r.conversions[2].converted, 1);
  EXPECT_EQ(r.conversions[3].passed_through, 3);
  EXPECT_EQ(r.conversions[3].converted, 1);
  EXPECT_DOUBLE_EQ(*r.conversions[3].rate, 1.0 / 3.0);
  EXPECT_EQ(r.lost, 2);
  EXPECT_EQ(r.vip_conversion, 0.5);
  EXPECT_EQ(r.vip_loyalty, 0.5);

  EXPECT_EQ(r.visits.with_result, 5);
  EXPECT_EQ(r.visits.reached, 4);
  EXPECT_EQ(r.visits.appointments, 3);
  EXPECT_EQ(r.visits.meetings, 2);
  EXPECT_EQ(r.visits.closed, 1);
  EXPECT_DOUBLE_EQ(*r.visits.effective_call_rate, 0.8);
  EXPECT_DOUBLE_EQ(*r.visits.appointment_rate, 0.75);
  EXPECT_DOUBLE_EQ(*r.visits.meeting_success_rate, 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(*r.visits.close_rate, 0.5);
}

TEST(Funnel, AnEmptyPeriodHasNoRates) {
  AccountFixture f("f");
  const std::vector<AccountInput> in{f.input()};
  FunnelReport r = funnel(in, kFrom, kTo);
  for (const auto& c : r.conversions) EXPECT_FALSE(c.rate.has_value());
  EXPECT_FALSE(r.vip_loyalty.has_value());
  EXPECT_FALSE(r.visits.effective_call_rate.has_value());
}

} // namespace
} // namespace accord::analytics
