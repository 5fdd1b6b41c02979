#pragma once
/// State shared by the listener and every session of one accord-server process:
/// configuration, the accounts store, the HTTP API and static files, the sync
/// layer's handler factory, a pool for blocking work (SQLite, argon2id), the
/// counters behind /health, and a registry of open sessions so that shutdown can
/// close each of them.

#include "auth_store.h"
#include "config.h"
#include "http_api.h"
#include "message_handler.h"
#include "static_files.h"

#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace accord::server {

/// A session the server can ask to go away (shutdown). Thread-safe.
class Closable {
public:
  virtual ~Closable() = default;
  /// Ends the session soon: WebSockets close with 1001, HTTP sockets are shut.
  virtual void shutdown() = 0;
};

/// See the file comment. Outlives every session (the Server owns it and joins
/// its threads before destroying it).
struct ServerContext {
  ServerContext(ServerConfig config_in, std::unique_ptr<AuthStore> store_in,
                std::shared_ptr<MessageHandlerFactory> factory_in);

  /// A fresh connection id.
  std::uint64_t next_id() { return next_id_.fetch_add(1) + 1; }
  /// Adds a session; false (not added) once shutdown has begun.
  bool register_session(std::uint64_t id, std::weak_ptr<Closable> session);
  /// Removes a session; during shutdown, the last one calls `on_drained`.
  void unregister_session(std::uint64_t id);
  /// Marks the server as shutting down and asks every session to close.
  void shutdown_sessions();
  bool shutting_down() const { return shutting_down_.load(); }

  ServerConfig config;
  std::unique_ptr<AuthStore> store;
  ServerStats stats;
  HttpApi api;
  std::optional<StaticFiles> static_files;
  std::shared_ptr<MessageHandlerFactory> factory;
  boost::asio::thread_pool blocking_pool{2};
  /// Called once when the last session unregisters after shutdown began.
  std::function<void()> on_drained;

private:
  std::atomic<std::uint64_t> next_id_{0};
  std::atomic<bool> shutting_down_{false};
  std::mutex mutex_;
  std::unordered_map<std::uint64_t, std::weak_ptr<Closable>> sessions_;
};

} // namespace accord::server
