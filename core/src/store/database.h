#pragma once
/// A thin RAII layer over SQLite's C API (plain sqlite3.h, no threads, no extensions: the same
/// code builds against the system library natively and against the amalgamation in wasm): a
/// connection with cached prepared statements, statements with typed binds and columns, and a
/// transaction guard that rolls back unless committed. Every failure is an accord::Status with
/// SQLite's message; nothing throws.

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "accord/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace accord::store {

/// Maps a SQLite result code to a Status ("<what>: <sqlite message>").
Status sqlite_error(sqlite3* db, int rc, std::string_view what);

/// A prepared statement, reset (bindings cleared) when the Statement goes out of scope.
/// Parameters are 1-based, columns 0-based, as in SQLite.
class Statement {
public:
  /// Wraps a cached statement of `db` (Database::prepare makes these).
  Statement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  /// Resets the statement for its next user.
  ~Statement();

  /// Binds an integer to parameter `index`.
  void bind(int index, std::int64_t value);
  /// Binds UTF-8 text (copied).
  void bind(int index, std::string_view text);
  /// Binds a blob (an empty span binds an empty blob, not NULL).
  void bind_blob(int index, std::span<const std::uint8_t> blob);
  /// Binds NULL.
  void bind_null(int index);

  /// Advances: true with a row, false when done, or an error.
  Result<bool> step();
  /// Runs to completion ignoring rows.
  Status run();
  /// Resets the statement and clears its bindings, to run it again.
  void reset();

  /// Whether column `index` of the current row is NULL.
  bool column_is_null(int index) const;
  /// Column `index` as an integer.
  std::int64_t column_int(int index) const;
  /// Column `index` as a floating-point number.
  double column_double(int index) const;
  /// Column `index` as text (a copy).
  std::string column_text(int index) const;
  /// Column `index` as bytes (a copy; empty for NULL).
  std::vector<std::uint8_t> column_blob(int index) const;
  /// Bytes of a blob or text column without copying it.
  std::size_t column_bytes(int index) const;

private:
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

/// An open connection. Prepared statements are cached by their SQL text.
class Database {
public:
  /// Opens `path` (":memory:" for an in-memory database). `create` allows creating the file.
  static Result<std::unique_ptr<Database>> open(const std::string& path, bool create);
  /// Finalizes the cached statements and closes the connection.
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  /// Runs one or more statements without results (sqlite3_exec).
  Status exec(const std::string& sql);
  /// A cached prepared statement for `sql` (must stay alive while the Statement is used; only
  /// one Statement per SQL text may be in use at a time).
  Result<std::unique_ptr<Statement>> prepare(const std::string& sql);
  /// The single value of a one-row query as text (e.g. a PRAGMA), empty when no row.
  Result<std::string> query_text(const std::string& sql);
  /// The single integer of a one-row query, `fallback` when no row.
  Result<std::int64_t> query_int(const std::string& sql, std::int64_t fallback = 0);
  /// Sets the busy timeout.
  void set_busy_timeout(int ms);
  /// Rowid of the last insert on this connection.
  std::int64_t last_insert_rowid() const;
  /// Rows changed by the last statement.
  int changes() const;
  /// The raw handle (for error messages).
  sqlite3* handle() const { return db_; }

private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::map<std::string, sqlite3_stmt*, std::less<>> cache_;
};

/// BEGIN (IMMEDIATE for writes: takes the write lock up front, so a read-then-write cannot fail
/// halfway with SQLITE_BUSY) ... COMMIT; rolls back when destroyed uncommitted.
class TransactionGuard {
public:
  /// kRead: BEGIN DEFERRED (a consistent snapshot); kWrite: BEGIN IMMEDIATE.
  enum class Mode { kRead, kWrite };
  /// Begins; check status() before using.
  TransactionGuard(Database& db, Mode mode);
  /// Rolls back when not committed.
  ~TransactionGuard();
  TransactionGuard(const TransactionGuard&) = delete;
  TransactionGuard& operator=(const TransactionGuard&) = delete;

  /// Whether BEGIN succeeded.
  const Status& status() const { return begin_status_; }
  /// COMMIT. After an error the transaction is rolled back.
  Status commit();

private:
  Database& db_;
  Status begin_status_;
  bool open_ = false;
};

} // namespace accord::store
