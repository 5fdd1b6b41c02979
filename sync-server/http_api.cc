#include "http_api.h"

#include "accord/version.h"
#include "log.h"

#include <nlohmann/json.hpp>

namespace accord::server {

namespace http = boost::beast::http;
using Request = http::request<http::string_body>;
using nlohmann::json;

namespace {

http::message_generator json_response(const Request& request, http::status status,
                                      const json& body) {
  http::response<http::string_body> response{status, request.version()};
  response.set(http::field::server, "accord-server");
  response.set(http::field::content_type, "application/json");
  response.set(http::field::cache_control, "no-store");
  response.set("X-Content-Type-Options", "nosniff");
  response.keep_alive(request.keep_alive());
  response.body() = body.dump(-1, ' ', false, json::error_handler_t::replace);
  response.prepare_payload();
  return response;
}

http::status http_status(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kCorrupt: return http::status::bad_request;
    case StatusCode::kPermissionDenied: return http::status::unauthorized;
    case StatusCode::kNotFound: return http::status::not_found;
    case StatusCode::kAlreadyExists: return http::status::conflict;
    case StatusCode::kLimitExceeded: return http::status::payload_too_large;
    default: return http::status::internal_server_error;
  }
}

http::message_generator error_response(const Request& request, const Status& status) {
  return json_response(request, http_status(status.code()),
                       {{"error", status.message()}, {"code", code_name(status.code())}});
}

http::message_generator error_response(const Request& request, http::status status, StatusCode code,
                                       std::string message) {
  return json_response(request, status, {{"error", std::move(message)}, {"code", code_name(code)}});
}

json teams_json(const Principal& principal) {
  json teams = json::array();
  for (const Membership& m : principal.teams) {
    teams.push_back({{"team", m.team}, {"role", role_name(m.role)}});
  }
  return teams;
}

} // namespace

std::string bearer_token(const Request& request) {
  const std::string_view header = request[http::field::authorization];
  constexpr std::string_view kScheme = "Bearer ";
  if (header.size() <= kScheme.size()) return {};
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) !=
        std::tolower(static_cast<unsigned char>(kScheme[i]))) {
      return {};
    }
  }
  std::string_view token = header.substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  return std::string(token);
}

bool HttpApi::handles(std::string_view target) {
  target = target.substr(0, target.find('?'));
  return target == "/health" || target == "/api" || target.starts_with("/api/");
}

http::message_generator HttpApi::handle(const Request& request, const std::string& remote) {
  std::string_view path = request.target();
  path = path.substr(0, path.find('?'));
  const http::verb method = request.method();

  if (path == "/health") {
    if (method != http::verb::get && method != http::verb::head) {
      return error_response(request, http::status::method_not_allowed, StatusCode::kInvalidArgument,
                            "use GET");
    }
    const auto uptime = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::steady_clock::now() - stats_.started);
    return json_response(request, http::status::ok,
                         {{"status", "ok"},
                          {"version", version()},
                          {"uptime_seconds", uptime.count()},
                          {"connections",
                           {{"http", stats_.http_connections.load()},
                            {"websocket", stats_.websocket_connections.load()}}}});
  }

  const bool is_post = method == http::verb::post;
  if (path == "/api/login") {
    if (!is_post) {
      return error_response(request, http::status::method_not_allowed, StatusCode::kInvalidArgument,
                            "use POST");
    }
    const json body = json::parse(request.body(), nullptr, false);
    if (!body.is_object() || !body.contains("user") || !body["user"].is_string() ||
        !body.contains("password") || !body["password"].is_string()) {
      return error_response(request, http::status::bad_request, StatusCode::kInvalidArgument,
                            "expected {\"user\": string, \"password\": string}");
    }
    const std::string user = body["user"].get<std::string>().substr(0, 200); // names are <= 128
    const std::string address = remote.substr(0, remote.rfind(':'));
    if (const std::int64_t wait = throttle_.retry_after(address); wait > 0) {
      log_warn("login_throttled", {{"user", user}, {"remote", remote}, {"retry_after", wait}});
      http::response<http::string_body> response{http::status::too_many_requests,
                                                 request.version()};
      response.set(http::field::server, "accord-server");
      response.set(http::field::content_type, "application/json");
      response.set(http::field::cache_control, "no-store");
      response.set(http::field::retry_after, std::to_string(wait));
      response.keep_alive(request.keep_alive());
      response.body() = json{{"error", "too many failed logins; retry later"},
                             {"code", code_name(StatusCode::kLimitExceeded)}}
                            .dump();
      response.prepare_payload();
      return response;
    }
    auto issued =
        store_.login(user, body["password"].get<std::string>(), config_.session_ttl_seconds);
    if (!issued.ok()) {
      if (issued.status().code() == StatusCode::kPermissionDenied)
        throttle_.record_failure(address);
      log_warn("login_failed", {{"user", user}, {"remote", remote}});
      return error_response(request, issued.status());
    }
    auto principal = store_.authenticate(issued->secret);
    if (!principal.ok()) return error_response(request, principal.status());
    throttle_.record_success(address);
    log_info("login", {{"user", user}, {"token_id", issued->id}, {"remote", remote}});
    return json_response(request, http::status::ok,
                         {{"token", issued->secret},
                          {"token_id", issued->id},
                          {"expires_at", issued->expires_at.value_or(0)},
                          {"user", principal->user},
                          {"teams", teams_json(principal.value())}});
  }

  const std::string token = bearer_token(request);
  if (path != "/api/logout" && path != "/api/me" && path != "/api/ws-ticket") {
    return error_response(request, http::status::not_found, StatusCode::kNotFound,
                          "no such API endpoint");
  }
  if (token.empty()) {
    return error_response(request, http::status::unauthorized, StatusCode::kPermissionDenied,
                          "missing token (Authorization: Bearer <token>)");
  }
  auto principal = store_.authenticate(token);
  if (!principal.ok()) return error_response(request, principal.status());

  if (path == "/api/me") {
    if (method != http::verb::get) {
      return error_response(request, http::status::method_not_allowed, StatusCode::kInvalidArgument,
                            "use GET");
    }
    return json_response(request, http::status::ok,
                         {{"user", principal->user},
                          {"teams", teams_json(principal.value())},
                          {"token_kind", token_kind_name(principal->via)}});
  }
  if (!is_post) {
    return error_response(request, http::status::method_not_allowed, StatusCode::kInvalidArgument,
                          "use POST");
  }
  if (path == "/api/logout") {
    if (Status status = store_.revoke_token(token); !status.is_ok()) {
      return error_response(request, status);
    }
    log_info("logout", {{"user", principal->user}, {"token_id", principal->token_id}});
    return json_response(request, http::status::ok, {{"ok", true}});
  }
  auto ticket = store_.issue_ticket(principal.value(), config_.ticket_ttl_seconds);
  if (!ticket.ok()) return error_response(request, ticket.status());
  log_info("ws_ticket_issued", {{"user", principal->user}, {"ticket_id", ticket->id}});
  return json_response(request, http::status::ok,
                       {{"ticket", ticket->secret},
                        {"expires_at", ticket->expires_at.value_or(0)},
                        {"expires_in", config_.ticket_ttl_seconds}});
}

} // namespace accord::server
