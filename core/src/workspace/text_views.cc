#include "accord/workspace/text_views.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>

#include "accord/analytics/power_map_health.h"
#include "accord/model/account_schema.h"
#include "accord/model/activity_schema.h"
#include "accord/model/contact_schema.h"
#include "accord/model/dates.h"
#include "accord/model/history.h"
#include "accord/model/plan_schema.h"
#include "accord/model/team_schema.h"
#include "accord/workspace/map_layout.h"

namespace accord::workspace {
namespace {

using namespace model;

std::string account_name(Workspace& ws, const std::string& id) {
  AccountSlot* slot = ws.account(id);
  return slot != nullptr ? slot->account.account().get(account::kName).value_or(id) : id;
}

std::string contact_name(const AccountDocument& a, const std::string& id) {
  auto c = a.find(kContactRecord, id);
  return c ? c->get(contact::kName).value_or(id) : id;
}

// Terminal columns of `s`: East Asian wide characters take two.
std::size_t display_width(std::string_view s) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = b;
    std::size_t len = 1;
    if (b >= 0xF0 && i + 3 < s.size()) {
      cp = ((b & 0x07u) << 18) | ((s[i + 1] & 0x3Fu) << 12) | ((s[i + 2] & 0x3Fu) << 6) |
           (s[i + 3] & 0x3Fu);
      len = 4;
    } else if (b >= 0xE0 && i + 2 < s.size()) {
      cp = ((b & 0x0Fu) << 12) | ((s[i + 1] & 0x3Fu) << 6) | (s[i + 2] & 0x3Fu);
      len = 3;
    } else if (b >= 0xC0 && i + 1 < s.size()) {
      len = 2;
    }
    const bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    width += wide ? 2 : 1;
    i += len;
  }
  return width;
}

// `s` padded with spaces to `width` terminal columns (at least one space follows when longer).
std::string pad(std::string s, std::size_t width) {
  const std::size_t n = display_width(s);
  s.append(n < width ? width - n : 1, ' ');
  return s;
}

std::string value_text(const Any& v) {
  if (v.is_undefined()) return "(unset)";
  if (v.is_string()) return v.as_string();
  return v.to_json_string();
}

std::string date_of(std::int64_t ms) { return format_date(day_of(ms)); }

// One line describing a contact on the map.
std::string contact_line(const RecordRef& c, Locale locale) {
  std::string line = c.get(contact::kName).value_or(c.id());
  if (auto t = c.get(contact::kTitle)) line += " — " + *t;
  std::vector<std::string> parts;
  if (auto l = c.get_code(contact::kLevel))
    parts.push_back(enum_label(contact::kLevel, *l, locale));
  std::string roles;
  for (const auto& code : c.set_members(contact::kBuyingRoles)) {
    roles += (roles.empty() ? "" : ", ") + enum_label(contact::kBuyingRoles, code, locale);
  }
  if (!roles.empty()) parts.push_back(roles);
  if (auto s = c.get_code(contact::kStance))
    parts.push_back(enum_label(contact::kStance, *s, locale));
  if (auto i = c.get_code(contact::kInfluence)) {
    parts.push_back((locale == Locale::kChinese ? "影响力 " : "influence ") +
                    enum_label(contact::kInfluence, *i, locale));
  }
  if (auto h = c.get_code(contact::kInsideHelp)) {
    parts.push_back(enum_label(contact::kInsideHelp, *h, locale));
  }
  for (const auto& p : parts) line += " · " + p;
  return line;
}

} // namespace

std::string enum_label(const FieldInfo& f, std::string_view code, Locale locale) {
  if (f.enum_info != nullptr) {
    if (auto i = f.enum_info->index_of(code)) {
      const EnumEntry& e = f.enum_info->entries[*i];
      return std::string(locale == Locale::kChinese ? e.zh : e.en);
    }
  }
  return std::string(code);
}

