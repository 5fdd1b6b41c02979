#pragma once
// The sync session's ports on Boost.Beast/Asio, for the CLI and the integration tests: a WebSocket
// client transport to a ws:// URL (SyncTransport) and an Asio timer (SyncTimer). One io_context
// runs everything on one thread, so session calls never race. Plain ws:// only: run accord-server
// behind a TLS-terminating proxy and point the CLI at it on a trusted network, or tunnel.

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "accord/status.h"
#include "accord/sync_close.h"
#include "accord/sync_session.h"

namespace accord::cli {

/// Where a ws:// URL points.
struct WsUrl {
  std::string host;           ///< host name or address
  std::string port = "80";    ///< port
  std::string path = "/sync"; ///< request target (default: accord-server's Hocuspocus endpoint)
};

/// Parses "ws://host[:port][/path]"; kInvalidArgument saying what is wrong.
Result<WsUrl> parse_ws_url(const std::string& url);

/// SyncTimer on an io_context.
class AsioSyncTimer final : public sync::SyncTimer {
public:
  explicit AsioSyncTimer(boost::asio::io_context& ioc) : ioc_(ioc) {}
  ~AsioSyncTimer() override;
  std::uint64_t now_ms() override;
  std::uint64_t schedule(std::uint64_t delay_ms, std::function<void()> fn) override;
  void cancel(std::uint64_t id) override;

private:
  boost::asio::io_context& ioc_;
  std::uint64_t next_id_ = 0;
  std::map<std::uint64_t, std::shared_ptr<boost::asio::steady_timer>> timers_;
};

/// A WebSocket client transport to `url`, sending `token` as a bearer credential in the upgrade
/// request. Reports to the bound session how a connection ended (the server's close code and
/// reason, or a refused upgrade's HTTP status) and remembers the last connection error for
/// messages. `online = false` makes opens fail (an offline device); cut() drops the TCP
/// connection without a close handshake (a network failure).
class WsSyncTransport : public sync::SyncTransport {
public:
  WsSyncTransport(boost::asio::io_context& ioc, WsUrl url, std::string token);
  ~WsSyncTransport() override;
  /// The session to report to (before the session's start()).
  void bind(sync::SyncSession& session) { session_ = &session; }

  void open() override;
  void send(sync::Bytes message) override;
  void close() override;

  /// Drops the connection without a close handshake.
  void cut();
  /// Points later connections at another port (a restarted server).
  void set_port(std::string port) { url_.port = std::move(port); }
  /// Connection attempts so far (open() calls).
  std::uint64_t opens() const { return opens_; }
  /// The last connection error ("" when none).
  const std::string& last_error() const { return last_error_; }

  bool online = true; ///< false: opens fail at once, as on a device without network

private:
  struct Conn;
  /// Drops `conn`, noting `why`; when it is the current one the session hears on_closed(`info`).
  void fail(const std::shared_ptr<Conn>& conn, const std::string& why, sync::CloseInfo info = {});
  void read(const std::shared_ptr<Conn>& conn);
  void write(const std::shared_ptr<Conn>& conn);
  /// Tells the session on_closed(`info`) from the io_context, unless this transport is gone.
  void post_closed(sync::CloseInfo info);

  boost::asio::io_context& ioc_;
  WsUrl url_;
  std::string token_;
  sync::SyncSession* session_ = nullptr;
  std::shared_ptr<Conn> conn_;
  /// Every connection whose handlers may still run; the destructor detaches them from this
  /// transport, since a handler can outlive it (a closing handshake, a replaced connection).
  std::vector<std::weak_ptr<Conn>> conns_;
  /// Shared with posted callbacks; false once this transport is destroyed.
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);
  std::string last_error_;
  std::uint64_t opens_ = 0;
};

} // namespace accord::cli
