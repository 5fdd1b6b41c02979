#pragma once
/// The whole workspace as one JSON value, and its import.
///
/// Format:
///   {"format": "accord.workspace", "schema_version": 1, "team": "<team id>",
///    "documents": [<team index>, <account>, <visit log>, ...]}
/// where each document is in the exchange format of model/exchange.h. import_json_text also
/// accepts a single document in that format. An account document or visit log that does not
/// exist yet is created (an account needs records.account.name); the team index of the file is
/// imported into this workspace's team index whatever its id. All or nothing: on any problem the
/// workspace is reloaded from the store and nothing is written.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "accord/any.h"
#include "accord/model/edit.h"
#include "accord/model/exchange.h"
#include "accord/status.h"
#include "accord/workspace/issue.h"
#include "accord/workspace/workspace.h"

namespace accord::workspace {

/// What to export.
struct JsonExportOptions {
  std::optional<std::string> account; ///< only this account's two documents (no team index)
  bool include_sensitive = false;     ///< the contacts' personal profile
};

/// The workspace (or one account) in the bundle format. O(records).
Result<Any> export_workspace(Workspace& ws, const JsonExportOptions& options = {});

/// How to import.
struct JsonImportOptions {
  model::Actor actor;      ///< who imports
  std::int64_t now_ms = 0; ///< when
  bool dry_run = false;    ///< validate, write nothing
  bool strict = true;      ///< reject keys no schema field has (model::ImportOptions::strict)
};

/// What an import did.
struct JsonImportResult {
  std::size_t documents = 0;  ///< documents imported
  std::size_t created = 0;    ///< records created
  std::size_t updated = 0;    ///< records updated
  std::size_t fields_set = 0; ///< field values written
  std::optional<Issue> issue; ///< the problem found (then nothing was written)
  bool saved = false;         ///< written to the store
};

/// Parses JSON `text` and imports it into `ws`. A syntax error is an Issue with its line and
/// column; a validation error names the document and the record ("documents[2] (account a1):
/// contacts[3] (id c7): field 'stance': ..."). The Result is an error only when the store fails.
Result<JsonImportResult> import_json_text(Workspace& ws, std::string_view text,
                                          const JsonImportOptions& options);

/// Compact JSON text of `value` followed by a newline, with two-space indentation.
std::string pretty_json(const Any& value);

} // namespace accord::workspace
