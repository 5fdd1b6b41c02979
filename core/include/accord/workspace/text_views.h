#pragma once
/// Plain-text views of the workspace for a terminal: the power map of an account with its health,
/// follow-ups due, the manager digest and the change history of a record. They format what the
/// analytics compute (analytics/*) and decide nothing themselves. Labels follow `locale`; codes
/// stay as the model stores them.

#include <cstdint>
#include <string>
#include <string_view>

#include "accord/analytics/digest.h"
#include "accord/analytics/follow_ups.h"
#include "accord/model/enum_info.h"
#include "accord/model/field.h"
#include "accord/status.h"
#include "accord/workspace/workspace.h"

namespace accord::workspace {

/// How to render.
struct ViewOptions {
  std::int64_t now_ms = 0;                        ///< "today"
  model::Locale locale = model::Locale::kEnglish; ///< labels
};

/// The display label of code `code` of enum field `f` (the code itself when unknown).
std::string enum_label(const model::FieldInfo& f, std::string_view code, model::Locale locale);

/// The power map of `account_id` as an indented reports-to tree (name, title, level, roles,
/// stance, influence, inside help), its other links, factions, role coverage and the health
/// score with every reason. kNotFound for an unknown account.
Result<std::string> power_map_text(Workspace& ws, std::string_view account_id,
                                   const ViewOptions& options);

/// Follow-ups: accounts overdue and due (tier, cadence, last touch, days), next steps past due,
/// and the counts per rep. When `rep` is not empty only that rep's accounts and next steps.
std::string follow_ups_text(Workspace& ws, const analytics::FollowUpReport& report,
                            std::string_view rep, const ViewOptions& options);

/// The manager digest: visits awaiting review, accounts losing ground, overdue plan actions.
std::string digest_text(Workspace& ws, const analytics::ManagerDigest& digest,
                        const ViewOptions& options);

/// The change history of the record with id (or path) `record` in any document of the workspace
/// (an account id shows the account record): one line per field change, oldest first.
/// kNotFound when no document has it.
Result<std::string> history_text(Workspace& ws, std::string_view record,
                                 const ViewOptions& options);

} // namespace accord::workspace