Result<std::string> power_map_text(Workspace& ws, std::string_view account_id,
                                   const ViewOptions& options) {
  AccountSlot* slot = ws.account(account_id);
  if (slot == nullptr) {
    return Status::error(StatusCode::kNotFound, "no account '" + std::string(account_id) + "'");
  }
  const Locale loc = options.locale;
  const AccountDocument& a = slot->account;
  const RecordRef acc = a.account();
  const bool has_visits = read_meta(*slot->visit_doc).ok();
  const analytics::AccountInput input{&a, has_visits ? &slot->visits : nullptr};
  const int cadence = ws.team().cadence_days(acc.get(account::kTier).value());
  const analytics::PowerMapHealth health =
      analytics::power_map_health(input, options.now_ms, cadence);

  std::string out = acc.get(account::kName).value_or(std::string(account_id)) + " (" +
                    std::string(account_id) + ")";
  for (const FieldInfo* f : {static_cast<const FieldInfo*>(&account::kTier),
                             static_cast<const FieldInfo*>(&account::kClassification),
                             static_cast<const FieldInfo*>(&account::kDevelopmentStage),
                             static_cast<const FieldInfo*>(&account::kRelationship)}) {
    if (auto code = acc.get_code(*f)) {
      out += " · " + std::string(loc == Locale::kChinese ? f->zh : f->en) + " " +
             enum_label(*f, *code, loc);
    }
  }
  out += "\n";
  out += (loc == Locale::kChinese ? "权力地图健康度: " : "Power map health: ") +
         std::to_string(health.score) + "/100\n\n";

  const MapLayout layout = layout_power_map(a);
  std::map<std::string, std::vector<std::string>> children;
  std::vector<std::string> roots;
  for (const MapNode& n : layout.nodes) {
    if (n.boss.empty()) {
      roots.push_back(n.id);
    } else {
      children[n.boss].push_back(n.id);
    }
  }
  out += loc == Locale::kChinese ? "汇报关系:\n" : "Reporting lines:\n";
  std::function<void(const std::string&, const std::string&, bool, bool)> tree =
      [&](const std::string& id, const std::string& prefix, bool last, bool root) {
        auto c = a.find(kContactRecord, id);
        out += "  " + prefix + (root ? "" : (last ? "└─ " : "├─ ")) + contact_line(*c, loc) + "\n";
        const auto& kids = children[id];
        for (std::size_t i = 0; i < kids.size(); ++i) {
          tree(kids[i], root ? "" : prefix + (last ? "   " : "│  "), i + 1 == kids.size(), false);
        }
      };
  for (const auto& r : roots) tree(r, "", true, true);
  if (layout.nodes.empty()) out += loc == Locale::kChinese ? "  (无联系人)\n" : "  (no contacts)\n";

  std::string others;
  for (const MapEdge& e : layout.edges) {
    if (e.kind == code_of(LinkKind::kReportsTo)) continue;
    others += "  " + contact_name(a, e.from) + " —" + enum_label(link::kKind, e.kind, loc) + "— " +
              contact_name(a, e.to) + "\n";
  }
  if (!others.empty())
    out += (loc == Locale::kChinese ? "\n其他关系:\n" : "\nOther links:\n") + others;

  const auto factions = a.list(kFactionRecord);
  if (!factions.empty()) {
    out += loc == Locale::kChinese ? "\n派系:\n" : "\nFactions:\n";
    for (const RecordRef& f : factions) {
      std::string members;
      for (const RecordRef& c : a.list(kContactRecord)) {
        if (c.get(contact::kFaction) == f.id()) {
          members += (members.empty() ? "" : ", ") + c.get(contact::kName).value_or(c.id());
        }
      }
      out += "  " + f.get(faction::kName).value_or(f.id());
      if (auto leader = f.get(faction::kLeader)) {
        out += (loc == Locale::kChinese ? " (核心人物 " : " (leader ") + contact_name(a, *leader) +
               ")";
      }
      out += ": " + (members.empty() ? std::string("-") : members) + "\n";
    }
  }

  out += loc == Locale::kChinese ? "\n购买角色:\n" : "\nBuying roles:\n";
  for (const auto& rc : health.roles) {
    std::string holders;
    for (const auto& id : rc.contacts)
      holders += (holders.empty() ? "" : ", ") + contact_name(a, id);
    out += "  " + pad(std::string(display_name(rc.role, loc)), 31) +
           (holders.empty() ? (loc == Locale::kChinese ? "未知" : "unknown") : holders) + "\n";
  }
  char balance[64];
  std::snprintf(balance, sizeof balance, "%.2f", health.support_balance);
  out += (loc == Locale::kChinese ? "\n支持度(按影响力加权, -2..2): "
                                  : "\nSupport balance (influence-weighted, -2..2): ") +
         std::string(balance) + "\n";
  out += loc == Locale::kChinese ? "扣分原因:\n" : "Reasons:\n";
  if (health.reasons.empty()) out += loc == Locale::kChinese ? "  无\n" : "  none\n";
  for (const auto& r : health.reasons) {
    out += "  " + pad(std::to_string(r.points), 4) + pad(r.code, 24) + r.message + "\n";
  }
  return out;
}

