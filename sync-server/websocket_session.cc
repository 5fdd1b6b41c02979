#include "websocket_session.h"

#include "log.h"

#include <boost/asio/dispatch.hpp>

namespace accord::server {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
namespace http = beast::http;

namespace {

/// Close reasons travel in a control frame: at most 123 bytes, cut on a UTF-8
/// character boundary.
std::string clip_reason(std::string reason) {
  constexpr std::size_t kMax = 123;
  if (reason.size() <= kMax) return reason;
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(reason[cut]) & 0xc0) == 0x80) --cut;
  reason.resize(cut);
  return reason;
}

const char* endpoint_name(Endpoint endpoint) {
  return endpoint == Endpoint::kMultiplexed ? "/sync" : "/y";
}

} // namespace

WebSocketSession::WebSocketSession(beast::tcp_stream&& stream, ServerContext& context,
                                   UpgradeRoute route, std::optional<Principal> principal,
                                   std::string remote)
    : ws_(std::move(stream)),
      context_(context),
      id_(context.next_id()),
      route_(std::move(route)),
      principal_(std::move(principal)),
      remote_(std::move(remote)),
      rate_(context.config.limits.max_messages_per_second,
            std::max(10.0, 2 * context.config.limits.max_messages_per_second)) {
  ++context_.stats.websocket_connections;
}

WebSocketSession::~WebSocketSession() {
  --context_.stats.websocket_connections;
  if (registered_) context_.unregister_session(id_);
}

void WebSocketSession::run(HttpRequest request) {
  registered_ = context_.register_session(id_, weak_from_this());
  if (!registered_) return; // shutting down: the socket closes with this object
  const Limits& limits = context_.config.limits;
  beast::get_lowest_layer(ws_).expires_never();
  websocket::stream_base::timeout timeouts{};
  timeouts.handshake_timeout = std::chrono::seconds(10);
  timeouts.idle_timeout = limits.idle_timeout;
  timeouts.keep_alive_pings = true;
  ws_.set_option(timeouts);
  ws_.set_option(websocket::stream_base::decorator([](websocket::response_type& response) {
    response.set(http::field::server, "accord-server");
  }));
  ws_.read_message_max(limits.max_frame_bytes);
  ws_.binary(true);
  upgrade_request_ = std::move(request);
  ws_.async_accept(upgrade_request_,
                   beast::bind_front_handler(&WebSocketSession::on_accept, shared_from_this()));
}

void WebSocketSession::on_accept(beast::error_code ec) {
  upgrade_request_ = {};
  if (ec) {
    log_warn("ws_handshake_failed",
             {{"connection", id_}, {"remote", remote_}, {"error", ec.message()}});
    finish(ec);
    return;
  }
  accepted_ = true;
  if (closing_) { // shutdown arrived during the handshake
    do_close();
    do_read();
    return;
  }
  log_info("ws_open", {{"connection", id_},
                       {"endpoint", endpoint_name(route_.endpoint)},
                       {"document", route_.document},
                       {"user", principal_ ? principal_->user : std::string()},
                       {"remote", remote_}});
  handler_ = context_.factory->create(shared_from_this());
  handler_->on_open(*this);
  do_read();
}

void WebSocketSession::do_read() {
  ws_.async_read(buffer_,
                 beast::bind_front_handler(&WebSocketSession::on_read, shared_from_this()));
}

void WebSocketSession::on_read(beast::error_code ec, std::size_t /*bytes*/) {
  if (ec) {
    finish(ec);
    return;
  }
  ++messages_in_;
  if (closing_ || !handler_) {
    buffer_.consume(buffer_.size());
    do_read();
    return;
  }
  if (!rate_.try_take()) {
    begin_close(
        CloseCode::kPolicyViolation,
        "message rate over " +
            std::to_string(static_cast<long long>(context_.config.limits.max_messages_per_second)) +
            "/s");
  } else if (!ws_.got_binary()) {
    begin_close(CloseCode::kUnsupportedData, "text frames are not part of the protocol");
  } else {
    const auto data = buffer_.cdata();
    const std::span<const std::uint8_t> bytes(static_cast<const std::uint8_t*>(data.data()),
                                              data.size());
    std::optional<CloseRequest> verdict = handler_->on_message(*this, bytes);
    if (verdict) begin_close(verdict->code, std::move(verdict->reason));
  }
  buffer_.consume(buffer_.size());
  do_read();
}

