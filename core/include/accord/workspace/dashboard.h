#pragma once
/// The team dashboard answered from the projection tables (projection.h) without loading any
/// CRDT document: the accounts list with each account's follow-up state and power-map health,
/// the follow-up counts per rep and for the team, and the manager digest's lists (visits
/// awaiting review, plan actions past due, next steps past due).
///
/// The figures are those of analytics::follow_ups, analytics::power_map_health and
/// analytics::manager_digest for the same documents and `now_ms` (tests/workspace/
/// dashboard_test.cc checks that), except the digest's "accounts losing ground", read from the
/// change journal, which is not included.
/// Cost: a few indexed queries, O(accounts + key contacts + rows listed).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/analytics/digest.h"
#include "accord/analytics/follow_ups.h"
#include "accord/document_store.h"
#include "accord/model/dates.h"
#include "accord/status.h"
#include "accord/workspace/projection.h"

namespace accord::workspace {

/// One account of the dashboard.
struct DashboardAccount {
  AccountRow account;                    ///< the projected account
  bool lost = false;                     ///< funnel stage "lost": no follow-up tracked
  int cadence_days = 0;                  ///< the cadence of its tier
  std::optional<model::Date> last_touch; ///< day of the last visit at or before now
  model::Date due;                       ///< next contact due (today when never touched)
  int days_overdue = 0;                  ///< today - due (negative: days left)
  analytics::FollowUpState follow_up = analytics::FollowUpState::kOk; ///< see follow_ups.h
  int health_score = 100;     ///< power-map health 0..100 (power_map_health.h)
  int stale_contacts = 0;     ///< key contacts not met within the cadence
  int pending_reviews = 0;    ///< visits awaiting the manager's review
  int overdue_actions = 0;    ///< plan actions past due
  int next_steps_overdue = 0; ///< next steps past due
};

/// Options of dashboard().
struct DashboardOptions {
  int window_days = 7;          ///< days ahead that count as due (follow_ups)
  std::size_t list_limit = 100; ///< at most this many entries in each list
};

/// The dashboard.
struct Dashboard {
  std::string team_name;                        ///< the team's name
  std::vector<DashboardAccount> accounts;       ///< most overdue first, then by id; lost last
  std::vector<analytics::RepFollowUps> per_rep; ///< by rep id (lost accounts not counted)
  analytics::RepFollowUps team;                 ///< team totals
  std::vector<analytics::PendingReview> pending_reviews; ///< oldest first (list_limit)
  std::size_t pending_reviews_total = 0;                 ///< all of them
  std::vector<analytics::OverdueAction> overdue_actions; ///< most overdue first (list_limit)
  std::size_t overdue_actions_total = 0;                 ///< all of them
  std::vector<analytics::NextStepPastDue> next_steps;    ///< most overdue first (list_limit)
  std::size_t next_steps_total = 0;                      ///< all of them
};

/// The dashboard of `team` at `now_ms`, in one read transaction. kFailedPrecondition when the
/// store has no projection of `team` (open the Workspace once to build it).
Result<Dashboard> dashboard(DocumentStore& store, std::string_view team, std::int64_t now_ms,
                            const DashboardOptions& options = {});

} // namespace accord::workspace
