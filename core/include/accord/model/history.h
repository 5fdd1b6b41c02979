#pragma once
/// Per-field change history. Every document has a root Y.Array "journal", appended by the record
/// API in the same transaction as the change itself, so it merges across devices like any other
/// CRDT data (concurrent appends are all kept). One plain object per record changed in an Edit:
///   {r: record path ("contacts/<id>", or "account" for a singleton),
///    u: user id, d: device id, t: Unix milliseconds of the edit (the editing device's clock),
///    v: {field: new value, ...}   fields set ("*": "created" when the record was created;
///                                 "<field>:<member>" for a set member),
///    o: {field: old value, ...}   values before the edit, when there were any,
///    x: [field, ...]}             fields changed without a value (text edits, removals)
/// Readers expand an entry into one Change per field. Reading is a scan of the journal:
/// O(entries) per query.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/any.h"
#include "accord/doc.h"

namespace accord::model {

/// Root array of the change journal.
inline constexpr std::string_view kJournalRoot = "journal";

/// One journal entry.
struct Change {
  std::string record;     ///< record path
  std::string field;      ///< field key ("*" for creation)
  std::string user;       ///< who
  std::string device;     ///< from which device
  std::int64_t at_ms = 0; ///< when (Unix ms, the editing device's clock)
  Any old_value;          ///< before (undefined when unknown or absent)
  Any new_value;          ///< after (undefined when removed or for text edits)
};

/// Every well-formed entry, ordered by time, ties in journal order (the same on every replica).
/// Malformed entries (from other software) are skipped.
std::vector<Change> journal(const Doc& doc);
/// The entries of one record, ordered as journal().
std::vector<Change> record_history(const Doc& doc, std::string_view record_path);
/// The entries of one field of one record (set members included: "<field>:<member>").
std::vector<Change> field_history(const Doc& doc, std::string_view record_path,
                                  std::string_view field);

} // namespace accord::model
