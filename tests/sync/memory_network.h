#pragma once
// An in-memory network for the session tests: a tiny Hocuspocus-framed server holding one Doc
// per document name (acks every step 2 / update after applying it, broadcasts updates and
// awareness to the other links), and links (SyncTransport) whose events go through one FIFO
// queue so nothing is re-entrant. Cutting a link loses everything queued on it, as a reset TCP
// connection does; a link that is "offline" fails to open.

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "accord/awareness.h"
#include "accord/doc.h"
#include "accord/sync_message.h"
#include "accord/sync_session.h"
#include "accord/update.h"

namespace accord::sync::test {

class MemoryNetwork;

/// One client's connection.
class MemoryLink final : public SyncTransport {
public:
  MemoryLink(MemoryNetwork& net, int id) : net_(net), id_(id) {}
  void open() override;
  void send(Bytes message) override;
  void close() override;

  SyncSession* session = nullptr;
  bool online = true;           ///< false: open() fails
  bool connected = false;       ///< between the server's accept and a cut
  std::uint64_t generation = 0; ///< bumps on every cut: queued events of older ones are lost
  int id() const { return id_; }

private:
  MemoryNetwork& net_;
  int id_;
};

/// The server side and the event queue.
class MemoryNetwork {
public:
  void post(std::function<void()> fn) { queue_.push_back(std::move(fn)); }
  /// Runs queued events; false when none was queued.
  bool run_one() {
    if (queue_.empty()) return false;
    auto fn = std::move(queue_.front());
    queue_.pop_front();
    fn();
    return true;
  }
  bool idle() const { return queue_.empty(); }

  /// Drops the connection of `link` (both sides learn it).
  void cut(MemoryLink& link) {
    if (!link.connected) return;
    link.connected = false;
    ++link.generation;
    disconnect(link);
    SyncSession* session = link.session;
    post([session] { session->on_closed(); });
  }

  void accept(MemoryLink& link) {
    link.connected = true;
    ++link.generation;
    links_.insert(&link);
    const std::uint64_t generation = link.generation;
    SyncSession* session = link.session;
    post([&link, session, generation] {
      if (link.generation == generation) session->on_open();
    });
  }

  void disconnect(MemoryLink& link) {
    links_.erase(&link);
    for (auto& [name, document] : documents_) {
      auto owned = document.awareness_clients.find(&link);
      if (owned == document.awareness_clients.end()) continue;
      std::vector<std::uint64_t> clients(owned->second.begin(), owned->second.end());
      document.awareness_clients.erase(owned);
      auto removed = document.awareness.remove_states(clients, 0);
      if (!removed.removed.empty()) {
        std::vector<AwarenessEntry> entries;
        for (auto client : removed.removed) {
          entries.push_back({client, document.awareness.clock(client).value_or(0) + 1, "null"});
        }
        broadcast(name, awareness_message(encode_awareness_update(entries)), nullptr);
      }
    }
  }

  void to_client(MemoryLink& link, Bytes bytes) {
    const std::uint64_t generation = link.generation;
    post([&link, generation, bytes = std::move(bytes)] {
      if (link.generation == generation && link.connected) (void)link.session->on_message(bytes);
    });
  }

  void receive(MemoryLink& link, const Bytes& bytes) {
    auto frame = decode_frame(bytes);
    if (!frame.ok()) {
      ++errors;
      return;
    }
    const Message& m = frame->message;
    Document& document = documents_[frame->document];
    const auto reply = [&](const Message& message) {
      to_client(link, encode_frame(frame->document, message));
    };
    switch (m.type) {
      case MessageType::kAuth: reply(auth_authenticated("read-write")); break;
      case MessageType::kSync:
      case MessageType::kSyncReply:
        if (m.step == SyncStep::kStep1) {
          auto diff = encode_state_as_update(document.doc, m.payload);
          if (!diff.ok()) {
            ++errors;
            break;
          }
          reply(sync_step2(*diff));
          if (m.type == MessageType::kSync) reply(sync_step1(encode_state_vector(document.doc)));
        } else {
          if (!apply_update(document.doc, m.payload).is_ok()) {
            ++errors;
            reply(sync_status(false));
            break;
          }
          ++updates_stored;
          reply(sync_status(true));
          broadcast(frame->document, sync_update(m.payload), &link);
        }
        break;
      case MessageType::kAwareness: {
        auto entries = decode_awareness_update(m.payload);
        if (entries.ok()) {
          for (const auto& entry : *entries)
            document.awareness_clients[&link].insert(entry.client_id);
        }
        (void)document.awareness.apply_update(m.payload, 0);
        broadcast(frame->document, m, &link);
        break;
      }
      case MessageType::kQueryAwareness:
        reply(awareness_message(document.awareness.encode_states()));
        break;
      default: break;
    }
  }

  void broadcast(const std::string& name, const Message& message, MemoryLink* except) {
    for (MemoryLink* other : links_) {
      if (other != except) to_client(*other, encode_frame(name, message));
    }
  }

  Doc& doc(const std::string& name) { return documents_[name].doc; }

  std::uint64_t errors = 0;
  std::uint64_t updates_stored = 0;

private:
  struct Document {
    Doc doc{DocOptions::with_client_id(999999)};
    Awareness awareness{999999};
    std::map<MemoryLink*, std::set<std::uint64_t>> awareness_clients;
  };
  std::deque<std::function<void()>> queue_;
  std::set<MemoryLink*> links_;
  std::map<std::string, Document, std::less<>> documents_;
};

inline void MemoryLink::open() {
  net_.post([this] {
    if (online) {
      net_.accept(*this);
    } else {
      SyncSession* s = session;
      net_.post([s] { s->on_closed(); });
    }
  });
}

inline void MemoryLink::send(Bytes message) {
  if (!connected) return;
  const std::uint64_t g = generation;
  net_.post([this, g, message = std::move(message)] {
    if (generation == g && connected) net_.receive(*this, message);
  });
}

inline void MemoryLink::close() {
  if (connected) net_.cut(*this);
}

} // namespace accord::sync::test
