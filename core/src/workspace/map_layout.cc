#include "accord/workspace/map_layout.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>

#include "accord/model/contact_schema.h"

namespace accord::workspace {

MapLayout layout_power_map(const model::AccountDocument& account) {
  using namespace model;
  MapLayout out;
  const std::vector<RecordRef> contacts = account.list(kContactRecord);
  std::map<std::string, const RecordRef*> by_id;
  for (const auto& c : contacts) by_id.emplace(c.id(), &c);

  // Reports-to links from the most junior contacts first, so that a cycle is broken at the
  // link from its most senior contact.
  auto seniority = [&](const std::string& id) {
    const Coded<OrgLevel> level = by_id.at(id)->get(contact::kLevel);
    if (!level.value()) return 1;
    return *level.value() == OrgLevel::kTop ? 2 : *level.value() == OrgLevel::kMiddle ? 1 : 0;
  };
  std::vector<std::pair<std::string, std::string>> reporting;
  for (const RecordRef& l : account.list(kLinkRecord)) {
    const auto from = l.get(link::kFrom);
    const auto to = l.get(link::kTo);
    const Coded<LinkKind> kind = l.get(link::kKind);
    if (!from || !to || !by_id.count(*from) || !by_id.count(*to) || *from == *to) continue;
    out.edges.push_back(MapEdge{*from, *to, kind.is_set() ? kind.code() : "link"});
    if (kind == LinkKind::kReportsTo) reporting.emplace_back(*from, *to);
  }
  std::sort(reporting.begin(), reporting.end(), [&](const auto& a, const auto& b) {
    const auto name_a = by_id.at(a.first)->get(contact::kName).value_or("");
    const auto name_b = by_id.at(b.first)->get(contact::kName).value_or("");
    return std::tuple(seniority(a.first), name_a, a) < std::tuple(seniority(b.first), name_b, b);
  });
  std::map<std::string, std::string> boss;
  for (const auto& [from, to] : reporting) {
    if (boss.count(from)) continue; // one boss on the map
    std::string up = to;
    bool cycle = false;
    for (std::size_t steps = 0; steps <= contacts.size(); ++steps) {
      if (up == from) {
        cycle = true;
        break;
      }
      auto it = boss.find(up);
      if (it == boss.end()) break;
      up = it->second;
    }
    if (!cycle) boss.emplace(from, to);
  }

  std::map<std::string, std::vector<std::string>> reports;
  std::vector<std::string> roots;
  for (const auto& c : contacts) {
    auto it = boss.find(c.id());
    if (it == boss.end()) {
      roots.push_back(c.id());
    } else {
      reports[it->second].push_back(c.id());
    }
  }
  auto name_of = [&](const std::string& id) {
    return by_id.at(id)->get(contact::kName).value_or(id);
  };
  auto by_name = [&](const std::string& a, const std::string& b) {
    return std::pair(name_of(a), a) < std::pair(name_of(b), b);
  };
  std::sort(roots.begin(), roots.end(), [&](const std::string& a, const std::string& b) {
    const auto ra = by_id.at(a)->get(contact::kHiddenRank).value_or(1001);
    const auto rb = by_id.at(b)->get(contact::kHiddenRank).value_or(1001);
    if (ra != rb) return ra < rb;
    return by_name(a, b);
  });
  for (auto& [b, list] : reports) std::sort(list.begin(), list.end(), by_name);

  // Depth-first order keeps each boss's team together within its layer.
  std::vector<std::vector<std::string>> layers;
  std::map<std::string, int> depth;
  std::function<void(const std::string&, int)> visit = [&](const std::string& id, int d) {
    if (static_cast<int>(layers.size()) <= d) layers.resize(static_cast<std::size_t>(d) + 1);
    layers[static_cast<std::size_t>(d)].push_back(id);
    depth[id] = d;
    for (const auto& r : reports[id]) visit(r, d + 1);
  };
  for (const auto& r : roots) visit(r, 0);

  std::size_t widest = 0;
  for (const auto& layer : layers) widest = std::max(widest, layer.size());
  bool first = true;
  for (std::size_t d = 0; d < layers.size(); ++d) {
    const auto& layer = layers[d];
    const double offset =
        (static_cast<double>(widest) - static_cast<double>(layer.size())) * kLayerSpacingX / 2;
    for (std::size_t i = 0; i < layer.size(); ++i) {
      const RecordRef& c = *by_id.at(layer[i]);
      MapNode n;
      n.id = layer[i];
      n.depth = static_cast<int>(d);
      if (auto it = boss.find(n.id); it != boss.end()) n.boss = it->second;
      const auto x = c.get(contact::kX);
      const auto y = c.get(contact::kY);
      if (x && y) {
        n.x = *x;
        n.y = *y;
        n.stored = true;
      } else {
        n.x = offset + static_cast<double>(i) * kLayerSpacingX;
        n.y = static_cast<double>(d) * kLayerSpacingY;
      }
      if (first) {
        out.min_x = out.max_x = n.x;
        out.min_y = out.max_y = n.y;
        first = false;
      }
      out.min_x = std::min(out.min_x, n.x);
      out.max_x = std::max(out.max_x, n.x);
      out.min_y = std::min(out.min_y, n.y);
      out.max_y = std::max(out.max_y, n.y);
      out.nodes.push_back(std::move(n));
    }
  }
  return out;
}

} // namespace accord::workspace
