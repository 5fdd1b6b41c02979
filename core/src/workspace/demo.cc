#include "accord/workspace/demo.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "accord/model/account_schema.h"
#include "accord/model/activity_schema.h"
#include "accord/model/contact_schema.h"
#include "accord/model/dates.h"
#include "accord/model/plan_schema.h"
#include "accord/model/team_schema.h"
#include "demo_catalog.h"

namespace accord::workspace {
namespace {

using namespace model;

constexpr std::int64_t kHour = 3600000;
constexpr std::int64_t kDayMs = 24 * kHour;
constexpr const char* kDevice = "demo-device";

struct DemoUser {
  const char* id;
  const char* name;
  const char* function; // team_role code
  const char* level;    // org_level code
};

constexpr DemoUser kUsers[] = {
    {kDemoManager, "Demo Manager 演示经理", "sales_manager", "top"},
    {"li.wei", "李伟 Li Wei", "account_manager", "middle"},
    {"zhang.min", "张敏 Zhang Min", "account_manager", "middle"},
    {"anna.berg", "Anna Berg", "account_manager", "middle"},
    {"tom.reed", "Tom Reed", "customer_service", "base"},
};

// The seeded random source of one generation.
class Random {
public:
  explicit Random(std::uint64_t seed) : rng_(seed) {}
  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(double p) { return std::uniform_real_distribution<double>(0, 1)(rng_) < p; }
  template <typename T>
  const T& pick(std::span<const T> items) {
    return items[static_cast<std::size_t>(uniform(0, static_cast<int>(items.size()) - 1))];
  }
  std::uint64_t seed() { return rng_(); }

private:
  std::mt19937_64 rng_;
};

Actor actor(std::string_view user) { return Actor{std::string(user), kDevice}; }

Status set(Edit& e, const RecordRef& r, std::string_view key, Any value) {
  return r.set_value(e, key, value);
}

Any codes(std::string_view list) {
  Any::Array out;
  while (!list.empty()) {
    const auto semi = list.find(';');
    out.emplace_back(std::string(list.substr(0, semi)));
    if (semi == std::string_view::npos) break;
    list.remove_prefix(semi + 1);
  }
  return Any(std::move(out));
}

// One generated account.
class AccountGenerator {
public:
  AccountGenerator(Workspace& ws, Random& rnd, const demo::AccountSpec& spec, std::int64_t now,
                   std::size_t index, DemoSummary& summary)
      : ws_(ws), rnd_(rnd), spec_(spec), now_(now), index_(index), summary_(summary) {
    owner_ = spec.chinese ? (index % 4 == 0 ? "li.wei" : "zhang.min") : "anna.berg";
    start_ = now - 380 * kDayMs;
  }

  Status run() {
    ACCORD_ASSIGN_OR_RETURN(
        slot_, ws_.add_account(spec_.id, spec_.name, actor(owner_), start_, rnd_.seed()));
    ACCORD_RETURN_IF_ERROR(profile());
    ACCORD_RETURN_IF_ERROR(power_map());
    ACCORD_RETURN_IF_ERROR(needs_and_plan());
    ACCORD_RETURN_IF_ERROR(visits());
    ACCORD_RETURN_IF_ERROR(recent_changes());
    Edit e(ws_.index_doc(), actor(owner_), now_ - 1 * kDayMs, rnd_.seed());
    return ws_.team().upsert_account(e, slot_->account);
  }

private:
  bool zh() const { return spec_.chinese; }
  std::string_view text(std::string_view en, std::string_view zh_text) const {
    return zh() ? zh_text : en;
  }

