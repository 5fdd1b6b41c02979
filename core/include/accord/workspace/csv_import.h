#pragma once
/// Import of accounts, our account team, factions, contacts, links and visits from CSV (csv.h)
/// into a Workspace.
///
/// The header row names the fields by their schema codes (SCHEMA.md: "name", "tier",
/// "buying_roles", ...). Besides the record's fields:
///   accounts  "id" (required): the account id; a new account also needs "name"
///   team, factions, contacts, links, visits  "account" (required): the account id; "id"
///             (optional): the record id (a new UUIDv7 when absent or empty); a new visit also
///             needs "at" and "rep", a new team member or faction "name"
/// Cells are read by the field's kind: enums by code, sets as codes or ids separated by ";",
/// integers and numbers in decimal ("1200.5"), booleans as true/false/yes/no/1/0, dates
/// "YYYY-MM-DD", date-times ISO-8601 with an offset; an empty cell leaves the field as it is.
/// Records are matched by id: existing ones are updated, new ones created.
///
/// References (a contact's "faction" and "counterpart", a faction's "leader", a link's "from"
/// and "to", a visit's "contacts") are set after every row of every file of the import has
/// created its record, so they may point to records created anywhere in the same import:
/// import_csv_files takes a contact file and the factions file whose leaders are its contacts
/// together, in any order.
///
/// All or nothing: every row is applied to the in-memory documents and every problem is
/// collected (unknown or duplicated column, wrong number of cells, bad value, unknown account,
/// duplicate id within the file, a reference to a record that does not exist); only when there
/// is none are the changes saved, in one store transaction. Otherwise the workspace is reloaded
/// from the store (pointers into it are invalidated) and nothing is written.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "accord/model/edit.h"
#include "accord/model/field.h"
#include "accord/status.h"
#include "accord/workspace/issue.h"
#include "accord/workspace/workspace.h"

namespace accord::workspace {

/// What a CSV file holds.
enum class ImportKind : std::uint8_t { kAccounts, kContacts, kLinks, kVisits, kTeam, kFactions };

/// Every kind, in the order an import applies them (accounts, team, factions, contacts, links,
/// visits: a record's account exists before its rows are read).
std::span<const ImportKind> import_kinds();
/// "accounts", "team", "factions", "contacts", "links", "visits".
std::string_view import_kind_name(ImportKind kind);
/// The kind named `name` (as import_kind_name), or kInvalidArgument listing the names.
Result<ImportKind> parse_import_kind(std::string_view name);
/// The record schema a kind imports into.
const model::RecordSchema& import_schema(ImportKind kind);

/// How to import.
struct CsvImportOptions {
  model::Actor actor;           ///< who imports (the journal names them)
  std::int64_t now_ms = 0;      ///< when
  bool dry_run = false;         ///< validate everything, write nothing
  std::size_t max_issues = 100; ///< stop collecting after this many
  /// Called every `progress_every` rows and at the end with (rows done, rows total).
  std::function<void(std::size_t, std::size_t)> progress;
  std::size_t progress_every = 1000; ///< rows between progress calls
};

/// What an import found and did.
struct CsvImportResult {
  std::size_t rows = 0;       ///< data rows read (the header excluded)
  std::size_t created = 0;    ///< records created
  std::size_t updated = 0;    ///< existing records updated
  std::size_t fields_set = 0; ///< cells written
  std::vector<Issue> issues;  ///< every problem, in file order; non-empty: nothing was written
  bool saved = false;         ///< the changes are in the store (false for a dry run or issues)
};

/// Imports CSV `text` of `kind` into `ws` (see the top of this file). The Result is an error
/// only when the store fails; problems in the file are in `issues`. O(rows x columns).
Result<CsvImportResult> import_csv(Workspace& ws, ImportKind kind, std::string_view text,
                                   const CsvImportOptions& options);

/// One file of a multi-file import.
struct CsvFile {
  ImportKind kind = ImportKind::kAccounts;
  std::string_view text;
};

/// Imports several files as one: applied in the order of import_kinds(), references resolved
/// against everything in the workspace and in the files, and all or nothing across the files
/// (one store transaction). One result per file, in the order given; each lists its own issues.
Result<std::vector<CsvImportResult>> import_csv_files(Workspace& ws, std::span<const CsvFile> files,
                                                      const CsvImportOptions& options);

/// The value of a CSV cell for field `f` (see the top of this file), or kInvalidArgument saying
/// why the cell cannot be one. Empty cells are not passed here.
Result<Any> cell_value(const model::FieldInfo& f, std::string_view cell);

} // namespace accord::workspace