void WebSocketSession::send_shared(SharedBytes message) {
  boost::asio::dispatch(ws_.get_executor(),
                        [self = shared_from_this(), message = std::move(message)]() mutable {
                          self->enqueue(std::move(message));
                        });
}

void WebSocketSession::enqueue(SharedBytes message) {
  if (closing_) return;
  if (queued_bytes_ + message->size() > context_.config.limits.max_send_queue_bytes) {
    begin_close(CloseCode::kTryAgainLater, "reading too slowly: send queue over its limit");
    return;
  }
  queued_bytes_ += message->size();
  queue_.push_back(std::move(message));
  if (!writing_) do_write();
}

void WebSocketSession::do_write() {
  writing_ = true;
  ws_.binary(true);
  ws_.async_write(boost::asio::buffer(*queue_.front()),
                  beast::bind_front_handler(&WebSocketSession::on_write, shared_from_this()));
}

void WebSocketSession::on_write(beast::error_code ec, std::size_t /*bytes*/) {
  writing_ = false;
  if (ec) {
    queue_.clear();
    queued_bytes_ = 0;
    finish(ec);
    beast::error_code ignored;
    beast::get_lowest_layer(ws_).socket().close(ignored);
    return;
  }
  queued_bytes_ -= queue_.front()->size();
  queue_.pop_front();
  ++messages_out_;
  if (!queue_.empty()) {
    do_write();
  } else if (closing_ && !close_started_ && !finished_) {
    do_close();
  }
}

void WebSocketSession::close(CloseCode code, std::string reason) {
  boost::asio::dispatch(ws_.get_executor(),
                        [self = shared_from_this(), code, reason = std::move(reason)]() mutable {
                          self->begin_close(code, std::move(reason));
                        });
}

void WebSocketSession::shutdown() { close(CloseCode::kGoingAway, "server shutting down"); }

void WebSocketSession::begin_close(CloseCode code, std::string reason) {
  if (closing_ || finished_) return;
  closing_ = true;
  close_request_ = {code, clip_reason(std::move(reason))};
  const bool routine = code == CloseCode::kNormal || code == CloseCode::kGoingAway;
  log_event(routine ? LogLevel::kInfo : LogLevel::kWarn, "ws_close",
            {{"connection", id_},
             {"code", static_cast<int>(code)},
             {"reason", close_request_.reason},
             {"user", principal_ ? principal_->user : std::string()},
             {"remote", remote_}});
  // Whatever is queued is written first, then the close frame; during the
  // handshake on_accept sends it.
  if (accepted_ && !writing_) do_close();
}

void WebSocketSession::do_close() {
  close_started_ = true;
  ws_.async_close(websocket::close_reason(static_cast<websocket::close_code>(close_request_.code),
                                          close_request_.reason),
                  [self = shared_from_this()](beast::error_code ec) {
                    if (ec) {
                      beast::error_code ignored;
                      beast::get_lowest_layer(self->ws_).socket().close(ignored);
                    }
                  });
}

void WebSocketSession::finish(beast::error_code ec) {
  if (finished_) return;
  finished_ = true;
  closing_ = true;
  nlohmann::json fields = {
      {"connection", id_}, {"messages_in", messages_in_}, {"messages_out", messages_out_}};
  LogLevel level = LogLevel::kInfo;
  if (ec == websocket::error::closed) {
    fields["code"] = static_cast<int>(ws_.reason().code);
  } else if (ec == websocket::error::message_too_big) {
    level = LogLevel::kWarn;
    fields["code"] = static_cast<int>(CloseCode::kTooBig);
    fields["reason"] =
        "message over " + std::to_string(context_.config.limits.max_frame_bytes) + " bytes";
  } else if (ec == beast::error::timeout) {
    fields["reason"] = "idle timeout";
  } else if (ec && ec != boost::asio::error::operation_aborted) {
    level = ec.category() == websocket::make_error_code(websocket::error::closed).category()
                ? LogLevel::kWarn
                : LogLevel::kInfo;
    fields["reason"] = ec.message();
  }
  log_event(level, "ws_closed", fields);
  if (handler_) {
    handler_->on_close(*this);
    handler_.reset();
  }
}

} // namespace accord::server