  Status profile() {
    Edit e(*slot_->account_doc, actor(owner_), start_ + kHour, rnd_.seed());
    const RecordRef a = slot_->account.account();
    const std::string tier(spec_.tier);
    const double share = rnd_.uniform(8, 45);
    ACCORD_RETURN_IF_ERROR(set(e, a, "industry", Any(spec_.industry)));
    ACCORD_RETURN_IF_ERROR(set(e, a, "region", Any(spec_.region)));
    ACCORD_RETURN_IF_ERROR(set(e, a, "owner", Any(owner_)));
    ACCORD_RETURN_IF_ERROR(set(e, a, "classification",
                               Any(tier == "a"   ? "key"
                                   : tier == "b" ? "regular"
                                                 : "prospect")));
    ACCORD_RETURN_IF_ERROR(set(e, a, "tier", Any(tier)));
    ACCORD_RETURN_IF_ERROR(set(e, a, "attractiveness",
                               Any(tier == "a"   ? "high"
                                   : tier == "b" ? (rnd_.chance(0.5) ? "high" : "medium")
                                                 : "low")));
    static constexpr std::string_view kStrengths[] = {"very_strong", "good",    "good",
                                                      "developing",  "limited", "defensive"};
    ACCORD_RETURN_IF_ERROR(
        set(e, a, "relationship", Any(rnd_.pick(std::span<const std::string_view>(kStrengths)))));
    ACCORD_RETURN_IF_ERROR(set(e, a, "relationship_type",
                               Any(tier == "a"   ? "partner"
                                   : tier == "b" ? "preferred_supplier"
                                                 : "vendor")));
    ACCORD_RETURN_IF_ERROR(set(e, a, "development_stage",
                               Any(tier == "a"   ? "stable_cooperation"
                                   : tier == "b" ? "initial_cooperation"
                                                 : "gestation")));
    ACCORD_RETURN_IF_ERROR(set(e, a, "relationship_cycle",
                               Any(tier == "a"   ? "growth"
                                   : tier == "b" ? "consolidation"
                                                 : "breakthrough")));
    ACCORD_RETURN_IF_ERROR(set(e, a, "organisation_type", Any(spec_.organisation_type)));
    ACCORD_RETURN_IF_ERROR(set(e, a, "funnel_stage",
                               Any(tier == "a"   ? "regular"
                                   : tier == "b" ? "possible"
                                                 : "prospect")));
    ACCORD_RETURN_IF_ERROR(
        set(e, a, "currency",
            Any(zh() ? "CNY"
                     : (spec_.region.find("Canada") != std::string_view::npos ||
                                spec_.region.find("Chile") != std::string_view::npos
                            ? "USD"
                            : "EUR"))));
    ACCORD_RETURN_IF_ERROR(set(e, a, "annual_purchase_volume", Any(spec_.purchase_volume)));
    ACCORD_RETURN_IF_ERROR(set(e, a, "wallet_share", Any(share)));
    ACCORD_RETURN_IF_ERROR(set(e, a, "our_sales", Any(spec_.purchase_volume * share / 100)));
    ACCORD_RETURN_IF_ERROR(set(e, a, "satisfaction_5", Any(rnd_.uniform(2, 5))));
    ACCORD_RETURN_IF_ERROR(set(e, a, "switching_cost", Any(tier == "c" ? "low" : "medium")));
    ACCORD_RETURN_IF_ERROR(set(
        e, a, "decision_process",
        Any(text("Technical evaluation, then procurement tender; the general manager signs above "
                 "budget.",
                 "技术评估后进入采购招标；超预算由总经理审批。"))));
    // Tier A accounts moved up the funnel during the year.
    if (tier == "a") {
      Edit up(*slot_->account_doc, actor(owner_), start_ + 200 * kDayMs, rnd_.seed());
      ACCORD_RETURN_IF_ERROR(set(up, a, "funnel_stage", Any("key")));
    }
    return Status::ok();
  }

  std::string person_name() {
    if (zh()) {
      return std::string(rnd_.pick(std::span<const std::string_view>(demo::kChineseSurnames))) +
             std::string(rnd_.pick(std::span<const std::string_view>(demo::kChineseGivenNames)));
    }
    return std::string(rnd_.pick(std::span<const std::string_view>(demo::kFirstNames))) + " " +
           std::string(rnd_.pick(std::span<const std::string_view>(demo::kLastNames)));
  }

