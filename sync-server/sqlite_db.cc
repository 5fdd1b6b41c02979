#include "sqlite_db.h"

#include <utility>

namespace accord::server {

Status sqlite_error(sqlite3* db, int rc, std::string_view what) {
  std::string message(what);
  message += ": ";
  message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  const int primary = rc & 0xff;
  const StatusCode code = primary == SQLITE_CONSTRAINT ? StatusCode::kAlreadyExists
                          : primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB
                              ? StatusCode::kCorrupt
                              : StatusCode::kIoError;
  return Status::error(code, std::move(message));
}

Statement::Statement(Statement&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    db_ = std::exchange(other.db_, nullptr);
    stmt_ = std::exchange(other.stmt_, nullptr);
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_blob(int index, const std::vector<std::uint8_t>& blob) {
  sqlite3_bind_blob(stmt_, index, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::bind_null(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Statement& Statement::bind(int index, std::optional<std::int64_t> value) {
  return value ? bind(index, *value) : bind_null(index);
}

Result<bool> Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqlite_error(db_, rc, "sqlite step");
}

Status Statement::run() {
  for (;;) {
    ACCORD_ASSIGN_OR_RETURN(const bool row, step());
    if (!row) return Status::ok();
  }
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(stmt_, index); }

std::optional<std::int64_t> Statement::column_optional_int(int index) const {
  if (sqlite3_column_type(stmt_, index) == SQLITE_NULL) return std::nullopt;
  return sqlite3_column_int64(stmt_, index);
}

std::string Statement::column_text(int index) const {
  const auto* text = sqlite3_column_text(stmt_, index);
  const int size = sqlite3_column_bytes(stmt_, index);
  return text == nullptr ? std::string() : std::string(reinterpret_cast<const char*>(text), size);
}

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

Database::~Database() { sqlite3_close_v2(db_); }

Result<Database> Database::open(const std::string& path) {
  sqlite3* raw = nullptr;
  const int rc =
      sqlite3_open_v2(path.c_str(), &raw,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  Database db(raw);
  if (rc != SQLITE_OK) {
    return Status::error(
        StatusCode::kIoError,
        "cannot open " + path + ": " + (raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  }
  sqlite3_busy_timeout(raw, 5000);
  ACCORD_RETURN_IF_ERROR(
      db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;")
          .with_context("opening " + path));
  return db;
}

Status Database::exec(std::string_view sql) {
  const std::string owned(sql);
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, owned.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::ok();
  std::string message = error != nullptr ? error : sqlite3_errstr(rc);
  sqlite3_free(error);
  return Status::error((rc & 0xff) == SQLITE_NOTADB ? StatusCode::kCorrupt : StatusCode::kIoError,
                       "sqlite: " + message);
}

Result<Statement> Database::prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return sqlite_error(db_, rc, "sqlite prepare");
  }
  return Statement(db_, stmt);
}

int Database::changes() const { return sqlite3_changes(db_); }

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

Result<std::int64_t> Database::user_version() {
  ACCORD_ASSIGN_OR_RETURN(Statement stmt, prepare("PRAGMA user_version"));
  ACCORD_ASSIGN_OR_RETURN(const bool row, stmt.step());
  if (!row) return Status::error(StatusCode::kInternal, "PRAGMA user_version returned no row");
  return stmt.column_int(0);
}

Status Database::set_user_version(std::int64_t version) {
  return exec("PRAGMA user_version=" + std::to_string(version));
}

Transaction::Transaction(Database& db) : db_(db), begin_(db.exec("BEGIN IMMEDIATE")) {
  done_ = !begin_.is_ok();
}

Transaction::~Transaction() {
  if (!done_) (void)db_.exec("ROLLBACK");
}

Status Transaction::commit() {
  if (done_) return Status::error(StatusCode::kFailedPrecondition, "transaction not active");
  done_ = true;
  return db_.exec("COMMIT");
}

} // namespace accord::server
