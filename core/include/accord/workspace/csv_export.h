#pragma once
/// Export of accounts, contacts, links and visits as CSV that import_csv (csv_import.h) reads
/// back: a header row of schema codes ("id" or "account, id" first, then every field of the
/// record kind that is not sensitive, then archived, created_at, created_by), one row per
/// record, sets joined by ";", numbers in the shortest form that reads back exactly, CRLF line
/// ends. Accounts in id order, records of an account in id order.

#include <optional>
#include <string>
#include <string_view>

#include "accord/workspace/csv_import.h"
#include "accord/workspace/workspace.h"

namespace accord::workspace {

/// What to export.
struct CsvExportOptions {
  std::optional<std::string> account; ///< only this account (id); all when unset
  bool include_archived = true;       ///< archived records too
};

/// The records of `kind` in `ws` as CSV text. O(records x fields).
std::string export_csv(Workspace& ws, ImportKind kind, const CsvExportOptions& options = {});

/// A value as a CSV cell: strings as they are, numbers in shortest round-trip form, booleans
/// "true"/"false", arrays joined by ";", undefined as "".
std::string cell_text(const Any& value);

} // namespace accord::workspace