  Status power_map() {
    Edit e(*slot_->account_doc, actor(owner_), start_ + 10 * kDayMs, rnd_.seed());
    const AccountDocument& acc = slot_->account;
    // Which positions this organisation has: 0-5 always, then a draw of the others.
    const int count = rnd_.uniform(8, 15);
    std::vector<int> positions = {0, 1, 2, 3, 4, 5};
    std::vector<int> optional;
    for (int p = 6; p < static_cast<int>(std::size(demo::kPositions)); ++p) optional.push_back(p);
    while (static_cast<int>(positions.size()) < count) {
      const auto k =
          static_cast<std::size_t>(rnd_.uniform(0, static_cast<int>(optional.size()) - 1));
      positions.push_back(optional[k]);
      optional.erase(optional.begin() + static_cast<std::ptrdiff_t>(k));
    }
    std::sort(positions.begin(), positions.end());

    // Our account team.
    const std::string sponsor_user = kDemoManager;
    std::map<std::string, std::string> member_at_level; // level -> member id
    for (const auto& [user, role, level] :
         {std::tuple{owner_, "account_manager", "middle"},
          std::tuple{sponsor_user, "executive_sponsor", "top"},
          std::tuple{std::string("tom.reed"), "customer_service", "base"}}) {
      ACCORD_ASSIGN_OR_RETURN(RecordRef m, acc.add(e, kTeamMemberRecord));
      ACCORD_RETURN_IF_ERROR(set(e, m, "user", Any(user)));
      for (const DemoUser& u : kUsers) {
        if (user == u.id) ACCORD_RETURN_IF_ERROR(set(e, m, "name", Any(u.name)));
      }
      ACCORD_RETURN_IF_ERROR(set(e, m, "role", Any(role)));
      ACCORD_RETURN_IF_ERROR(set(e, m, "level", Any(level)));
      member_at_level[level] = m.id();
    }

    // Factions.
    ACCORD_ASSIGN_OR_RETURN(RecordRef reform, acc.add(e, kFactionRecord));
    ACCORD_RETURN_IF_ERROR(set(e, reform, "name", Any(text("Reform camp", "改革派"))));
    ACCORD_RETURN_IF_ERROR(set(e, reform, "color", Any("#42a5f5")));
    ACCORD_ASSIGN_OR_RETURN(RecordRef guard, acc.add(e, kFactionRecord));
    ACCORD_RETURN_IF_ERROR(set(e, guard, "name", Any(text("Old guard", "保守派"))));
    ACCORD_RETURN_IF_ERROR(set(e, guard, "color", Any("#ab47bc")));

    // A friendly or a cold organisation, by the account's relationship.
    const std::string strength =
        acc.account().get_code(account::kRelationship).value_or("developing");
    const bool warm = strength == "very_strong" || strength == "good";
    const bool has_coach = spec_.tier == "a" || (spec_.tier == "b" && rnd_.chance(0.5));
    const int coach_position = positions[static_cast<std::size_t>(rnd_.uniform(3, 5))];

    for (int p : positions) {
      const demo::PositionSpec& pos = demo::kPositions[p];
      ACCORD_ASSIGN_OR_RETURN(RecordRef c, acc.add_contact(e, person_name()));
      contacts_[p] = c.id();
      ACCORD_RETURN_IF_ERROR(set(e, c, "title", Any(text(pos.title_en, pos.title_zh))));
      ACCORD_RETURN_IF_ERROR(set(e, c, "department", Any(pos.department)));
      ACCORD_RETURN_IF_ERROR(set(e, c, "level", Any(pos.level)));
      ACCORD_RETURN_IF_ERROR(set(e, c, "buying_roles", codes(pos.roles)));
      static constexpr std::string_view kWarm[] = {"champion", "supporter", "supporter",
                                                   "neutral",  "neutral",   "skeptic"};
      static constexpr std::string_view kCold[] = {"supporter", "neutral", "neutral",
                                                   "skeptic",   "skeptic", "opponent"};
      std::string_view stance = rnd_.pick(std::span<const std::string_view>(warm ? kWarm : kCold));
      if (p == coach_position && has_coach) stance = "champion";
      if (!(p > 0 && rnd_.chance(0.1))) { // a few stances are still unknown
        ACCORD_RETURN_IF_ERROR(set(e, c, "stance", Any(stance)));
      }
      const std::string level(pos.level);
      ACCORD_RETURN_IF_ERROR(set(e, c, "influence",
                                 Any(level == "top"      ? "high"
                                     : level == "middle" ? (rnd_.chance(0.4) ? "high" : "medium")
                                                         : (rnd_.chance(0.3) ? "medium" : "low"))));
      static constexpr std::string_view kDisc[] = {"d", "i", "s", "c"};
      ACCORD_RETURN_IF_ERROR(
          set(e, c, "disc", Any(rnd_.pick(std::span<const std::string_view>(kDisc)))));
      static constexpr std::string_view kCloseness[] = {"intimate", "ordinary", "colleague",
                                                        "stranger"};
      ACCORD_RETURN_IF_ERROR(
          set(e, c, "closeness", Any(rnd_.pick(std::span<const std::string_view>(kCloseness)))));
      if (p == 0) ACCORD_RETURN_IF_ERROR(set(e, c, "hidden_rank", Any(1)));
      if (p == 0 || p == 1) {
        static constexpr std::string_view kStyles[] = {"telling", "selling", "participating",
                                                       "delegating"};
        ACCORD_RETURN_IF_ERROR(set(e, c, "leadership_style",
                                   Any(rnd_.pick(std::span<const std::string_view>(kStyles)))));
      }
      if (has_coach && p == coach_position) {
        ACCORD_RETURN_IF_ERROR(set(e, c, "inside_help", Any("coach")));
        ACCORD_RETURN_IF_ERROR(set(e, c, "help_willingness", Any("high")));
        ACCORD_RETURN_IF_ERROR(set(e, c, "help_ability", Any("medium")));
      } else if (p >= 6 && rnd_.chance(0.2)) {
        ACCORD_RETURN_IF_ERROR(set(e, c, "inside_help", Any("informant")));
      }
      const double cover = level == "top" ? 0.8 : level == "middle" ? 0.7 : 0.5;
      if (rnd_.chance(cover)) {
        ACCORD_RETURN_IF_ERROR(set(e, c, "counterpart", Any(member_at_level[level])));
      }
      if (p == 1) ACCORD_RETURN_IF_ERROR(set(e, reform, "leader", Any(c.id())));
      if (p == 2) ACCORD_RETURN_IF_ERROR(set(e, guard, "leader", Any(c.id())));
      ++summary_.contacts;
    }
    // Faction membership follows the boss's, with a few exceptions; the GM stays above both.
    for (int p : positions) {
      if (p == 0 || p == 14) continue;
      std::string faction = p == 1 ? reform.id() : p == 2 ? guard.id() : "";
      if (faction.empty()) {
        const int boss = demo::kPositions[p].boss;
        faction = boss == 2 || boss == 3 || boss == 12 ? guard.id() : reform.id();
        if (rnd_.chance(0.2)) faction = faction == reform.id() ? guard.id() : reform.id();
        if (rnd_.chance(0.25)) faction.clear();
      }
      if (!faction.empty()) {
        ACCORD_RETURN_IF_ERROR(
            set(e, *acc.find(kContactRecord, contacts_[p]), "faction", Any(faction)));
      }
    }
    // Links: reporting lines, two alliances, one rivalry.
    for (int p : positions) {
      int boss = demo::kPositions[p].boss;
      if (boss < 0) continue;
      if (!contacts_.count(boss)) boss = 0;
      ACCORD_RETURN_IF_ERROR(link(e, p, boss, "reports_to"));
    }
    ACCORD_RETURN_IF_ERROR(link(e, 3, 2, "ally"));
    ACCORD_RETURN_IF_ERROR(link(e, 4, 5, "ally"));
    ACCORD_RETURN_IF_ERROR(link(e, contacts_.count(9) ? 9 : 3, 4, "rival"));
    return Status::ok();
  }