std::string follow_ups_text(Workspace& ws, const analytics::FollowUpReport& report,
                            std::string_view rep, const ViewOptions& options) {
  using analytics::FollowUpState;
  std::string out = "Follow-ups on " + date_of(options.now_ms) +
                    (rep.empty() ? std::string() : " for " + std::string(rep)) + "\n";
  for (FollowUpState state : {FollowUpState::kOverdue, FollowUpState::kDue}) {
    std::string lines;
    int n = 0;
    for (const auto& f : report.accounts) {
      if (f.state != state || (!rep.empty() && f.owner != rep)) continue;
      ++n;
      std::string line = "  " + pad(f.name, 28) + " tier " +
                         (f.tier ? std::string(code_of(*f.tier)) : std::string("-")) + "  every " +
                         std::to_string(f.cadence_days) + " d  last touch " +
                         (f.last_touch ? format_date(*f.last_touch) : std::string("never")) + "  ";
      line += f.days_overdue > 0    ? std::to_string(f.days_overdue) + " days overdue"
              : f.days_overdue == 0 ? std::string("due today")
                                    : "due in " + std::to_string(-f.days_overdue) + " days";
      line += "  owner " + (f.owner.empty() ? std::string("-") : f.owner) + "\n";
      lines += line;
    }
    out += (state == FollowUpState::kOverdue ? "\nOverdue accounts (" : "\nDue soon (") +
           std::to_string(n) + "):\n" + (n == 0 ? "  none\n" : lines);
  }
  std::string steps;
  int n = 0;
  for (const auto& s : report.next_steps) {
    if (!rep.empty() && s.rep != rep) continue;
    ++n;
    steps += "  " + format_date(s.due) + " (" + std::to_string(s.days_overdue) + " days late)  " +
             pad(account_name(ws, s.account_id), 28) + " " + pad(s.rep, 10) + " " + s.next_step +
             "\n";
  }
  out += "\nNext steps past due (" + std::to_string(n) + "):\n" + (n == 0 ? "  none\n" : steps);
  out += "\nPer rep:\n";
  for (const auto& r : report.per_rep) {
    if (!rep.empty() && r.rep != rep) continue;
    out += "  " + pad(r.rep.empty() ? "(unassigned)" : r.rep, 14) + " overdue " +
           std::to_string(r.overdue) + ", due " + std::to_string(r.due) + ", next steps past due " +
           std::to_string(r.next_steps_overdue) + "\n";
  }
  out += "Team: overdue " + std::to_string(report.team.overdue) + ", due " +
         std::to_string(report.team.due) + ", next steps past due " +
         std::to_string(report.team.next_steps_overdue) + "\n";
  return out;
}

