#include "auth_store.h"

#include <array>
#include <chrono>
#include <filesystem>

namespace accord::server {

namespace {

/// Forward migrations: entry i takes the schema from version i to i + 1. Never
/// edit a released entry; append a new one and raise kSchemaVersion.
constexpr std::array<std::string_view, AuthStore::kSchemaVersion> kMigrations = {
    R"sql(
CREATE TABLE teams (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE TABLE memberships (
  team_id INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role TEXT NOT NULL CHECK (role IN ('owner', 'member', 'viewer')),
  PRIMARY KEY (team_id, user_id)
);
CREATE TABLE tokens (
  id INTEGER PRIMARY KEY,
  digest BLOB NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('session', 'api', 'ticket')),
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  name TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  expires_at INTEGER,
  revoked_at INTEGER,
  used_at INTEGER
);
CREATE INDEX tokens_by_user ON tokens(user_id);
)sql",
};

bool valid_name(std::string_view name, std::size_t max, std::string_view extra) {
  if (name.empty() || name.size() > max) return false;
  for (const char c : name) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum && extra.find(c) == std::string_view::npos) return false;
  }
  return true;
}

Status denied(std::string reason) {
  return Status::error(StatusCode::kPermissionDenied, std::move(reason));
}

} // namespace

std::string_view role_name(Role role) {
  switch (role) {
    case Role::kOwner: return "owner";
    case Role::kMember: return "member";
    case Role::kViewer: return "viewer";
  }
  return "viewer";
}

std::optional<Role> parse_role(std::string_view name) {
  if (name == "owner") return Role::kOwner;
  if (name == "member") return Role::kMember;
  if (name == "viewer") return Role::kViewer;
  return std::nullopt;
}

