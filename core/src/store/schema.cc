#include "store/schema.h"

#include <string>
#include <vector>

#include "store/checksum.h"

namespace accord::store {
namespace {

Status migrate_to_1(Database& db) {
  return db.exec("PRAGMA application_id = " + std::to_string(kApplicationId) +
                 ";"
                 "CREATE TABLE schema_version(version INTEGER NOT NULL);"
                 "INSERT INTO schema_version(version) VALUES (0);"
                 "CREATE TABLE documents("
                 "  id INTEGER PRIMARY KEY,"
                 "  name TEXT NOT NULL UNIQUE,"
                 "  snapshot BLOB,"
                 "  server_state_vector BLOB);"
                 "CREATE TABLE updates("
                 "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                 "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
                 "  local INTEGER NOT NULL,"
                 "  data BLOB NOT NULL);"
                 "CREATE INDEX updates_by_document ON updates(document_id, seq);"
                 "CREATE TABLE outbox("
                 "  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                 "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
                 "  data BLOB NOT NULL);"
                 "CREATE INDEX outbox_by_document ON outbox(document_id, seq);");
}

/// Computes the CRC of `column` for every row of `table` into `crc_column`.
Status fill_checksums(Database& db, const std::string& table, const std::string& key,
                      const std::string& column, const std::string& crc_column) {
  std::vector<std::pair<std::int64_t, std::uint32_t>> sums;
  {
    ACCORD_ASSIGN_OR_RETURN(auto select, db.prepare("SELECT " + key + ", " + column + " FROM " +
                                                    table + " WHERE " + column + " IS NOT NULL"));
    for (;;) {
      ACCORD_ASSIGN_OR_RETURN(const bool row, select->step());
      if (!row) break;
      const std::vector<std::uint8_t> blob = select->column_blob(1);
      sums.emplace_back(select->column_int(0), crc32(blob));
    }
  }
  ACCORD_ASSIGN_OR_RETURN(auto update, db.prepare("UPDATE " + table + " SET " + crc_column +
                                                  " = ?1 WHERE " + key + " = ?2"));
  for (const auto& [id, sum] : sums) {
    update->bind(1, static_cast<std::int64_t>(sum));
    update->bind(2, id);
    ACCORD_RETURN_IF_ERROR(update->run());
    update->reset();
  }
  return Status::ok();
}

Status migrate_to_2(Database& db) {
  ACCORD_RETURN_IF_ERROR(
      db.exec("ALTER TABLE documents ADD COLUMN snapshot_crc INTEGER;"
              "ALTER TABLE updates ADD COLUMN crc INTEGER;"
              "ALTER TABLE outbox ADD COLUMN crc INTEGER;"));
  ACCORD_RETURN_IF_ERROR(fill_checksums(db, "documents", "id", "snapshot", "snapshot_crc"));
  ACCORD_RETURN_IF_ERROR(fill_checksums(db, "updates", "seq", "data", "crc"));
  return fill_checksums(db, "outbox", "seq", "data", "crc");
}

Status run_step(Database& db, int version) {
  switch (version) {
    case 1: return migrate_to_1(db);
    case 2: return migrate_to_2(db);
    default:
      return Status::error(StatusCode::kInternal,
                           "no migration to schema version " + std::to_string(version));
  }
}

} // namespace

Result<int> read_schema_version(Database& db) {
  ACCORD_ASSIGN_OR_RETURN(const std::int64_t app_id, db.query_int("PRAGMA application_id"));
  ACCORD_ASSIGN_OR_RETURN(
      const std::int64_t has_version,
      db.query_int("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = "
                   "'schema_version'"));
  ACCORD_ASSIGN_OR_RETURN(
      const std::int64_t tables,
      db.query_int("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                   "'sqlite_%'"));
  if ((app_id != 0 && app_id != kApplicationId) || (has_version == 0 && tables > 0)) {
    return Status::error(StatusCode::kFailedPrecondition,
                         "not an Accord store (application_id " + std::to_string(app_id) + ", " +
                             std::to_string(tables) + " tables, no schema_version)");
  }
  if (has_version == 0) return 0;
  ACCORD_ASSIGN_OR_RETURN(const std::int64_t version,
                          db.query_int("SELECT max(version) FROM schema_version", 0));
  return static_cast<int>(version);
}

Status migrate(Database& db, int target) {
  ACCORD_ASSIGN_OR_RETURN(int version, read_schema_version(db));
  if (version > target) {
    return Status::error(StatusCode::kUnsupported,
                         "the store was written by a newer Accord: schema version " +
                             std::to_string(version) + ", this build knows up to " +
                             std::to_string(target) + "; upgrade Accord to open it");
  }
  while (version < target) {
    TransactionGuard txn(db, TransactionGuard::Mode::kWrite);
    ACCORD_RETURN_IF_ERROR(txn.status());
    // Another connection may have migrated while this one waited for the lock.
    ACCORD_ASSIGN_OR_RETURN(version, read_schema_version(db));
    if (version >= target) break;
    const int next = version + 1;
    ACCORD_RETURN_IF_ERROR(
        run_step(db, next).with_context("migrating to schema version " + std::to_string(next)));
    ACCORD_RETURN_IF_ERROR(db.exec("UPDATE schema_version SET version = " + std::to_string(next)));
    ACCORD_RETURN_IF_ERROR(txn.commit());
    version = next;
  }
  if (version > target) {
    return Status::error(StatusCode::kUnsupported,
                         "the store was written by a newer Accord: schema version " +
                             std::to_string(version) + ", this build knows up to " +
                             std::to_string(target));
  }
  return Status::ok();
}

} // namespace accord::store
