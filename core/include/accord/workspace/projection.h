#pragma once
/// Projection tables: the accounts, contacts, visits and plan actions of a team as plain SQLite
/// rows in the store's database, beside the documents, so that lists, search and dashboards are
/// answered by queries instead of by loading every CRDT document.
///
/// The documents stay the source of truth; the rows are derived from them and never edited by
/// themselves:
///   - Workspace::save writes the rows of every account whose documents it changed (local edits
///     and remote updates alike) in the same SQLite transaction as the updates: a crash leaves
///     both or neither;
///   - Workspace::open checks them against the documents it loaded (a hash of each account's
///     state vectors, kept per account) and rewrites the accounts whose documents changed
///     through another path (another program writing the store, a restored backup), and every
///     row when the tables are missing or were written by another projection version;
///   - rebuild_projection() rewrites every row from the documents.
/// Tables (projection version kProjectionVersion, in projection_schema(version); a file whose
/// version differs has its tables dropped, created again and rebuilt: they hold nothing that
/// cannot be derived):
///   proj_team(team, name, cadence_a, cadence_b, cadence_c)
///   proj_accounts(team, account_id, name, industry, region, owner, classification, tier,
///     development_stage, funnel_stage, relationship, attractiveness, contacts, visits,
///     last_visit_ms, health_base, health_reasons)
///   proj_contacts(team, account_id, contact_id, name, title, department, level, buying_roles,
///     stance, influence, inside_help, counterpart, key_contact, last_touch_ms)
///   proj_touches(team, account_id, contact_id, at_ms): the visits that met each key contact
///   proj_visits(team, account_id, visit_id, at_ms, rep, purpose, outcome, reviewed,
///     next_step, next_step_due, next_step_done)
///   proj_actions(team, account_id, action_id, task, owner, due, status)
///   proj_search_records + proj_search_text (FTS5): see search.h
///   proj_sources(team, account_id, state_hash): what each account's rows were derived from.
/// Enum columns hold the stable codes; dates are "YYYY-MM-DD"; moments Unix milliseconds; lists
/// of codes are comma-separated in enum order. Archived records have no rows.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/document_store.h"
#include "accord/status.h"

namespace accord::workspace {

class Workspace;

/// The version of the projection tables this build writes.
inline constexpr int kProjectionVersion = 1;

/// An account as lists and dashboards show it.
struct AccountRow {
  std::string account_id;        ///< the account id
  std::string name;              ///< its name
  std::string industry;          ///< industry ("" when unset)
  std::string region;            ///< region
  std::string owner;             ///< account manager's user id
  std::string classification;    ///< classification code
  std::string tier;              ///< tier code (a, b, c)
  std::string development_stage; ///< development stage code
  std::string funnel_stage;      ///< funnel stage code
  std::string relationship;      ///< relationship strength code
  std::string attractiveness;    ///< attractiveness grade code
  int contacts = 0;              ///< live contacts
  int visits = 0;                ///< live visits
  /// The latest visit (any date, future ones included).
  std::optional<std::int64_t> last_visit_ms;
  /// Power-map health points of every rule except stale_contact (which depends on the day:
  /// dashboard.h adds it); the score is clamp(100 + health_base + stale points, 0, 100).
  int health_base = 0;
  std::string health_reasons; ///< codes of the rules that lowered the score (without stale)
  bool operator==(const AccountRow&) const = default;
};

/// A contact of an account's power map.
struct ContactRow {
  std::string account_id;   ///< its account
  std::string contact_id;   ///< its id
  std::string name;         ///< name
  std::string title;        ///< title
  std::string department;   ///< department code
  std::string level;        ///< org level code
  std::string buying_roles; ///< buying role codes, comma-separated
  std::string stance;       ///< stance code
  std::string influence;    ///< influence grade code
  std::string inside_help;  ///< coach / informant code
  std::string counterpart;  ///< our account team member paired with them (zipper)
  /// Engaged (champion or supporter), high influence or a decider: the contacts the
  /// stale_contact rule of power_map_health.h watches.
  bool key_contact = false;
  std::optional<std::int64_t> last_touch_ms; ///< the latest visit listing them
  bool operator==(const ContactRow&) const = default;
};

/// A visit of an account's visit log.
struct VisitRow {
  std::string account_id;            ///< its account
  std::string visit_id;              ///< its id
  std::optional<std::int64_t> at_ms; ///< when
  std::string rep;                   ///< who logged it
  std::string purpose;               ///< purpose
  std::string outcome;               ///< outcome
  bool reviewed = false;             ///< reviewed by the manager
  std::string next_step;             ///< next step promised
  std::string next_step_due;         ///< its due date ("" when unset)
  bool next_step_done = false;       ///< whether it was done
  bool operator==(const VisitRow&) const = default;
};

/// An action of an account plan.
struct ActionRow {
  std::string account_id; ///< its account
  std::string action_id;  ///< its id
  std::string task;       ///< what
  std::string owner;      ///< who
  std::string due;        ///< due date ("" when unset)
  std::string status;     ///< status code
  bool operator==(const ActionRow&) const = default;
};

/// The projection of a team as stored (every table, in key order).
struct ProjectionRows {
  std::vector<AccountRow> accounts; ///< by account id
  std::vector<ContactRow> contacts; ///< by account id, contact id
  std::vector<VisitRow> visits;     ///< by account id, visit id
  std::vector<ActionRow> actions;   ///< by account id, action id
  bool operator==(const ProjectionRows&) const = default;
};

/// Reads every projection row of `team` in one read transaction. kFailedPrecondition when the
/// store has no projection tables of this version (open the Workspace once to build them).
/// O(rows).
Result<ProjectionRows> read_projection(DocumentStore& store, std::string_view team);

/// Whether the store's projection tables exist at kProjectionVersion and hold rows for `team`.
Result<bool> projection_ready(DocumentStore& store, std::string_view team);

/// Rewrites every projection row of the workspace's team from its documents, in one
/// transaction (creating the tables when missing). O(documents).
Status rebuild_projection(Workspace& ws);

} // namespace accord::workspace