Clock system_clock() {
  return [] {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
}

Result<std::unique_ptr<AuthStore>> AuthStore::open(const std::string& path, Clock clock) {
  ACCORD_RETURN_IF_ERROR(init_crypto());
  ACCORD_ASSIGN_OR_RETURN(Database db, Database::open(path));
  // Password hashes and token digests are for the server's user only; SQLite
  // gives the -wal and -shm files the same mode.
  std::error_code ec;
  std::filesystem::permissions(
      path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
  std::unique_ptr<AuthStore> store(new AuthStore(std::move(db), std::move(clock)));
  ACCORD_RETURN_IF_ERROR(store->migrate().with_context(path));
  return store;
}

Status AuthStore::migrate() {
  std::lock_guard lock(mutex_);
  Transaction txn(db_);
  ACCORD_RETURN_IF_ERROR(txn.begin_status());
  ACCORD_ASSIGN_OR_RETURN(const std::int64_t version, db_.user_version());
  if (version > kSchemaVersion) {
    return Status::error(StatusCode::kFailedPrecondition,
                         "accounts database has schema version " + std::to_string(version) +
                             ", newer than the " + std::to_string(kSchemaVersion) +
                             " this accord-server understands; run a newer accord-server");
  }
  if (version < 0) {
    return Status::error(StatusCode::kCorrupt,
                         "negative schema version " + std::to_string(version));
  }
  for (std::int64_t v = version; v < kSchemaVersion; ++v) {
    ACCORD_RETURN_IF_ERROR(db_.exec(kMigrations[static_cast<std::size_t>(v)])
                               .with_context("migrating to version " + std::to_string(v + 1)));
  }
  if (version != kSchemaVersion) ACCORD_RETURN_IF_ERROR(db_.set_user_version(kSchemaVersion));
  return txn.commit();
}

Result<std::int64_t> AuthStore::create_team(std::string_view name) {
  if (!valid_name(name, 64, "_-")) {
    return Status::error(StatusCode::kInvalidArgument,
                         "team names are 1-64 characters of A-Z a-z 0-9 _ -");
  }
  std::lock_guard lock(mutex_);
  ACCORD_ASSIGN_OR_RETURN(Statement stmt,
                          db_.prepare("INSERT INTO teams(name, created_at) VALUES(?, ?)"));
  const Status status = stmt.bind(1, name).bind(2, clock_()).run();
  if (status.code() == StatusCode::kAlreadyExists) {
    return Status::error(StatusCode::kAlreadyExists, "team '" + std::string(name) + "' exists");
  }
  ACCORD_RETURN_IF_ERROR(status);
  return db_.last_insert_rowid();
}

Result<std::int64_t> AuthStore::create_user(std::string_view name, std::string_view password,
                                            PasswordCost cost) {
  if (!valid_name(name, 128, "._@-")) {
    return Status::error(StatusCode::kInvalidArgument,
                         "user names are 1-128 characters of A-Z a-z 0-9 . _ @ -");
  }
  ACCORD_ASSIGN_OR_RETURN(const std::string hash, hash_password(password, cost));
  std::lock_guard lock(mutex_);
  ACCORD_ASSIGN_OR_RETURN(
      Statement stmt,
      db_.prepare("INSERT INTO users(name, password_hash, created_at) VALUES(?, ?, ?)"));
  const Status status = stmt.bind(1, name).bind(2, hash).bind(3, clock_()).run();
  if (status.code() == StatusCode::kAlreadyExists) {
    return Status::error(StatusCode::kAlreadyExists, "user '" + std::string(name) + "' exists");
  }
  ACCORD_RETURN_IF_ERROR(status);
  return db_.last_insert_rowid();
}

Result<std::int64_t> AuthStore::user_id_locked(std::string_view user) {
  ACCORD_ASSIGN_OR_RETURN(Statement stmt, db_.prepare("SELECT id FROM users WHERE name = ?"));
  stmt.bind(1, user);
  ACCORD_ASSIGN_OR_RETURN(const bool row, stmt.step());
  if (!row) return Status::error(StatusCode::kNotFound, "no user '" + std::string(user) + "'");
  return stmt.column_int(0);
}

Status AuthStore::add_member(std::string_view team, std::string_view user, Role role) {
  std::lock_guard lock(mutex_);
  ACCORD_ASSIGN_OR_RETURN(const std::int64_t user_id, user_id_locked(user));
  ACCORD_ASSIGN_OR_RETURN(Statement find, db_.prepare("SELECT id FROM teams WHERE name = ?"));
  find.bind(1, team);
  ACCORD_ASSIGN_OR_RETURN(const bool found, find.step());
  if (!found) return Status::error(StatusCode::kNotFound, "no team '" + std::string(team) + "'");
  const std::int64_t team_id = find.column_int(0);
  ACCORD_ASSIGN_OR_RETURN(
      Statement stmt, db_.prepare("INSERT INTO memberships(team_id, user_id, role) VALUES(?, ?, "
                                  "?) ON CONFLICT(team_id, user_id) DO UPDATE SET role = "
                                  "excluded.role"));
  return stmt.bind(1, team_id).bind(2, user_id).bind(3, role_name(role)).run();
}

const std::string& AuthStore::dummy_hash() {
  std::call_once(dummy_once_, [this] {
    auto hash = hash_password("accord-dummy-password");
    dummy_hash_ = hash.ok() ? hash.value() : std::string();
  });
  return dummy_hash_;
}

Result<IssuedToken> AuthStore::login(std::string_view user, std::string_view password,
                                     std::int64_t ttl_seconds) {
  std::int64_t user_id = 0;
  std::string hash;
  {
    std::lock_guard lock(mutex_);
    ACCORD_ASSIGN_OR_RETURN(Statement stmt,
                            db_.prepare("SELECT id, password_hash FROM users WHERE name = ?"));
    stmt.bind(1, user);
    ACCORD_ASSIGN_OR_RETURN(const bool row, stmt.step());
    if (row) {
      user_id = stmt.column_int(0);
      hash = stmt.column_text(1);
    }
  }
  // Verify even for an unknown user so both failures cost the same.
  const bool matches = verify_password(password, user_id != 0 ? hash : dummy_hash());
  if (user_id == 0 || !matches) return denied("wrong user name or password");
  std::lock_guard lock(mutex_);
  return insert_token_locked(user_id, TokenKind::kSession, "login", ttl_seconds);
}

Result<IssuedToken> AuthStore::insert_token_locked(std::int64_t user_id, TokenKind kind,
                                                   std::string_view name,
                                                   std::optional<std::int64_t> ttl_seconds) {
  if (ttl_seconds && *ttl_seconds <= 0) {
    return Status::error(StatusCode::kInvalidArgument, "token lifetime must be positive");
  }
  const std::int64_t now = clock_();
  IssuedToken issued;
  issued.secret = generate_token(kind);
  if (ttl_seconds) issued.expires_at = now + *ttl_seconds;
  ACCORD_ASSIGN_OR_RETURN(Statement stmt,
                          db_.prepare("INSERT INTO tokens(digest, kind, user_id, name, created_at, "
                                      "expires_at) VALUES(?, ?, ?, ?, ?, ?)"));
  ACCORD_RETURN_IF_ERROR(stmt.bind_blob(1, token_digest(issued.secret))
                             .bind(2, token_kind_name(kind))
                             .bind(3, user_id)
                             .bind(4, name)
                             .bind(5, now)
                             .bind(6, issued.expires_at)
                             .run());
  issued.id = db_.last_insert_rowid();
  return issued;
}

Result<IssuedToken> AuthStore::create_api_token(std::string_view user, std::string_view name,
                                                std::optional<std::int64_t> ttl_seconds) {
  std::lock_guard lock(mutex_);
  ACCORD_ASSIGN_OR_RETURN(const std::int64_t user_id, user_id_locked(user));
  return insert_token_locked(user_id, TokenKind::kApi, name, ttl_seconds);
}

Result<Principal> AuthStore::principal_locked(std::int64_t user_id, TokenKind via,
                                              std::int64_t token_id) {
  Principal principal;
  principal.user_id = user_id;
  principal.via = via;
  principal.token_id = token_id;
  ACCORD_ASSIGN_OR_RETURN(Statement user, db_.prepare("SELECT name FROM users WHERE id = ?"));
  user.bind(1, user_id);
  ACCORD_ASSIGN_OR_RETURN(const bool found, user.step());
  if (!found) return denied("unknown token");
  principal.user = user.column_text(0);
  ACCORD_ASSIGN_OR_RETURN(Statement teams,
                          db_.prepare("SELECT t.name, m.role FROM memberships m JOIN teams t ON "
                                      "t.id = m.team_id WHERE m.user_id = ? ORDER BY t.name"));
  teams.bind(1, user_id);
  for (;;) {
    ACCORD_ASSIGN_OR_RETURN(const bool row, teams.step());
    if (!row) break;
    principal.teams.push_back(
        {teams.column_text(0), parse_role(teams.column_text(1)).value_or(Role::kViewer)});
  }
  return principal;
}

Result<Principal> AuthStore::authenticate(std::string_view secret) {
  std::lock_guard lock(mutex_);
  ACCORD_ASSIGN_OR_RETURN(Statement stmt,
                          db_.prepare("SELECT id, kind, user_id, expires_at, revoked_at FROM "
                                      "tokens WHERE digest = ?"));
  stmt.bind_blob(1, token_digest(secret));
  ACCORD_ASSIGN_OR_RETURN(const bool row, stmt.step());
  if (!row) return denied("unknown token");
  const std::string kind = stmt.column_text(1);
  if (kind == token_kind_name(TokenKind::kTicket)) return denied("a ticket is not a token");
  if (stmt.column_optional_int(4)) return denied("token revoked");
  const auto expires_at = stmt.column_optional_int(3);
  if (expires_at && *expires_at <= clock_()) return denied("token expired");
  const TokenKind via =
      kind == token_kind_name(TokenKind::kApi) ? TokenKind::kApi : TokenKind::kSession;
  return principal_locked(stmt.column_int(2), via, stmt.column_int(0));
}

Result<IssuedToken> AuthStore::issue_ticket(const Principal& principal, std::int64_t ttl_seconds) {
  std::lock_guard lock(mutex_);
  // Spent and expired tickets are worthless; drop them as new ones are issued.
  ACCORD_ASSIGN_OR_RETURN(
      Statement purge, db_.prepare("DELETE FROM tokens WHERE kind = 'ticket' AND expires_at < ?"));
  ACCORD_RETURN_IF_ERROR(purge.bind(1, clock_() - 3600).run());
  return insert_token_locked(principal.user_id, TokenKind::kTicket, "ws-ticket", ttl_seconds);
}

Result<Principal> AuthStore::redeem_ticket(std::string_view ticket) {
  std::lock_guard lock(mutex_);
  Transaction txn(db_);
  ACCORD_RETURN_IF_ERROR(txn.begin_status());
  ACCORD_ASSIGN_OR_RETURN(Statement stmt,
                          db_.prepare("SELECT id, user_id, expires_at, revoked_at, used_at FROM "
                                      "tokens WHERE digest = ? AND kind = 'ticket'"));
  stmt.bind_blob(1, token_digest(ticket));
  ACCORD_ASSIGN_OR_RETURN(const bool row, stmt.step());
  if (!row) return denied("unknown ticket");
  if (stmt.column_optional_int(4)) return denied("ticket already used");
  if (stmt.column_optional_int(3)) return denied("ticket revoked");
  const std::int64_t now = clock_();
  const auto expires_at = stmt.column_optional_int(2);
  if (expires_at && *expires_at <= now) return denied("ticket expired");
  const std::int64_t id = stmt.column_int(0);
  const std::int64_t user_id = stmt.column_int(1);
  ACCORD_ASSIGN_OR_RETURN(Statement use, db_.prepare("UPDATE tokens SET used_at = ? WHERE id = ?"));
  ACCORD_RETURN_IF_ERROR(use.bind(1, now).bind(2, id).run());
  ACCORD_ASSIGN_OR_RETURN(Principal principal, principal_locked(user_id, TokenKind::kTicket, id));
  ACCORD_RETURN_IF_ERROR(txn.commit());
  return principal;
}

Result<Principal> AuthStore::authenticate_any(std::string_view secret) {
  if (secret.starts_with("act_")) return redeem_ticket(secret);
  return authenticate(secret);
}

Status AuthStore::revoke_token(std::string_view secret) {
  std::lock_guard lock(mutex_);
  ACCORD_ASSIGN_OR_RETURN(Statement stmt,
                          db_.prepare("UPDATE tokens SET revoked_at = ? WHERE digest = ? AND "
                                      "revoked_at IS NULL"));
  ACCORD_RETURN_IF_ERROR(stmt.bind(1, clock_()).bind_blob(2, token_digest(secret)).run());
  if (db_.changes() == 0) return Status::error(StatusCode::kNotFound, "no such live token");
  return Status::ok();
}

Status AuthStore::revoke_token_id(std::int64_t id) {
  std::lock_guard lock(mutex_);
  ACCORD_ASSIGN_OR_RETURN(Statement stmt,
                          db_.prepare("UPDATE tokens SET revoked_at = coalesce(revoked_at, ?) "
                                      "WHERE id = ?"));
  ACCORD_RETURN_IF_ERROR(stmt.bind(1, clock_()).bind(2, id).run());
  if (db_.changes() == 0) {
    return Status::error(StatusCode::kNotFound, "no token with id " + std::to_string(id));
  }
  return Status::ok();
}

} // namespace accord::server
