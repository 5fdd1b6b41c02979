#pragma once
/// The client side of sync: one SyncSession keeps any number of local documents in sync with a
/// server over one connection, whatever carries the bytes. The native client, the server's own
/// tests and the browser plug their sockets in through SyncTransport, and their event loop
/// through SyncTimer; the session never opens a socket, reads a clock or sleeps by itself.
///
/// Protocol (see sync_message.h): with Hocuspocus framing (the default, accord-server's /sync)
/// each document opens with Auth(token), sync step 1, any unacknowledged local updates, and the
/// local awareness state. The server answers step 1 with step 2 and its own step 1, which the
/// session answers with step 2. Every local update is kept in an outbox until a SyncStatus
/// acknowledges it: the server sends one SyncStatus per step 2 / update it received, in order,
/// only once the update is durable. After a reconnect, the outbox is sent again. Updates larger
/// than the frame limit are split (sync_split.h). With y-websocket framing there are no acks:
/// updates leave the outbox when sent.
///
/// Reconnects back off exponentially with jitter drawn from a seeded RNG: attempt n waits
/// min(max, initial * 2^n) * (0.5 .. 1.0). The attempt counter resets when a document receives
/// sync step 2.
///
/// Closes (see sync_close.h): the transport reports how the connection ended. A policy refusal
/// (1008, or an upgrade refused with HTTP 401/403) and every attached document denied by the
/// server end in SessionState::kRefused; 4426 ends in kOutdated. Both are terminal: no reconnect
/// until start() is called again (e.g. after set_token). 1009 halves the frame limit before
/// reconnecting; everything else reconnects. last_close() and on_close report every close.
///
/// Threading: not thread-safe. Every call, transport event and timer callback must come from
/// the same thread or serial executor.

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "accord/awareness.h"
#include "accord/doc.h"
#include "accord/status.h"
#include "accord/sync_close.h"
#include "accord/sync_message.h"

namespace accord::sync {

/// The transport port. The session calls these; the transport reports back through
/// SyncSession::on_open / on_message / on_closed, never from inside these calls.
class SyncTransport {
public:
  virtual ~SyncTransport() = default;
  /// Starts connecting. Later exactly one of on_open or on_closed follows.
  virtual void open() = 0;
  /// Sends one binary message (only between on_open and on_closed).
  virtual void send(Bytes message) = 0;
  /// Closes the connection; on_closed follows unless it already happened.
  virtual void close() = 0;
};

/// The clock and timer port.
class SyncTimer {
public:
  virtual ~SyncTimer() = default;
  /// Milliseconds on a monotonic clock.
  virtual std::uint64_t now_ms() = 0;
  /// Calls `fn` once, `delay_ms` from now, on the session's thread. Returns an id for cancel.
  virtual std::uint64_t schedule(std::uint64_t delay_ms, std::function<void()> fn) = 0;
  /// Cancels a scheduled call; `fn` is not called afterwards. Unknown ids are ignored.
  virtual void cancel(std::uint64_t id) = 0;
};

/// Session settings.
struct SyncSessionOptions {
  Framing framing = Framing::kHocuspocus;
  std::string token;                      ///< sent in each document's Auth message (Hocuspocus)
  std::size_t max_frame_bytes = 8u << 20; ///< never send a message larger than this
  std::uint64_t backoff_initial_ms = 250;
  std::uint64_t backoff_max_ms = 30000;
  std::uint64_t seed = 1;                  ///< jitter RNG seed
  std::uint64_t awareness_check_ms = 3000; ///< period of the awareness timeout check
  /// Sent as "accord/<protocol>" after the token in Auth messages (see sync_close.h).
  std::uint32_t protocol = kSyncProtocolVersion;
};

/// Connection state. kRefused and kOutdated are terminal (see the file comment): last_close()
/// says why.
enum class SessionState : std::uint8_t {
  kStopped,
  kConnecting,
  kConnected,
  kWaiting,  ///< backing off before the next connect
  kRefused,  ///< the server refused access or this client's behaviour; not reconnecting
  kOutdated, ///< the server needs a newer client; not reconnecting
};

/// See the file comment.
class SyncSession {
public:
  SyncSession(SyncTransport& transport, SyncTimer& timer, SyncSessionOptions options);
  /// Cancels timers and stops observing documents (does not call the transport).
  ~SyncSession();
  SyncSession(const SyncSession&) = delete;
  SyncSession& operator=(const SyncSession&) = delete;

