#pragma once
/// The store's SQLite schema and its forward migrations.
///
/// Version 1: documents(id, name UNIQUE, snapshot BLOB, server_state_vector BLOB);
///   updates(seq AUTOINCREMENT, document_id, local, data) — the log;
///   outbox(seq AUTOINCREMENT, document_id, data); indexes on (document_id, seq).
/// Version 2: a CRC-32 for every stored blob (documents.snapshot_crc, updates.crc, outbox.crc),
///   computed for existing rows by the migration.
/// The version lives in the one-row table schema_version(version); the file's application_id is
/// kApplicationId ("ACRD"), so a SQLite file of another program is refused rather than changed.
/// Each migration runs in its own write transaction that re-reads the version first, so two
/// processes opening a new file at once migrate it once.

#include <cstdint>

#include "accord/status.h"
#include "store/database.h"

namespace accord::store {

/// PRAGMA application_id of an Accord store: "ACRD".
inline constexpr std::int64_t kApplicationId = 0x41435244;

/// The schema version of the file (0 for an empty database). kFailedPrecondition when the file
/// holds tables but is not an Accord store.
Result<int> read_schema_version(Database& db);

/// Migrates the file forward to `target` (each step in its own transaction). kUnsupported when
/// the file's version is above `target` (written by a newer Accord): nothing is changed.
Status migrate(Database& db, int target);

} // namespace accord::store
