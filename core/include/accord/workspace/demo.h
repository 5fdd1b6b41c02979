#pragma once
/// The demo workspace: a realistic team of industrial key accounts to explore Accord with, the
/// same on every device for the same seed (the CLI's `accord demo` and the web client load it).
///
/// A dozen accounts (steel, chemicals, cement, automotive, power equipment, mining, paper, glass,
/// shipbuilding, copper, pharmaceuticals, food), half of them Chinese with Chinese names, each
/// with: a classified and tiered profile with key figures; a full power map of 8-15 contacts
/// (titles, departments, levels, buying roles, stances, influence, coaches, DISC, closeness)
/// with reports-to lines, alliances, a rivalry and two factions; our account team and the
/// zipper counterparts; needs; a plan (vision, strategy, SMART objectives, revenue targets,
/// actions, some overdue); and a year of visits (more for tier A), reviewed by the manager
/// except the latest, with next steps. A few contacts' stances and one development stage moved
/// down in the last days, so the manager digest has something to say.
///
/// Everything is written through the model API (validated and journaled) as edits by the team's
/// users at the times they would have happened, relative to `now_ms`. Ids, names and values
/// depend only on the seed and now_ms.

#include <cstddef>
#include <cstdint>

#include "accord/status.h"
#include "accord/workspace/workspace.h"

namespace accord::workspace {

/// What to generate.
struct DemoOptions {
  std::uint64_t seed = 1;    ///< the same seed gives the same workspace
  std::int64_t now_ms = 0;   ///< "today": visits span the year before it
  std::size_t accounts = 12; ///< how many accounts (1-12)
};

/// What was generated.
struct DemoSummary {
  std::size_t accounts = 0; ///< accounts
  std::size_t contacts = 0; ///< contacts
  std::size_t links = 0;    ///< links between contacts
  std::size_t needs = 0;    ///< needs
  std::size_t actions = 0;  ///< plan actions
  std::size_t visits = 0;   ///< visits
};

/// The user ids of the demo team (the manager first).
inline constexpr const char* kDemoManager = "demo";

/// Writes the demo into `ws` (an empty workspace; kFailedPrecondition when it has accounts)
/// as pending edits: call ws.save() to store them. O(records).
Result<DemoSummary> generate_demo(Workspace& ws, const DemoOptions& options);

} // namespace accord::workspace
