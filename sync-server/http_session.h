#pragma once
/// One accepted TCP connection speaking HTTP/1.1: reads requests (header and
/// body limits, a 30 s timeout), routes them to the JSON API (run on the
/// blocking pool), the static files or a WebSocket upgrade, and writes the
/// responses in order. An upgrade that passes check_upgrade hands the socket to
/// a WebSocketSession; a refused one gets a plain HTTP error.

#include "server_context.h"
#include "upgrade.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <memory>
#include <optional>
#include <string>

namespace accord::server {

class HttpSession final : public Closable, public std::enable_shared_from_this<HttpSession> {
public:
  HttpSession(boost::asio::ip::tcp::socket&& socket, ServerContext& context);
  ~HttpSession() override;

  /// Starts reading requests.
  void run();
  void shutdown() override;

private:
  void do_read();
  void on_read(boost::beast::error_code ec, std::size_t bytes);
  void route(HttpRequest request);
  void upgrade(HttpRequest request);
  void write(boost::beast::http::message_generator response, bool keep_alive);
  void on_write(bool keep_alive, boost::beast::error_code ec, std::size_t bytes);
  void close_socket();

  boost::beast::tcp_stream stream_;
  ServerContext& context_;
  const std::uint64_t id_;
  std::string remote_;
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  bool registered_ = false;
};

} // namespace accord::server
