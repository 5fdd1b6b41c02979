#include "workspace/projection_schema.h"

#include <string>

#include "accord/workspace/projection.h"

namespace accord::workspace::projection_schema {
namespace {

/// The tables of every version, created in this order and dropped in reverse.
constexpr const char* kTables[] = {"proj_team",     "proj_sources",        "proj_accounts",
                                   "proj_contacts", "proj_touches",        "proj_visits",
                                   "proj_actions",  "proj_search_records", "proj_search_text"};

constexpr const char* kCreateVersion1 =
    "CREATE TABLE projection_schema(version INTEGER NOT NULL);"
    "INSERT INTO projection_schema(version) VALUES (1);"
    "CREATE TABLE proj_team("
    "  team TEXT PRIMARY KEY, name TEXT NOT NULL, cadence_a INTEGER NOT NULL,"
    "  cadence_b INTEGER NOT NULL, cadence_c INTEGER NOT NULL) WITHOUT ROWID;"
    "CREATE TABLE proj_sources("
    "  team TEXT NOT NULL, account_id TEXT NOT NULL, state_hash TEXT NOT NULL,"
    "  PRIMARY KEY(team, account_id)) WITHOUT ROWID;"
    "CREATE TABLE proj_accounts("
    "  team TEXT NOT NULL, account_id TEXT NOT NULL, name TEXT NOT NULL, industry TEXT NOT NULL,"
    "  region TEXT NOT NULL, owner TEXT NOT NULL, classification TEXT NOT NULL,"
    "  tier TEXT NOT NULL, development_stage TEXT NOT NULL, funnel_stage TEXT NOT NULL,"
    "  relationship TEXT NOT NULL, attractiveness TEXT NOT NULL, contacts INTEGER NOT NULL,"
    "  visits INTEGER NOT NULL, last_visit_ms INTEGER, health_base INTEGER NOT NULL,"
    "  health_reasons TEXT NOT NULL, PRIMARY KEY(team, account_id)) WITHOUT ROWID;"
    "CREATE TABLE proj_contacts("
    "  team TEXT NOT NULL, account_id TEXT NOT NULL, contact_id TEXT NOT NULL,"
    "  name TEXT NOT NULL, title TEXT NOT NULL, department TEXT NOT NULL, level TEXT NOT NULL,"
    "  buying_roles TEXT NOT NULL, stance TEXT NOT NULL, influence TEXT NOT NULL,"
    "  inside_help TEXT NOT NULL, counterpart TEXT NOT NULL, key_contact INTEGER NOT NULL,"
    "  last_touch_ms INTEGER, PRIMARY KEY(team, account_id, contact_id)) WITHOUT ROWID;"
    "CREATE TABLE proj_touches("
    "  team TEXT NOT NULL, account_id TEXT NOT NULL, contact_id TEXT NOT NULL,"
    "  at_ms INTEGER NOT NULL, PRIMARY KEY(team, account_id, contact_id, at_ms)) WITHOUT ROWID;"
    "CREATE TABLE proj_visits("
    "  team TEXT NOT NULL, account_id TEXT NOT NULL, visit_id TEXT NOT NULL, at_ms INTEGER,"
    "  rep TEXT NOT NULL, purpose TEXT NOT NULL, outcome TEXT NOT NULL,"
    "  reviewed INTEGER NOT NULL, next_step TEXT NOT NULL, next_step_due TEXT NOT NULL,"
    "  next_step_done INTEGER NOT NULL,"
    "  PRIMARY KEY(team, account_id, visit_id)) WITHOUT ROWID;"
    "CREATE INDEX proj_visits_by_time ON proj_visits(team, account_id, at_ms);"
    "CREATE INDEX proj_visits_unreviewed ON proj_visits(team, at_ms) WHERE reviewed = 0;"
    "CREATE INDEX proj_visits_next_steps ON proj_visits(team, next_step_due)"
    "  WHERE next_step_done = 0 AND next_step <> '' AND next_step_due <> '';"
    "CREATE TABLE proj_actions("
    "  team TEXT NOT NULL, account_id TEXT NOT NULL, action_id TEXT NOT NULL,"
    "  task TEXT NOT NULL, owner TEXT NOT NULL, due TEXT NOT NULL, status TEXT NOT NULL,"
    "  PRIMARY KEY(team, account_id, action_id)) WITHOUT ROWID;"
    "CREATE TABLE proj_search_records("
    "  id INTEGER PRIMARY KEY, team TEXT NOT NULL, account_id TEXT NOT NULL,"
    "  kind TEXT NOT NULL, record_id TEXT NOT NULL, label TEXT NOT NULL);"
    "CREATE INDEX proj_search_by_account ON proj_search_records(team, account_id);"
    "CREATE VIRTUAL TABLE proj_search_text USING fts5("
    "  body, tokenize = 'unicode61 remove_diacritics 2');";

Result<bool> table_exists(store::Database& db, const std::string& name) {
  ACCORD_ASSIGN_OR_RETURN(auto stmt, db.prepare("SELECT count(*) FROM sqlite_master WHERE type "
                                                "= 'table' AND name = ?1"));
  stmt->bind(1, name);
  ACCORD_ASSIGN_OR_RETURN(const bool row, stmt->step());
  return row && stmt->column_int(0) > 0;
}

} // namespace

Result<int> stored_version(store::Database& db) {
  ACCORD_ASSIGN_OR_RETURN(const bool has_version, table_exists(db, "projection_schema"));
  if (!has_version) return 0;
  for (const char* table : kTables) {
    ACCORD_ASSIGN_OR_RETURN(const bool exists, table_exists(db, table));
    if (!exists) return -1;
  }
  ACCORD_ASSIGN_OR_RETURN(const std::int64_t version,
                          db.query_int("SELECT max(version) FROM projection_schema", -1));
  return static_cast<int>(version);
}

Result<bool> ensure(store::Database& db) {
  ACCORD_ASSIGN_OR_RETURN(const int version, stored_version(db));
  if (version == kProjectionVersion) return false;
  std::string drop = "DROP TABLE IF EXISTS projection_schema;";
  for (auto it = std::rbegin(kTables); it != std::rend(kTables); ++it) {
    drop += "DROP TABLE IF EXISTS ";
    drop += *it;
    drop += ';';
  }
  ACCORD_RETURN_IF_ERROR(db.exec(drop).with_context("dropping the projection tables"));
  ACCORD_RETURN_IF_ERROR(db.exec(kCreateVersion1)
                             .with_context("creating the projection tables (version " +
                                           std::to_string(kProjectionVersion) + ")"));
  return true;
}

} // namespace accord::workspace::projection_schema
