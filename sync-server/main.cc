// accord-server: the Accord sync server (HTTP + WebSocket on one port) and its
// admin commands. See --help.
#include "accord/version.h"
#include "admin.h"
#include "auth_store.h"
#include "config.h"
#include "document_hub.h"
#include "log.h"
#include "server.h"
#include "sqlite_document_storage.h"

#include <CLI/CLI.hpp>

#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

namespace {

using accord::server::log_error;

/// Splits "host:port" or "[v6]:port".
bool parse_listen(const std::string& listen, std::string& host, std::uint16_t& port) {
  std::string port_text;
  if (!listen.empty() && listen.front() == '[') {
    const std::size_t close = listen.find(']');
    if (close == std::string::npos || close + 1 >= listen.size() || listen[close + 1] != ':')
      return false;
    host = listen.substr(1, close - 1);
    port_text = listen.substr(close + 2);
  } else {
    const std::size_t colon = listen.rfind(':');
    if (colon == std::string::npos) return false;
    host = listen.substr(0, colon);
    port_text = listen.substr(colon + 1);
  }
  if (host.empty() || port_text.empty() || port_text.size() > 5) return false;
  unsigned value = 0;
  for (const char c : port_text) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  if (value > 65535) return false;
  port = static_cast<std::uint16_t>(value);
  return true;
}

} // namespace

