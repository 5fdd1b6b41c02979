// The manager digest: visits awaiting review, accounts losing ground, plan actions overdue.
#include "accord/analytics/digest.h"

#include <algorithm>

#include "accord/model/account_schema.h"
#include "accord/model/activity_schema.h"
#include "accord/model/contact_schema.h"
#include "accord/model/history.h"
#include "accord/model/plan_schema.h"

namespace accord::analytics {

using namespace accord::model;

namespace {

// How good a code is on a field's scale (higher is better), or nullopt when the field is not
// watched or the code is unknown.
template <typename E>
std::optional<int> index_of(const Any& v) {
  if (!v.is_string()) return std::nullopt;
  auto i = EnumTraits<E>::info.index_of(v.as_string());
  if (!i) return std::nullopt;
  return static_cast<int>(*i);
}

std::optional<int> goodness(std::string_view record, std::string_view field, const Any& v) {
  if (record == "account") {
    if (field == account::kDevelopmentStage.key) return index_of<DevelopmentStage>(v);
    if (field == account::kRelationshipType.key) return index_of<RelationshipType>(v);
    if (field == account::kRelationship.key) {
      auto i = index_of<RelationshipStrength>(v);
      return i ? std::optional<int>(-*i) : std::nullopt;
    }
    if (field == account::kFunnelStage.key) {
      auto i = index_of<FunnelStage>(v);
      if (i && *i == static_cast<int>(FunnelStage::kLost)) return -1;
      return i;
    }
    return std::nullopt;
  }
  if (record.substr(0, 9) == "contacts/" && field == contact::kStance.key) {
    auto i = index_of<Stance>(v);
    return i ? std::optional<int>(-*i) : std::nullopt;
  }
  return std::nullopt;
}

} // namespace

ManagerDigest manager_digest(std::span<const AccountInput> accounts, std::int64_t now_ms,
                             int window_days) {
  ManagerDigest d;
  const Date today = day_of(now_ms);
  const std::int64_t window_start = now_ms - static_cast<std::int64_t>(window_days) * 86400000;
  for (const AccountInput& in : accounts) {
    const std::string account_id = in.account->id();
    if (in.visits != nullptr) {
      for (const RecordRef& v : in.visits->visits()) {
        auto at = v.get(visit::kAt);
        if (!at || *at > now_ms || v.get(visit::kReviewed).value_or(false)) continue;
        d.pending_reviews.push_back(PendingReview{account_id, v.id(),
                                                  v.get(visit::kRep).value_or(""), *at,
                                                  today.days - day_of(*at).days});
      }
    }
    for (const Change& c : journal(in.account->doc())) {
      if (c.at_ms < window_start || c.at_ms > now_ms) continue;
      auto before = goodness(c.record, c.field, c.old_value);
      auto after = goodness(c.record, c.field, c.new_value);
      if (!before || !after || *after >= *before) continue;
      d.losing_ground.push_back(LostGround{account_id, c.record, c.field, c.old_value.as_string(),
                                           c.new_value.as_string(), c.at_ms, c.user});
    }
    for (const RecordRef& a : in.account->list(kActionRecord)) {
      auto due = a.get(action::kDue);
      const auto status = a.get(action::kStatus);
      if (!due || due->days >= today.days) continue;
      if (status == ActionStatus::kDone || status == ActionStatus::kCancelled) continue;
      d.overdue_actions.push_back(
          OverdueAction{account_id, a.id(), a.get(action::kTask).value_or(""),
                        a.get(action::kOwner).value_or(""), *due, today.days - due->days});
    }
  }
  std::stable_sort(
      d.pending_reviews.begin(), d.pending_reviews.end(),
      [](const PendingReview& x, const PendingReview& y) { return x.at_ms < y.at_ms; });
  std::stable_sort(d.losing_ground.begin(), d.losing_ground.end(),
                   [](const LostGround& x, const LostGround& y) { return x.at_ms > y.at_ms; });
  std::stable_sort(d.overdue_actions.begin(), d.overdue_actions.end(),
                   [](const OverdueAction& x, const OverdueAction& y) {
                     if (x.days_overdue != y.days_overdue) return x.days_overdue > y.days_overdue;
                     return x.action_id < y.action_id;
                   });
  return d;
}

} // namespace accord::analytics
