// Bindings of accord/analytics: power-map health, follow-ups, the manager digest, the funnel and
// tiering, computed from open documents (handles of registry.h) and returned as plain objects
// with camelCase keys (the types in wasm/js/accord.d.ts). Enum values are their stable codes,
// days "YYYY-MM-DD", moments Unix milliseconds, missing rates null. Pure reads.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <optional>
#include <string>
#include <vector>

#include "accord/analytics/digest.h"
#include "accord/analytics/follow_ups.h"
#include "accord/analytics/funnel.h"
#include "accord/analytics/power_map_health.h"
#include "accord/analytics/tiering.h"
#include "accord/model/account_schema.h"
#include "accord/model/documents.h"
#include "js_values.h"
#include "registry.h"

namespace accord::wasm {
namespace {

using emscripten::val;

val strings(const std::vector<std::string>& items) {
  val out = val::array();
  for (const std::string& s : items) out.call<void>("push", s);
  return out;
}

val rate(const std::optional<double>& r) { return r ? val(*r) : val::null(); }

template <typename E>
std::string code(E value) {
  return std::string(model::code_of(value));
}

// The account and visit-log documents of the analytics: pairs of handles [account, visits]
// (visits 0 when the log is not open). Owns the wrappers the inputs point to.
struct Inputs {
  std::vector<model::AccountDocument> accounts;
  std::vector<model::VisitLog> visits;
  std::vector<analytics::AccountInput> list;
};

Result<Inputs> inputs_of(const val& pairs) {
  Inputs in;
  if (!pairs.isArray()) {
    return Status::error(StatusCode::kInvalidArgument, "expected [[account, visits], ...]");
  }
  const auto n = pairs["length"].as<std::size_t>();
  in.accounts.reserve(n);
  in.visits.reserve(n);
  std::vector<bool> has_visits;
  for (std::size_t i = 0; i < n; ++i) {
    const val pair = pairs[i];
    if (!pair.isArray() || !pair[0].isNumber()) {
      return Status::error(StatusCode::kInvalidArgument,
                           "accounts[" + std::to_string(i) + "]: expected [account, visits]");
    }
    ACCORD_ASSIGN_OR_RETURN(LocalDocument * account, find_document(pair[0].as<int>()));
    ACCORD_ASSIGN_OR_RETURN(model::AccountDocument opened,
                            model::AccountDocument::open(account->doc()));
    in.accounts.push_back(opened);
    const val visits = pair[1];
    if (visits.isNumber() && visits.as<int>() != 0) {
      ACCORD_ASSIGN_OR_RETURN(LocalDocument * log, find_document(visits.as<int>()));
      ACCORD_ASSIGN_OR_RETURN(model::VisitLog vl, model::VisitLog::open(log->doc()));
      in.visits.push_back(vl);
      has_visits.push_back(true);
    } else {
      in.visits.emplace_back(account->doc());
      has_visits.push_back(false);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    in.list.push_back({&in.accounts[i], has_visits[i] ? &in.visits[i] : nullptr});
  }
  return in;
}

val power_map_health(int index_handle, int account_handle, int visits_handle, double now_ms) {
  auto index = find_document(index_handle);
  if (!index.ok()) return error(index.status());
  val pairs = val::array();
  val pair = val::array();
  pair.call<void>("push", account_handle);
  pair.call<void>("push", visits_handle);
  pairs.call<void>("push", pair);
  auto in = inputs_of(pairs);
  if (!in.ok()) return error(in.status());
  const model::TeamIndex team((*index)->doc());
  const auto tier = in->accounts[0].account().get(model::account::kTier).value();
  const analytics::PowerMapHealth h = analytics::power_map_health(
      in->list[0], static_cast<std::int64_t>(now_ms), team.cadence_days(tier));
  val out = val::object();
  out.set("score", h.score);
  val roles = val::array();
  for (const analytics::RoleCoverage& r : h.roles) {
    val role = val::object();
    role.set("role", code(r.role));
    role.set("contacts", strings(r.contacts));
    roles.call<void>("push", role);
  }
  out.set("roles", roles);
  val unknown = val::array();
  for (model::BuyingRole r : h.unknown_roles) unknown.call<void>("push", code(r));
  out.set("unknownRoles", unknown);
  out.set("supportBalance", h.support_balance);
  out.set("contactsWithStance", h.contacts_with_stance);
  out.set("highInfluenceOpponents", strings(h.high_influence_opponents));
  out.set("engaged", strings(h.engaged));
  out.set("singleThreaded", h.single_threaded);
  out.set("coaches", strings(h.coaches));
  out.set("executiveAccess", h.executive_access);
  val zipper = val::array();
  for (const analytics::ZipperLevel& z : h.zipper) {
    val level = val::object();
    level.set("level", code(z.level));
    level.set("contacts", z.contacts);
    level.set("covered", z.covered);
    zipper.call<void>("push", level);
  }
  out.set("zipper", zipper);
  out.set("staleContacts", strings(h.stale_contacts));
  val reasons = val::array();
  for (const analytics::Reason& r : h.reasons) {
    val reason = val::object();
    reason.set("code", r.code);
    reason.set("points", r.points);
    reason.set("message", r.message);
    reason.set("subject", r.subject);
    reasons.call<void>("push", reason);
  }
  out.set("reasons", reasons);
  return ok(out);
}

val rep_json(const analytics::RepFollowUps& r) {
  val out = val::object();
  out.set("rep", r.rep);
  out.set("due", r.due);
  out.set("overdue", r.overdue);
  out.set("nextStepsOverdue", r.next_steps_overdue);
  return out;
}

const char* state_code(analytics::FollowUpState s) {
  switch (s) {
    case analytics::FollowUpState::kOk: return "ok";
    case analytics::FollowUpState::kDue: return "due";
    case analytics::FollowUpState::kOverdue: return "overdue";
  }
  return "ok";
}

val follow_ups(int index_handle, const val& pairs, double now_ms) {
  auto index = find_document(index_handle);
  if (!index.ok()) return error(index.status());
  auto team = model::TeamIndex::open((*index)->doc());
  if (!team.ok()) return error(team.status());
  auto in = inputs_of(pairs);
  if (!in.ok()) return error(in.status());
  const analytics::FollowUpReport report =
      analytics::follow_ups(*team, in->list, static_cast<std::int64_t>(now_ms));
  val accounts = val::array();
  for (const analytics::AccountFollowUp& a : report.accounts) {
    val item = val::object();
    item.set("accountId", a.account_id);
    item.set("name", a.name);
    item.set("owner", a.owner);
    if (a.tier) item.set("tier", code(*a.tier));
    item.set("cadenceDays", a.cadence_days);
    if (a.last_touch) item.set("lastTouch", model::format_date(*a.last_touch));
    item.set("due", model::format_date(a.due));
    item.set("daysOverdue", a.days_overdue);
    item.set("state", std::string(state_code(a.state)));
    accounts.call<void>("push", item);
  }
  val steps = val::array();
  for (const analytics::NextStepPastDue& s : report.next_steps) {
    val item = val::object();
    item.set("accountId", s.account_id);
    item.set("visitId", s.visit_id);
    item.set("rep", s.rep);
    item.set("nextStep", s.next_step);
    item.set("due", model::format_date(s.due));
    item.set("daysOverdue", s.days_overdue);
    steps.call<void>("push", item);
  }
  val per_rep = val::array();
  for (const analytics::RepFollowUps& r : report.per_rep) per_rep.call<void>("push", rep_json(r));
  val out = val::object();
  out.set("accounts", accounts);
  out.set("nextSteps", steps);
  out.set("perRep", per_rep);
  out.set("team", rep_json(report.team));
  return ok(out);
}

val digest(const val& pairs, double now_ms) {
  auto in = inputs_of(pairs);
  if (!in.ok()) return error(in.status());
  const analytics::ManagerDigest d =
      analytics::manager_digest(in->list, static_cast<std::int64_t>(now_ms));
  val reviews = val::array();
  for (const analytics::PendingReview& r : d.pending_reviews) {
    val item = val::object();
    item.set("accountId", r.account_id);
    item.set("visitId", r.visit_id);
    item.set("rep", r.rep);
    item.set("at", static_cast<double>(r.at_ms));
    item.set("daysWaiting", r.days_waiting);
    reviews.call<void>("push", item);
  }
  val losing = val::array();
  for (const analytics::LostGround& l : d.losing_ground) {
    val item = val::object();
    item.set("accountId", l.account_id);
    item.set("record", l.record);
    item.set("field", l.field);
    item.set("fromCode", l.from_code);
    item.set("toCode", l.to_code);
    item.set("at", static_cast<double>(l.at_ms));
    item.set("user", l.user);
    losing.call<void>("push", item);
  }
  val actions = val::array();
  for (const analytics::OverdueAction& a : d.overdue_actions) {
    val item = val::object();
    item.set("accountId", a.account_id);
    item.set("actionId", a.action_id);
    item.set("task", a.task);
    item.set("owner", a.owner);
    item.set("due", model::format_date(a.due));
    item.set("daysOverdue", a.days_overdue);
    actions.call<void>("push", item);
  }
  val out = val::object();
  out.set("pendingReviews", reviews);
  out.set("losingGround", losing);
  out.set("overdueActions", actions);
  return ok(out);
}

val funnel(const val& pairs, double from_ms, double to_ms) {
  if (!(from_ms < to_ms)) return invalid("funnel: the period must have from < to");
  auto in = inputs_of(pairs);
  if (!in.ok()) return error(in.status());
  const analytics::FunnelReport f = analytics::funnel(in->list, static_cast<std::int64_t>(from_ms),
                                                      static_cast<std::int64_t>(to_ms));
  val stages = val::array();
  for (const analytics::StageCount& s : f.stages) {
    val item = val::object();
    item.set("stage", code(s.stage));
    item.set("atStart", s.at_start);
    item.set("entered", s.entered);
    item.set("atEnd", s.at_end);
    stages.call<void>("push", item);
  }
  val conversions = val::array();
  for (const analytics::StageConversion& c : f.conversions) {
    val item = val::object();
    item.set("from", code(c.from));
    item.set("to", code(c.to));
    item.set("passedThrough", c.passed_through);
    item.set("converted", c.converted);
    item.set("rate", rate(c.rate));
    conversions.call<void>("push", item);
  }
  val visits = val::object();
  visits.set("withResult", f.visits.with_result);
  visits.set("reached", f.visits.reached);
  visits.set("appointments", f.visits.appointments);
  visits.set("meetings", f.visits.meetings);
  visits.set("closed", f.visits.closed);
  visits.set("effectiveCallRate", rate(f.visits.effective_call_rate));
  visits.set("appointmentRate", rate(f.visits.appointment_rate));
  visits.set("meetingSuccessRate", rate(f.visits.meeting_success_rate));
  visits.set("closeRate", rate(f.visits.close_rate));
  val out = val::object();
  out.set("stages", stages);
  out.set("conversions", conversions);
  out.set("lost", f.lost);
  out.set("visits", visits);
  out.set("vipConversion", rate(f.vip_conversion));
  out.set("vipLoyalty", rate(f.vip_loyalty));
  return ok(out);
}

val tiering(const val& account_handles) {
  if (!account_handles.isArray()) return invalid("tiering: expected an array of documents");
  std::vector<model::AccountDocument> accounts;
  const auto n = account_handles["length"].as<std::size_t>();
  accounts.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    auto local = find_document(account_handles[i].as<int>());
    if (!local.ok()) return error(local.status());
    auto opened = model::AccountDocument::open((*local)->doc());
    if (!opened.ok()) return error(opened.status());
    accounts.push_back(*opened);
  }
  std::vector<const model::AccountDocument*> pointers;
  for (const model::AccountDocument& a : accounts) pointers.push_back(&a);
  const analytics::TieringReport t = analytics::tiering(pointers);
  val placed = val::array();
  for (const analytics::TieringEntry& e : t.placed) {
    val item = val::object();
    item.set("accountId", e.account_id);
    item.set("name", e.name);
    item.set("attractiveness", code(e.attractiveness));
    item.set("relationship", code(e.relationship));
    item.set("strategy", code(e.strategy));
    if (e.tier) item.set("tier", code(*e.tier));
    item.set("revenue", e.revenue);
    placed.call<void>("push", item);
  }
  val out = val::object();
  out.set("placed", placed);
  out.set("unplaced", strings(t.unplaced));
  out.set("totalRevenue", t.total_revenue);
  out.set("accountsWithRevenue", t.accounts_with_revenue);
  out.set("topAccounts", strings(t.top_accounts));
  out.set("topAccountShare", t.top_account_share);
  out.set("topRevenueShare", t.top_revenue_share);
  return ok(out);
}

} // namespace
} // namespace accord::wasm

EMSCRIPTEN_BINDINGS(accord_analytics) {
  using namespace accord::wasm;
  emscripten::function("powerMapHealth", &power_map_health);
  emscripten::function("followUps", &follow_ups);
  emscripten::function("digest", &digest);
  emscripten::function("funnel", &funnel);
  emscripten::function("tiering", &tiering);
}
