#pragma once
/// The account plan report 大客户战略管理计划 of one account, in Markdown and in HTML, with the
/// power map drawn as SVG: the account profile and key figures, the power map (drawing, contacts
/// table, health score with its reasons), needs, the plan (vision, strategy, SMART objectives,
/// revenue targets, actions), and the recent visits. The HTML is one self-contained file (inline
/// CSS and SVG); the Markdown embeds the SVG as a data: URI image.

#include <cstdint>
#include <string>
#include <string_view>

#include "accord/model/documents.h"
#include "accord/model/enum_info.h"
#include "accord/workspace/workspace.h"

namespace accord::workspace {

/// How to render a report.
struct ReportOptions {
  std::int64_t now_ms = 0;                        ///< "today" (health, overdue actions)
  model::Locale locale = model::Locale::kEnglish; ///< labels
  int recent_visits = 10;                         ///< visits listed, newest first
};

/// The power map of `account` as a standalone SVG document: contacts placed by
/// layout_power_map, coloured by stance, with name, title and buying roles; reports-to links as
/// arrows to the boss, alliances green, rivalries red, other links grey; a legend. O(contacts +
/// links).
std::string power_map_svg(const model::AccountDocument& account, model::Locale locale);

/// The report in Markdown. Empty when `account_id` is not in `ws`.
std::string account_plan_markdown(Workspace& ws, std::string_view account_id,
                                  const ReportOptions& options);
/// The report in HTML. Empty when `account_id` is not in `ws`.
std::string account_plan_html(Workspace& ws, std::string_view account_id,
                              const ReportOptions& options);

/// `text` with &, <, >, " and ' escaped for XML and HTML.
std::string xml_escape(std::string_view text);

} // namespace accord::workspace
