#include "test_network.h"

#include <utility>

#include "accord/update.h"

namespace accord::fuzz {

TestNetwork::TestNetwork(std::size_t peers, bool gc, FuzzRng& rng, DeliveryOptions options)
    : rng_(rng), options_(options), online_(peers, false) {
  for (std::size_t i = 0; i < peers; ++i) {
    auto p = std::make_unique<Peer>();
    p->index = i;
    p->doc = std::make_unique<Doc>(DocOptions::with_client_id(i, gc));
    p->doc->observe_update(
        [this, i](const std::vector<std::uint8_t>& update, const Origin& origin) {
          if (origin.ptr != &token_) broadcast(i, update);
          peers_[i]->emitted.push_back(update);
        });
    peers_.push_back(std::move(p));
  }
  sync_all();
}

void TestNetwork::note_error(const std::string& what) {
  if (first_error_.empty()) first_error_ = what;
}

void TestNetwork::send(std::size_t from, std::size_t to, SyncMessage message) {
  // A message to an offline peer is lost; it catches up by state vector when it reconnects.
  if (!online_[to]) return;
  peers_[to]->inbox[from].push_back(std::move(message));
}

void TestNetwork::broadcast(std::size_t from, const std::vector<std::uint8_t>& update) {
  if (!online_[from]) return;
  for (std::size_t to = 0; to < peers_.size(); ++to) {
    if (to != from) send(from, to, SyncMessage{SyncMessage::Kind::kUpdate, update});
  }
}

void TestNetwork::connect(std::size_t i) {
  if (online_[i]) return;
  online_[i] = true;
  const auto mine = encode_state_vector(*peers_[i]->doc);
  for (std::size_t j = 0; j < peers_.size(); ++j) {
    if (j == i || !online_[j]) continue;
    send(i, j, SyncMessage{SyncMessage::Kind::kStep1, mine});
    send(j, i, SyncMessage{SyncMessage::Kind::kStep1, encode_state_vector(*peers_[j]->doc)});
  }
}

void TestNetwork::disconnect(std::size_t i) {
  online_[i] = false;
  peers_[i]->inbox.clear();
}

void TestNetwork::receive(std::size_t receiver, std::size_t sender, SyncMessage message) {
  ++delivered_;
  Doc& doc = *peers_[receiver]->doc;
  const std::string where =
      "peer " + std::to_string(receiver) + " from peer " + std::to_string(sender) + ": ";
  if (message.kind == SyncMessage::Kind::kStep1) {
    auto reply = encode_state_as_update(doc, message.payload);
    if (!reply.ok()) {
      note_error(where + "step 1: " + reply.status().to_string());
      return;
    }
    send(receiver, sender, SyncMessage{SyncMessage::Kind::kStep2, std::move(reply).value()});
    return;
  }
  Status s = apply_update(doc, message.payload, Origin{"remote", &token_});
  if (!s.is_ok()) note_error(where + "apply_update: " + s.to_string());
}

bool TestNetwork::deliver_random() {
  std::vector<std::size_t> receivers;
  for (std::size_t i = 0; i < peers_.size(); ++i) {
    if (online_[i] && !peers_[i]->inbox.empty()) receivers.push_back(i);
  }
  if (receivers.empty()) return false;
  const std::size_t receiver = rng_.one_of(receivers);
  auto& inbox = peers_[receiver]->inbox;
  auto it = inbox.begin();
  std::advance(it, static_cast<std::ptrdiff_t>(rng_.index(inbox.size())));
  const std::size_t sender = it->first;
  auto& queue = it->second;
  const std::size_t at = rng_.percent(options_.out_of_order_percent) ? rng_.index(queue.size()) : 0;
  SyncMessage message = std::move(queue[at]);
  queue.erase(queue.begin() + static_cast<std::ptrdiff_t>(at));
  if (message.kind != SyncMessage::Kind::kStep1 && rng_.percent(options_.duplicate_percent)) {
    queue.insert(queue.begin() + static_cast<std::ptrdiff_t>(rng_.index(queue.size() + 1)),
                 message);
  }
  if (queue.empty()) inbox.erase(it);
  receive(receiver, sender, std::move(message));
  return true;
}

void TestNetwork::deliver_all() {
  while (deliver_random()) {
  }
}

bool TestNetwork::disconnect_random() {
  std::vector<std::size_t> on;
  for (std::size_t i = 0; i < peers_.size(); ++i) {
    if (online_[i]) on.push_back(i);
  }
  if (on.empty()) return false;
  disconnect(rng_.one_of(on));
  return true;
}

bool TestNetwork::reconnect_random() {
  std::vector<std::size_t> off;
  for (std::size_t i = 0; i < peers_.size(); ++i) {
    if (!online_[i]) off.push_back(i);
  }
  if (off.empty()) return false;
  connect(rng_.one_of(off));
  return true;
}

void TestNetwork::sync_all() {
  for (std::size_t i = 0; i < peers_.size(); ++i) connect(i);
  deliver_all();
  // Then every pair exchanges step 1, as providers do when they (re)connect. Delivering one
  // sender's updates out of order can leave structs pending for good: yjs retries pending
  // structs only when a client's state passes the recorded missing clock, and a struct parked
  // behind another client's gap is not retried when that gap fills in another order (yjs
  // 13.6.33 ends in the same pending state on the same messages). A state-vector exchange
  // resolves it, as it does for yjs peers.
  for (std::size_t i = 0; i < peers_.size(); ++i) {
    for (std::size_t j = i + 1; j < peers_.size(); ++j) {
      send(i, j, SyncMessage{SyncMessage::Kind::kStep1, encode_state_vector(*peers_[i]->doc)});
      send(j, i, SyncMessage{SyncMessage::Kind::kStep1, encode_state_vector(*peers_[j]->doc)});
    }
  }
  deliver_all();
}

} // namespace accord::fuzz