int main(int argc, char** argv) {
  namespace srv = accord::server;
  CLI::App app{
      "accord-server: serves the Accord web client, its JSON API and WebSocket sync\n"
      "(/y/<team>/<doc> for y-websocket clients, /sync for multiplexed Hocuspocus-style\n"
      "clients) on one port. Logs are JSON lines on stderr.\n"
      "Administration: accord-server admin --help"};
  app.set_version_flag("--version", std::string(accord::version()));

  srv::ServerConfig config;
  std::string listen = "127.0.0.1:8080";
  std::string data;
  std::string web;
  std::string log_level = "info";
  std::int64_t idle_seconds = config.limits.idle_timeout.count();
  std::int64_t grace_seconds = config.shutdown_grace.count();
  double idle_unload_seconds = 30;
  app.add_option("--listen", listen,
                 "Address and port to serve on, host:port or [v6]:port (port 0: any free port)")
      ->capture_default_str();
  app.add_option("--data", data,
                 "Data directory: accounts.db and document stores live here (created if missing); "
                 "required to serve");
  app.add_option("--web", web,
                 "Directory of the built web client to serve (index.html for client routes)")
      ->check(CLI::ExistingDirectory);
  app.add_option("--allow-origin", config.allowed_origins,
                 "An extra Origin (scheme://host[:port]) allowed to open WebSockets; repeatable; "
                 "'*' allows any. The server's own origin is always allowed");
  app.add_option("--threads", config.threads, "I/O threads (0: one per core)")
      ->capture_default_str();
  app.add_option(
         "--max-frame-bytes", config.limits.max_frame_bytes,
         "Largest WebSocket message; bigger ones close the socket with 1009 before they are read")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{64}, std::size_t{1} << 30));
  app.add_option("--max-documents-per-socket", config.limits.max_documents_per_socket,
                 "Documents one /sync socket may open; more closes it with 1008")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--max-message-rate", config.limits.max_messages_per_second,
                 "Messages per second per socket (bursts of twice this); more closes it with 1008")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option(
         "--idle-timeout", idle_seconds,
         "Seconds a WebSocket may stay silent (pings are sent at half this) before it is dropped")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{2}, std::int64_t{86400}));
  app.add_option("--max-send-queue-bytes", config.limits.max_send_queue_bytes,
                 "Bytes queued for a slow reader before its socket closes with 1013")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--max-connections", config.limits.max_connections,
                 "Open connections (HTTP and WebSocket) before new ones are refused")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--max-http-body-bytes", config.limits.max_http_body_bytes,
                 "Largest HTTP request body (413 above it)")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--max-login-failures", config.limits.max_login_failures_per_minute,
                 "Failed logins a minute from one address before it is answered 429 (0: no limit)")
      ->capture_default_str();
  app.add_option("--min-client-protocol", config.limits.min_client_protocol,
                 "Oldest Accord client sync protocol accepted; an older client is closed with "
                 "4426 \"client too old\" and shows that it needs an update (stock y-websocket "
                 "and Hocuspocus providers are not checked)")
      ->capture_default_str();
  app.add_option("--max-document-bytes", config.limits.max_document_bytes,
                 "Largest document (state plus updates since load); an update past it closes its "
                 "socket with 1008 and is not stored")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--document-idle-unload", idle_unload_seconds,
                 "Seconds a document no socket has open stays in memory before it is compacted "
                 "and unloaded")
      ->capture_default_str()
      ->check(CLI::Range(0.01, 86400.0));
  app.add_option("--session-ttl", config.session_ttl_seconds,
                 "Lifetime of a login session token, in seconds")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  app.add_option("--shutdown-grace", grace_seconds,
                 "Seconds to let sockets close cleanly on SIGTERM/SIGINT before exiting anyway")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{600}));
  app.add_option("--log-level", log_level, "debug, info, warn or error")
      ->capture_default_str()
      ->check(CLI::IsMember({"debug", "info", "warn", "error"}));
  std::function<int()> run_admin = srv::add_admin_commands(app);

  CLI11_PARSE(app, argc, argv);
  if (app.got_subcommand("admin")) return run_admin();

  srv::set_log_level(log_level == "debug"   ? srv::LogLevel::kDebug
                     : log_level == "warn"  ? srv::LogLevel::kWarn
                     : log_level == "error" ? srv::LogLevel::kError
                                            : srv::LogLevel::kInfo);
  if (data.empty()) {
    std::cerr << "accord-server: --data <dir> is required to serve (see --help)\n";
    return 2;
  }
  if (!parse_listen(listen, config.host, config.port)) {
    std::cerr << "accord-server: --listen wants host:port, got '" << listen << "'\n";
    return 2;
  }
  config.limits.idle_timeout = std::chrono::seconds(idle_seconds);
  config.shutdown_grace = std::chrono::seconds(grace_seconds);
  config.data_dir = data;
  if (!web.empty()) config.web_dir = web;

  std::error_code ec;
  std::filesystem::create_directories(config.data_dir, ec);
  if (ec) {
    log_error("startup_failed", {{"error", "cannot create data directory: " + ec.message()}});
    return 1;
  }
  auto store = srv::AuthStore::open((config.data_dir / "accounts.db").string());
  if (!store.ok()) {
    log_error("startup_failed", {{"error", store.status().to_string()}});
    return 1;
  }
  config.document_idle_unload =
      std::chrono::milliseconds(static_cast<std::int64_t>(idle_unload_seconds * 1000));
  auto storage = srv::SqliteDocumentStorage::open((config.data_dir / "documents.db").string());
  if (!storage.ok()) {
    log_error("startup_failed", {{"error", storage.status().to_string()}});
    return 1;
  }
  srv::HubOptions hub_options;
  hub_options.max_document_bytes = config.limits.max_document_bytes;
  hub_options.idle_unload = config.document_idle_unload;
  hub_options.threads = std::max(
      1u, std::min(config.threads > 0 ? config.threads : std::thread::hardware_concurrency(), 8u));
  auto hub = std::make_shared<srv::DocumentHub>(*store.value(), config.limits,
                                                std::move(storage).value(), hub_options);
  {
    srv::Server server(std::move(config), std::move(store).value(), hub);
    if (accord::Status status = server.start(); !status.is_ok()) {
      log_error("startup_failed", {{"error", status.to_string()}});
      return 1;
    }
    if (accord::Status status = server.run(); !status.is_ok()) {
      log_error("server_failed", {{"error", status.to_string()}});
      return 1;
    }
    // Every socket is gone: write what is accepted, compact, and only then let the accounts
    // store (owned by the server) go.
    hub->shutdown();
  }
  return 0;
}
