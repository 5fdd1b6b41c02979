#pragma once
/// The seam between accord-server's socket plumbing and the sync protocol. The
/// server owns sockets, upgrades, limits, origin checks and shutdown; for every
/// accepted WebSocket it asks a MessageHandlerFactory for a MessageHandler and
/// feeds it whole binary messages. The sync layer implements these interfaces;
/// until it exists, ValidatingHandler (validating_handler.h) checks framing and
/// access and answers only authentication.

#include "auth_store.h"

#include <accord/sync_close.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace accord::server {

/// One message's bytes, shared by every socket it goes to (a broadcast is encoded once and
/// queued on each subscriber without a copy).
using SharedBytes = std::shared_ptr<const std::vector<std::uint8_t>>;

/// Which endpoint a socket came in through.
enum class Endpoint {
  kSingleDocument, ///< /y/<document>: y-websocket, one document per socket
  kMultiplexed,    ///< /sync: Hocuspocus framing, documents multiplexed
};

/// WebSocket close codes the server sends (RFC 6455 section 7.4.1).
enum class CloseCode : std::uint16_t {
  kNormal = 1000,
  kGoingAway = 1001,       ///< server shutting down
  kUnsupportedData = 1003, ///< a text frame on a binary protocol
  kInvalidPayload = 1007,  ///< bytes that do not decode
  kPolicyViolation = 1008, ///< access denied, rate or count limits
  kTooBig = 1009,          ///< message over --max-frame-bytes
  kInternalError = 1011,
  kTryAgainLater = 1013, ///< send queue over its limit (reader too slow)
  /// An Accord client older than --min-client-protocol (accord/sync_close.h).
  kClientTooOld = accord::sync::kCloseClientTooOld,
};

/// A request to close a socket with a code and a reason (<= 123 bytes on the
/// wire; longer reasons are cut).
struct CloseRequest {
  CloseCode code = CloseCode::kNormal;
  std::string reason;
};

/// One accepted WebSocket as a handler sees it.
class Connection {
public:
  virtual ~Connection() = default;
  /// Unique for the life of the process; safe to log.
  virtual std::uint64_t id() const = 0;
  virtual Endpoint endpoint() const = 0;
  /// The document named in the URL of a /y/<document> socket; empty for /sync.
  virtual const std::string& document() const = 0;
  /// Who authenticated this socket, or nullptr (a /sync socket before its Auth
  /// message). Call only from the handler's callbacks.
  virtual const Principal* principal() const = 0;
  /// Records who authenticated this socket. Call only from the handler's callbacks.
  virtual void set_principal(Principal principal) = 0;
  /// Queues one binary message. Thread-safe, from any thread; a no-op once the
  /// socket is closing. Closes the socket with 1013 when the queue would pass
  /// --max-send-queue-bytes.
  virtual void send_shared(SharedBytes message) = 0;
  /// send_shared of a message only this socket gets.
  void send(std::vector<std::uint8_t> message) {
    send_shared(std::make_shared<const std::vector<std::uint8_t>>(std::move(message)));
  }
  /// Closes the socket with `code` and `reason`. Thread-safe; idempotent.
  virtual void close(CloseCode code, std::string reason) = 0;
};

/// The per-socket protocol state machine. Callbacks run one at a time, never
/// concurrently, on the socket's strand.
class MessageHandler {
public:
  virtual ~MessageHandler() = default;
  /// The upgrade completed; the handler may send (e.g. sync step 1).
  virtual void on_open(Connection& connection) = 0;
  /// One whole binary message. Returning a CloseRequest closes the socket with
  /// it (the server logs one line); std::nullopt keeps it open.
  virtual std::optional<CloseRequest> on_message(Connection& connection,
                                                 std::span<const std::uint8_t> message) = 0;
  /// The socket is gone (either side closed, an error, or shutdown). No more sends.
  virtual void on_close(Connection& connection) = 0;
};

/// Makes a handler for each new socket. Called from socket strands concurrently:
/// implementations must be thread-safe.
class MessageHandlerFactory {
public:
  virtual ~MessageHandlerFactory() = default;
  /// `connection` stays valid until on_close returns; keep a weak_ptr to send later.
  virtual std::unique_ptr<MessageHandler> create(const std::shared_ptr<Connection>& connection) = 0;
};

} // namespace accord::server
