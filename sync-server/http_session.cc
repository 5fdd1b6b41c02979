#include "http_session.h"

#include "log.h"
#include "websocket_session.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/websocket/rfc6455.hpp>

#include <nlohmann/json.hpp>

namespace accord::server {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;

namespace {

constexpr std::chrono::seconds kRequestTimeout{30};

http::message_generator plain_error(const HttpRequest& request, http::status status,
                                    std::string_view message) {
  http::response<http::string_body> response{status, request.version()};
  response.set(http::field::server, "accord-server");
  response.set(http::field::content_type, "application/json");
  response.set(http::field::cache_control, "no-store");
  response.keep_alive(false);
  response.body() = nlohmann::json{{"error", message}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
  response.prepare_payload();
  return response;
}

std::string path_only(std::string_view target) {
  return std::string(target.substr(0, target.find('?')));
}

} // namespace

HttpSession::HttpSession(net::ip::tcp::socket&& socket, ServerContext& context)
    : stream_(std::move(socket)), context_(context), id_(context.next_id()) {
  beast::error_code ec;
  const auto endpoint = stream_.socket().remote_endpoint(ec);
  if (!ec) remote_ = endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
  ++context_.stats.http_connections;
}

HttpSession::~HttpSession() {
  --context_.stats.http_connections;
  if (registered_) context_.unregister_session(id_);
}

void HttpSession::run() {
  registered_ = context_.register_session(id_, weak_from_this());
  if (!registered_) return;
  net::dispatch(stream_.get_executor(),
                beast::bind_front_handler(&HttpSession::do_read, shared_from_this()));
}

void HttpSession::shutdown() {
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->close_socket(); });
}

void HttpSession::close_socket() {
  beast::error_code ignored;
  stream_.socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
  stream_.socket().close(ignored);
}

void HttpSession::do_read() {
  if (context_.shutting_down()) return close_socket();
  parser_.emplace();
  parser_->body_limit(context_.config.limits.max_http_body_bytes);
  parser_->header_limit(16 * 1024);
  stream_.expires_after(kRequestTimeout);
  http::async_read(stream_, buffer_, *parser_,
                   beast::bind_front_handler(&HttpSession::on_read, shared_from_this()));
}

void HttpSession::on_read(beast::error_code ec, std::size_t /*bytes*/) {
  if (ec == http::error::end_of_stream) return close_socket();
  if (ec == http::error::body_limit) {
    HttpRequest request = parser_->release();
    return write(plain_error(request, http::status::payload_too_large, "request body too large"),
                 false);
  }
  if (ec) {
    if (ec != beast::error::timeout && ec != net::error::operation_aborted &&
        ec != net::error::connection_reset && ec != net::error::bad_descriptor) {
      log_info("http_read_failed", {{"remote", remote_}, {"error", ec.message()}});
    }
    return close_socket();
  }
  route(parser_->release());
}

void HttpSession::route(HttpRequest request) {
  if (beast::websocket::is_upgrade(request)) return upgrade(std::move(request));
  const bool keep_alive = request.keep_alive();
  if (HttpApi::handles(request.target())) {
    // SQLite and argon2id block: answer on the pool, write back on this strand.
    net::post(context_.blocking_pool, [self = shared_from_this(), request = std::move(request),
                                       keep_alive]() mutable {
      http::message_generator response = self->context_.api.handle(request, self->remote_);
      net::dispatch(self->stream_.get_executor(),
                    [self, keep_alive, response = std::move(response)]() mutable {
                      self->write(std::move(response), keep_alive);
                    });
    });
    return;
  }
  if (request.method() != http::verb::get && request.method() != http::verb::head) {
    return write(plain_error(request, http::status::method_not_allowed, "use GET"), false);
  }
  if (!context_.static_files) {
    return write(plain_error(request, http::status::not_found, "no web client (--web)"), false);
  }
  write(context_.static_files->serve(request), keep_alive);
}

void HttpSession::upgrade(HttpRequest request) {
  stream_.expires_never();
  net::post(
      context_.blocking_pool, [self = shared_from_this(), request = std::move(request)]() mutable {
        UpgradeDecision decision =
            check_upgrade(request, *self->context_.store, self->context_.config.allowed_origins);
        net::dispatch(self->stream_.get_executor(), [self, request = std::move(request),
                                                     decision = std::move(decision)]() mutable {
          if (decision.http_status != 101) {
            log_warn("ws_rejected", {{"path", path_only(request.target())},
                                     {"status", decision.http_status},
                                     {"reason", decision.reason},
                                     {"remote", self->remote_}});
            self->write(plain_error(request, static_cast<http::status>(decision.http_status),
                                    decision.reason),
                        false);
            return;
          }
          auto session = std::make_shared<WebSocketSession>(
              std::move(self->stream_), self->context_, std::move(decision.route),
              std::move(decision.principal), self->remote_);
          session->run(std::move(request));
        });
      });
}

void HttpSession::write(http::message_generator response, bool keep_alive) {
  stream_.expires_after(kRequestTimeout);
  beast::async_write(
      stream_, std::move(response),
      beast::bind_front_handler(&HttpSession::on_write, shared_from_this(), keep_alive));
}

void HttpSession::on_write(bool keep_alive, beast::error_code ec, std::size_t /*bytes*/) {
  if (ec || !keep_alive) return close_socket();
  do_read();
}

} // namespace accord::server
