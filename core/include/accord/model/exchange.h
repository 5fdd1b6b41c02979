#pragma once
/// Export and import of a document's records as JSON-like values, through the schema.
///
/// Format (what export_document returns and import_document accepts):
///   {"format": "accord.<kind>",          kind: team_index | account | visit_log
///    "schema_version": 1, "id": "<document id>",
///    "records": {"<singleton collection>": {<field>: <value>, ...},
///                "<collection>": [{"id": "<record id>", <field>: <value>, ...}, ...]}}
/// Values are as RecordRef::get_value gives them: codes for enums, arrays of codes or ids for
/// sets, strings for text, dates and date-times. Keys a record holds that this build does not
/// know (a newer client's fields) are exported as stored.

#include <cstdint>

#include "accord/any.h"
#include "accord/doc.h"
#include "accord/model/edit.h"
#include "accord/status.h"

namespace accord::model {

/// What to export.
struct ExportOptions {
  bool include_sensitive = false; ///< the contacts' personal profile (account team only)
  bool include_archived = true;   ///< archived records (with "archived": true)
};

/// The records of `doc` in the exchange format. kNotFound when the document has no meta.
/// O(records + fields).
Result<Any> export_document(Doc& doc, const ExportOptions& options = {});

/// How to import.
struct ImportOptions {
  /// Reject keys no schema field has (a typo in a file). When false they are stored as they are
  /// (a newer client's fields, e.g. when restoring its export).
  bool strict = true;
};

/// What an import did.
struct ImportReport {
  int created = 0;    ///< records created
  int updated = 0;    ///< existing records (matched by id) updated
  int fields_set = 0; ///< field values written (unchanged values are not rewritten)
};

/// Imports `data` into the document of `e`: records are matched by id (created when new, a new
/// UUIDv7 when the id is absent), then their fields are set with the same validation as the
/// record API. All or nothing: the import is first run on a scratch copy of the document, and
/// on any error nothing is written and the Status says where ("contacts[2] (id c7): field
/// 'stance': unknown stance code ..."). The document must have a meta of the same kind as
/// `data` (kFailedPrecondition otherwise). Costs two passes over the data plus one copy of the
/// document.
Result<ImportReport> import_document(Edit& e, const Any& data, const ImportOptions& options = {});

} // namespace accord::model
