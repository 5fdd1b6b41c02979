// Reading and rebuilding the projection tables (accord/workspace/projection.h); writing them is
// projection_writer.cc.
#include "accord/workspace/projection.h"

#include "accord/workspace/workspace.h"
#include "workspace/projection_reader.h"
#include "workspace/projection_schema.h"
#include "workspace/projection_writer.h"

namespace accord::workspace {
namespace {

std::optional<std::int64_t> opt_int(const store::Statement& s, int column) {
  if (s.column_is_null(column)) return std::nullopt;
  return s.column_int(column);
}

Status read_rows(store::Database& db, std::string_view team, ProjectionRows& out) {
  ACCORD_RETURN_IF_ERROR(projection::require_tables(db));
  ACCORD_RETURN_IF_ERROR(projection::read_accounts(db, team, out.accounts));
  {
    ACCORD_ASSIGN_OR_RETURN(
        auto s, db.prepare("SELECT account_id, contact_id, name, title, department, level, "
                           "buying_roles, stance, influence, inside_help, counterpart, "
                           "key_contact, last_touch_ms FROM proj_contacts WHERE team = ?1 "
                           "ORDER BY account_id, contact_id"));
    s->bind(1, team);
    for (;;) {
      ACCORD_ASSIGN_OR_RETURN(const bool row, s->step());
      if (!row) break;
      ContactRow c;
      c.account_id = s->column_text(0);
      c.contact_id = s->column_text(1);
      c.name = s->column_text(2);
      c.title = s->column_text(3);
      c.department = s->column_text(4);
      c.level = s->column_text(5);
      c.buying_roles = s->column_text(6);
      c.stance = s->column_text(7);
      c.influence = s->column_text(8);
      c.inside_help = s->column_text(9);
      c.counterpart = s->column_text(10);
      c.key_contact = s->column_int(11) != 0;
      c.last_touch_ms = opt_int(*s, 12);
      out.contacts.push_back(std::move(c));
    }
  }
  {
    ACCORD_ASSIGN_OR_RETURN(
        auto s, db.prepare("SELECT account_id, visit_id, at_ms, rep, purpose, outcome, "
                           "reviewed, next_step, next_step_due, next_step_done FROM "
                           "proj_visits WHERE team = ?1 ORDER BY account_id, visit_id"));
    s->bind(1, team);
    for (;;) {
      ACCORD_ASSIGN_OR_RETURN(const bool row, s->step());
      if (!row) break;
      VisitRow v;
      v.account_id = s->column_text(0);
      v.visit_id = s->column_text(1);
      v.at_ms = opt_int(*s, 2);
      v.rep = s->column_text(3);
      v.purpose = s->column_text(4);
      v.outcome = s->column_text(5);
      v.reviewed = s->column_int(6) != 0;
      v.next_step = s->column_text(7);
      v.next_step_due = s->column_text(8);
      v.next_step_done = s->column_int(9) != 0;
      out.visits.push_back(std::move(v));
    }
  }
  ACCORD_ASSIGN_OR_RETURN(
      auto s, db.prepare("SELECT account_id, action_id, task, owner, due, status FROM "
                         "proj_actions WHERE team = ?1 ORDER BY account_id, action_id"));
  s->bind(1, team);
  for (;;) {
    ACCORD_ASSIGN_OR_RETURN(const bool row, s->step());
    if (!row) break;
    ActionRow x;
    x.account_id = s->column_text(0);
    x.action_id = s->column_text(1);
    x.task = s->column_text(2);
    x.owner = s->column_text(3);
    x.due = s->column_text(4);
    x.status = s->column_text(5);
    out.actions.push_back(std::move(x));
  }
  return Status::ok();
}

} // namespace

namespace projection {

Status require_tables(store::Database& db) {
  ACCORD_ASSIGN_OR_RETURN(const int version, projection_schema::stored_version(db));
  if (version == kProjectionVersion) return Status::ok();
  return Status::error(StatusCode::kFailedPrecondition,
                       version == 0 ? std::string("the store has no projection tables yet: open "
                                                  "the workspace once to build them")
                                    : "the store's projection tables are " +
                                          (version < 0 ? std::string("incomplete")
                                                       : "of version " + std::to_string(version)) +
                                          ", this build reads version " +
                                          std::to_string(kProjectionVersion) +
                                          ": open the workspace once to rebuild them");
}

Status read_accounts(store::Database& db, std::string_view team, std::vector<AccountRow>& out) {
  ACCORD_ASSIGN_OR_RETURN(
      auto s, db.prepare("SELECT account_id, name, industry, region, owner, classification, "
                         "tier, development_stage, funnel_stage, relationship, "
                         "attractiveness, contacts, visits, last_visit_ms, health_base, "
                         "health_reasons FROM proj_accounts WHERE team = ?1 ORDER BY "
                         "account_id"));
  s->bind(1, team);
  for (;;) {
    ACCORD_ASSIGN_OR_RETURN(const bool row, s->step());
    if (!row) break;
    AccountRow a;
    a.account_id = s->column_text(0);
    a.name = s->column_text(1);
    a.industry = s->column_text(2);
    a.region = s->column_text(3);
    a.owner = s->column_text(4);
    a.classification = s->column_text(5);
    a.tier = s->column_text(6);
    a.development_stage = s->column_text(7);
    a.funnel_stage = s->column_text(8);
    a.relationship = s->column_text(9);
    a.attractiveness = s->column_text(10);
    a.contacts = static_cast<int>(s->column_int(11));
    a.visits = static_cast<int>(s->column_int(12));
    a.last_visit_ms = opt_int(*s, 13);
    a.health_base = static_cast<int>(s->column_int(14));
    a.health_reasons = s->column_text(15);
    out.push_back(std::move(a));
  }
  return Status::ok();
}

} // namespace projection

Result<ProjectionRows> read_projection(DocumentStore& store, std::string_view team) {
  ProjectionRows rows;
  ACCORD_RETURN_IF_ERROR(
      store.read_derived([&](store::Database& db) { return read_rows(db, team, rows); }));
  return rows;
}

Result<bool> projection_ready(DocumentStore& store, std::string_view team) {
  bool ready = false;
  ACCORD_RETURN_IF_ERROR(store.read_derived([&](store::Database& db) -> Status {
    ACCORD_ASSIGN_OR_RETURN(const int version, projection_schema::stored_version(db));
    if (version != kProjectionVersion) return Status::ok();
    ACCORD_ASSIGN_OR_RETURN(auto s, db.prepare("SELECT count(*) FROM proj_team WHERE team = ?1"));
    s->bind(1, team);
    ACCORD_ASSIGN_OR_RETURN(const bool row, s->step());
    ready = row && s->column_int(0) > 0;
    return Status::ok();
  }));
  return ready;
}

Status rebuild_projection(Workspace& ws) {
  return ws.store().write_derived([&](store::Database& db) {
    return projection::update(db, ws, {}, true, false)
        .status()
        .with_context("rebuilding the projection tables");
  });
}

} // namespace accord::workspace
