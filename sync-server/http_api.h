#pragma once
/// The JSON HTTP API of accord-server. Bodies are JSON; every reply is
/// `application/json` and `Cache-Control: no-store`; errors are
/// `{"error": "<message>", "code": "<status code name>"}` with a 4xx/5xx status.
///
///   GET  /health          {"status":"ok","version","uptime_seconds","connections":{...}}
///   POST /api/login       {"user","password"} -> {"token","token_id","expires_at","user","teams"};
///                         429 + Retry-After after --max-login-failures a minute from one address
///   POST /api/logout      (Authorization: Bearer <token>) -> {"ok":true}; revokes the token
///   GET  /api/me          (Bearer) -> {"user","teams":[{"team","role"}],"token_kind"}
///   POST /api/ws-ticket   (Bearer) -> {"ticket","expires_at","expires_in"}: a one-use
///                         secret for `?ticket=` on a WebSocket URL (browsers cannot
///                         set headers on WebSockets)
///
/// Handlers block on SQLite and argon2id: call `handle` from a blocking pool, never
/// from a socket's strand.

#include "auth_store.h"
#include "config.h"
#include "login_throttle.h"

#include <boost/beast/http.hpp>

#include <atomic>
#include <chrono>
#include <string>

namespace accord::server {

/// Live counters the server keeps for /health.
struct ServerStats {
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  std::atomic<std::size_t> http_connections{0};
  std::atomic<std::size_t> websocket_connections{0};
};

/// The bearer secret of `Authorization: Bearer <secret>`, or empty.
std::string bearer_token(
    const boost::beast::http::request<boost::beast::http::string_body>& request);

/// See the file comment.
class HttpApi {
public:
  HttpApi(AuthStore& store, const ServerConfig& config, const ServerStats& stats)
      : store_(store),
        config_(config),
        stats_(stats),
        throttle_(config.limits.max_login_failures_per_minute) {}

  /// True for the paths this API answers (/health and /api/...).
  static bool handles(std::string_view target);

  /// Answers one request. `remote` is the peer address, for the log only.
  boost::beast::http::message_generator handle(
      const boost::beast::http::request<boost::beast::http::string_body>& request,
      const std::string& remote);

private:
  AuthStore& store_;
  const ServerConfig& config_;
  const ServerStats& stats_;
  LoginThrottle throttle_;
};

} // namespace accord::server
