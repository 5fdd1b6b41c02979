#include "workspace/projection_writer.h"

#include <algorithm>
#include <limits>
#include <map>

#include "accord/analytics/power_map_health.h"
#include "accord/model/account_schema.h"
#include "accord/model/activity_schema.h"
#include "accord/model/contact_schema.h"
#include "accord/model/plan_schema.h"
#include "accord/model/team_schema.h"
#include "accord/update.h"
#include "accord/workspace/workspace.h"
#include "workspace/projection_schema.h"
#include "workspace/search_text.h"

namespace accord::workspace::projection {
namespace {

using namespace accord::model;

/// Far enough ahead that every visit counts as past: the health rules that do not depend on
/// the day see every visit (stale_contact, which does, is left to the dashboard).
constexpr std::int64_t kEndOfTime = std::numeric_limits<std::int64_t>::max() / 4;

void fnv1a(std::uint64_t& h, std::span<const std::uint8_t> bytes) {
  for (std::uint8_t b : bytes) {
    h ^= b;
    h *= 1099511628211ull;
  }
}

std::string hex(std::uint64_t h) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kDigits[h & 0xF];
    h >>= 4;
  }
  return out;
}

std::string code(const RecordRef& r, const FieldInfo& f) { return r.get_code(f).value_or(""); }

std::string codes(const RecordRef& r, const FieldInfo& f) {
  std::string out;
  for (const auto& c : r.set_members(f)) {
    if (!out.empty()) out += ',';
    out += c;
  }
  return out;
}

std::string text_of(const std::optional<std::string>& s) { return s.value_or(""); }

std::string date_text(const std::optional<Date>& d) { return d ? format_date(*d) : std::string(); }

/// Joins non-empty parts with spaces, in index form.
std::string body(std::initializer_list<std::string> parts) {
  std::string joined;
  for (const auto& p : parts) {
    if (p.empty()) continue;
    if (!joined.empty()) joined += ' ';
    joined += p;
  }
  return search_text::index_form(joined);
}

void bind_opt(store::Statement& s, int index, const std::optional<std::int64_t>& v) {
  if (v) {
    s.bind(index, *v);
  } else {
    s.bind_null(index);
  }
}

Status remove_rows(store::Database& db, std::string_view team, std::string_view account) {
  static constexpr const char* kDeletes[] = {
      ("DELETE FROM proj_search_text WHERE rowid IN (SELECT id FROM proj_search_records WHERE "
       "team = ?1 AND account_id = ?2)"),
      "DELETE FROM proj_search_records WHERE team = ?1 AND account_id = ?2",
      "DELETE FROM proj_accounts WHERE team = ?1 AND account_id = ?2",
      "DELETE FROM proj_contacts WHERE team = ?1 AND account_id = ?2",
      "DELETE FROM proj_visits WHERE team = ?1 AND account_id = ?2",
      "DELETE FROM proj_touches WHERE team = ?1 AND account_id = ?2",
      "DELETE FROM proj_actions WHERE team = ?1 AND account_id = ?2",
      "DELETE FROM proj_sources WHERE team = ?1 AND account_id = ?2"};
  for (const char* sql : kDeletes) {
    ACCORD_ASSIGN_OR_RETURN(auto stmt, db.prepare(sql));
    stmt->bind(1, team);
    stmt->bind(2, account);
    ACCORD_RETURN_IF_ERROR(stmt->run());
  }
  return Status::ok();
}

Status clear_team(store::Database& db, std::string_view team) {
  static constexpr const char* kDeletes[] = {
      ("DELETE FROM proj_search_text WHERE rowid IN (SELECT id FROM proj_search_records WHERE "
       "team = ?1)"),
      "DELETE FROM proj_search_records WHERE team = ?1",
      "DELETE FROM proj_accounts WHERE team = ?1",
      "DELETE FROM proj_contacts WHERE team = ?1",
      "DELETE FROM proj_visits WHERE team = ?1",
      "DELETE FROM proj_touches WHERE team = ?1",
      "DELETE FROM proj_actions WHERE team = ?1",
      "DELETE FROM proj_sources WHERE team = ?1",
      "DELETE FROM proj_team WHERE team = ?1"};
  for (const char* sql : kDeletes) {
    ACCORD_ASSIGN_OR_RETURN(auto stmt, db.prepare(sql));
    stmt->bind(1, team);
    ACCORD_RETURN_IF_ERROR(stmt->run());
  }
  return Status::ok();
}

