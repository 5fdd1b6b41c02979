#include "accord/workspace/report.h"

#include <algorithm>
#include <cstdio>

#include "accord/analytics/follow_ups.h"
#include "accord/analytics/power_map_health.h"
#include "accord/model/account_schema.h"
#include "accord/model/activity_schema.h"
#include "accord/model/contact_schema.h"
#include "accord/model/dates.h"
#include "accord/model/plan_schema.h"
#include "accord/workspace/text_views.h"

namespace accord::workspace {
namespace {

using namespace model;

// The report as blocks, rendered to Markdown or HTML.
struct Block {
  enum class Kind { kHeading, kParagraph, kTable, kSvg } kind = Kind::kParagraph;
  int level = 2;
  std::string text;                           // heading, paragraph or the SVG
  std::vector<std::string> header;            // table
  std::vector<std::vector<std::string>> rows; // table
};

std::string label(const FieldInfo& f, Locale loc) {
  return std::string(loc == Locale::kChinese ? f.zh : f.en);
}

// A field's value for a person: enum labels, sets joined, numbers without trailing zeros.
std::string show(const RecordRef& r, const FieldInfo& f, Locale loc) {
  const Any v = r.get_value(f);
  if (v.is_undefined() || v.is_null()) return "";
  if (f.kind == FieldKind::kEnum && v.is_string()) return enum_label(f, v.as_string(), loc);
  if (f.kind == FieldKind::kEnumSet && v.is_array()) {
    std::string out;
    for (const Any& m : v.as_array()) {
      out += (out.empty() ? "" : ", ") + enum_label(f, m.is_string() ? m.as_string() : "", loc);
    }
    return out;
  }
  if (v.is_bool())
    return v.as_bool() ? (loc == Locale::kChinese ? "是" : "yes")
                       : (loc == Locale::kChinese ? "否" : "no");
  if (v.is_number()) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", v.as_number());
    std::string s = buf;
    // Thousands separators for amounts.
    if (f.max >= kMaxAmount && s.find_first_of(".e") == std::string::npos && s.size() > 3) {
      std::string grouped;
      const std::size_t lead = s.size() % 3 == 0 ? 3 : s.size() % 3;
      grouped = s.substr(0, lead);
      for (std::size_t i = lead; i < s.size(); i += 3) {
        grouped += ',';
        grouped.append(s, i, 3);
      }
      s = grouped;
    }
    return s;
  }
  if (v.is_string()) return v.as_string();
  return v.to_json_string();
}

Block heading(std::string text, int level = 2) {
  Block b;
  b.kind = Block::Kind::kHeading;
  b.level = level;
  b.text = std::move(text);
  return b;
}

Block paragraph(std::string text) {
  Block b;
  b.text = std::move(text);
  return b;
}

// A two-column table of the set fields among `fields`.
Block fields_table(const RecordRef& r, std::initializer_list<const FieldInfo*> fields, Locale loc) {
  Block b;
  b.kind = Block::Kind::kTable;
  b.header = {loc == Locale::kChinese ? "项目" : "Field",
              loc == Locale::kChinese ? "内容" : "Value"};
  for (const FieldInfo* f : fields) {
    std::string v = show(r, *f, loc);
    if (!v.empty()) b.rows.push_back({label(*f, loc), std::move(v)});
  }
  return b;
}

// A table of records with one column per field.
Block records_table(const std::vector<RecordRef>& records,
                    std::initializer_list<const FieldInfo*> fields, Locale loc) {
  Block b;
  b.kind = Block::Kind::kTable;
  for (const FieldInfo* f : fields) b.header.push_back(label(*f, loc));
  for (const RecordRef& r : records) {
    std::vector<std::string> row;
    for (const FieldInfo* f : fields) row.push_back(show(r, *f, loc));
    b.rows.push_back(std::move(row));
  }
  return b;
}

std::vector<Block> build(Workspace& ws, std::string_view account_id, const ReportOptions& o,
                         std::string& title) {
  std::vector<Block> out;
  AccountSlot* slot = ws.account(account_id);
  if (slot == nullptr) return out;
  const Locale loc = o.locale;
  const bool zh = loc == Locale::kChinese;
  const AccountDocument& a = slot->account;
  const RecordRef acc = a.account();
  title = acc.get(account::kName).value_or(std::string(account_id)) +
          (zh ? " — 大客户战略管理计划" : " — Account plan");
  out.push_back(heading(title, 1));
  out.push_back(paragraph((zh ? "生成日期 " : "As of ") + format_date(day_of(o.now_ms)) +
                          (zh ? "，客户编号 " : ", account id ") + std::string(account_id)));

  out.push_back(heading(zh ? "客户概况" : "Account profile"));
  out.push_back(fields_table(
      acc,
      {&account::kIndustry, &account::kRegion, &account::kOwner, &account::kClassification,
       &account::kTier, &account::kAttractiveness, &account::kRelationship,
       &account::kRelationshipType, &account::kDevelopmentStage, &account::kRelationshipCycle,
       &account::kOrganisationType, &account::kFunnelStage, &account::kCurrency,
       &account::kAnnualPurchaseVolume, &account::kOurSales, &account::kWalletShare,
       &account::kSatisfaction5, &account::kSwitchingCost, &account::kDecisionProcess},
      loc));

  const bool has_visits = read_meta(*slot->visit_doc).ok();
  const analytics::AccountInput input{&a, has_visits ? &slot->visits : nullptr};
  const int cadence = ws.team().cadence_days(acc.get(account::kTier).value());
  const auto health = analytics::power_map_health(input, o.now_ms, cadence);
  out.push_back(heading(zh ? "权力地图" : "Power map"));
  Block svg;
  svg.kind = Block::Kind::kSvg;
  svg.text = power_map_svg(a, loc);
  out.push_back(std::move(svg));
  out.push_back(
      paragraph((zh ? "健康度 " : "Health score ") + std::to_string(health.score) + "/100"));
  if (!health.reasons.empty()) {
    Block reasons;
    reasons.kind = Block::Kind::kTable;
    reasons.header = {zh ? "扣分" : "Points", zh ? "规则" : "Rule", zh ? "原因" : "Reason"};
    for (const auto& r : health.reasons) {
      reasons.rows.push_back({std::to_string(r.points), r.code, r.message});
    }
    out.push_back(std::move(reasons));
  }
  out.push_back(heading(zh ? "联系人" : "Contacts", 3));
  out.push_back(records_table(a.list(kContactRecord),
                              {&contact::kName, &contact::kTitle, &contact::kDepartment,
                               &contact::kLevel, &contact::kBuyingRoles, &contact::kStance,
                               &contact::kInfluence, &contact::kInsideHelp, &contact::kDisc},
                              loc));

  const auto needs = a.list(kNeedRecord);
  if (!needs.empty()) {
    out.push_back(heading(zh ? "需求" : "Needs"));
    out.push_back(records_table(needs,
                                {&need::kTitle, &need::kIceberg, &need::kKano, &need::kCause,
                                 &need::kExpectedGain, &need::kCriteriaCertainty, &need::kHowMet},
                                loc));
  }

  const RecordRef plan = a.plan();
  out.push_back(heading(zh ? "计划" : "Plan"));
  out.push_back(fields_table(
      plan,
      {&plan::kVision, &plan::kStrategy, &plan::kSummary, &plan::kPdcaPhase, &plan::kPdcaCycle},
      loc));
  const auto objectives = a.list(kObjectiveRecord);
  if (!objectives.empty()) {
    out.push_back(heading(zh ? "SMART 目标" : "SMART objectives", 3));
    out.push_back(records_table(objectives,
                                {&objective::kHorizon, &objective::kStatement, &objective::kMeasure,
                                 &objective::kTargetValue, &objective::kDue, &objective::kStatus},
                                loc));
  }
  const auto targets = a.list(kRevenueTargetRecord);
  if (!targets.empty()) {
    out.push_back(heading(zh ? "收入目标" : "Revenue targets", 3));
    out.push_back(
        records_table(targets,
                      {&revenue_target::kHorizon, &revenue_target::kPeriod, &revenue_target::kKind,
                       &revenue_target::kTarget, &revenue_target::kActual},
                      loc));
  }
  auto actions = a.list(kActionRecord);
  if (!actions.empty()) {
    std::sort(actions.begin(), actions.end(), [](const RecordRef& x, const RecordRef& y) {
      return std::pair(x.get(action::kDue).value_or(Date{}), x.id()) <
             std::pair(y.get(action::kDue).value_or(Date{}), y.id());
    });
    out.push_back(heading(zh ? "行动计划" : "Actions", 3));
    out.push_back(records_table(
        actions,
        {&action::kTask, &action::kOwner, &action::kDue, &action::kStatus, &action::kPdcaPhase},
        loc));
  }
  if (has_visits) {
    auto visits = slot->visits.visits();
    std::reverse(visits.begin(), visits.end());
    if (visits.size() > static_cast<std::size_t>(o.recent_visits)) {
      visits.erase(visits.begin() + o.recent_visits, visits.end());
    }
    if (!visits.empty()) {
      out.push_back(heading(zh ? "最近拜访" : "Recent visits"));
      out.push_back(records_table(visits,
                                  {&visit::kAt, &visit::kRep, &visit::kChannel, &visit::kPurpose,
                                   &visit::kOutcome, &visit::kNextStep, &visit::kNextStepDue},
                                  loc));
    }
  }
  return out;
}

std::string md_cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string base64(std::string_view data) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < data.size(); i += 3) {
    const unsigned v = (static_cast<unsigned char>(data[i]) << 16) |
                       (static_cast<unsigned char>(data[i + 1]) << 8) |
                       static_cast<unsigned char>(data[i + 2]);
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += kAlphabet[(v >> 6) & 63];
    out += kAlphabet[v & 63];
  }
  if (i < data.size()) {
    unsigned v = static_cast<unsigned char>(data[i]) << 16;
    if (i + 1 < data.size()) v |= static_cast<unsigned char>(data[i + 1]) << 8;
    out += kAlphabet[(v >> 18) & 63];
    out += kAlphabet[(v >> 12) & 63];
    out += i + 1 < data.size() ? kAlphabet[(v >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

} // namespace

std::string account_plan_markdown(Workspace& ws, std::string_view account_id,
                                  const ReportOptions& options) {
  std::string title;
  const auto blocks = build(ws, account_id, options, title);
  std::string out;
  for (const Block& b : blocks) {
    switch (b.kind) {
      case Block::Kind::kHeading:
        out += std::string(static_cast<std::size_t>(b.level), '#') + " " + b.text + "\n\n";
        break;
      case Block::Kind::kParagraph: out += b.text + "\n\n"; break;
      case Block::Kind::kSvg:
        out += "![Power map](data:image/svg+xml;base64," + base64(b.text) + ")\n\n";
        break;
      case Block::Kind::kTable:
        if (b.rows.empty()) {
          out += "_(none)_\n\n";
          break;
        }
        out += "|";
        for (const auto& h : b.header) {
          out += ' ';
          out += md_cell(h);
          out += " |";
        }
        out += "\n|";
        for (std::size_t i = 0; i < b.header.size(); ++i) out += " --- |";
        out += "\n";
        for (const auto& row : b.rows) {
          out += "|";
          for (const auto& c : row) {
            out += ' ';
            out += md_cell(c);
            out += " |";
          }
          out += "\n";
        }
        out += "\n";
        break;
    }
  }
  return out;
}

std::string account_plan_html(Workspace& ws, std::string_view account_id,
                              const ReportOptions& options) {
  std::string title;
  const auto blocks = build(ws, account_id, options, title);
  if (blocks.empty()) return {};
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"" +
      std::string(options.locale == Locale::kChinese ? "zh" : "en") +
      "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + xml_escape(title) +
      "</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;"
      "padding:0 1em;color:#263238}table{border-collapse:collapse;margin:.5em 0 1.5em}"
      "th,td{border:1px solid #cfd8dc;padding:4px 8px;text-align:left;vertical-align:top}"
      "th{background:#eceff1}svg{max-width:100%;height:auto}</style>\n</head>\n<body>\n";
  for (const Block& b : blocks) {
    switch (b.kind) {
      case Block::Kind::kHeading:
        out += "<h" + std::to_string(b.level) + ">" + xml_escape(b.text) + "</h" +
               std::to_string(b.level) + ">\n";
        break;
      case Block::Kind::kParagraph: out += "<p>" + xml_escape(b.text) + "</p>\n"; break;
      case Block::Kind::kSvg:
        out += "<figure class=\"power-map\">\n" + b.text + "</figure>\n";
        break;
      case Block::Kind::kTable:
        if (b.rows.empty()) {
          out += "<p><em>(none)</em></p>\n";
          break;
        }
        out += "<table>\n<tr>";
        for (const auto& h : b.header) out += "<th>" + xml_escape(h) + "</th>";
        out += "</tr>\n";
        for (const auto& row : b.rows) {
          out += "<tr>";
          for (const auto& c : row) out += "<td>" + xml_escape(c) + "</td>";
          out += "</tr>\n";
        }
        out += "</table>\n";
        break;
    }
  }
  out += "</body>\n</html>\n";
  return out;
}

} // namespace accord::workspace