  Status link(Edit& e, int from, int to, std::string_view kind) {
    ACCORD_ASSIGN_OR_RETURN(RecordRef l, slot_->account.add(e, kLinkRecord));
    ACCORD_RETURN_IF_ERROR(set(e, l, "from", Any(contacts_.at(from))));
    ACCORD_RETURN_IF_ERROR(set(e, l, "to", Any(contacts_.at(to))));
    ACCORD_RETURN_IF_ERROR(set(e, l, "kind", Any(kind)));
    if (kind == "reports_to") {
      ACCORD_RETURN_IF_ERROR(set(e, l, "boss_trusts", Any(rnd_.chance(0.8))));
      ACCORD_RETURN_IF_ERROR(set(e, l, "follows_boss", Any(rnd_.chance(0.8))));
    }
    ++summary_.links;
    return Status::ok();
  }

  Status needs_and_plan() {
    Edit e(*slot_->account_doc, actor(owner_), start_ + 30 * kDayMs, rnd_.seed());
    const AccountDocument& acc = slot_->account;
    std::vector<std::size_t> picks(std::size(demo::kNeeds));
    for (std::size_t i = 0; i < picks.size(); ++i) picks[i] = i;
    std::shuffle(picks.begin(), picks.end(), std::mt19937_64(rnd_.seed()));
    picks.resize(static_cast<std::size_t>(rnd_.uniform(3, 5)));
    for (std::size_t k : picks) {
      const demo::NeedSpec& n = demo::kNeeds[k];
      ACCORD_ASSIGN_OR_RETURN(RecordRef r, acc.add(e, kNeedRecord));
      ACCORD_RETURN_IF_ERROR(set(e, r, "title", Any(text(n.title_en, n.title_zh))));
      ACCORD_RETURN_IF_ERROR(set(e, r, "iceberg", Any(n.iceberg)));
      ACCORD_RETURN_IF_ERROR(set(e, r, "kano", Any(n.kano)));
      ACCORD_RETURN_IF_ERROR(set(e, r, "cause", Any(n.cause)));
      ACCORD_RETURN_IF_ERROR(set(e, r, "criteria_certainty", Any(n.certainty)));
      ACCORD_RETURN_IF_ERROR(set(e, r, "how_met", Any(n.how_met)));
      ACCORD_RETURN_IF_ERROR(
          set(e, r, "expected_gain", Any(static_cast<double>(rnd_.uniform(2, 40)) * 100000)));
      ACCORD_RETURN_IF_ERROR(set(e, r, "time_to_gain_months", Any(rnd_.uniform(3, 18))));
      const int owner = contacts_.count(n.owner_position) ? n.owner_position : 0;
      ACCORD_RETURN_IF_ERROR(set(e, r, "owner", Any(contacts_.at(owner))));
      ++summary_.needs;
    }

    const RecordRef plan = acc.plan();
    ACCORD_RETURN_IF_ERROR(
        set(e, plan, "vision",
            Any(text("Become their preferred partner for reliable, energy-efficient operations.",
                     "成为客户在稳定、节能运营方面的首选合作伙伴。"))));
    ACCORD_RETURN_IF_ERROR(set(
        e, plan, "strategy",
        Any(text("Win the technical evaluators with uptime evidence, reach the CFO with an "
                 "energy business case, and build coverage at every level.",
                 "用停机改善数据赢得技术评估人，用节能方案打动财务总监，并在各层级建立对接。"))));
    ACCORD_RETURN_IF_ERROR(set(e, plan, "pdca_phase", Any("do")));
    ACCORD_RETURN_IF_ERROR(set(e, plan, "pdca_cycle", Any(2)));
    const Date today = day_of(now_);
    const std::string year = format_date(today).substr(0, 4);
    for (const auto& [horizon, statement_en, statement_zh, months] :
         {std::tuple{"three_year", "Double our wallet share", "钱包份额翻倍", 30},
          std::tuple{"annual", "Close the framework agreement", "签订年度框架协议", 8},
          std::tuple{"quarterly", "Run two pilot projects", "完成两个试点项目", 2}}) {
      ACCORD_ASSIGN_OR_RETURN(RecordRef o, acc.add(e, kObjectiveRecord));
      ACCORD_RETURN_IF_ERROR(set(e, o, "horizon", Any(horizon)));
      ACCORD_RETURN_IF_ERROR(set(e, o, "statement", Any(text(statement_en, statement_zh))));
      for (const char* k : {"specific", "measurable", "achievable", "relevant", "time_bound"}) {
        ACCORD_RETURN_IF_ERROR(set(e, o, k, Any(true)));
      }
      ACCORD_RETURN_IF_ERROR(set(e, o, "due", Any(format_date(Date{today.days + months * 30}))));
      ACCORD_RETURN_IF_ERROR(set(e, o, "status", Any("in_progress")));
    }
    const double sales = acc.account().get(account::kOurSales).value_or(0);
    for (const auto& [kind, factor] : {std::pair{"sales", 1.2}, std::pair{"margin", 0.3}}) {
      ACCORD_ASSIGN_OR_RETURN(RecordRef t, acc.add(e, kRevenueTargetRecord));
      ACCORD_RETURN_IF_ERROR(set(e, t, "horizon", Any("annual")));
      ACCORD_RETURN_IF_ERROR(set(e, t, "period", Any(year)));
      ACCORD_RETURN_IF_ERROR(set(e, t, "kind", Any(kind)));
      ACCORD_RETURN_IF_ERROR(set(e, t, "target", Any(sales * factor)));
      ACCORD_RETURN_IF_ERROR(set(e, t, "actual", Any(sales * factor * rnd_.uniform(55, 95) / 100)));
    }
    std::vector<std::size_t> actions(std::size(demo::kActions));
    for (std::size_t i = 0; i < actions.size(); ++i) actions[i] = i;
    std::shuffle(actions.begin(), actions.end(), std::mt19937_64(rnd_.seed()));
    actions.resize(static_cast<std::size_t>(rnd_.uniform(4, 6)));
    for (std::size_t k : actions) {
      ACCORD_ASSIGN_OR_RETURN(RecordRef a, acc.add(e, kActionRecord));
      ACCORD_RETURN_IF_ERROR(
          set(e, a, "task", Any(text(demo::kActions[k].task_en, demo::kActions[k].task_zh))));
      ACCORD_RETURN_IF_ERROR(set(e, a, "owner", Any(owner_)));
      const int due_in = rnd_.uniform(-45, 60);
      ACCORD_RETURN_IF_ERROR(set(e, a, "due", Any(format_date(Date{today.days + due_in}))));
      std::string status = due_in < 0 ? (rnd_.chance(0.6) ? "done" : "in_progress")
                                      : (rnd_.chance(0.5) ? "planned" : "in_progress");
      ACCORD_RETURN_IF_ERROR(set(e, a, "status", Any(status)));
      if (status == "done") {
        ACCORD_RETURN_IF_ERROR(
            set(e, a, "done_on", Any(format_date(Date{today.days + due_in - rnd_.uniform(0, 5)}))));
      }
      ACCORD_RETURN_IF_ERROR(set(e, a, "pdca_phase", Any("do")));
      ++summary_.actions;
    }
    return Status::ok();
  }

