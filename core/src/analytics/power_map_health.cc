// Power-map health: the rules listed in power_map_health.h, applied in order.
#include "accord/analytics/power_map_health.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "accord/model/account_schema.h"
#include "accord/model/contact_schema.h"

namespace accord::analytics {

using namespace accord::model;

namespace {

int influence_weight(const Coded<Grade>& g) {
  if (g == Grade::kHigh) return 3;
  if (g == Grade::kMedium) return 2;
  return 1;
}

int stance_value(Stance s) {
  switch (s) {
    case Stance::kChampion: return 2;
    case Stance::kSupporter: return 1;
    case Stance::kNeutral: return 0;
    case Stance::kSkeptic: return -1;
    case Stance::kOpponent: return -2;
  }
  return 0;
}

std::string label(const RecordRef& c) {
  auto n = c.get(contact::kName);
  return n && !n->empty() ? *n : c.id();
}

std::string fixed2(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

} // namespace

PowerMapHealth power_map_health(const AccountInput& input, std::int64_t now_ms, int cadence_days) {
  return power_map_health(input, now_ms, cadence_days, last_touches(input.visits, now_ms));
}

PowerMapHealth power_map_health(const AccountInput& input, std::int64_t now_ms, int cadence_days,
                                const Touches& touches) {
  PowerMapHealth h;
  const AccountDocument& acc = *input.account;
  const std::vector<RecordRef> contacts = acc.list(kContactRecord);
  auto add = [&](std::string code, int points, std::string message, std::string subject = {}) {
    h.reasons.push_back(Reason{std::move(code), points, std::move(message), std::move(subject)});
  };

  // Roles.
  for (BuyingRole role : all_values<BuyingRole>()) {
    RoleCoverage rc{role, {}};
    for (const auto& c : contacts) {
      const auto roles = c.get(contact::kBuyingRoles);
      if (std::find(roles.begin(), roles.end(), role) != roles.end()) rc.contacts.push_back(c.id());
    }
    if (rc.contacts.empty()) {
      h.unknown_roles.push_back(role);
      add("unknown_role", -4,
          "nobody known as " + std::string(display_name(role, Locale::kEnglish)) + " (" +
              std::string(display_name(role, Locale::kChinese)) + ")",
          std::string(code_of(role)));
    }
    h.roles.push_back(std::move(rc));
  }

  // Support balance and opponents.
  double weighted = 0;
  double weights = 0;
  for (const auto& c : contacts) {
    const auto stance = c.get(contact::kStance).value();
    if (!stance) continue;
    const auto influence = c.get(contact::kInfluence);
    const int w = influence_weight(influence);
    weighted += w * stance_value(*stance);
    weights += w;
    ++h.contacts_with_stance;
    if (*stance == Stance::kChampion || *stance == Stance::kSupporter) h.engaged.push_back(c.id());
    if (*stance == Stance::kOpponent && influence == Grade::kHigh) {
      h.high_influence_opponents.push_back(c.id());
    }
  }
  if (h.contacts_with_stance == 0) {
    add("no_stance_known", -10, "no contact's stance toward us is known");
  } else {
    h.support_balance = weighted / weights;
    if (h.support_balance < 0) {
      add("support_negative", -15,
          "influence-weighted support is negative (" + fixed2(h.support_balance) + ")");
    } else if (h.support_balance < 0.5) {
      add("support_weak", -5,
          "influence-weighted support is weak (" + fixed2(h.support_balance) + ")");
    }
  }
  for (std::size_t i = 0; i < h.high_influence_opponents.size() && i < 2; ++i) {
    const std::string& id = h.high_influence_opponents[i];
    add("high_influence_opponent", -10,
        label(*acc.find(kContactRecord, id)) + " opposes us and has high influence", id);
  }

  // Engagement.
  h.single_threaded = h.engaged.size() <= 1;
  if (h.engaged.empty()) {
    add("no_support", -20, "no champion or supporter");
  } else if (h.engaged.size() == 1) {
    add("single_threaded", -15,
        "only one engaged contact: " + label(*acc.find(kContactRecord, h.engaged.front())),
        h.engaged.front());
  }

  // Coach.
  for (const auto& c : contacts) {
    if (c.get(contact::kInsideHelp) == InsideHelp::kCoach) h.coaches.push_back(c.id());
  }
  if (h.coaches.empty()) add("no_coach", -10, "no coach inside the account");

  // Executive access.
  for (const auto& c : contacts) {
    if (!(c.get(contact::kLevel) == OrgLevel::kTop)) continue;
    const auto stance = c.get(contact::kStance);
    if (stance == Stance::kSkeptic || stance == Stance::kOpponent) continue;
    if (touches.by_contact.count(c.id()) != 0) h.executive_access = true;
  }
  if (!h.executive_access) {
    add("no_executive_access", -10, "no top-level contact on our side has been met");
  }

  // Zipper coverage by level.
  std::map<std::string, OrgLevel> member_level;
  for (const auto& m : acc.list(kTeamMemberRecord)) {
    if (auto lv = m.get(team_member::kLevel).value()) member_level[m.id()] = *lv;
  }
  for (OrgLevel level : all_values<OrgLevel>()) {
    ZipperLevel z{level, 0, 0};
    for (const auto& c : contacts) {
      if (!(c.get(contact::kLevel) == level)) continue;
      ++z.contacts;
      auto cp = c.get(contact::kCounterpart);
      if (cp) {
        auto it = member_level.find(*cp);
        if (it != member_level.end() && it->second == level) ++z.covered;
      }
    }
    if (z.contacts > 0 && z.covered * 2 < z.contacts) {
      add("zipper_gap", -5,
          std::to_string(z.covered) + " of " + std::to_string(z.contacts) + " " +
              std::string(display_name(level, Locale::kEnglish)) +
              "-level contacts have a counterpart at their level",
          std::string(code_of(level)));
    }
    h.zipper.push_back(z);
  }

  // Stale key contacts.
  const std::int64_t cadence_ms = static_cast<std::int64_t>(cadence_days) * 86400000;
  int stale_points = 0;
  for (const auto& c : contacts) {
    const auto stance = c.get(contact::kStance);
    const auto roles = c.get(contact::kBuyingRoles);
    const bool key = stance == Stance::kChampion || stance == Stance::kSupporter ||
                     c.get(contact::kInfluence) == Grade::kHigh ||
                     std::find(roles.begin(), roles.end(), BuyingRole::kDecider) != roles.end();
    if (!key) continue;
    auto it = touches.by_contact.find(c.id());
    const bool stale = it == touches.by_contact.end() || now_ms - it->second > cadence_ms;
    if (!stale) continue;
    h.stale_contacts.push_back(c.id());
    if (stale_points > -15) {
      stale_points -= 3;
      add("stale_contact", -3,
          label(c) + (it == touches.by_contact.end()
                          ? std::string(" has never been met")
                          : " not met for more than " + std::to_string(cadence_days) + " days"),
          c.id());
    }
  }

  int score = 100;
  for (const auto& r : h.reasons) score += r.points;
  h.score = std::clamp(score, 0, 100);
  return h;
}

} // namespace accord::analytics
