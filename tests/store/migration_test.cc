// Schema versions: a fresh file gets the current schema, a version 1 file written with raw SQL
// (as an older Accord wrote it) migrates forward with its data, a newer file is refused
// without being changed, and a SQLite file of another program is refused.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "accord/document_store.h"
#include "store_test_util.h"

namespace accord {
namespace {

using testing::json;
using testing::open_store;
using testing::raw_sql;
using testing::Recorder;
using testing::sql_blob;
using testing::stored_json;
using testing::TempDir;

std::int64_t query_int(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  std::int64_t value = -1;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK &&
      sqlite3_step(stmt) == SQLITE_ROW) {
    value = sqlite3_column_int64(stmt, 0);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return value;
}

// The version 1 schema exactly as Accord's first store created it.
const char* kSchemaV1 =
    "PRAGMA application_id = 1094931012;"
    "CREATE TABLE schema_version(version INTEGER NOT NULL);"
    "INSERT INTO schema_version(version) VALUES (1);"
    "CREATE TABLE documents(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, snapshot BLOB,"
    "  server_state_vector BLOB);"
    "CREATE TABLE updates(seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  local INTEGER NOT NULL, data BLOB NOT NULL);"
    "CREATE INDEX updates_by_document ON updates(document_id, seq);"
    "CREATE TABLE outbox(seq INTEGER PRIMARY KEY AUTOINCREMENT,"
    "  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,"
    "  data BLOB NOT NULL);"
    "CREATE INDEX outbox_by_document ON outbox(document_id, seq);";

TEST(Migration, FreshFileGetsTheCurrentSchema) {
  TempDir dir;
  const std::string path = dir.file("fresh.db");
  ASSERT_TRUE(open_store(path));
  EXPECT_EQ(query_int(path, "SELECT version FROM schema_version"), DocumentStore::kSchemaVersion);
  EXPECT_EQ(query_int(path, "PRAGMA application_id"), 0x41435244);
  EXPECT_EQ(query_int(path, "SELECT count(*) FROM schema_version"), 1);
  // Reopening does not migrate again.
  ASSERT_TRUE(open_store(path));
  EXPECT_EQ(query_int(path, "SELECT count(*) FROM schema_version"), 1);
}

TEST(Migration, FileIsInWalModeWithForeignKeysAndFullSync) {
  TempDir dir;
  const std::string path = dir.file("pragmas.db");
  auto store = open_store(path);
  ASSERT_TRUE(store);
  // journal_mode=WAL is persistent in the file; a raw connection sees it.
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &stmt, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  EXPECT_STREQ(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)), "wal");
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  // Foreign keys are on in the store's connection: removing a document removes its rows.
  Recorder a(1);
  ASSERT_TRUE(store->append_local("t/fk", a.set("k", 1)).ok());
  ASSERT_TRUE(store->remove_document("t/fk").ok());
  EXPECT_EQ(query_int(path, "SELECT count(*) FROM updates"), 0);
  EXPECT_EQ(query_int(path, "SELECT count(*) FROM outbox"), 0);
}

TEST(Migration, VersionOneFileMigratesWithItsData) {
  TempDir dir;
  const std::string path = dir.file("v1.db");
  Recorder a(1);
  Recorder snapshot_source(2);
  snapshot_source.set("from", "snapshot");
  const auto snapshot = encode_state_as_update(snapshot_source.doc());
  const auto u1 = a.set("x", 1);
  const auto u2 = a.set("y", 2);
  const StateVector server_sv = {{1, 1}, {2, 1}};
  raw_sql(path, kSchemaV1);
  raw_sql(path,
          "INSERT INTO documents(id, name, snapshot, server_state_vector) VALUES (1, "
          "'team/account/7', " +
              sql_blob(snapshot) + ", " + sql_blob(encode_state_vector(server_sv)) +
              ");"
              "INSERT INTO updates(seq, document_id, local, data) VALUES (10, 1, 1, " +
              sql_blob(u1) + "), (11, 1, 0, " + sql_blob(u2) +
              ");"
              "INSERT INTO outbox(seq, document_id, data) VALUES (4, 1, " +
              sql_blob(u1) + ");");

  auto store = open_store(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(query_int(path, "SELECT version FROM schema_version"), 2);
  EXPECT_EQ(query_int(path, "SELECT count(*) FROM updates WHERE crc IS NULL"), 0);
  EXPECT_EQ(query_int(path, "SELECT count(*) FROM outbox WHERE crc IS NULL"), 0);
  EXPECT_EQ(query_int(path, "SELECT count(*) FROM documents WHERE snapshot_crc IS NULL"), 0);

  Doc expected(DocOptions::with_client_id(3));
  ASSERT_TRUE(apply_update(expected, snapshot).is_ok());
  ASSERT_TRUE(apply_update(expected, u1).is_ok());
  ASSERT_TRUE(apply_update(expected, u2).is_ok());
  EXPECT_EQ(stored_json(*store, "team/account/7"), json(expected));
  auto outbox = store->outbox("team/account/7");
  ASSERT_TRUE(outbox.ok()) << outbox.status().to_string();
  ASSERT_EQ(outbox->size(), 1u);
  EXPECT_EQ((*outbox)[0].seq, 4u);
  EXPECT_EQ((*outbox)[0].update, u1);
  auto sv = store->server_state_vector("team/account/7");
  ASSERT_TRUE(sv.ok());
  EXPECT_EQ(*sv, server_sv);
  // New appends continue the old sequence numbers.
  auto next = store->append_local("team/account/7", a.set("z", 3));
  ASSERT_TRUE(next.ok());
  EXPECT_GT(next->log_seq, 11u);
  EXPECT_GT(*next->outbox_seq, 4u);
  auto integrity = store->integrity_check();
  ASSERT_TRUE(integrity.ok());
  EXPECT_EQ(*integrity, "ok");
}

TEST(Migration, NewerSchemaIsRefusedAndLeftUnchanged) {
  TempDir dir;
  const std::string path = dir.file("future.db");
  ASSERT_TRUE(open_store(path));
  raw_sql(path, "UPDATE schema_version SET version = 99; CREATE TABLE future_things(x);");
  auto store = DocumentStore::open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kUnsupported);
  EXPECT_NE(store.status().message().find("newer Accord"), std::string::npos)
      << store.status().to_string();
  EXPECT_NE(store.status().message().find("99"), std::string::npos);
  EXPECT_EQ(query_int(path, "SELECT version FROM schema_version"), 99);
}

TEST(Migration, ForeignSqliteFileIsRefused) {
  TempDir dir;
  const std::string path = dir.file("other.db");
  raw_sql(path, "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT);");
  auto store = DocumentStore::open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(query_int(path, "SELECT count(*) FROM sqlite_master WHERE name = 'documents'"), 0);
}

TEST(Migration, MissingFileWithoutCreateIsNotFound) {
  TempDir dir;
  StoreOptions options;
  options.create_if_missing = false;
  auto store = DocumentStore::open(dir.file("missing.db"), options);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kNotFound);
}

TEST(Migration, GarbageFileIsCorrupt) {
  TempDir dir;
  const std::string path = dir.file("garbage.db");
  FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  const std::string junk(8192, 'j');
  std::fwrite(junk.data(), 1, junk.size(), f);
  std::fclose(f);
  auto store = DocumentStore::open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), StatusCode::kCorrupt) << store.status().to_string();
}

} // namespace
} // namespace accord
