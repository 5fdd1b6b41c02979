#include "upgrade.h"

#include "authorizer.h"
#include "http_api.h"
#include "static_files.h"

#include <cctype>

namespace accord::server {

namespace http = boost::beast::http;

namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

UpgradeDecision refuse(unsigned status, std::string reason) {
  UpgradeDecision decision;
  decision.http_status = status;
  decision.reason = std::move(reason);
  return decision;
}

} // namespace

Result<UpgradeRoute> parse_upgrade_route(std::string_view target) {
  const std::string_view path = target.substr(0, target.find('?'));
  UpgradeRoute route;
  if (path == "/sync") {
    route.endpoint = Endpoint::kMultiplexed;
    return route;
  }
  constexpr std::string_view kPrefix = "/y/";
  if (!path.starts_with(kPrefix)) {
    return Status::error(StatusCode::kNotFound, "no WebSocket endpoint at this path");
  }
  if (!percent_decode(path.substr(kPrefix.size()), route.document)) {
    return Status::error(StatusCode::kInvalidArgument, "bad percent-encoding in document name");
  }
  if (auto team = document_team(route.document); !team.ok()) return team.status();
  route.endpoint = Endpoint::kSingleDocument;
  return route;
}

std::optional<std::string> query_parameter(std::string_view target, std::string_view name) {
  const std::size_t question = target.find('?');
  if (question == std::string_view::npos) return std::nullopt;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const std::size_t eq = pair.find('=');
    if (pair.substr(0, eq) == name) {
      std::string value;
      if (eq == std::string_view::npos) return value;
      if (!percent_decode(pair.substr(eq + 1), value)) return std::nullopt;
      return value;
    }
    if (amp == std::string_view::npos) break;
    query.remove_prefix(amp + 1);
  }
  return std::nullopt;
}

bool origin_allowed(const HttpRequest& request, const std::vector<std::string>& allowed) {
  const std::string_view origin = request[http::field::origin];
  if (origin.empty()) return true;
  for (const std::string& entry : allowed) {
    if (entry == "*" || iequals(entry, origin)) return true;
  }
  const std::string_view host = request[http::field::host];
  if (host.empty()) return false;
  for (const std::string_view scheme : {"http://", "https://"}) {
    if (origin.size() == scheme.size() + host.size() &&
        iequals(origin.substr(0, scheme.size()), scheme) &&
        iequals(origin.substr(scheme.size()), host)) {
      return true;
    }
  }
  return false;
}

UpgradeDecision check_upgrade(const HttpRequest& request, AuthStore& store,
                              const std::vector<std::string>& allowed_origins) {
  auto route = parse_upgrade_route(request.target());
  if (!route.ok()) {
    return refuse(route.status().code() == StatusCode::kNotFound ? 404 : 400,
                  route.status().message());
  }
  if (!origin_allowed(request, allowed_origins)) return refuse(403, "origin not allowed");

  std::string secret = bearer_token(request);
  if (secret.empty()) secret = query_parameter(request.target(), "ticket").value_or("");
  UpgradeDecision decision;
  decision.route = std::move(route).value();
  if (secret.empty()) {
    if (decision.route.endpoint == Endpoint::kMultiplexed) return decision; // Auth messages follow
    return refuse(401, "missing token or ticket");
  }
  auto principal = store.authenticate_any(secret);
  if (!principal.ok()) return refuse(401, principal.status().message());
  if (decision.route.endpoint == Endpoint::kSingleDocument) {
    const Decision read = authorize(principal.value(), decision.route.document, Operation::kRead);
    if (!read.allowed) return refuse(403, read.reason);
  }
  decision.principal = std::move(principal).value();
  return decision;
}

} // namespace accord::server