Status write_source(store::Database& db, std::string_view team, std::string_view account,
                    std::string_view hash) {
  ACCORD_ASSIGN_OR_RETURN(auto stmt, db.prepare("INSERT OR REPLACE INTO proj_sources(team, "
                                                "account_id, state_hash) VALUES (?1, ?2, ?3)"));
  stmt->bind(1, team);
  stmt->bind(2, account);
  stmt->bind(3, hash);
  return stmt->run();
}

Status write_account(store::Database& db, std::string_view team, const AccountProjection& p) {
  {
    // An account never projected has no rows to remove (the first import of every account).
    ACCORD_ASSIGN_OR_RETURN(auto known, db.prepare("SELECT 1 FROM proj_sources WHERE team = ?1 "
                                                   "AND account_id = ?2"));
    known->bind(1, team);
    known->bind(2, p.account_id);
    ACCORD_ASSIGN_OR_RETURN(const bool has_rows, known->step());
    known->reset();
    if (has_rows) ACCORD_RETURN_IF_ERROR(remove_rows(db, team, p.account_id));
  }
  ACCORD_RETURN_IF_ERROR(write_source(db, team, p.account_id, p.state_hash));
  if (!p.account) return Status::ok();
  const AccountRow& a = *p.account;
  {
    ACCORD_ASSIGN_OR_RETURN(
        auto s, db.prepare("INSERT INTO proj_accounts VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                           "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)"));
    s->bind(1, team);
    s->bind(2, a.account_id);
    s->bind(3, a.name);
    s->bind(4, a.industry);
    s->bind(5, a.region);
    s->bind(6, a.owner);
    s->bind(7, a.classification);
    s->bind(8, a.tier);
    s->bind(9, a.development_stage);
    s->bind(10, a.funnel_stage);
    s->bind(11, a.relationship);
    s->bind(12, a.attractiveness);
    s->bind(13, static_cast<std::int64_t>(a.contacts));
    s->bind(14, static_cast<std::int64_t>(a.visits));
    bind_opt(*s, 15, a.last_visit_ms);
    s->bind(16, static_cast<std::int64_t>(a.health_base));
    s->bind(17, a.health_reasons);
    ACCORD_RETURN_IF_ERROR(s->run());
  }
  {
    ACCORD_ASSIGN_OR_RETURN(
        auto s, db.prepare("INSERT INTO proj_contacts VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                           "?9, ?10, ?11, ?12, ?13, ?14)"));
    for (const ContactRow& c : p.contacts) {
      s->bind(1, team);
      s->bind(2, c.account_id);
      s->bind(3, c.contact_id);
      s->bind(4, c.name);
      s->bind(5, c.title);
      s->bind(6, c.department);
      s->bind(7, c.level);
      s->bind(8, c.buying_roles);
      s->bind(9, c.stance);
      s->bind(10, c.influence);
      s->bind(11, c.inside_help);
      s->bind(12, c.counterpart);
      s->bind(13, std::int64_t{c.key_contact ? 1 : 0});
      bind_opt(*s, 14, c.last_touch_ms);
      ACCORD_RETURN_IF_ERROR(s->run());
      s->reset();
    }
  }
  {
    ACCORD_ASSIGN_OR_RETURN(
        auto s, db.prepare("INSERT INTO proj_visits VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
                           "?10, ?11)"));
    for (const VisitRow& v : p.visits) {
      s->bind(1, team);
      s->bind(2, v.account_id);
      s->bind(3, v.visit_id);
      bind_opt(*s, 4, v.at_ms);
      s->bind(5, v.rep);
      s->bind(6, v.purpose);
      s->bind(7, v.outcome);
      s->bind(8, std::int64_t{v.reviewed ? 1 : 0});
      s->bind(9, v.next_step);
      s->bind(10, v.next_step_due);
      s->bind(11, std::int64_t{v.next_step_done ? 1 : 0});
      ACCORD_RETURN_IF_ERROR(s->run());
      s->reset();
    }
  }
  {
    ACCORD_ASSIGN_OR_RETURN(auto s, db.prepare("INSERT OR IGNORE INTO proj_touches VALUES (?1, "
                                               "?2, ?3, ?4)"));
    for (const auto& [contact_id, at_ms] : p.touches) {
      s->bind(1, team);
      s->bind(2, p.account_id);
      s->bind(3, contact_id);
      s->bind(4, at_ms);
      ACCORD_RETURN_IF_ERROR(s->run());
      s->reset();
    }
  }
  {
    ACCORD_ASSIGN_OR_RETURN(auto s, db.prepare("INSERT INTO proj_actions VALUES (?1, ?2, ?3, "
                                               "?4, ?5, ?6, ?7)"));
    for (const ActionRow& x : p.actions) {
      s->bind(1, team);
      s->bind(2, x.account_id);
      s->bind(3, x.action_id);
      s->bind(4, x.task);
      s->bind(5, x.owner);
      s->bind(6, x.due);
      s->bind(7, x.status);
      ACCORD_RETURN_IF_ERROR(s->run());
      s->reset();
    }
  }
  ACCORD_ASSIGN_OR_RETURN(auto rec, db.prepare("INSERT INTO proj_search_records(team, "
                                               "account_id, kind, record_id, label) VALUES (?1, "
                                               "?2, ?3, ?4, ?5)"));
  ACCORD_ASSIGN_OR_RETURN(auto text,
                          db.prepare("INSERT INTO proj_search_text(rowid, body) VALUES (?1, ?2)"));
  for (const SearchEntry& e : p.search) {
    if (e.body.empty()) continue;
    rec->bind(1, team);
    rec->bind(2, p.account_id);
    rec->bind(3, e.kind);
    rec->bind(4, e.record_id);
    rec->bind(5, e.label);
    ACCORD_RETURN_IF_ERROR(rec->run());
    rec->reset();
    text->bind(1, db.last_insert_rowid());
    text->bind(2, e.body);
    ACCORD_RETURN_IF_ERROR(text->run());
    text->reset();
  }
  return Status::ok();
}

Status write_team(store::Database& db, Workspace& ws) {
  TeamIndex team = ws.team();
  ACCORD_ASSIGN_OR_RETURN(auto s, db.prepare("INSERT OR REPLACE INTO proj_team VALUES (?1, ?2, "
                                             "?3, ?4, ?5)"));
  s->bind(1, ws.team_id());
  s->bind(2, team.settings().get(settings::kTeamName).value_or(""));
  s->bind(3, static_cast<std::int64_t>(team.cadence_days(Tier::kA)));
  s->bind(4, static_cast<std::int64_t>(team.cadence_days(Tier::kB)));
  s->bind(5, static_cast<std::int64_t>(team.cadence_days(Tier::kC)));
  ACCORD_RETURN_IF_ERROR(s->run());
  return write_source(db, ws.team_id(), "", index_hash(ws));
}

Result<std::map<std::string, std::string, std::less<>>> stored_hashes(store::Database& db,
                                                                      std::string_view team) {
  std::map<std::string, std::string, std::less<>> out;
  ACCORD_ASSIGN_OR_RETURN(auto s, db.prepare("SELECT account_id, state_hash FROM proj_sources "
                                             "WHERE team = ?1"));
  s->bind(1, team);
  for (;;) {
    ACCORD_ASSIGN_OR_RETURN(const bool row, s->step());
    if (!row) break;
    out.emplace(s->column_text(0), s->column_text(1));
  }
  return out;
}

} // namespace

std::string state_hash(const AccountSlot& slot) {
  std::uint64_t h = 14695981039346656037ull;
  fnv1a(h, encode_state_vector(*slot.account_doc));
  const std::uint8_t separator = 0xFF;
  fnv1a(h, std::span(&separator, 1));
  fnv1a(h, encode_state_vector(*slot.visit_doc));
  return hex(h);
}

std::string index_hash(Workspace& ws) {
  std::uint64_t h = 14695981039346656037ull;
  fnv1a(h, encode_state_vector(ws.index_doc()));
  return hex(h);
}

namespace {

/// One pass over an account's visits: their rows, whom each met, its notes, and the last touches
/// (analytics::last_touches at the end of time), so the visit log is read once per projection.
struct VisitScan {
  std::vector<VisitRow> rows;
  std::vector<std::vector<std::string>> met;
  std::vector<std::string> notes;
  analytics::Touches touches;
};

VisitScan scan_visits(const model::VisitLog& log, const std::string& account_id) {
  VisitScan s;
  for (const RecordRef& v : log.visits()) {
    VisitRow vr;
    vr.account_id = account_id;
    vr.visit_id = v.id();
    vr.at_ms = v.get(visit::kAt);
    std::vector<std::string> met = v.get(visit::kContacts);
    if (vr.at_ms && *vr.at_ms <= kEndOfTime) {
      const std::int64_t at = *vr.at_ms;
      if (!s.touches.account || at > *s.touches.account) s.touches.account = at;
      for (const std::string& c : met) {
        auto it = s.touches.by_contact.find(c);
        if (it == s.touches.by_contact.end() || it->second < at) s.touches.by_contact[c] = at;
      }
    }
    vr.rep = text_of(v.get(visit::kRep));
    vr.purpose = text_of(v.get(visit::kPurpose));
    vr.outcome = text_of(v.get(visit::kOutcome));
    vr.reviewed = v.get(visit::kReviewed).value_or(false);
    vr.next_step = text_of(v.get(visit::kNextStep));
    vr.next_step_due = date_text(v.get(visit::kNextStepDue));
    vr.next_step_done = v.get(visit::kNextStepDone).value_or(false);
    s.notes.push_back(text_of(v.get(visit::kNotes)));
    s.met.push_back(std::move(met));
    s.rows.push_back(std::move(vr));
  }
  return s;
}

} // namespace

AccountProjection project_account(std::string_view id, AccountSlot& slot) {
  AccountProjection p;
  p.account_id = std::string(id);
  p.state_hash = state_hash(slot);
  if (!read_meta(*slot.account_doc).ok()) return p;
  const bool has_visits = read_meta(*slot.visit_doc).ok();
  const analytics::AccountInput input{&slot.account, has_visits ? &slot.visits : nullptr};
  VisitScan visits = has_visits ? scan_visits(slot.visits, p.account_id) : VisitScan{};
  const analytics::Touches& touches = visits.touches;

  const RecordRef a = slot.account.account();
  AccountRow row;
  row.account_id = p.account_id;
  row.name = text_of(a.get(account::kName));
  row.industry = text_of(a.get(account::kIndustry));
  row.region = text_of(a.get(account::kRegion));
  row.owner = text_of(a.get(account::kOwner));
  row.classification = code(a, account::kClassification);
  row.tier = code(a, account::kTier);
  row.development_stage = code(a, account::kDevelopmentStage);
  row.funnel_stage = code(a, account::kFunnelStage);
  row.relationship = code(a, account::kRelationship);
  row.attractiveness = code(a, account::kAttractiveness);
  row.last_visit_ms = touches.account;
  const analytics::PowerMapHealth health =
      analytics::power_map_health(input, kEndOfTime, 0, touches);
  for (const analytics::Reason& r : health.reasons) {
    if (r.code == "stale_contact") continue;
    row.health_base += r.points;
    if (row.health_reasons.find(r.code) != std::string::npos) continue;
    if (!row.health_reasons.empty()) row.health_reasons += ',';
    row.health_reasons += r.code;
  }
  p.search.push_back(SearchEntry{"account", p.account_id, row.name,
                                 body({row.name, p.account_id, row.industry, row.region})});

  for (const RecordRef& c : slot.account.list(kContactRecord)) {
    ContactRow cr;
    cr.account_id = p.account_id;
    cr.contact_id = c.id();
    cr.name = text_of(c.get(contact::kName));
    cr.title = text_of(c.get(contact::kTitle));
    cr.department = code(c, contact::kDepartment);
    cr.level = code(c, contact::kLevel);
    cr.buying_roles = codes(c, contact::kBuyingRoles);
    cr.stance = code(c, contact::kStance);
    cr.influence = code(c, contact::kInfluence);
    cr.inside_help = code(c, contact::kInsideHelp);
    cr.counterpart = text_of(c.get(contact::kCounterpart));
    const auto stance = c.get(contact::kStance);
    const auto roles = c.get(contact::kBuyingRoles);
    cr.key_contact = stance == Stance::kChampion || stance == Stance::kSupporter ||
                     c.get(contact::kInfluence) == Grade::kHigh ||
                     std::find(roles.begin(), roles.end(), BuyingRole::kDecider) != roles.end();
    if (auto it = touches.by_contact.find(c.id()); it != touches.by_contact.end()) {
      cr.last_touch_ms = it->second;
    }
    p.search.push_back(SearchEntry{"contact", cr.contact_id, cr.name + " · " + row.name,
                                   body({cr.name, cr.title, text_of(c.get(contact::kEmail)),
                                         text_of(c.get(contact::kKpiOwned))})});
    p.contacts.push_back(std::move(cr));
  }
  row.contacts = static_cast<int>(p.contacts.size());

  std::set<std::string, std::less<>> key_contacts;
  for (const ContactRow& c : p.contacts) {
    if (c.key_contact) key_contacts.insert(c.contact_id);
  }
  for (std::size_t k = 0; k < visits.rows.size(); ++k) {
    VisitRow& vr = visits.rows[k];
    if (vr.at_ms) {
      for (const std::string& met : visits.met[k]) {
        if (key_contacts.contains(met)) p.touches.emplace_back(met, *vr.at_ms);
      }
    }
    const std::string when = vr.at_ms ? format_date(day_of(*vr.at_ms)) : std::string();
    p.search.push_back(
        SearchEntry{"visit", vr.visit_id,
                    when + " · " + row.name + (vr.purpose.empty() ? "" : " · ") + vr.purpose,
                    body({vr.purpose, vr.outcome, vr.next_step, visits.notes[k]})});
    p.visits.push_back(std::move(vr));
  }
  row.visits = static_cast<int>(p.visits.size());

  for (const RecordRef& x : slot.account.list(kActionRecord)) {
    ActionRow ar;
    ar.account_id = p.account_id;
    ar.action_id = x.id();
    ar.task = text_of(x.get(action::kTask));
    ar.owner = text_of(x.get(action::kOwner));
    ar.due = date_text(x.get(action::kDue));
    ar.status = code(x, action::kStatus);
    p.actions.push_back(std::move(ar));
  }
  p.account = std::move(row);
  return p;
}

Result<std::size_t> update(store::Database& db, Workspace& ws,
                           const std::set<std::string, std::less<>>& accounts, bool all,
                           bool check_hashes) {
  ACCORD_ASSIGN_OR_RETURN(const bool created, projection_schema::ensure(db));
  if (created) all = true;
  const std::string& team = ws.team_id();
  std::map<std::string, std::string, std::less<>> hashes;
  if (check_hashes && !all) {
    ACCORD_ASSIGN_OR_RETURN(hashes, stored_hashes(db, team));
  }
  if (all) ACCORD_RETURN_IF_ERROR(clear_team(db, team));
  const std::string index_state = index_hash(ws);
  auto stored_index = hashes.find(std::string_view());
  if (all || !check_hashes || stored_index == hashes.end() || stored_index->second != index_state) {
    ACCORD_RETURN_IF_ERROR(write_team(db, ws));
  }
  std::size_t written = 0;
  std::set<std::string, std::less<>> present;
  for (const std::string& id : ws.slot_ids()) {
    present.insert(id);
    AccountSlot& slot = ws.ensure_account(id);
    bool write = all || accounts.contains(id);
    if (!write && check_hashes) {
      auto it = hashes.find(id);
      write = it == hashes.end() || it->second != state_hash(slot);
    }
    if (!write) continue;
    ACCORD_RETURN_IF_ERROR(write_account(db, team, project_account(id, slot))
                               .with_context("projecting account '" + id + "'"));
    ++written;
  }
  if (all || check_hashes) {
    for (const auto& [id, hash] : hashes) {
      if (id.empty() || present.contains(id)) continue;
      ACCORD_RETURN_IF_ERROR(remove_rows(db, team, id));
    }
  }
  return written;
}

} // namespace accord::workspace::projection
