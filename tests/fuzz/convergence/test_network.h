#pragma once
// An in-memory network of peers for the convergence fuzz, after Yjs's TestConnector
// (yjs tests/testHelper.js), written for Accord. Each peer is a Doc with a fixed client id and an
// inbox per sender. Peers speak the three messages of y-protocols' sync protocol, kept as
// structured values instead of bytes (the wire framing is not under test here):
//   sync step 1: the sender's encoded state vector; the receiver answers with step 2;
//   sync step 2: encode_state_as_update(receiver, sender's state vector);
//   update:      a v1 update a peer's transaction produced, broadcast to every online peer.
// Delivery is where the fuzz happens: a random receiver takes a message from a random sender,
// usually the oldest but sometimes any one (out of order, exercising pending structs), and
// sometimes a delivered message is queued again (a duplicate). A disconnected peer drops its
// inboxes and stops broadcasting; on reconnect it exchanges step 1 with every online peer and
// catches up by state vector.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "accord/doc.h"
#include "fuzz_rng.h"

namespace accord::fuzz {

/// One sync-protocol message in flight.
struct SyncMessage {
  enum class Kind : std::uint8_t { kStep1, kStep2, kUpdate };
  Kind kind = Kind::kUpdate;
  std::vector<std::uint8_t> payload; ///< encoded state vector (step 1) or v1 update
};

/// How delivery misbehaves.
struct DeliveryOptions {
  unsigned out_of_order_percent = 25; ///< take a random queued message instead of the oldest
  unsigned duplicate_percent = 8;     ///< queue a delivered update again at a random position
};

class TestNetwork;

/// One peer: a Doc, its inboxes (by sender index) and every update its doc emitted.
struct Peer {
  std::size_t index = 0;
  std::unique_ptr<Doc> doc;
  std::map<std::size_t, std::vector<SyncMessage>> inbox;
  std::vector<std::vector<std::uint8_t>> emitted; ///< all updates of the doc, local and remote
};

/// The network: peers, who is online, and message delivery driven by a FuzzRng.
class TestNetwork {
public:
  /// `peers` docs with client ids 0..peers-1 (as applyRandomTests), all with `gc`; all online and
  /// synced (step 1 exchanged and every message delivered).
  TestNetwork(std::size_t peers, bool gc, FuzzRng& rng, DeliveryOptions options = {});
  TestNetwork(const TestNetwork&) = delete;
  TestNetwork& operator=(const TestNetwork&) = delete;

  std::size_t size() const { return peers_.size(); }
  Peer& peer(std::size_t i) { return *peers_[i]; }
  const Peer& peer(std::size_t i) const { return *peers_[i]; }
  bool online(std::size_t i) const { return online_[i]; }

  /// Delivers one message to a random online peer that has one. False when nothing is queued.
  /// A failing apply_update is recorded (see first_error) and the run continues.
  bool deliver_random();
  /// Delivers until no message is left.
  void deliver_all();
  /// Disconnects a random online peer (false when none is online).
  bool disconnect_random();
  /// Reconnects a random offline peer (false when all are online).
  bool reconnect_random();
  /// Reconnects every peer, delivers everything, then has every pair exchange sync step 1 and
  /// delivers again: afterwards all peers should be equal.
  void sync_all();

  /// The first apply_update error seen during delivery ("" when none), with its context.
  const std::string& first_error() const { return first_error_; }
  /// Messages delivered so far.
  std::uint64_t delivered() const { return delivered_; }

private:
  void connect(std::size_t i);
  void disconnect(std::size_t i);
  void broadcast(std::size_t from, const std::vector<std::uint8_t>& update);
  void send(std::size_t from, std::size_t to, SyncMessage message);
  void receive(std::size_t receiver, std::size_t sender, SyncMessage message);
  void note_error(const std::string& what);

  FuzzRng& rng_;
  DeliveryOptions options_;
  std::vector<std::unique_ptr<Peer>> peers_;
  std::vector<bool> online_;
  std::string first_error_;
  std::uint64_t delivered_ = 0;
  int token_ = 0; ///< its address is the Origin.ptr of remote applies (not rebroadcast)
};

} // namespace accord::fuzz
