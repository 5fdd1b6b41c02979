#include <cstdio>
#include <map>

#include "accord/model/contact_schema.h"
#include "accord/workspace/map_layout.h"
#include "accord/workspace/report.h"
#include "accord/workspace/text_views.h"

namespace accord::workspace {
namespace {

using namespace model;

constexpr double kNodeWidth = 170;
constexpr double kNodeHeight = 64;
constexpr double kMargin = 20;

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

const char* stance_fill(const Coded<Stance>& s) {
  if (!s.value()) return "#eceff1";
  switch (*s.value()) {
    case Stance::kChampion: return "#66bb6a";
    case Stance::kSupporter: return "#c5e1a5";
    case Stance::kNeutral: return "#fff59d";
    case Stance::kSkeptic: return "#ffcc80";
    case Stance::kOpponent: return "#ef9a9a";
  }
  return "#eceff1";
}

const char* edge_style(const std::string& kind) {
  if (kind == "reports_to")
    return "stroke=\"#455a64\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"";
  if (kind == "ally") return "stroke=\"#2e7d32\" stroke-width=\"2\" stroke-dasharray=\"6 3\"";
  if (kind == "rival") return "stroke=\"#c62828\" stroke-width=\"2\" stroke-dasharray=\"2 3\"";
  return "stroke=\"#9e9e9e\" stroke-width=\"1\" stroke-dasharray=\"4 4\"";
}

} // namespace

std::string xml_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string power_map_svg(const AccountDocument& account, Locale locale) {
  const MapLayout layout = layout_power_map(account);
  const double ox = kMargin + kNodeWidth / 2 - layout.min_x;
  const double oy = kMargin + kNodeHeight / 2 - layout.min_y;
  const double legend_h = 30;
  const double width = layout.max_x - layout.min_x + kNodeWidth + 2 * kMargin;
  const double height = layout.max_y - layout.min_y + kNodeHeight + 2 * kMargin + legend_h;
  std::map<std::string, const MapNode*> at;
  for (const auto& n : layout.nodes) at.emplace(n.id, &n);

  std::string out = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + num(width) +
                    "\" height=\"" + num(height) + "\" viewBox=\"0 0 " + num(width) + " " +
                    num(height) +
                    "\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\">\n"
                    "<title>Power map</title>\n"
                    "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
                    "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                    "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#455a64\"/></marker></defs>\n";
  for (const MapEdge& e : layout.edges) {
    const MapNode* a = at.at(e.from);
    const MapNode* b = at.at(e.to);
    double x1 = a->x + ox, y1 = a->y + oy, x2 = b->x + ox, y2 = b->y + oy;
    if (e.kind == "reports_to") { // from the top of the report to the bottom of the boss
      y1 -= kNodeHeight / 2;
      y2 += kNodeHeight / 2;
    }
    out += "<line class=\"link " + xml_escape(e.kind) + "\" x1=\"" + num(x1) + "\" y1=\"" +
           num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) + "\" " + edge_style(e.kind) +
           "/>\n";
  }
  for (const MapNode& n : layout.nodes) {
    auto c = account.find(kContactRecord, n.id);
    const double x = n.x + ox - kNodeWidth / 2;
    const double y = n.y + oy - kNodeHeight / 2;
    const bool coach = c->get(contact::kInsideHelp) == InsideHelp::kCoach;
    out += "<g class=\"contact\" data-id=\"" + xml_escape(n.id) + "\">";
    out += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(kNodeWidth) +
           "\" height=\"" + num(kNodeHeight) + "\" rx=\"8\" fill=\"" +
           stance_fill(c->get(contact::kStance)) + "\" stroke=\"" +
           (coach ? "#1565c0\" stroke-width=\"3" : "#607d8b\" stroke-width=\"1") + "\"/>";
    std::string roles;
    for (const auto& code : c->set_members(contact::kBuyingRoles)) {
      roles += (roles.empty() ? "" : ", ") + enum_label(contact::kBuyingRoles, code, locale);
    }
    const std::string lines[3] = {c->get(contact::kName).value_or(n.id),
                                  c->get(contact::kTitle).value_or(""), roles};
    for (int i = 0; i < 3; ++i) {
      if (lines[i].empty()) continue;
      out += "<text x=\"" + num(x + kNodeWidth / 2) + "\" y=\"" + num(y + 18 + i * 17) +
             "\" text-anchor=\"middle\"" +
             (i == 0 ? " font-weight=\"bold\" font-size=\"12\"" : "") + ">" + xml_escape(lines[i]) +
             "</text>";
    }
    out += "</g>\n";
  }
  // Legend: stance colours.
  double lx = kMargin;
  const double ly = height - legend_h + 8;
  for (Stance s : all_values<Stance>()) {
    out += "<rect x=\"" + num(lx) + "\" y=\"" + num(ly) + "\" width=\"12\" height=\"12\" fill=\"" +
           stance_fill(Coded<Stance>(s)) + "\" stroke=\"#607d8b\"/><text x=\"" + num(lx + 16) +
           "\" y=\"" + num(ly + 10) + "\">" + xml_escape(display_name(s, locale)) + "</text>\n";
    lx += 95;
  }
  out += "</svg>\n";
  return out;
}

} // namespace accord::workspace
