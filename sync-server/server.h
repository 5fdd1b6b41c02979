#pragma once
/// accord-server's process core: binds the listening socket, accepts
/// connections into HttpSessions on per-connection strands, runs the io threads,
/// and shuts down gracefully on SIGTERM/SIGINT or stop(): stop accepting, close
/// every WebSocket with 1001 (after its queued messages), wait for the sessions
/// to drain (at most --shutdown-grace), then return so the caller can flush and
/// exit 0.

#include "server_context.h"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>

#include <memory>

namespace accord::server {

class Server {
public:
  /// `factory` may be null: the ValidatingHandler is used then.
  Server(ServerConfig config, std::unique_ptr<AuthStore> store,
         std::shared_ptr<MessageHandlerFactory> factory = nullptr);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds and listens. kIoError with the OS's reason (e.g. address in use).
  Status start();
  /// The bound port (after start).
  std::uint16_t port() const { return port_; }
  /// Serves until shutdown completes; runs the io threads. Returns ok after a
  /// graceful shutdown.
  Status run();
  /// Begins a graceful shutdown. Thread-safe.
  void stop();

private:
  void do_accept();
  void on_accept(boost::system::error_code ec, boost::asio::ip::tcp::socket socket);
  void begin_shutdown(std::string_view why);

  std::unique_ptr<ServerContext> context_;
  boost::asio::io_context ioc_;
  boost::asio::strand<boost::asio::io_context::executor_type> strand_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::signal_set signals_;
  boost::asio::steady_timer grace_timer_;
  std::uint16_t port_ = 0;
  bool stopping_ = false;
};

} // namespace accord::server
