#include "ws_transport.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>

#include <chrono>

namespace accord::cli {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;

Result<WsUrl> parse_ws_url(const std::string& url) {
  constexpr std::string_view kScheme = "ws://";
  if (!url.starts_with(kScheme)) {
    return Status::error(StatusCode::kInvalidArgument,
                         "server URL '" + url + "' must start with ws:// (e.g. ws://host:8080)");
  }
  WsUrl out;
  std::string rest = url.substr(kScheme.size());
  if (const auto slash = rest.find('/'); slash != std::string::npos) {
    out.path = rest.substr(slash);
    rest = rest.substr(0, slash);
    if (out.path == "/") out.path = "/sync";
  }
  if (const auto colon = rest.rfind(':'); colon != std::string::npos) {
    out.port = rest.substr(colon + 1);
    rest = rest.substr(0, colon);
    if (out.port.empty() || out.port.find_first_not_of("0123456789") != std::string::npos ||
        out.port.size() > 5 || std::stoi(out.port) > 65535) {
      return Status::error(StatusCode::kInvalidArgument,
                           "server URL '" + url + "' has a bad port '" + out.port + "'");
    }
  }
  if (rest.empty()) {
    return Status::error(StatusCode::kInvalidArgument, "server URL '" + url + "' has no host");
  }
  out.host = rest;
  return out;
}

AsioSyncTimer::~AsioSyncTimer() {
  for (auto& [id, timer] : timers_) timer->cancel();
}

std::uint64_t AsioSyncTimer::now_ms() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::steady_clock::now().time_since_epoch())
                                        .count());
}

std::uint64_t AsioSyncTimer::schedule(std::uint64_t delay_ms, std::function<void()> fn) {
  const std::uint64_t id = ++next_id_;
  auto timer = std::make_shared<net::steady_timer>(ioc_, std::chrono::milliseconds(delay_ms));
  timers_.emplace(id, timer);
  timer->async_wait([this, id, timer, fn = std::move(fn)](beast::error_code ec) {
    if (ec) return;
    timers_.erase(id);
    fn();
  });
  return id;
}

void AsioSyncTimer::cancel(std::uint64_t id) {
  auto it = timers_.find(id);
  if (it == timers_.end()) return;
  it->second->cancel();
  timers_.erase(it);
}

struct WsSyncTransport::Conn {
  explicit Conn(net::io_context& ioc) : resolver(ioc), ws(ioc) {}
  tcp::resolver resolver;
  websocket::stream<beast::tcp_stream> ws;
  beast::flat_buffer buffer;
  websocket::response_type response; ///< of the upgrade, kept for a refused one's status
  std::deque<sync::Bytes> queue;
  /// Null once the transport is destroyed: every handler checks it before touching the transport.
  WsSyncTransport* owner = nullptr;
  bool writing = false;
  bool open = false;
  bool failed = false;
};

WsSyncTransport::WsSyncTransport(net::io_context& ioc, WsUrl url, std::string token)
    : ioc_(ioc), url_(std::move(url)), token_(std::move(token)) {}

WsSyncTransport::~WsSyncTransport() {
  *alive_ = false;
  for (const auto& weak : conns_) {
    const auto conn = weak.lock();
    if (!conn) continue;
    conn->owner = nullptr;
    conn->failed = true;
    conn->resolver.cancel();
    beast::error_code ignored;
    beast::get_lowest_layer(conn->ws).socket().close(ignored);
  }
}

void WsSyncTransport::post_closed(sync::CloseInfo info) {
  net::post(ioc_, [this, alive = alive_, info = std::move(info)] {
    if (*alive) session_->on_closed(info);
  });
}

void WsSyncTransport::fail(const std::shared_ptr<Conn>& conn, const std::string& why,
                           sync::CloseInfo info) {
  if (conn->failed) return;
  conn->failed = true;
  last_error_ = why;
  beast::error_code ignored;
  beast::get_lowest_layer(conn->ws).socket().close(ignored);
  if (conn == conn_) {
    conn_.reset();
    post_closed(std::move(info));
  }
}