  Status visits() {
    const int cadence = spec_.tier == "a" ? 14 : spec_.tier == "b" ? 30 : 90;
    const int count = spec_.tier == "a"   ? rnd_.uniform(22, 28)
                      : spec_.tier == "b" ? rnd_.uniform(10, 14)
                                          : rnd_.uniform(4, 6);
    // The last touch: some accounts are well looked after, some overdue.
    const int last_gap = rnd_.uniform(1, cadence * 3 / 2);
    const std::int64_t first = now_ - 365 * kDayMs;
    const std::int64_t last = now_ - last_gap * kDayMs;
    std::vector<std::int64_t> times;
    for (int i = 0; i < count - 1; ++i) {
      const std::int64_t t =
          first +
          static_cast<std::int64_t>(static_cast<double>(last - first) *
                                    std::uniform_real_distribution<double>(0, 1)(rng_for_times_));
      times.push_back(t);
    }
    times.push_back(last);
    std::sort(times.begin(), times.end());
    std::vector<std::string> ids;
    for (const auto& [p, id] : contacts_) ids.push_back(id);
    static constexpr std::string_view kChannels[] = {
        "visit", "visit", "phone", "message", "site_tour", "business_entertainment"};
    static constexpr std::string_view kPretexts[] = {
        "service", "offer", "useful_information", "content", "satisfaction_survey", "event"};
    static constexpr std::string_view kResults[] = {"reached", "appointment", "meeting_success",
                                                    "meeting_success", "closed"};
    for (std::int64_t t0 : times) {
      // Working hours, on the hour.
      const std::int64_t t = (t0 / kDayMs) * kDayMs + (rnd_.uniform(1, 9)) * kHour;
      const std::string rep = rnd_.chance(0.85) ? owner_ : std::string("tom.reed");
      Edit e(*slot_->visit_doc, actor(rep), t, rnd_.seed());
      ACCORD_ASSIGN_OR_RETURN(RecordRef v, slot_->visits.add_visit(e, format_date_time(t), rep));
      ACCORD_RETURN_IF_ERROR(
          set(e, v, "channel", Any(rnd_.pick(std::span<const std::string_view>(kChannels)))));
      Any::Array met;
      const int n = rnd_.uniform(1, 3);
      std::set<std::string> chosen;
      // The general manager or the deputy are met now and then.
      if (rnd_.chance(0.25)) chosen.insert(contacts_.at(rnd_.uniform(0, 1)));
      while (static_cast<int>(chosen.size()) < n) {
        chosen.insert(
            ids[static_cast<std::size_t>(rnd_.uniform(0, static_cast<int>(ids.size()) - 1))]);
      }
      for (const auto& c : chosen) met.emplace_back(c);
      ACCORD_RETURN_IF_ERROR(set(e, v, "contacts", Any(std::move(met))));
      ACCORD_RETURN_IF_ERROR(
          set(e, v, "pretext", Any(rnd_.pick(std::span<const std::string_view>(kPretexts)))));
      const std::size_t purpose = static_cast<std::size_t>(rnd_.uniform(0, 7));
      ACCORD_RETURN_IF_ERROR(set(
          e, v, "purpose", Any(zh() ? demo::kPurposesZh[purpose] : demo::kPurposesEn[purpose])));
      ACCORD_RETURN_IF_ERROR(
          set(e, v, "outcome", Any(text("Agreed on the next step.", "双方就下一步达成一致。"))));
      ACCORD_RETURN_IF_ERROR(
          set(e, v, "result", Any(rnd_.pick(std::span<const std::string_view>(kResults)))));
      const std::size_t step = static_cast<std::size_t>(rnd_.uniform(0, 4));
      ACCORD_RETURN_IF_ERROR(
          set(e, v, "next_step", Any(zh() ? demo::kNextStepsZh[step] : demo::kNextStepsEn[step])));
      const Date due{day_of(t).days + rnd_.uniform(5, 21)};
      ACCORD_RETURN_IF_ERROR(set(e, v, "next_step_due", Any(format_date(due))));
      // Next steps get done, mostly; a few recent ones slip.
      const int age = day_of(now_).days - due.days;
      const bool done = age > 2 && rnd_.chance(age > 45 ? 0.98 : 0.7);
      ACCORD_RETURN_IF_ERROR(set(e, v, "next_step_done", Any(done)));
      e.commit();
      ++summary_.visits;
      // The manager reviews within a few days, except the most recent visits.
      const std::int64_t review_at = t + rnd_.uniform(1, 4) * kDayMs;
      if (review_at < now_ - 3 * kDayMs && rnd_.chance(0.97)) {
        Edit r(*slot_->visit_doc, actor(kDemoManager), review_at, rnd_.seed());
        auto fresh = find_record(*slot_->visit_doc, kVisitRecord, v.id());
        if (!fresh) return Status::error(StatusCode::kInternal, "a logged visit is missing");
        ACCORD_RETURN_IF_ERROR(slot_->visits.review(
            r, *fresh, text("Good. Keep the CFO in the loop.", "很好，注意同步财务总监。")));
      }
    }
    return Status::ok();
  }

