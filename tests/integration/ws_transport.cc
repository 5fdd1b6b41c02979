#include "ws_transport.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>

namespace accord::test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;

AsioTimer::~AsioTimer() {
  for (auto& [id, timer] : timers_) timer->cancel();
}

std::uint64_t AsioTimer::now_ms() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::steady_clock::now().time_since_epoch())
                                        .count());
}

std::uint64_t AsioTimer::schedule(std::uint64_t delay_ms, std::function<void()> fn) {
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

void AsioTimer::cancel(std::uint64_t id) {
  auto it = timers_.find(id);
  if (it == timers_.end()) return;
  it->second->cancel();
  timers_.erase(it);
}

struct WsTransport::Conn {
  explicit Conn(net::io_context& ioc) : ws(ioc) {}
  websocket::stream<beast::tcp_stream> ws;
  beast::flat_buffer buffer;
  websocket::response_type response; ///< of the upgrade, kept for a refused one's status
  std::deque<sync::Bytes> queue;
  bool writing = false;
  bool open = false;
  bool failed = false;
};

WsTransport::WsTransport(net::io_context& ioc, std::uint16_t port, std::string target,
                         std::string bearer)
    : ioc_(ioc), port_(port), target_(std::move(target)), bearer_(std::move(bearer)) {}

WsTransport::~WsTransport() {
  if (conn_) {
    conn_->failed = true;
    beast::error_code ignored;
    beast::get_lowest_layer(conn_->ws).socket().close(ignored);
  }
}

void WsTransport::fail(const std::shared_ptr<Conn>& conn, sync::CloseInfo info) {
  if (conn->failed) return;
  conn->failed = true;
  beast::error_code ignored;
  beast::get_lowest_layer(conn->ws).socket().close(ignored);
  if (conn == conn_) {
    conn_.reset();
    net::post(ioc_, [this, info = std::move(info)] { session_->on_closed(info); });
  }
}

void WsTransport::open() {
  ++opens_;
  if (!online) {
    net::post(ioc_, [this] { session_->on_closed(); });
    return;
  }
  auto conn = std::make_shared<Conn>(ioc_);
  conn_ = conn;
  const tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), port_);
  beast::get_lowest_layer(conn->ws).expires_after(std::chrono::seconds(10));
  beast::get_lowest_layer(conn->ws).async_connect(endpoint, [this, conn](beast::error_code ec) {
    if (ec || conn->failed) return fail(conn);
    beast::get_lowest_layer(conn->ws).expires_never();
    conn->ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
    const std::string bearer = bearer_;
    conn->ws.set_option(websocket::stream_base::decorator([bearer](websocket::request_type& req) {
      if (!bearer.empty()) req.set(beast::http::field::authorization, "Bearer " + bearer);
    }));
    conn->ws.binary(true);
    conn->ws.async_handshake(conn->response, "127.0.0.1:" + std::to_string(port_), target_,
                             [this, conn](beast::error_code handshake_ec) {
                               if (handshake_ec == websocket::error::upgrade_declined) {
                                 sync::CloseInfo info;
                                 info.http_status =
                                     static_cast<std::uint16_t>(conn->response.result_int());
                                 info.reason = conn->response.body();
                                 return fail(conn, std::move(info));
                               }
                               if (handshake_ec || conn->failed) return fail(conn);
                               conn->open = true;
                               session_->on_open();
                               read(conn);
                               write(conn);
                             });
  });
}

void WsTransport::read(const std::shared_ptr<Conn>& conn) {
  conn->ws.async_read(conn->buffer, [this, conn](beast::error_code ec, std::size_t) {
    if (ec == websocket::error::closed) {
      const auto& reason = conn->ws.reason();
      return fail(conn, sync::CloseInfo{static_cast<std::uint16_t>(reason.code),
                                        std::string(reason.reason.c_str()), 0});
    }
    if (ec || conn->failed) return fail(conn);
    const auto data = conn->buffer.cdata();
    sync::Bytes bytes(static_cast<const std::uint8_t*>(data.data()),
                      static_cast<const std::uint8_t*>(data.data()) + data.size());
    conn->buffer.consume(conn->buffer.size());
    (void)session_->on_message(bytes);
    if (!conn->failed) read(conn);
  });
}

void WsTransport::send(sync::Bytes message) {
  if (!conn_ || !conn_->open) return;
  conn_->queue.push_back(std::move(message));
  write(conn_);
}

void WsTransport::write(const std::shared_ptr<Conn>& conn) {
  if (conn->writing || conn->queue.empty() || conn->failed || !conn->open) return;
  conn->writing = true;
  conn->ws.async_write(net::buffer(conn->queue.front()),
                       [this, conn](beast::error_code ec, std::size_t) {
                         conn->writing = false;
                         if (ec || conn->failed) return fail(conn);
                         conn->queue.pop_front();
                         write(conn);
                       });
}

void WsTransport::close() {
  if (!conn_) return;
  auto conn = conn_;
  if (!conn->open) return fail(conn);
  conn->ws.async_close(websocket::close_code::normal,
                       [this, conn](beast::error_code) { fail(conn); });
}

void WsTransport::cut() {
  if (conn_) fail(conn_);
}

bool pump_until(net::io_context& ioc, const std::function<bool()>& done,
                std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    if (ioc.stopped()) ioc.restart();
    ioc.run_one_for(std::chrono::milliseconds(20));
  }
  return true;
}

} // namespace accord::test
