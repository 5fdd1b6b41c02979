// Follow-ups due and overdue by tier cadence; next steps past due; per rep and team.
#include "accord/analytics/follow_ups.h"

#include <algorithm>
#include <map>

#include "accord/model/account_schema.h"
#include "accord/model/activity_schema.h"

namespace accord::analytics {

using namespace accord::model;

FollowUpReport follow_ups(const TeamIndex& team, std::span<const AccountInput> accounts,
                          std::int64_t now_ms, int window_days) {
  FollowUpReport report;
  const Date today = day_of(now_ms);
  std::map<std::string, RepFollowUps> reps;
  for (const AccountInput& in : accounts) {
    RecordRef a = in.account->account();
    if (a.get(account::kFunnelStage) == FunnelStage::kLost) continue;
    AccountFollowUp f;
    f.account_id = in.account->id();
    f.name = account_label(*in.account);
    f.owner = a.get(account::kOwner).value_or("");
    f.tier = a.get(account::kTier).value();
    f.cadence_days = team.cadence_days(f.tier);
    const Touches touches = last_touches(in.visits, now_ms);
    if (touches.account) {
      f.last_touch = day_of(*touches.account);
      f.due = Date{f.last_touch->days + f.cadence_days};
      f.days_overdue = today.days - f.due.days;
      f.state = f.days_overdue > 0               ? FollowUpState::kOverdue
                : f.days_overdue >= -window_days ? FollowUpState::kDue
                                                 : FollowUpState::kOk;
    } else {
      f.due = today;
      f.days_overdue = 0;
      f.state = FollowUpState::kOverdue;
    }
    RepFollowUps& r = reps[f.owner];
    r.rep = f.owner;
    if (f.state == FollowUpState::kDue) ++r.due;
    if (f.state == FollowUpState::kOverdue) ++r.overdue;
    report.accounts.push_back(std::move(f));

    if (in.visits == nullptr) continue;
    for (const RecordRef& v : in.visits->visits()) {
      auto due = v.get(visit::kNextStepDue);
      auto step = v.get(visit::kNextStep);
      if (!due || !step || step->empty() || v.get(visit::kNextStepDone).value_or(false)) continue;
      if (due->days >= today.days) continue;
      NextStepPastDue n;
      n.account_id = in.account->id();
      n.visit_id = v.id();
      n.rep = v.get(visit::kRep).value_or("");
      n.next_step = *step;
      n.due = *due;
      n.days_overdue = today.days - due->days;
      RepFollowUps& vr = reps[n.rep];
      vr.rep = n.rep;
      ++vr.next_steps_overdue;
      report.next_steps.push_back(std::move(n));
    }
  }
  std::stable_sort(report.accounts.begin(), report.accounts.end(),
                   [](const AccountFollowUp& x, const AccountFollowUp& y) {
                     if (x.days_overdue != y.days_overdue) return x.days_overdue > y.days_overdue;
                     return x.account_id < y.account_id;
                   });
  std::stable_sort(report.next_steps.begin(), report.next_steps.end(),
                   [](const NextStepPastDue& x, const NextStepPastDue& y) {
                     if (x.days_overdue != y.days_overdue) return x.days_overdue > y.days_overdue;
                     return x.visit_id < y.visit_id;
                   });
  for (auto& [rep, counts] : reps) {
    report.team.due += counts.due;
    report.team.overdue += counts.overdue;
    report.team.next_steps_overdue += counts.next_steps_overdue;
    report.per_rep.push_back(counts);
  }
  return report;
}

} // namespace accord::analytics