std::string digest_text(Workspace& ws, const analytics::ManagerDigest& digest,
                        const ViewOptions& options) {
  const Locale loc = options.locale;
  std::string out = "Manager digest on " + date_of(options.now_ms) + "\n";
  out += "\nVisits awaiting review (" + std::to_string(digest.pending_reviews.size()) + "):\n";
  if (digest.pending_reviews.empty()) out += "  none\n";
  for (const auto& p : digest.pending_reviews) {
    std::string purpose;
    if (AccountSlot* slot = ws.account(p.account_id)) {
      if (auto v = find_record(*slot->visit_doc, kVisitRecord, p.visit_id)) {
        purpose = v->get(visit::kPurpose).value_or("");
      }
    }
    out += "  " + date_of(p.at_ms) + "  " + pad(account_name(ws, p.account_id), 28) + " " +
           pad(p.rep, 10) + " waiting " + std::to_string(p.days_waiting) + " d  " + purpose + "\n";
  }
  out += "\nLosing ground (" + std::to_string(digest.losing_ground.size()) + "):\n";
  if (digest.losing_ground.empty()) out += "  none\n";
  for (const auto& l : digest.losing_ground) {
    std::string what;
    const FieldInfo* f = nullptr;
    if (l.record.starts_with("contacts/")) {
      const std::string id = l.record.substr(9);
      if (AccountSlot* slot = ws.account(l.account_id))
        what = contact_name(slot->account, id) + " ";
      f = kContactRecord.find(l.field);
    } else {
      f = kAccountRecord.find(l.field);
    }
    const std::string from = f ? enum_label(*f, l.from_code, loc) : l.from_code;
    const std::string to = f ? enum_label(*f, l.to_code, loc) : l.to_code;
    out += "  " + date_of(l.at_ms) + "  " + pad(account_name(ws, l.account_id), 28) + " " + what +
           l.field + ": " + from + " -> " + to + " (by " + l.user + ")\n";
  }
  out += "\nPlan actions overdue (" + std::to_string(digest.overdue_actions.size()) + "):\n";
  if (digest.overdue_actions.empty()) out += "  none\n";
  for (const auto& a : digest.overdue_actions) {
    out += "  " + format_date(a.due) + " (" + std::to_string(a.days_overdue) + " days late)  " +
           pad(account_name(ws, a.account_id), 28) + " " +
           pad(a.owner.empty() ? "-" : a.owner, 10) + " " + a.task + "\n";
  }
  return out;
}

Result<std::string> history_text(Workspace& ws, std::string_view record,
                                 const ViewOptions& options) {
  (void)options;
  std::vector<std::pair<std::string, const Doc*>> docs;
  docs.emplace_back("team index", &ws.index_doc());
  for (const auto& id : ws.account_ids()) {
    AccountSlot* slot = ws.account(id);
    docs.emplace_back(id, slot->account_doc.get());
    docs.emplace_back(id, slot->visit_doc.get());
  }
  const std::string key(record);
  std::string out;
  std::size_t found = 0;
  for (const auto& [label, doc] : docs) {
    const bool account_itself = label == key && doc != &ws.index_doc() && read_meta(*doc).ok() &&
                                read_meta(*doc)->kind == DocumentKind::kAccount;
    for (const Change& c : journal(*doc)) {
      const bool match = c.record == key || c.record.ends_with("/" + key) ||
                         (account_itself && c.record == "account");
      if (!match) continue;
      if (found == 0) out += "History of " + key + " (" + label + "):\n";
      ++found;
      out += "  " + format_date_time(c.at_ms).substr(0, 16) + "Z  " +
             pad(c.user + "@" + c.device, 18) + " " + c.record + " " + c.field + ": ";
      out += c.field == "*" ? std::string("created")
                            : value_text(c.old_value) + " -> " + value_text(c.new_value);
      out += "\n";
    }
  }
  if (found == 0) {
    return Status::error(StatusCode::kNotFound,
                         "no record '" + key + "' has any history in this workspace");
  }
  return out;
}

} // namespace accord::workspace
