#pragma once
/// Follow-ups 跟进: which accounts are due or overdue for contact by their tier's cadence (team
/// setting, e.g. A every 14 days), and which next steps promised in visits are past due, per rep
/// and for the team. Days are UTC calendar days of `now_ms`.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "accord/analytics/inputs.h"
#include "accord/model/account_enums.h"
#include "accord/model/dates.h"

namespace accord::analytics {

/// Where an account stands against its cadence.
enum class FollowUpState : std::uint8_t {
  kOk,      ///< next contact due after the window
  kDue,     ///< due within the window (today included)
  kOverdue, ///< due before today, or never contacted
};

/// One account's follow-up.
struct AccountFollowUp {
  std::string account_id;                   ///< the account
  std::string name;                         ///< its name
  std::string owner;                        ///< account manager ("" when unassigned)
  std::optional<model::Tier> tier;          ///< its tier (unset follows tier C's cadence)
  int cadence_days = 0;                     ///< the cadence applied
  std::optional<model::Date> last_touch;    ///< day of the last visit, if any
  model::Date due;                          ///< last touch + cadence (today when never touched)
  int days_overdue = 0;                     ///< today - due (negative: days left)
  FollowUpState state = FollowUpState::kOk; ///< see FollowUpState
};

/// A next step promised in a visit and not done by its due date.
struct NextStepPastDue {
  std::string account_id; ///< the account
  std::string visit_id;   ///< the visit that promised it
  std::string rep;        ///< who promised it
  std::string next_step;  ///< what
  model::Date due;        ///< when it was due
  int days_overdue = 0;   ///< today - due (> 0)
};

/// Counts for one rep (or the team when rep is empty).
struct RepFollowUps {
  std::string rep;            ///< user id ("" for the team total or unassigned accounts)
  int due = 0;                ///< accounts due within the window
  int overdue = 0;            ///< accounts overdue
  int next_steps_overdue = 0; ///< next steps past due
};

/// The follow-up report.
struct FollowUpReport {
  std::vector<AccountFollowUp> accounts;   ///< every account, most overdue first
  std::vector<NextStepPastDue> next_steps; ///< most overdue first
  std::vector<RepFollowUps> per_rep;       ///< sorted by rep id
  RepFollowUps team;                       ///< totals
};

/// Computes follow-ups of `accounts` at `now_ms`; `window_days` ahead counts as due. Accounts
/// whose funnel stage is "lost" are left out. O(accounts + visits).
FollowUpReport follow_ups(const model::TeamIndex& team, std::span<const AccountInput> accounts,
                          std::int64_t now_ms, int window_days = 7);

} // namespace accord::analytics
