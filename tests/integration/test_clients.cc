#include "test_clients.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/buffers_to_string.hpp>

#include <nlohmann/json.hpp>

namespace accord::test {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace net = boost::asio;
using tcp = net::ip::tcp;

HttpResponse http_request(std::uint16_t port, http::verb method, const std::string& target,
                          const std::string& body, const Headers& headers) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  http::response_parser<http::string_body> parser;
  parser.skip(method == http::verb::head); // a HEAD response has no body to read
  parser.body_limit(64 << 20);
  beast::error_code failure;
  http::request<http::string_body> request{method, target, 11};
  request.set(http::field::host, "127.0.0.1:" + std::to_string(port));
  for (const auto& [name, value] : headers) request.set(name, value);
  request.body() = body;
  if (!body.empty()) request.set(http::field::content_type, "application/json");
  request.prepare_payload();
  beast::flat_buffer buffer;
  stream.expires_after(std::chrono::seconds(10));
  stream.async_connect(
      tcp::endpoint(net::ip::make_address("127.0.0.1"), port), [&](beast::error_code ec) {
        if (ec) {
          failure = ec;
          return;
        }
        stream.expires_after(std::chrono::seconds(10));
        http::async_write(stream, request, [&](beast::error_code wec, std::size_t) {
          if (wec) {
            failure = wec;
            return;
          }
          http::async_read(stream, buffer, parser,
                           [&](beast::error_code rec, std::size_t) { failure = rec; });
        });
      });
  ioc.run();
  if (failure) {
    HttpResponse failed;
    failed.result(0);
    failed.body() = failure.message();
    return failed;
  }
  return parser.release();
}

std::string login(std::uint16_t port, const std::string& user, const std::string& password) {
  const HttpResponse response =
      http_request(port, http::verb::post, "/api/login",
                   nlohmann::json{{"user", user}, {"password", password}}.dump());
  if (response.result_int() != 200) return "";
  const auto json = nlohmann::json::parse(response.body(), nullptr, false);
  return json.is_object() && json.contains("token") ? json["token"].get<std::string>() : "";
}

WsClient::WsClient() : ws_(ioc_) {}

WsClient::~WsClient() {
  beast::error_code ignored;
  beast::get_lowest_layer(ws_).socket().close(ignored);
}

template <typename Start>
beast::error_code WsClient::run(Start&& start) {
  std::optional<beast::error_code> result;
  start([&result](beast::error_code ec, auto&&...) { result = ec; });
  ioc_.restart();
  ioc_.run_for(timeout_);
  if (!result) {
    beast::get_lowest_layer(ws_).socket().cancel();
    ioc_.restart();
    ioc_.run_for(std::chrono::seconds(2));
    return beast::error::timeout;
  }
  return *result;
}

beast::error_code WsClient::connect(std::uint16_t port, const std::string& target,
                                    const Headers& headers) {
  const tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), port);
  beast::error_code ec = run([&](auto handler) {
    beast::get_lowest_layer(ws_).async_connect(endpoint, std::move(handler));
  });
  if (ec) return ec;
  ws_.set_option(websocket::stream_base::decorator([headers](websocket::request_type& request) {
    for (const auto& [name, value] : headers) request.set(name, value);
  }));
  return run([&](auto handler) {
    ws_.async_handshake(response_, "127.0.0.1:" + std::to_string(port), target, std::move(handler));
  });
}

beast::error_code WsClient::write(const std::vector<std::uint8_t>& message, bool binary) {
  ws_.binary(binary);
  return run([&](auto handler) { ws_.async_write(net::buffer(message), std::move(handler)); });
}

beast::error_code WsClient::read(std::vector<std::uint8_t>& message) {
  buffer_.clear();
  const beast::error_code ec =
      run([&](auto handler) { ws_.async_read(buffer_, std::move(handler)); });
  const auto data = buffer_.cdata();
  const auto* begin = static_cast<const std::uint8_t*>(data.data());
  message.assign(begin, begin + data.size());
  return ec;
}

std::uint16_t WsClient::read_until_closed() {
  std::vector<std::uint8_t> ignored;
  for (int i = 0; i < 10000; ++i) {
    const beast::error_code ec = read(ignored);
    last_error_ = ec;
    // A server failing the connection (RFC 6455 7.1.7) shuts TCP right after its
    // close frame, so echoing the close can fail: the received code still counts.
    if (ec == websocket::error::closed || (ec && close_code() != 0)) return close_code();
    if (ec) return 0;
  }
  return 0;
}

void put_var_uint(std::vector<std::uint8_t>& out, std::uint64_t value) {
  while (value > 0x7f) {
    out.push_back(static_cast<std::uint8_t>(0x80 | (value & 0x7f)));
    value >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(value));
}

void put_var_string(std::vector<std::uint8_t>& out, const std::string& text) {
  put_var_uint(out, text.size());
  out.insert(out.end(), text.begin(), text.end());
}

void put_var_bytes(std::vector<std::uint8_t>& out, const std::vector<std::uint8_t>& bytes) {
  put_var_uint(out, bytes.size());
  out.insert(out.end(), bytes.begin(), bytes.end());
}

std::vector<std::uint8_t> hocuspocus_auth(const std::string& document, const std::string& token) {
  std::vector<std::uint8_t> out;
  put_var_string(out, document);
  put_var_uint(out, 2);
  put_var_uint(out, 0);
  put_var_string(out, token);
  return out;
}

std::optional<std::pair<std::uint64_t, std::string>> parse_auth_reply(
    const std::vector<std::uint8_t>& message, const std::string& document) {
  std::size_t at = 0;
  const auto var_uint = [&]() -> std::optional<std::uint64_t> {
    std::uint64_t value = 0;
    for (unsigned shift = 0; at < message.size() && shift < 64; shift += 7) {
      const std::uint8_t byte = message[at++];
      value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    return std::nullopt;
  };
  const auto var_string = [&]() -> std::optional<std::string> {
    const auto length = var_uint();
    if (!length || *length > message.size() - at) return std::nullopt;
    std::string text(message.begin() + static_cast<std::ptrdiff_t>(at),
                     message.begin() + static_cast<std::ptrdiff_t>(at + *length));
    at += *length;
    return text;
  };
  const auto name = var_string();
  const auto type = var_uint();
  if (!name || *name != document || !type || *type != 2) return std::nullopt;
  const auto auth_type = var_uint();
  const auto text = var_string();
  if (!auth_type || !text || at != message.size()) return std::nullopt;
  return std::make_pair(*auth_type, *text);
}

} // namespace accord::test
