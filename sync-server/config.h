#pragma once
/// Everything accord-server can be told on its command line, with the safe
/// defaults `--help` shows. Plain data: main.cc fills it, Server reads it.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace accord::server {

/// Per-connection limits. Going over one closes the socket with a close code.
struct Limits {
  /// Largest WebSocket message accepted; a bigger frame header closes with 1009
  /// before its payload is read.
  std::size_t max_frame_bytes = 8u << 20;
  /// Documents one /sync socket may open; over it closes with 1008.
  std::size_t max_documents_per_socket = 256;
  /// Sustained messages per second per socket (token bucket, burst of twice
  /// this); over it closes with 1008.
  double max_messages_per_second = 200;
  /// A socket silent this long (no frame, no pong to our pings) is closed.
  std::chrono::seconds idle_timeout{60};
  /// Bytes queued for a socket that reads too slowly; over it closes with 1013.
  std::size_t max_send_queue_bytes = 64u << 20;
  /// Open connections (HTTP and WebSocket); further accepts are closed at once.
  std::size_t max_connections = 10000;
  /// Failed logins a minute from one address before it gets 429 (0: no limit).
  std::size_t max_login_failures_per_minute = 10;
  /// Largest HTTP request body (the JSON API needs little).
  std::size_t max_http_body_bytes = 64u << 10;
  /// Largest document (its state plus updates since it was loaded); an update that would pass
  /// it closes its socket with 1008 and is not applied.
  std::size_t max_document_bytes = 64u << 20;
  /// Oldest Accord client protocol accepted (the "accord/<n>" version in Auth messages); an
  /// older one is closed with 4426. Stock providers are not checked.
  std::uint32_t min_client_protocol = 1;
};

/// The whole server configuration.
struct ServerConfig {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080; ///< 0 picks a free port (logged in the "listening" event)
  std::filesystem::path data_dir;
  std::optional<std::filesystem::path> web_dir;
  /// Origins (scheme://host[:port]) allowed to open WebSockets besides the
  /// server's own; "*" allows any.
  std::vector<std::string> allowed_origins;
  unsigned threads = 0; ///< 0: one per core
  std::int64_t session_ttl_seconds = 14 * 24 * 3600;
  std::int64_t ticket_ttl_seconds = 60;
  std::chrono::seconds shutdown_grace{5};
  /// A document no socket has open for this long leaves memory (after a compaction).
  std::chrono::milliseconds document_idle_unload{30000};
  Limits limits;
};

} // namespace accord::server
