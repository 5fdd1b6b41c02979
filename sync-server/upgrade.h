#pragma once
/// What accord-server checks on a WebSocket upgrade request before accepting it:
/// the route (`/y/<document>` or `/sync`), the Origin, and the credential (an
/// `Authorization: Bearer` header for native clients or a `?ticket=` URL
/// parameter for browsers). The decision is an HTTP status and a reason; a
/// refused upgrade never becomes a WebSocket, so no document byte is sent.

#include "auth_store.h"
#include "message_handler.h"

#include <boost/beast/http.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord::server {

using HttpRequest = boost::beast::http::request<boost::beast::http::string_body>;

/// The route of an upgrade request.
struct UpgradeRoute {
  Endpoint endpoint = Endpoint::kSingleDocument;
  std::string document; ///< decoded and validated, for kSingleDocument
};

/// Parses the target's path. kNotFound for another path, kInvalidArgument for a
/// bad document name.
Result<UpgradeRoute> parse_upgrade_route(std::string_view target);

/// The decoded value of query parameter `name` in `target`, or nullopt.
std::optional<std::string> query_parameter(std::string_view target, std::string_view name);

/// True when the request's Origin may open a WebSocket: no Origin header (not a
/// browser), the server's own origin (matches the Host header), or one listed in
/// `allowed` ("*" allows every origin). Comparison ignores ASCII case.
bool origin_allowed(const HttpRequest& request, const std::vector<std::string>& allowed);

/// The outcome of checking an upgrade.
struct UpgradeDecision {
  unsigned http_status = 101; ///< 101 = accept; otherwise 400/401/403/404
  std::string reason;
  UpgradeRoute route;
  std::optional<Principal> principal;
};

/// Checks route, Origin and credential (blocks on SQLite: run on the blocking
/// pool). Spends a ticket when one is presented.
UpgradeDecision check_upgrade(const HttpRequest& request, AuthStore& store,
                              const std::vector<std::string>& allowed_origins);

} // namespace accord::server