void WsSyncTransport::open() {
  ++opens_;
  if (!online) {
    last_error_ = "offline";
    post_closed({});
    return;
  }
  auto conn = std::make_shared<Conn>(ioc_);
  conn->owner = this;
  conn_ = conn;
  std::erase_if(conns_, [](const std::weak_ptr<Conn>& weak) { return weak.expired(); });
  conns_.push_back(conn);
  conn->resolver.async_resolve(
      url_.host, url_.port,
      [this, conn](beast::error_code ec, const tcp::resolver::results_type& endpoints) {
        if (!conn->owner) return;
        if (ec || conn->failed)
          return fail(conn, "cannot resolve " + url_.host + ": " + ec.message());
        beast::get_lowest_layer(conn->ws).expires_after(std::chrono::seconds(10));
        beast::get_lowest_layer(conn->ws).async_connect(
            endpoints, [this, conn](beast::error_code connect_ec, const tcp::endpoint&) {
              if (!conn->owner) return;
              if (connect_ec || conn->failed) {
                return fail(conn, "cannot connect to " + url_.host + ":" + url_.port + ": " +
                                      connect_ec.message());
              }
              beast::get_lowest_layer(conn->ws).expires_never();
              beast::error_code ignored;
              beast::get_lowest_layer(conn->ws).socket().set_option(tcp::no_delay(true), ignored);
              conn->ws.set_option(
                  websocket::stream_base::timeout::suggested(beast::role_type::client));
              const std::string token = token_;
              conn->ws.set_option(
                  websocket::stream_base::decorator([token](websocket::request_type& req) {
                    if (!token.empty())
                      req.set(beast::http::field::authorization, "Bearer " + token);
                  }));
              conn->ws.binary(true);
              conn->ws.async_handshake(
                  conn->response, url_.host + ":" + url_.port, url_.path,
                  [this, conn](beast::error_code hs_ec) {
                    if (!conn->owner) return;
                    if (hs_ec == websocket::error::upgrade_declined) {
                      sync::CloseInfo info;
                      info.http_status = static_cast<std::uint16_t>(conn->response.result_int());
                      info.reason = conn->response.body();
                      return fail(conn,
                                  "the server refused the connection (HTTP " +
                                      std::to_string(info.http_status) + "): " + info.reason,
                                  std::move(info));
                    }
                    if (hs_ec || conn->failed) {
                      return fail(conn, "WebSocket handshake with " + url_.host + ":" + url_.port +
                                            url_.path + " failed: " + hs_ec.message());
                    }
                    conn->open = true;
                    session_->on_open();
                    read(conn);
                    write(conn);
                  });
            });
      });
}

void WsSyncTransport::read(const std::shared_ptr<Conn>& conn) {
  conn->ws.async_read(conn->buffer, [this, conn](beast::error_code ec, std::size_t) {
    if (!conn->owner) return;
    if (ec == websocket::error::closed) {
      const auto& reason = conn->ws.reason();
      sync::CloseInfo info{static_cast<std::uint16_t>(reason.code),
                           std::string(reason.reason.c_str()), 0};
      return fail(conn,
                  "the server closed the connection (" + std::to_string(info.code) +
                      (info.reason.empty() ? "" : ": " + info.reason) + ")",
                  std::move(info));
    }
    if (ec || conn->failed) return fail(conn, "connection closed: " + ec.message());
    const auto data = conn->buffer.cdata();
    sync::Bytes bytes(static_cast<const std::uint8_t*>(data.data()),
                      static_cast<const std::uint8_t*>(data.data()) + data.size());
    conn->buffer.consume(conn->buffer.size());
    (void)session_->on_message(bytes);
    if (!conn->failed) read(conn);
  });
}

void WsSyncTransport::send(sync::Bytes message) {
  if (!conn_ || !conn_->open) return;
  conn_->queue.push_back(std::move(message));
  write(conn_);
}

void WsSyncTransport::write(const std::shared_ptr<Conn>& conn) {
  if (conn->writing || conn->queue.empty() || !conn->open || conn->failed) return;
  conn->writing = true;
  conn->ws.async_write(net::buffer(conn->queue.front()),
                       [this, conn](beast::error_code ec, std::size_t) {
                         if (!conn->owner) return;
                         conn->writing = false;
                         if (ec || conn->failed) return fail(conn, "send failed: " + ec.message());
                         conn->queue.pop_front();
                         write(conn);
                       });
}

void WsSyncTransport::close() {
  if (!conn_) return;
  auto conn = conn_;
  if (!conn->open) return fail(conn, "closed");
  conn->ws.async_close(websocket::close_code::normal, [this, conn](beast::error_code) {
    if (conn->owner) fail(conn, "closed");
  });
}

void WsSyncTransport::cut() {
  if (conn_) fail(conn_, "connection cut");
}

} // namespace accord::cli