  /// Adds `doc` under `name`. The doc must outlive the session (or be detached first). When
  /// connected, the document's handshake starts at once. kAlreadyExists for a second `name`;
  /// kInvalidArgument with y-websocket framing when a document is attached already.
  Status attach(std::string name, Doc& doc);
  /// Stops syncing `name` (its unacknowledged updates are dropped). False if unknown.
  bool detach(std::string_view name);

  /// Connects (and keeps reconnecting until stop() or a terminal state). Also leaves kRefused and
  /// kOutdated.
  void start();
  /// Closes the connection and stops reconnecting. Unacknowledged updates stay in the outbox.
  void stop();

  /// Transport events.
  void on_open();
  /// One received message. A message that does not decode, or an update that does not apply,
  /// closes the connection (and reconnects); the error is returned and kept in last_error().
  Status on_message(std::span<const std::uint8_t> message);
  /// The connection ended (or an open failed); `info` says how, as far as the transport knows.
  void on_closed(CloseInfo info = {});

  /// Sets (nullopt: clears) this client's awareness state for `name` and broadcasts it.
  /// kNotFound for an unknown document, kCorrupt when `state_json` is not JSON.
  Status set_awareness(std::string_view name, std::optional<std::string> state_json);
  /// The awareness states known for `name`, or nullptr.
  const Awareness* awareness(std::string_view name) const;

  SessionState state() const { return state_; }
  /// True in kRefused and kOutdated.
  bool terminal() const;
  /// How the last connection ended (nullopt before the first close).
  const std::optional<CloseInfo>& last_close() const { return last_close_; }
  /// The current frame limit (options' max_frame_bytes, halved after each 1009).
  std::size_t max_frame_bytes() const { return options_.max_frame_bytes; }
  /// Replaces the token sent in later Auth messages (e.g. after a refusal, before start()).
  void set_token(std::string token) { options_.token = std::move(token); }
  /// True once `name` received sync step 2 and answered the server's step 1 on this connection,
  /// its outbox is empty and every step 2 / update sent is acknowledged (the server holds all
  /// this client has).
  bool synced(std::string_view name) const;
  /// Local updates of `name` not yet acknowledged by the server.
  std::size_t outbox_size(std::string_view name) const;
  /// Sum of outbox sizes over all documents.
  std::size_t outbox_total() const;
  /// The reason the server denied access to `name`, if it did.
  std::optional<std::string> denied(std::string_view name) const;
  /// Successful opens so far (the first connection counts).
  std::uint64_t connections() const { return connections_; }
  /// Updates the server refused (SyncStatus 0, e.g. a read-only document).
  std::uint64_t refused() const { return refused_; }
  /// The last protocol error, if any.
  const Status& last_error() const { return last_error_; }

  /// Called after a document received step 2 (with its name).
  std::function<void(std::string_view)> on_synced;
  /// Called when the outbox of a document drained (with its name).
  std::function<void(std::string_view)> on_acknowledged;
  /// Called after every close, with how it ended (the state already reflects it).
  std::function<void(const CloseInfo&)> on_close;
  /// Called with a Stateless payload from the server.
  std::function<void(std::string_view, std::string_view)> on_stateless;

private:
  struct DocState;

  DocState* find(std::string_view name);
  const DocState* find(std::string_view name) const;
  void send(const DocState& state, const Message& message);
  void begin_document(DocState& state);
  void on_local_update(DocState& state, const std::vector<std::uint8_t>& update);
  /// Sends `update` split under the frame limit as `step` messages; each piece is expected to
  /// be acknowledged, the last one covering outbox entries up to `covers`.
  void send_update(DocState& state, SyncStep step, std::span<const std::uint8_t> update,
                   std::uint64_t covers);
  void acknowledge(DocState& state, bool applied);
  Status handle(DocState& state, const Message& message);
  Status fail(Status status);
  void schedule_reconnect();
  /// Enters a terminal state after `info`, closing the transport if it is open.
  void end(SessionState terminal, CloseInfo info);
  void schedule_awareness_check();
  void check_awareness();

  SyncTransport& transport_;
  SyncTimer& timer_;
  SyncSessionOptions options_;
  std::map<std::string, std::unique_ptr<DocState>, std::less<>> docs_;
  SessionState state_ = SessionState::kStopped;
  std::mt19937_64 rng_;
  std::uint32_t attempt_ = 0;
  std::optional<std::uint64_t> reconnect_timer_;
  std::optional<std::uint64_t> awareness_timer_;
  std::uint64_t connections_ = 0;
  std::uint64_t refused_ = 0;
  Status last_error_;
  std::optional<CloseInfo> last_close_;
};

} // namespace accord::sync
