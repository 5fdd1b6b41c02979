#include "accord/workspace/dashboard.h"

#include <algorithm>
#include <map>

#include "workspace/projection_reader.h"

namespace accord::workspace {
namespace {

using analytics::FollowUpState;

constexpr std::int64_t kDayMs = 86400000;
constexpr int kStalePoints = -3;
constexpr int kStaleFloor = -15;

struct Cadences {
  std::string team_name;
  int a = 0, b = 0, c = 0;
  int of(std::string_view tier) const { return tier == "a" ? a : tier == "b" ? b : c; }
};

Result<Cadences> read_team(store::Database& db, std::string_view team) {
  ACCORD_ASSIGN_OR_RETURN(auto s, db.prepare("SELECT name, cadence_a, cadence_b, cadence_c FROM "
                                             "proj_team WHERE team = ?1"));
  s->bind(1, team);
  ACCORD_ASSIGN_OR_RETURN(const bool row, s->step());
  if (!row) {
    return Status::error(StatusCode::kFailedPrecondition,
                         "the store has no projection of team '" + std::string(team) +
                             "': open the workspace once to build it");
  }
  Cadences c;
  c.team_name = s->column_text(0);
  c.a = static_cast<int>(s->column_int(1));
  c.b = static_cast<int>(s->column_int(2));
  c.c = static_cast<int>(s->column_int(3));
  return c;
}

model::Date parse_day(const std::string& iso) {
  auto d = model::parse_date(iso);
  return d.ok() ? *d : model::Date{};
}

Status fill(store::Database& db, std::string_view team, std::int64_t now_ms,
            const DashboardOptions& options, Dashboard& out) {
  ACCORD_RETURN_IF_ERROR(projection::require_tables(db));
  ACCORD_ASSIGN_OR_RETURN(const Cadences cadences, read_team(db, team));
  out.team_name = cadences.team_name;
  const model::Date today = model::day_of(now_ms);
  const std::string today_iso = model::format_date(today);

  std::vector<AccountRow> rows;
  ACCORD_RETURN_IF_ERROR(projection::read_accounts(db, team, rows));
  std::map<std::string, std::size_t, std::less<>> index;
  out.accounts.reserve(rows.size());
  for (AccountRow& row : rows) {
    DashboardAccount a;
    a.lost = row.funnel_stage == "lost";
    a.cadence_days = cadences.of(row.tier);
    a.account = std::move(row);
    index.emplace(a.account.account_id, out.accounts.size());
    out.accounts.push_back(std::move(a));
  }
  const auto find = [&](const std::string& id) -> DashboardAccount* {
    auto it = index.find(id);
    return it == index.end() ? nullptr : &out.accounts[it->second];
  };

  // Last visit at or before now, per account.
  {
    ACCORD_ASSIGN_OR_RETURN(auto s, db.prepare("SELECT account_id, max(at_ms) FROM proj_visits "
                                               "WHERE team = ?1 AND at_ms <= ?2 GROUP BY "
                                               "account_id"));
    s->bind(1, team);
    s->bind(2, now_ms);
    for (;;) {
      ACCORD_ASSIGN_OR_RETURN(const bool row, s->step());
      if (!row) break;
      if (DashboardAccount* a = find(s->column_text(0))) {
        a->last_touch = model::day_of(s->column_int(1));
      }
    }
  }
  // Stale key contacts.
  std::map<std::string, int, std::less<>> stale_points;
  {
    ACCORD_ASSIGN_OR_RETURN(auto s, db.prepare("SELECT account_id, contact_id, last_touch_ms "
                                               "FROM proj_contacts WHERE team = ?1 AND "
                                               "key_contact = 1"));
    // A contact whose latest visit is after now: their last touch at or before now.
    ACCORD_ASSIGN_OR_RETURN(auto earlier,
                            db.prepare("SELECT max(at_ms) FROM proj_touches WHERE team = ?1 AND "
                                       "account_id = ?2 AND contact_id = ?3 AND at_ms <= ?4"));
    s->bind(1, team);
    for (;;) {
      ACCORD_ASSIGN_OR_RETURN(const bool row, s->step());
      if (!row) break;
      DashboardAccount* a = find(s->column_text(0));
      if (a == nullptr) continue;
      std::optional<std::int64_t> touch;
      if (!s->column_is_null(2)) touch = s->column_int(2);
      if (touch && *touch > now_ms) {
        earlier->bind(1, team);
        earlier->bind(2, a->account.account_id);
        earlier->bind(3, s->column_text(1));
        earlier->bind(4, now_ms);
        ACCORD_ASSIGN_OR_RETURN(const bool found, earlier->step());
        touch.reset();
        if (found && !earlier->column_is_null(0)) touch = earlier->column_int(0);
        earlier->reset();
      }
      const std::int64_t cadence_ms = static_cast<std::int64_t>(a->cadence_days) * kDayMs;
      if (touch && now_ms - *touch <= cadence_ms) continue;
      ++a->stale_contacts;
    }
  }
  // Visits awaiting review.
  {
    ACCORD_ASSIGN_OR_RETURN(auto s, db.prepare("SELECT account_id, visit_id, rep, at_ms FROM "
                                               "proj_visits WHERE team = ?1 AND reviewed = 0 "
                                               "AND at_ms <= ?2 ORDER BY at_ms, account_id, "
                                               "visit_id"));
    s->bind(1, team);
    s->bind(2, now_ms);
    for (;;) {
      ACCORD_ASSIGN_OR_RETURN(const bool row, s->step());
      if (!row) break;
      DashboardAccount* a = find(s->column_text(0));
      if (a == nullptr) continue;
      ++a->pending_reviews;
      ++out.pending_reviews_total;
      if (out.pending_reviews.size() >= options.list_limit) continue;
      const std::int64_t at = s->column_int(3);
      out.pending_reviews.push_back(analytics::PendingReview{s->column_text(0), s->column_text(1),
                                                             s->column_text(2), at,
                                                             today.days - model::day_of(at).days});
    }
  }
  // Plan actions past due.
  {
    ACCORD_ASSIGN_OR_RETURN(auto s, db.prepare("SELECT account_id, action_id, task, owner, due "
                                               "FROM proj_actions WHERE team = ?1 AND due <> '' "
                                               "AND due < ?2 AND status NOT IN ('done', "
                                               "'cancelled') ORDER BY due, action_id"));
    s->bind(1, team);
    s->bind(2, today_iso);
    for (;;) {
      ACCORD_ASSIGN_OR_RETURN(const bool row, s->step());
      if (!row) break;
      DashboardAccount* a = find(s->column_text(0));
      if (a == nullptr) continue;
      ++a->overdue_actions;
      ++out.overdue_actions_total;
      if (out.overdue_actions.size() >= options.list_limit) continue;
      const model::Date due = parse_day(s->column_text(4));
      out.overdue_actions.push_back(analytics::OverdueAction{s->column_text(0), s->column_text(1),
                                                             s->column_text(2), s->column_text(3),
                                                             due, today.days - due.days});
    }
  }
  // Follow-ups.
  std::map<std::string, analytics::RepFollowUps> reps;
  for (DashboardAccount& a : out.accounts) {
    const int base = 100 + a.account.health_base;
    a.health_score =
        std::clamp(base + std::max(kStaleFloor, kStalePoints * a.stale_contacts), 0, 100);
    if (a.last_touch) {
      a.due = model::Date{a.last_touch->days + a.cadence_days};
      a.days_overdue = today.days - a.due.days;
      a.follow_up = a.days_overdue > 0                       ? FollowUpState::kOverdue
                    : a.days_overdue >= -options.window_days ? FollowUpState::kDue
                                                             : FollowUpState::kOk;
    } else {
      a.due = today;
      a.days_overdue = 0;
      a.follow_up = FollowUpState::kOverdue;
    }
    if (a.lost) continue;
    analytics::RepFollowUps& r = reps[a.account.owner];
    r.rep = a.account.owner;
    if (a.follow_up == FollowUpState::kDue) ++r.due;
    if (a.follow_up == FollowUpState::kOverdue) ++r.overdue;
  }
  // Next steps past due (of accounts still pursued).
  {
    ACCORD_ASSIGN_OR_RETURN(auto s, db.prepare("SELECT account_id, visit_id, rep, next_step, "
                                               "next_step_due FROM proj_visits WHERE team = ?1 "
                                               "AND next_step_done = 0 AND next_step <> '' AND "
                                               "next_step_due <> '' AND next_step_due < ?2 "
                                               "ORDER BY next_step_due, visit_id"));
    s->bind(1, team);
    s->bind(2, today_iso);
    for (;;) {
      ACCORD_ASSIGN_OR_RETURN(const bool row, s->step());
      if (!row) break;
      DashboardAccount* a = find(s->column_text(0));
      if (a == nullptr || a->lost) continue;
      ++a->next_steps_overdue;
      ++out.next_steps_total;
      analytics::RepFollowUps& r = reps[s->column_text(2)];
      r.rep = s->column_text(2);
      ++r.next_steps_overdue;
      if (out.next_steps.size() >= options.list_limit) continue;
      const model::Date due = parse_day(s->column_text(4));
      out.next_steps.push_back(analytics::NextStepPastDue{s->column_text(0), s->column_text(1),
                                                          s->column_text(2), s->column_text(3), due,
                                                          today.days - due.days});
    }
  }
  for (auto& [rep, counts] : reps) {
    out.team.due += counts.due;
    out.team.overdue += counts.overdue;
    out.team.next_steps_overdue += counts.next_steps_overdue;
    out.per_rep.push_back(counts);
  }
  std::stable_sort(out.accounts.begin(), out.accounts.end(),
                   [](const DashboardAccount& x, const DashboardAccount& y) {
                     if (x.lost != y.lost) return !x.lost;
                     if (x.days_overdue != y.days_overdue) return x.days_overdue > y.days_overdue;
                     return x.account.account_id < y.account.account_id;
                   });
  return Status::ok();
}

} // namespace

Result<Dashboard> dashboard(DocumentStore& store, std::string_view team, std::int64_t now_ms,
                            const DashboardOptions& options) {
  Dashboard out;
  ACCORD_RETURN_IF_ERROR(store.read_derived(
      [&](store::Database& db) { return fill(db, team, now_ms, options, out); }));
  return out;
}

} // namespace accord::workspace
