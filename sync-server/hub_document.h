#pragma once
/// One document as accord-server holds it in memory while sockets use it: its accord::Doc, its
/// awareness states, the sockets subscribed to it, and its pending writes. Everything here runs
/// on the document's strand, so one document's Doc is only ever touched by one thread at a time,
/// while different documents run in parallel.
///
/// Life of an update: decoded by ProtocolGate, posted to the strand, checked against the
/// document size limit, applied to the Doc (bytes that do not decode or apply close the sender
/// with 1007 and change nothing), queued for the WriteQueue (group commit), and only when the
/// transaction holding it committed: acknowledged to its sender (SyncStatus 1, /sync only) and
/// broadcast to the other subscribers. When one commit holds several updates of the document
/// they go out merged into one update sent to every subscriber, senders included (applying
/// one's own structs again changes nothing): under load the messages per commit stay at one per
/// subscriber instead of one per update. Sync step 1 is answered once the document is loaded and
/// no write is in flight, so a step 2 never carries an update that is not durable yet.
///
/// A document with no subscribers for --document-idle-unload seconds is dropped from memory
/// (its storage compacted first); the next subscriber loads it again.

#include "accord/awareness.h"
#include "accord/doc.h"
#include "accord/sync_message.h"
#include "message_handler.h"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace accord::server {

class DocumentHub;

/// See the file comment. Create through DocumentHub; call the public methods only on strand().
class HubDocument : public std::enable_shared_from_this<HubDocument> {
public:
  using Strand = boost::asio::strand<boost::asio::thread_pool::executor_type>;

  HubDocument(DocumentHub& hub, std::string name, Strand strand);

  const std::string& name() const { return name_; }
  Strand& strand() { return strand_; }

  /// Adds a socket. A /y/ socket gets the server's sync step 1 and the awareness states.
  void subscribe(const std::shared_ptr<Connection>& connection, bool read_only);
  /// Removes a socket: its awareness states are cleared and the others told.
  void unsubscribe(std::uint64_t connection_id);
  /// Handles one message of a subscribed socket (see the file comment).
  void handle(std::uint64_t connection_id, sync::Message message);
  /// Stops the idle timer (shutdown).
  void stop_timer();

private:
  struct Subscriber {
    std::weak_ptr<Connection> connection;
    sync::Framing framing = sync::Framing::kHocuspocus;
    bool read_only = false;
    std::set<std::uint64_t> awareness_clients;
  };
  struct PendingWrite {
    std::uint64_t connection_id = 0;
    std::vector<std::uint8_t> update;
  };

  bool ensure_loaded();
  void send(const Subscriber& subscriber, const sync::Message& message);
  void close(std::uint64_t connection_id, CloseCode code, std::string reason);
  /// Sends `message` to every subscriber but `except` (kNoConnection: to all).
  void broadcast(const sync::Message& message, std::uint64_t except);
  static constexpr std::uint64_t kNoConnection = 0;
  void answer_step1(std::uint64_t connection_id, const std::vector<std::uint8_t>& state_vector);
  void handle_update(std::uint64_t connection_id, const sync::Message& message);
  void handle_awareness(std::uint64_t connection_id, const sync::Message& message);
  void start_write();
  void on_written(const Status& status);
  /// Acknowledges a committed batch to its senders and broadcasts its updates (see the file
  /// comment).
  void broadcast_written(const std::vector<PendingWrite>& written);
  void arm_idle_timer();

  DocumentHub& hub_;
  std::string name_;
  Strand strand_;
  boost::asio::steady_timer idle_timer_;
  bool loaded_ = false;
  bool broken_ = false; ///< a load or write failed: refuse everything until unloaded
  std::unique_ptr<Doc> doc_;
  sync::Awareness awareness_{0};
  std::size_t bytes_ = 0; ///< approximate stored size (state at load + updates since)
  std::map<std::uint64_t, Subscriber> subscribers_;
  std::vector<PendingWrite> batch_;   ///< applied, waiting for the next write
  std::vector<PendingWrite> writing_; ///< in the write in flight
  bool write_in_flight_ = false;
  std::deque<std::pair<std::uint64_t, std::vector<std::uint8_t>>> held_step1_;
};

} // namespace accord::server
