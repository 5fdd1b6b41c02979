// Funnel stages and conversion rates over a period, from the change journal and the visit log.
#include "accord/analytics/funnel.h"

#include <array>
#include <set>

#include "accord/model/account_schema.h"
#include "accord/model/activity_schema.h"
#include "accord/model/history.h"

namespace accord::analytics {

using namespace accord::model;

namespace {

constexpr int kStages = 6;
constexpr int kWon = static_cast<int>(FunnelStage::kWon);
constexpr int kLost = static_cast<int>(FunnelStage::kLost);

std::optional<int> stage_of(const Any& v) {
  if (!v.is_string()) return std::nullopt;
  auto s = parse_enum<FunnelStage>(v.as_string());
  if (!s) return std::nullopt;
  return static_cast<int>(*s);
}

// The stage journaled last before `t` (unset when none, removed, or unknown).
std::optional<int> stage_before(const std::vector<Change>& h, std::int64_t t) {
  std::optional<int> out;
  for (const Change& c : h) {
    if (c.at_ms >= t) break;
    out = stage_of(c.new_value);
  }
  return out;
}

std::optional<double> ratio(int num, int den) {
  if (den <= 0) return std::nullopt;
  return static_cast<double>(num) / static_cast<double>(den);
}

} // namespace

FunnelReport funnel(std::span<const AccountInput> accounts, std::int64_t from_ms,
                    std::int64_t to_ms) {
  FunnelReport r;
  std::array<StageCount, kStages> stages{};
  for (int i = 0; i < kStages; ++i) stages[i].stage = static_cast<FunnelStage>(i);
  std::array<int, kStages> passed{};
  std::array<int, kStages> converted{};
  int loyal_base = 0;
  int loyal = 0;

  for (const AccountInput& in : accounts) {
    Doc& doc = in.account->doc();
    const std::vector<Change> h = field_history(doc, "account", account::kFunnelStage.key);
    if (h.empty()) {
      if (auto cur = in.account->account().get(account::kFunnelStage).value()) {
        ++stages[static_cast<int>(*cur)].at_end;
      }
    } else {
      const auto start = stage_before(h, from_ms);
      const auto end = stage_before(h, to_ms);
      if (start) ++stages[*start].at_start;
      if (end) ++stages[*end].at_end;
      std::set<int> entered;
      std::optional<int> first_in_period;
      std::optional<int> max_reached;
      if (start && *start != kLost) max_reached = start;
      for (const Change& c : h) {
        if (c.at_ms < from_ms || c.at_ms >= to_ms) continue;
        auto s = stage_of(c.new_value);
        if (!s) continue;
        entered.insert(*s);
        if (*s == kLost) continue;
        if (!first_in_period) first_in_period = s;
        if (!max_reached || *s > *max_reached) max_reached = s;
      }
      for (int s : entered) ++stages[s].entered;
      const std::optional<int> start_ord = start && *start != kLost ? start : first_in_period;
      if (start_ord && max_reached) {
        for (int s = *start_ord; s <= *max_reached && s < kWon; ++s) {
          ++passed[s];
          if (*max_reached >= s + 1) ++converted[s];
        }
      }
      if (end == kLost && start != kLost) ++r.lost;
      if (start && (*start == static_cast<int>(FunnelStage::kKey) || *start == kWon)) {
        ++loyal_base;
        if (end && (*end == static_cast<int>(FunnelStage::kKey) || *end == kWon)) ++loyal;
      }
    }

    if (in.visits == nullptr) continue;
    for (const RecordRef& v : in.visits->visits()) {
      auto at = v.get(visit::kAt);
      auto result = v.get(visit::kResult).value();
      if (!at || *at < from_ms || *at >= to_ms || !result) continue;
      ++r.visits.with_result;
      if (*result >= VisitResult::kReached) ++r.visits.reached;
      if (*result >= VisitResult::kAppointment) ++r.visits.appointments;
      if (*result >= VisitResult::kMeetingSuccess) ++r.visits.meetings;
      if (*result == VisitResult::kClosed) ++r.visits.closed;
    }
  }

  r.stages.assign(stages.begin(), stages.end());
  for (int s = 0; s < kWon; ++s) {
    StageConversion c;
    c.from = static_cast<FunnelStage>(s);
    c.to = static_cast<FunnelStage>(s + 1);
    c.passed_through = passed[s];
    c.converted = converted[s];
    c.rate = ratio(converted[s], passed[s]);
    r.conversions.push_back(c);
  }
  r.vip_conversion = r.conversions[static_cast<int>(FunnelStage::kRegular)].rate;
  r.vip_loyalty = ratio(loyal, loyal_base);
  VisitConversion& v = r.visits;
  v.effective_call_rate = ratio(v.reached, v.with_result);
  v.appointment_rate = ratio(v.appointments, v.reached);
  v.meeting_success_rate = ratio(v.meetings, v.appointments);
  v.close_rate = ratio(v.closed, v.meetings);
  return r;
}

} // namespace accord::analytics
