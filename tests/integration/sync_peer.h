#pragma once
// What the integration tests run a device with: the CLI's WebSocket transport and Asio timer
// (cli/ws_transport.h) pointed at accord-server on loopback, a document with its session, and a
// pump for the io_context the test drives from its own thread (so session calls never race).

#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "accord/doc.h"
#include "accord/sync_session.h"
#include "ws_transport.h"

namespace accord::test {

using AsioTimer = cli::AsioSyncTimer;

/// The transport to accord-server at 127.0.0.1:`port`, request target `target`.
class WsTransport : public cli::WsSyncTransport {
public:
  WsTransport(boost::asio::io_context& ioc, std::uint16_t port, std::string target,
              std::string bearer)
      : cli::WsSyncTransport(ioc, cli::WsUrl{"127.0.0.1", std::to_string(port), std::move(target)},
                             std::move(bearer)) {}
  /// Points later connections at another port (a restarted server).
  void set_port(std::uint16_t port) { cli::WsSyncTransport::set_port(std::to_string(port)); }
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
