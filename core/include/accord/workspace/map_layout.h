#pragma once
/// Where each contact of a power map is drawn. A contact with a stored position (fields x and y)
/// is drawn there; the others get a layered layout by reports-to links: people who report to
/// nobody on the map on the top layer (ordered by hidden rank, then name), each report one layer
/// below their boss, bosses' teams kept together, siblings ordered by name. A contact with several
/// bosses is drawn under the one whose id sorts first; a reports-to cycle is broken at
/// the link from its most senior contact (top level first, then by name).

#include <string>
#include <vector>

#include "accord/model/documents.h"

namespace accord::workspace {

/// Horizontal distance between two nodes of a layer in the layered layout.
inline constexpr double kLayerSpacingX = 190;
/// Vertical distance between two layers.
inline constexpr double kLayerSpacingY = 120;

/// One placed contact.
struct MapNode {
  std::string id;      ///< contact id
  double x = 0;        ///< centre, in map units (SVG pixels)
  double y = 0;        ///< centre
  int depth = 0;       ///< layer in the reports-to hierarchy (0: top)
  std::string boss;    ///< the contact they report to on the map ("" when none)
  bool stored = false; ///< the position came from the document
};

/// One drawn link.
struct MapEdge {
  std::string from; ///< contact id
  std::string to;   ///< contact id (for reports_to: the boss)
  std::string kind; ///< link kind code ("reports_to", "ally", ...)
};

/// A laid-out power map.
struct MapLayout {
  std::vector<MapNode> nodes; ///< in drawing order (layer by layer, left to right)
  std::vector<MapEdge> edges; ///< links between live contacts on the map
  double min_x = 0, min_y = 0, max_x = 0, max_y = 0; ///< bounding box of the node centres
};

/// Lays out the live contacts and links of `account`. O(contacts log contacts + links).
MapLayout layout_power_map(const model::AccountDocument& account);

} // namespace accord::workspace