  // Recent moves down for the manager digest: on some accounts a supporter turned skeptic, and
  // one account fell back a development stage.
  Status recent_changes() {
    if (index_ % 4 == 0) {
      Edit e(*slot_->account_doc, actor(owner_), now_ - 2 * kDayMs, rnd_.seed());
      for (const auto& [p, id] : contacts_) {
        auto c = slot_->account.find(kContactRecord, id);
        if (c->get(contact::kStance) == Stance::kSupporter) {
          ACCORD_RETURN_IF_ERROR(set(e, *c, "stance", Any("skeptic")));
          break;
        }
      }
    }
    if (index_ == 4) {
      Edit e(*slot_->account_doc, actor(owner_), now_ - 1 * kDayMs, rnd_.seed());
      return set(e, slot_->account.account(), "development_stage", Any("initial_cooperation"));
    }
    return Status::ok();
  }

  Workspace& ws_;
  Random& rnd_;
  const demo::AccountSpec& spec_;
  std::int64_t now_;
  std::size_t index_;
  DemoSummary& summary_;
  std::string owner_;
  std::int64_t start_ = 0;
  AccountSlot* slot_ = nullptr;
  std::map<int, std::string> contacts_; // position -> contact id
  std::mt19937_64 rng_for_times_{rnd_.seed()};
};

} // namespace

Result<DemoSummary> generate_demo(Workspace& ws, const DemoOptions& options) {
  if (!ws.account_ids().empty()) {
    return Status::error(StatusCode::kFailedPrecondition,
                         "the demo goes into an empty workspace; this one has accounts");
  }
  if (options.accounts < 1 || options.accounts > std::size(demo::kAccounts)) {
    return Status::error(StatusCode::kInvalidArgument, "the demo has 1 to 12 accounts");
  }
  Random rnd(options.seed);
  DemoSummary summary;
  const std::int64_t start = options.now_ms - 400 * kDayMs;
  {
    Edit e(ws.index_doc(), actor(kDemoManager), start, rnd.seed());
    const TeamIndex team = ws.team();
    ACCORD_RETURN_IF_ERROR(team.settings().set(e, settings::kTeamName, "Industrial key accounts"));
    for (const DemoUser& u : kUsers) {
      auto existing = find_record(ws.index_doc(), kMemberRecord, u.id);
      if (!existing) {
        ACCORD_ASSIGN_OR_RETURN(RecordRef added, team.add_member(e, u.id, u.name));
        existing = added;
      }
      const RecordRef& m = *existing;
      ACCORD_RETURN_IF_ERROR(m.set_value(e, "name", Any(u.name)));
      ACCORD_RETURN_IF_ERROR(m.set_value(e, "function", Any(u.function)));
      ACCORD_RETURN_IF_ERROR(m.set_value(e, "level", Any(u.level)));
    }
  }
  for (std::size_t i = 0; i < options.accounts; ++i) {
    AccountGenerator g(ws, rnd, demo::kAccounts[i], options.now_ms, i, summary);
    Status s = g.run();
    if (!s.is_ok()) return s.with_context("demo account " + std::string(demo::kAccounts[i].id));
    ++summary.accounts;
  }
  return summary;
}

} // namespace accord::workspace
