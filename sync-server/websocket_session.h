#pragma once
/// One accepted WebSocket: reads whole binary messages under the configured
/// limits and hands them to the sync layer's MessageHandler, writes queued
/// messages one at a time, and closes with a code and a reason (and one log
/// line) when a limit, a bad frame or the handler says so. Every callback runs on
/// the socket's strand; `send` and `close` may be called from any thread.
///
/// Limits: Beast's read_message_max refuses a frame whose header announces more
/// than --max-frame-bytes (close 1009, payload unread); a token bucket bounds
/// messages a second (1008); the send queue is bounded (1013); Beast's idle
/// timeout with keep-alive pings drops silent peers.

#include "message_handler.h"
#include "rate_limiter.h"
#include "server_context.h"
#include "upgrade.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace accord::server {

class WebSocketSession final : public Connection,
                               public Closable,
                               public std::enable_shared_from_this<WebSocketSession> {
public:
  /// Takes over `stream`, whose upgrade `request` passed check_upgrade.
  WebSocketSession(boost::beast::tcp_stream&& stream, ServerContext& context, UpgradeRoute route,
                   std::optional<Principal> principal, std::string remote);
  ~WebSocketSession() override;

  /// Completes the upgrade (writes 101) and starts reading.
  void run(HttpRequest request);

  // Connection
  std::uint64_t id() const override { return id_; }
  Endpoint endpoint() const override { return route_.endpoint; }
  const std::string& document() const override { return route_.document; }
  const Principal* principal() const override { return principal_ ? &*principal_ : nullptr; }
  void set_principal(Principal principal) override { principal_ = std::move(principal); }
  void send_shared(SharedBytes message) override;
  void close(CloseCode code, std::string reason) override;

  // Closable
  void shutdown() override;

private:
  void on_accept(boost::beast::error_code ec);
  void do_read();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void enqueue(SharedBytes message);
  void do_write();
  void on_write(boost::beast::error_code ec, std::size_t bytes);
  void begin_close(CloseCode code, std::string reason);
  void do_close();
  void finish(boost::beast::error_code ec);

  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  ServerContext& context_;
  const std::uint64_t id_;
  UpgradeRoute route_;
  std::optional<Principal> principal_;
  std::string remote_;
  boost::beast::flat_buffer buffer_;
  std::unique_ptr<MessageHandler> handler_;
  RateLimiter rate_;
  std::deque<SharedBytes> queue_;
  std::size_t queued_bytes_ = 0;
  bool accepted_ = false; ///< the 101 response is written
  bool writing_ = false;
  bool closing_ = false; ///< no more sends; a close is pending or under way
  bool close_started_ = false;
  bool finished_ = false;
  bool registered_ = false;
  CloseRequest close_request_;
  HttpRequest upgrade_request_;
  std::uint64_t messages_in_ = 0;
  std::uint64_t messages_out_ = 0;
};

} // namespace accord::server
