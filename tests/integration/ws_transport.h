#pragma once
// The sync session's ports for the integration tests, on Boost.Beast/Asio: a WebSocket client
// transport (SyncTransport) and an Asio timer (SyncTimer). Everything runs on one io_context
// that the test pumps from its own thread, so session calls never race.

#include "accord/doc.h"
#include "accord/sync_session.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace accord::test {

/// SyncTimer on an io_context.
class AsioTimer final : public sync::SyncTimer {
public:
  explicit AsioTimer(boost::asio::io_context& ioc) : ioc_(ioc) {}
  ~AsioTimer() override;
  std::uint64_t now_ms() override;
  std::uint64_t schedule(std::uint64_t delay_ms, std::function<void()> fn) override;
  void cancel(std::uint64_t id) override;

private:
  boost::asio::io_context& ioc_;
  std::uint64_t next_id_ = 0;
  std::map<std::uint64_t, std::shared_ptr<boost::asio::steady_timer>> timers_;
};

/// A WebSocket client transport to 127.0.0.1:`port` at `target`, with an optional bearer token
/// in the upgrade request. `online = false` makes opens fail (an offline device); cut() drops
/// the TCP connection without a close handshake (a network failure). The session learns how a
/// connection ended: the server's close code and reason, or a refused upgrade's HTTP status.
class WsTransport final : public sync::SyncTransport {
public:
  WsTransport(boost::asio::io_context& ioc, std::uint16_t port, std::string target,
              std::string bearer);
  ~WsTransport() override;
  void bind(sync::SyncSession& session) { session_ = &session; }

  void open() override;
  void send(sync::Bytes message) override;
  void close() override;
  void cut();
  void set_port(std::uint16_t port) { port_ = port; }
  /// Connection attempts so far (open() calls).
  std::uint64_t opens() const { return opens_; }

  bool online = true;

private:
  struct Conn;
  /// Drops `conn`; when it is the current one the session hears on_closed(`info`).
  void fail(const std::shared_ptr<Conn>& conn, sync::CloseInfo info = {});
  void read(const std::shared_ptr<Conn>& conn);
  void write(const std::shared_ptr<Conn>& conn);

  boost::asio::io_context& ioc_;
  std::uint16_t port_;
  std::string target_;
  std::string bearer_;
  sync::SyncSession* session_ = nullptr;
  std::shared_ptr<Conn> conn_;
  std::uint64_t opens_ = 0;
};

/// A document with a session over WsTransport: what one device runs.
struct SyncPeer {
  SyncPeer(boost::asio::io_context& ioc, AsioTimer& timer, std::uint16_t port,
           const std::string& target, const std::string& token, sync::SyncSessionOptions options,
           std::uint64_t client_id)
      : doc(DocOptions::with_client_id(client_id)),
        transport(ioc, port, target, token),
        session(transport, timer, with_token(std::move(options), token)) {
    transport.bind(session);
  }
  static sync::SyncSessionOptions with_token(sync::SyncSessionOptions options,
                                             const std::string& token) {
    options.token = token;
    return options;
  }
  Doc doc;
  WsTransport transport;
  sync::SyncSession session;
};

/// Runs `ioc` until `done` or `timeout`; returns done().
bool pump_until(boost::asio::io_context& ioc, const std::function<bool()>& done,
                std::chrono::milliseconds timeout = std::chrono::seconds(20));

} // namespace accord::test
