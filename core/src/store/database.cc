#include "store/database.h"

#include <sqlite3.h>

#include <utility>

namespace accord::store {

Status sqlite_error(sqlite3* db, int rc, std::string_view what) {
  std::string message(what);
  message += ": ";
  message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  message += " (sqlite ";
  message += std::to_string(rc);
  message += ")";
  switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: return Status::error(StatusCode::kCorrupt, std::move(message));
    case SQLITE_CANTOPEN: return Status::error(StatusCode::kNotFound, std::move(message));
    case SQLITE_TOOBIG: return Status::error(StatusCode::kLimitExceeded, std::move(message));
    case SQLITE_CONSTRAINT:
    case SQLITE_MISUSE:
    case SQLITE_RANGE: return Status::error(StatusCode::kInternal, std::move(message));
    default: return Status::error(StatusCode::kIoError, std::move(message));
  }
}

// ---- Statement

Statement::~Statement() { reset(); }

void Statement::reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

void Statement::bind(int index, std::int64_t value) { sqlite3_bind_int64(stmt_, index, value); }

void Statement::bind(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void Statement::bind_blob(int index, std::span<const std::uint8_t> blob) {
  if (blob.empty()) {
    sqlite3_bind_zeroblob(stmt_, index, 0);
    return;
  }
  sqlite3_bind_blob64(stmt_, index, blob.data(), blob.size(), SQLITE_TRANSIENT);
}

void Statement::bind_null(int index) { sqlite3_bind_null(stmt_, index); }

Result<bool> Statement::step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqlite_error(db_, rc, std::string("sqlite3_step(") + sqlite3_sql(stmt_) + ")");
}

Status Statement::run() {
  for (;;) {
    ACCORD_ASSIGN_OR_RETURN(const bool row, step());
    if (!row) return Status::ok();
  }
}

bool Statement::column_is_null(int index) const {
  return sqlite3_column_type(stmt_, index) == SQLITE_NULL;
}

std::int64_t Statement::column_int(int index) const { return sqlite3_column_int64(stmt_, index); }

double Statement::column_double(int index) const { return sqlite3_column_double(stmt_, index); }

std::string Statement::column_text(int index) const {
  const unsigned char* text = sqlite3_column_text(stmt_, index);
  const int size = sqlite3_column_bytes(stmt_, index);
  if (text == nullptr) return {};
  return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

std::vector<std::uint8_t> Statement::column_blob(int index) const {
  const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, index));
  const int size = sqlite3_column_bytes(stmt_, index);
  if (data == nullptr || size <= 0) return {};
  return std::vector<std::uint8_t>(data, data + size);
}

std::size_t Statement::column_bytes(int index) const {
  return static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index));
}

// ---- Database

Result<std::unique_ptr<Database>> Database::open(const std::string& path, bool create) {
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE;
  if (create) flags |= SQLITE_OPEN_CREATE;
  const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status status = sqlite_error(db, rc, "opening " + path);
    sqlite3_close(db);
    return status;
  }
  sqlite3_extended_result_codes(db, 1);
  return std::unique_ptr<Database>(new Database(db));
}

Database::~Database() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Status Database::exec(const std::string& sql) {
  char* error = nullptr;
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return Status::ok();
  std::string what = "executing \"" + sql.substr(0, 60) + "\"";
  sqlite3_free(error);
  return sqlite_error(db_, rc, what);
}

Result<std::unique_ptr<Statement>> Database::prepare(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size() + 1),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return sqlite_error(db_, rc, "preparing \"" + sql + "\"");
    it = cache_.emplace(sql, stmt).first;
  }
  return std::make_unique<Statement>(db_, it->second);
}

Result<std::string> Database::query_text(const std::string& sql) {
  ACCORD_ASSIGN_OR_RETURN(auto stmt, prepare(sql));
  ACCORD_ASSIGN_OR_RETURN(const bool row, stmt->step());
  if (!row) return std::string();
  return stmt->column_text(0);
}

Result<std::int64_t> Database::query_int(const std::string& sql, std::int64_t fallback) {
  ACCORD_ASSIGN_OR_RETURN(auto stmt, prepare(sql));
  ACCORD_ASSIGN_OR_RETURN(const bool row, stmt->step());
  if (!row) return fallback;
  return stmt->column_int(0);
}

void Database::set_busy_timeout(int ms) { sqlite3_busy_timeout(db_, ms); }

std::int64_t Database::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

// ---- TransactionGuard

TransactionGuard::TransactionGuard(Database& db, Mode mode) : db_(db) {
  begin_status_ = db_.exec(mode == Mode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
  open_ = begin_status_.is_ok();
}

TransactionGuard::~TransactionGuard() {
  if (open_) (void)db_.exec("ROLLBACK");
}

Status TransactionGuard::commit() {
  if (!open_) return Status::error(StatusCode::kInternal, "commit without an open transaction");
  Status status = db_.exec("COMMIT");
  if (!status.is_ok()) {
    // A failed COMMIT (e.g. an I/O error) may leave the transaction open: roll it back.
    if (sqlite3_get_autocommit(db_.handle()) == 0) (void)db_.exec("ROLLBACK");
  }
  open_ = false;
  return status;
}

} // namespace accord::store
