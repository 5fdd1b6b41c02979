#pragma once
/// A thin RAII layer over the SQLite C API for the server's own databases: an open
/// connection, prepared statements with typed binds and columns, and transactions.
/// Every failure comes back as an accord::Status carrying SQLite's message; nothing
/// throws. Not thread-safe: the owner serializes access (AuthStore holds a mutex).

#include "accord/status.h"

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord::server {

/// One prepared statement. Bind parameters are 1-based, as in SQLite.
class Statement {
public:
  Statement() = default;
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  /// Binds a value to parameter `index`. Returns the statement for chaining.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bind_blob(int index, const std::vector<std::uint8_t>& blob);
  Statement& bind_null(int index);
  Statement& bind(int index, std::optional<std::int64_t> value);

  /// Advances to the next row: true with a row, false when done, or an error.
  Result<bool> step();
  /// Runs the statement to completion, ignoring rows.
  Status run();

  std::int64_t column_int(int index) const;
  std::optional<std::int64_t> column_optional_int(int index) const;
  std::string column_text(int index) const;

private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

/// An open SQLite database connection.
class Database {
public:
  Database() = default;
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  /// Opens (creating if needed) the file at `path` with WAL journaling,
  /// synchronous=FULL, foreign keys on and a 5 s busy timeout. kIoError on failure.
  static Result<Database> open(const std::string& path);

  /// Runs one or more statements without results (schema, pragmas).
  Status exec(std::string_view sql);
  /// Compiles `sql`. kInternal on a syntax error (a bug), kIoError otherwise.
  Result<Statement> prepare(std::string_view sql);
  /// Number of rows the last INSERT/UPDATE/DELETE changed.
  int changes() const;
  std::int64_t last_insert_rowid() const;

  /// Reads / writes `PRAGMA user_version`, which holds the schema version.
  Result<std::int64_t> user_version();
  Status set_user_version(std::int64_t version);

  sqlite3* handle() const { return db_; }

private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

/// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless commit() ran.
class Transaction {
public:
  explicit Transaction(Database& db);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  /// The BEGIN's outcome; check it before using the transaction.
  const Status& begin_status() const { return begin_; }
  Status commit();

private:
  Database& db_;
  Status begin_;
  bool done_ = false;
};

/// A Status for SQLite result code `rc` on `db`, prefixed by `what`.
Status sqlite_error(sqlite3* db, int rc, std::string_view what);

} // namespace accord::server
