#pragma once
// Beast clients for the integration tests: one HTTP request at a time, and a
// WebSocket client whose every operation is bounded by a timeout (it runs its
// own io_context for at most that long), so a broken server fails a test
// instead of hanging it.

#include <boost/asio/io_context.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace accord::test {

using Headers = std::map<std::string, std::string>;
using HttpResponse = boost::beast::http::response<boost::beast::http::string_body>;

/// Sends one request to 127.0.0.1:`port` and returns the response (status 0 with
/// the error in the body when the exchange failed). `target` is sent verbatim.
HttpResponse http_request(std::uint16_t port, boost::beast::http::verb method,
                          const std::string& target, const std::string& body = "",
                          const Headers& headers = {});

/// POST /api/login; the session token or "" on failure.
std::string login(std::uint16_t port, const std::string& user, const std::string& password);

/// A WebSocket client of accord-server.
class WsClient {
public:
  WsClient();
  ~WsClient();

  /// Connects and upgrades at `target`. On a refused upgrade returns
  /// websocket::error::upgrade_declined and http_status() tells the status.
  boost::beast::error_code connect(std::uint16_t port, const std::string& target,
                                   const Headers& headers = {});
  unsigned http_status() const { return response_.result_int(); }
  const boost::beast::websocket::response_type& response() const { return response_; }

  boost::beast::error_code write(const std::vector<std::uint8_t>& message, bool binary = true);
  /// Reads one message; websocket::error::closed when the server closed (see close_code()).
  boost::beast::error_code read(std::vector<std::uint8_t>& message);
  /// Reads until the server closes; the close code it sent, or 0 if the stream
  /// ended without a close frame.
  std::uint16_t read_until_closed();
  std::uint16_t close_code() const { return static_cast<std::uint16_t>(ws_.reason().code); }
  std::string close_reason() const { return std::string(ws_.reason().reason.c_str()); }
  /// The error that ended the last read_until_closed, for failure messages.
  const boost::beast::error_code& last_error() const { return last_error_; }

private:
  template <typename Start>
  boost::beast::error_code run(Start&& start);

  boost::asio::io_context ioc_;
  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::websocket::response_type response_;
  boost::beast::flat_buffer buffer_;
  std::chrono::seconds timeout_{10};
  boost::beast::error_code last_error_;
};

/// lib0 encoders for building protocol messages in tests.
void put_var_uint(std::vector<std::uint8_t>& out, std::uint64_t value);
void put_var_string(std::vector<std::uint8_t>& out, const std::string& text);
void put_var_bytes(std::vector<std::uint8_t>& out, const std::vector<std::uint8_t>& bytes);

/// A Hocuspocus Auth message: document, type 2, token type 0, token.
std::vector<std::uint8_t> hocuspocus_auth(const std::string& document, const std::string& token);

/// Decoded Hocuspocus Auth reply: (auth type, scope or reason), or nullopt.
std::optional<std::pair<std::uint64_t, std::string>> parse_auth_reply(
    const std::vector<std::uint8_t>& message, const std::string& document);

} // namespace accord::test
