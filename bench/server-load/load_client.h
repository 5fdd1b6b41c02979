#pragma once
// One client of the C++ load generator: a WebSocket connection to a Hocuspocus-protocol endpoint
// (/sync of accord-server or @hocuspocus/server), an accord::Doc that edits one map entry of its
// own (one transaction, one update per edit), and the bookkeeping of what arrives: the (client,
// clock) ranges of the structs of every update received, which also covers the merged updates
// Hocuspocus broadcasts. Everything runs on one io_context thread.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "accord/doc.h"

namespace accord::bench {

using Clock = std::chrono::steady_clock;

/// What a client reports to the generator.
struct LoadEvents {
  /// Another client's structs [from, to) of `client` arrived at this client at `at`.
  std::function<void(std::uint64_t client, std::uint64_t from, std::uint64_t to,
                     Clock::time_point at)>
      delivered;
  /// The server acknowledged (SyncStatus) an update sent at `sent`.
  std::function<void(Clock::time_point sent, Clock::time_point at)> acknowledged;
  /// The connection failed or closed unexpectedly.
  std::function<void(std::size_t index, const std::string& why)> failed;
};

class LoadClient {
public:
  LoadClient(boost::asio::io_context& ioc, std::size_t index, std::uint64_t client_id,
             std::string document, const LoadEvents& events);
  /// Connects to `endpoint`, upgrades on `target`, authenticates with `token` and runs the sync
  /// handshake; `synced` runs once the server's sync step 2 arrived.
  void connect(const boost::asio::ip::tcp::endpoint& endpoint, const std::string& target,
               const std::string& token, std::function<void()> synced);
  /// Makes one edit and sends its update; returns the (client, clock) it carries.
  std::uint64_t edit();
  /// Forgets sends awaiting acknowledgement (a new step starts).
  void forget_unacknowledged() { unacked_.clear(); }
  void close();
  std::uint64_t client_id() const { return client_id_; }
  const std::string& document() const { return document_; }

private:
  void send(std::vector<std::uint8_t> frame);
  void write();
  void read();
  void receive(const std::uint8_t* data, std::size_t size);
  void updates_arrived(const std::vector<std::uint8_t>& update, Clock::time_point at);
  std::vector<std::uint8_t> frame(std::uint64_t type, const std::vector<std::uint8_t>& body) const;

  std::size_t index_;
  std::uint64_t client_id_;
  std::string document_;
  const LoadEvents& events_;
  boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
  boost::beast::flat_buffer buffer_;
  std::deque<std::vector<std::uint8_t>> queue_;
  bool writing_ = false;
  bool closing_ = false;
  Doc doc_;
  std::uint64_t counter_ = 0;
  std::vector<std::uint8_t> last_update_;
  std::deque<Clock::time_point> unacked_;
  std::unordered_map<std::uint64_t, std::uint64_t> seen_; ///< client -> next clock expected
  std::function<void()> synced_;
  bool is_synced_ = false;
};

} // namespace accord::bench
