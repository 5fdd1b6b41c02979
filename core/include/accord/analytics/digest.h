#pragma once
/// The manager digest: what a manager reviews once the team's devices have synced (DOMAIN.md,
/// "a manager reviews the visit logs and the health of every key account"): visits awaiting
/// review, accounts losing ground in the last `window_days` (development stage, relationship
/// strength, relationship type or funnel stage moving down, or a contact's stance moving down,
/// from the change journal), and plan actions past due.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "accord/analytics/inputs.h"
#include "accord/model/dates.h"

namespace accord::analytics {

/// A visit the manager has not reviewed.
struct PendingReview {
  std::string account_id; ///< the account
  std::string visit_id;   ///< the visit
  std::string rep;        ///< who logged it
  std::int64_t at_ms = 0; ///< when the visit was
  int days_waiting = 0;   ///< today - the visit's day
};

/// A move down journaled in the window.
struct LostGround {
  std::string account_id; ///< the account
  std::string record;     ///< "account" or "contacts/<id>"
  std::string field;      ///< e.g. "development_stage", "stance"
  std::string from_code;  ///< the code before
  std::string to_code;    ///< the code after
  std::int64_t at_ms = 0; ///< when
  std::string user;       ///< who recorded it
};

/// A plan action past its due date and neither done nor cancelled.
struct OverdueAction {
  std::string account_id; ///< the account
  std::string action_id;  ///< the action
  std::string task;       ///< what
  std::string owner;      ///< who ("" when unassigned)
  model::Date due;        ///< when it was due
  int days_overdue = 0;   ///< today - due (> 0)
};

/// The digest.
struct ManagerDigest {
  std::vector<PendingReview> pending_reviews; ///< oldest first
  std::vector<LostGround> losing_ground;      ///< newest first
  std::vector<OverdueAction> overdue_actions; ///< most overdue first
};

/// Computes the digest of `accounts` at `now_ms`. O(visits + journal + actions).
ManagerDigest manager_digest(std::span<const AccountInput> accounts, std::int64_t now_ms,
                             int window_days = 7);

} // namespace accord::analytics
