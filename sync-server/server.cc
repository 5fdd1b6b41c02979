#include "server.h"

#include "http_session.h"
#include "log.h"

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include <csignal>
#include <thread>
#include <vector>

namespace accord::server {

namespace net = boost::asio;
using tcp = net::ip::tcp;

Server::Server(ServerConfig config, std::unique_ptr<AuthStore> store,
               std::shared_ptr<MessageHandlerFactory> factory)
    : context_(
          std::make_unique<ServerContext>(std::move(config), std::move(store), std::move(factory))),
      strand_(net::make_strand(ioc_)),
      acceptor_(strand_),
      signals_(strand_, SIGINT, SIGTERM),
      grace_timer_(strand_) {}

Server::~Server() { context_->blocking_pool.join(); }

Status Server::start() {
  const ServerConfig& config = context_->config;
  boost::system::error_code ec;
  const auto address = net::ip::make_address(config.host, ec);
  if (ec)
    return Status::error(StatusCode::kInvalidArgument, "bad listen address '" + config.host + "'");
  const tcp::endpoint endpoint(address, config.port);
  const auto fail = [&](std::string_view what) {
    return Status::error(StatusCode::kIoError, std::string(what) + " " + config.host + ":" +
                                                   std::to_string(config.port) + ": " +
                                                   ec.message());
  };
  if (acceptor_.open(endpoint.protocol(), ec); ec) return fail("cannot open");
  if (acceptor_.set_option(net::socket_base::reuse_address(true), ec); ec)
    return fail("cannot set up");
  if (acceptor_.bind(endpoint, ec); ec) return fail("cannot bind");
  if (acceptor_.listen(net::socket_base::max_listen_connections, ec); ec)
    return fail("cannot listen on");
  port_ = acceptor_.local_endpoint().port();
  context_->on_drained = [this] { net::post(strand_, [this] { grace_timer_.cancel(); }); };
  return Status::ok();
}

Status Server::run() {
  const ServerConfig& config = context_->config;
  signals_.async_wait([this](boost::system::error_code ec, int signal) {
    if (!ec) begin_shutdown(signal == SIGTERM ? "SIGTERM" : "SIGINT");
  });
  net::dispatch(strand_, [this] { do_accept(); });
  const unsigned threads =
      config.threads > 0 ? config.threads : std::max(1u, std::thread::hardware_concurrency());
  log_info("listening", {{"host", config.host},
                         {"port", port_},
                         {"threads", threads},
                         {"data", config.data_dir.string()},
                         {"web", config.web_dir ? config.web_dir->string() : std::string()}});
  std::vector<std::thread> pool;
  for (unsigned i = 1; i < threads; ++i) pool.emplace_back([this] { ioc_.run(); });
  ioc_.run();
  for (auto& thread : pool) thread.join();
  context_->blocking_pool.join();
  // Sessions a forced stop left behind die with ioc_; they must not post to it.
  context_->on_drained = nullptr;
  log_info("shutdown_complete",
           {{"open_websockets", context_->stats.websocket_connections.load()}});
  return Status::ok();
}

void Server::stop() {
  net::dispatch(strand_, [this] { begin_shutdown("stop requested"); });
}

void Server::do_accept() {
  acceptor_.async_accept(
      net::make_strand(ioc_),
      net::bind_executor(strand_, [this](boost::system::error_code ec, tcp::socket socket) {
        on_accept(ec, std::move(socket));
      }));
}

void Server::on_accept(boost::system::error_code ec, tcp::socket socket) {
  if (stopping_) return;
  if (ec) {
    log_warn("accept_failed", {{"error", ec.message()}});
  } else {
    const ServerStats& stats = context_->stats;
    const std::size_t open = stats.http_connections.load() + stats.websocket_connections.load();
    if (open >= context_->config.limits.max_connections) {
      log_warn("connection_refused", {{"reason", "over --max-connections"}, {"open", open}});
      boost::system::error_code ignored;
      socket.close(ignored);
    } else {
      // Sync messages are small and latency matters: without TCP_NODELAY, Nagle's algorithm
      // holds a message back until the peer acknowledges the previous one, which a delayed ACK
      // postpones by up to 40 ms.
      boost::system::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      std::make_shared<HttpSession>(std::move(socket), *context_)->run();
    }
  }
  do_accept();
}

void Server::begin_shutdown(std::string_view why) {
  if (stopping_) return;
  stopping_ = true;
  log_info("shutdown_started", {{"signal", why},
                                {"open_websockets", context_->stats.websocket_connections.load()},
                                {"open_http", context_->stats.http_connections.load()}});
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  signals_.cancel(ignored);
  // The timer bounds the drain; the last session to go cancels it (on_drained).
  grace_timer_.expires_after(context_->config.shutdown_grace);
  grace_timer_.async_wait([this](boost::system::error_code ec) {
    if (!ec) {
      log_warn("shutdown_forced",
               {{"open_websockets", context_->stats.websocket_connections.load()}});
      ioc_.stop();
    }
  });
  context_->shutdown_sessions();
}

} // namespace accord::server
