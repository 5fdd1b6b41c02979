#pragma once
/// Accounts and access of one accord-server data directory, kept in SQLite
/// (`<data>/accounts.db`): teams, users with argon2id password hashes, team
/// memberships with a role, and bearer secrets (session tokens from a login, API
/// tokens made by an admin, one-use WebSocket tickets), stored only as digests,
/// each with an expiry and a revocation time.
///
/// The schema is versioned in `PRAGMA user_version` and migrated forward on open;
/// a file written by a newer accord-server is refused with kFailedPrecondition.
/// Thread-safe: one connection behind a mutex; argon2id runs outside the lock.

#include "accord/status.h"
#include "secrets.h"
#include "sqlite_db.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord::server {

/// A member's role in a team. Ordered: owner can do all a member can, a member
/// all a viewer can.
enum class Role { kViewer = 0, kMember = 1, kOwner = 2 };

/// "owner", "member" or "viewer".
std::string_view role_name(Role role);
/// The role called `name`, or nullopt.
std::optional<Role> parse_role(std::string_view name);

/// One team a user belongs to.
struct Membership {
  std::string team;
  Role role = Role::kViewer;
};

/// Who presented a secret: the user, their teams at the time of the check, and
/// the secret's kind and id (ids are safe to log; secrets never are).
struct Principal {
  std::int64_t user_id = 0;
  std::string user;
  std::vector<Membership> teams;
  TokenKind via = TokenKind::kSession;
  std::int64_t token_id = 0;
};

/// A secret just issued. `secret` is shown to its holder once and never stored.
struct IssuedToken {
  std::int64_t id = 0;
  std::string secret;
  std::optional<std::int64_t> expires_at; ///< unix seconds; nullopt = never
};

/// Unix time in seconds; injectable so tests can issue already-expired tokens.
using Clock = std::function<std::int64_t()>;
/// The wall clock.
Clock system_clock();

/// The accounts database. See the file comment.
class AuthStore {
public:
  /// The schema version this code writes.
  static constexpr std::int64_t kSchemaVersion = 1;

  /// Opens or creates the database at `path` and migrates it to kSchemaVersion.
  /// kFailedPrecondition when the file's schema is newer than this code,
  /// kIoError / kCorrupt when SQLite cannot open or read it.
  static Result<std::unique_ptr<AuthStore>> open(const std::string& path,
                                                 Clock clock = system_clock());

  /// Creates a team. Names are 1-64 of [A-Za-z0-9_-] (they start document names).
  /// kInvalidArgument for a bad name, kAlreadyExists if taken. Returns its id.
  Result<std::int64_t> create_team(std::string_view name);

  /// Creates a user with an argon2id hash of `password` (costs one hash).
  /// Names are 1-128 of [A-Za-z0-9._@-]. kInvalidArgument, kAlreadyExists.
  Result<std::int64_t> create_user(std::string_view name, std::string_view password,
                                   PasswordCost cost = PasswordCost::kInteractive);

  /// Makes `user` a member of `team` with `role`, or changes their role.
  /// kNotFound when either does not exist.
  Status add_member(std::string_view team, std::string_view user, Role role);

  /// Checks a password and issues a session token valid `ttl_seconds`. Costs one
  /// argon2id verification. kPermissionDenied "wrong user name or password" for an
  /// unknown user or a wrong password alike (same cost for both).
  Result<IssuedToken> login(std::string_view user, std::string_view password,
                            std::int64_t ttl_seconds);

  /// Issues an API token for `user`, named `name`, valid `ttl_seconds` (nullopt:
  /// until revoked). kNotFound for an unknown user, kInvalidArgument for ttl <= 0.
  Result<IssuedToken> create_api_token(std::string_view user, std::string_view name,
                                       std::optional<std::int64_t> ttl_seconds);

  /// Who holds session or API token `secret`. kPermissionDenied with the reason
  /// ("unknown token", "token expired", "token revoked"). Tickets are refused here.
  Result<Principal> authenticate(std::string_view secret);

  /// Issues a one-use WebSocket ticket for `principal`, valid `ttl_seconds`.
  Result<IssuedToken> issue_ticket(const Principal& principal, std::int64_t ttl_seconds);

  /// Redeems a ticket: succeeds once, within its lifetime. kPermissionDenied with
  /// the reason ("unknown ticket", "ticket expired", "ticket already used").
  Result<Principal> redeem_ticket(std::string_view ticket);

  /// A ticket is redeemed, any other secret authenticated.
  Result<Principal> authenticate_any(std::string_view secret);

  /// Revokes the token `secret` (logout). kNotFound if no such live token.
  Status revoke_token(std::string_view secret);
  /// Revokes the token with id `id` (admin). kNotFound if there is none.
  Status revoke_token_id(std::int64_t id);

private:
  AuthStore(Database db, Clock clock) : db_(std::move(db)), clock_(std::move(clock)) {}
  Status migrate();
  Result<std::int64_t> user_id_locked(std::string_view user);
  Result<IssuedToken> insert_token_locked(std::int64_t user_id, TokenKind kind,
                                          std::string_view name,
                                          std::optional<std::int64_t> ttl_seconds);
  Result<Principal> principal_locked(std::int64_t user_id, TokenKind via, std::int64_t token_id);
  const std::string& dummy_hash();

  std::mutex mutex_;
  Database db_;
  Clock clock_;
  std::string dummy_hash_;
  std::once_flag dummy_once_;
};

} // namespace accord::server
