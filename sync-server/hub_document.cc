#include "hub_document.h"

#include "accord/update.h"
#include "accord/update_ops.h"
#include "document_hub.h"
#include "log.h"

#include <boost/asio/post.hpp>

namespace accord::server {

namespace net = boost::asio;
using sync::Message;
using sync::MessageType;
using sync::SyncStep;

namespace {
/// An update that carries nothing (what a peer with nothing new sends as its step 2).
bool is_empty_update(const std::vector<std::uint8_t>& update) {
  return update.size() == 2 && update[0] == 0 && update[1] == 0;
}
} // namespace

HubDocument::HubDocument(DocumentHub& hub, std::string name, Strand strand)
    : hub_(hub), name_(std::move(name)), strand_(std::move(strand)), idle_timer_(strand_) {}

bool HubDocument::ensure_loaded() {
  if (loaded_) return !broken_;
  loaded_ = true;
  doc_ = std::make_unique<Doc>();
  const auto started = std::chrono::steady_clock::now();
  auto loaded = hub_.storage().load(name_, *doc_);
  if (!loaded.ok()) {
    // Never serve (or later store over) a document that did not load completely.
    broken_ = true;
    doc_.reset();
    hub_.forget(*this);
    log_error("document_load_failed",
              {{"document", name_}, {"error", loaded.status().to_string()}});
    return false;
  }
  bytes_ = encode_state_as_update(*doc_).size();
  log_debug("document_loaded", {{"document", name_},
                                {"existed", loaded.value()},
                                {"bytes", bytes_},
                                {"ms", std::chrono::duration_cast<std::chrono::milliseconds>(
                                           std::chrono::steady_clock::now() - started)
                                           .count()}});
  return true;
}

void HubDocument::send(const Subscriber& subscriber, const Message& message) {
  if (auto connection = subscriber.connection.lock()) {
    connection->send(sync::encode_for(subscriber.framing, name_, message));
  }
}

void HubDocument::close(std::uint64_t connection_id, CloseCode code, std::string reason) {
  auto it = subscribers_.find(connection_id);
  if (it == subscribers_.end()) return;
  if (auto connection = it->second.connection.lock()) connection->close(code, std::move(reason));
}

void HubDocument::broadcast(const Message& message, std::uint64_t except) {
  // Encoded once per framing and shared by every subscriber's send queue.
  SharedBytes y_bytes;
  SharedBytes hp_bytes;
  for (auto& [id, subscriber] : subscribers_) {
    if (id == except) continue;
    auto connection = subscriber.connection.lock();
    if (!connection) continue;
    auto& bytes = subscriber.framing == sync::Framing::kYWebsocket ? y_bytes : hp_bytes;
    if (!bytes) {
      bytes =
          std::make_shared<const sync::Bytes>(sync::encode_for(subscriber.framing, name_, message));
    }
    connection->send_shared(bytes);
  }
}

void HubDocument::subscribe(const std::shared_ptr<Connection>& connection, bool read_only) {
  idle_timer_.cancel();
  Subscriber& subscriber = subscribers_[connection->id()];
  subscriber.connection = connection;
  subscriber.read_only = read_only;
  subscriber.framing = connection->endpoint() == Endpoint::kSingleDocument
                           ? sync::Framing::kYWebsocket
                           : sync::Framing::kHocuspocus;
  if (!ensure_loaded()) {
    connection->close(CloseCode::kInternalError, "document unavailable");
    return;
  }
  if (subscriber.framing == sync::Framing::kYWebsocket) {
    // As y-websocket's server: step 1 on connect, then the awareness states if any.
    send(subscriber, sync::sync_step1(encode_state_vector(*doc_)));
    if (!awareness_.states().empty()) {
      send(subscriber, sync::awareness_message(awareness_.encode_states()));
    }
  }
}

void HubDocument::unsubscribe(std::uint64_t connection_id) {
  auto it = subscribers_.find(connection_id);
  if (it == subscribers_.end()) return;
  const std::vector<std::uint64_t> clients(it->second.awareness_clients.begin(),
                                           it->second.awareness_clients.end());
  subscribers_.erase(it);
  std::erase_if(held_step1_, [&](const auto& held) { return held.first == connection_id; });
  if (!clients.empty()) {
    // Tell the others this socket's clients are gone (clock + 1 with a null state).
    std::vector<sync::AwarenessEntry> gone;
    for (const std::uint64_t client : clients) {
      if (!awareness_.states().contains(client)) continue;
      gone.push_back({client, awareness_.clock(client).value_or(0) + 1, "null"});
    }
    if (!gone.empty()) {
      const auto update = sync::encode_awareness_update(gone);
      (void)awareness_.apply_update(update, 0);
      broadcast(sync::awareness_message(update), connection_id);
    }
  }
  if (subscribers_.empty()) arm_idle_timer();
}

void HubDocument::handle(std::uint64_t connection_id, Message message) {
  if (!subscribers_.contains(connection_id)) return; // closed meanwhile
  if (!ensure_loaded()) {
    close(connection_id, CloseCode::kInternalError, "document unavailable");
    return;
  }
  switch (message.type) {
    case MessageType::kSync:
    case MessageType::kSyncReply:
      if (message.step == SyncStep::kStep1) {
        if (write_in_flight_ || !batch_.empty()) {
          held_step1_.emplace_back(connection_id, std::move(message.payload));
        } else {
          answer_step1(connection_id, message.payload);
          if (message.type == MessageType::kSync &&
              subscribers_.at(connection_id).framing == sync::Framing::kHocuspocus) {
            send(subscribers_.at(connection_id), sync::sync_step1(encode_state_vector(*doc_)));
          }
        }
      } else {
        handle_update(connection_id, message);
      }
      break;
    case MessageType::kAwareness: handle_awareness(connection_id, message); break;
    case MessageType::kQueryAwareness:
      send(subscribers_.at(connection_id), sync::awareness_message(awareness_.encode_states()));
      break;
    case MessageType::kClose: unsubscribe(connection_id); break;
    default: break; // Stateless and friends: nothing to sync
  }
}

void HubDocument::answer_step1(std::uint64_t connection_id,
                               const std::vector<std::uint8_t>& state_vector) {
  auto it = subscribers_.find(connection_id);
  if (it == subscribers_.end()) return;
  auto update = encode_state_as_update(*doc_, state_vector);
  if (!update.ok()) {
    close(connection_id, CloseCode::kInvalidPayload,
          "bad state vector: " + update.status().to_string());
    return;
  }
  send(it->second, sync::sync_step2(*update));
}

void HubDocument::handle_update(std::uint64_t connection_id, const Message& message) {
  const Subscriber& subscriber = subscribers_.at(connection_id);
  if (subscriber.read_only) {
    // The gate drops viewer writes already; this is the second line of defense.
    if (subscriber.framing == sync::Framing::kHocuspocus)
      send(subscriber, sync::sync_status(false));
    return;
  }
  if (bytes_ + message.payload.size() > hub_.options().max_document_bytes) {
    close(connection_id, CloseCode::kPolicyViolation,
          "document over " + std::to_string(hub_.options().max_document_bytes) + " bytes");
    return;
  }
  if (!is_empty_update(message.payload)) {
    Status applied = apply_update(*doc_, message.payload, Origin{"accord-server", this});
    if (!applied.is_ok()) {
      close(connection_id, CloseCode::kInvalidPayload,
            "update does not apply: " + applied.to_string());
      return;
    }
    bytes_ += message.payload.size();
  }
  batch_.push_back({connection_id, message.payload});
  if (!write_in_flight_) start_write();
}

void HubDocument::handle_awareness(std::uint64_t connection_id, const Message& message) {
  Subscriber& subscriber = subscribers_.at(connection_id);
  if (subscriber.read_only) return;
  auto entries = sync::decode_awareness_update(message.payload);
  if (!entries.ok()) {
    close(connection_id, CloseCode::kInvalidPayload,
          "bad awareness update: " + entries.status().to_string());
    return;
  }
  for (const auto& entry : *entries) subscriber.awareness_clients.insert(entry.client_id);
  (void)awareness_.apply_update(message.payload, 0);
  broadcast(message, connection_id);
}

void HubDocument::start_write() {
  write_in_flight_ = true;
  writing_ = std::move(batch_);
  batch_.clear();
  std::vector<StoredUpdate> updates;
  for (const PendingWrite& write : writing_) {
    if (!is_empty_update(write.update)) updates.push_back({name_, write.update});
  }
  auto self = shared_from_this();
  if (updates.empty()) {
    net::post(strand_, [self] { self->on_written(Status::ok()); });
    return;
  }
  // The work guard keeps the pool's join() waiting until the completion has run.
  auto work = std::make_shared<net::executor_work_guard<Strand>>(strand_);
  hub_.writer().submit(std::move(updates), [self, work](const Status& status) {
    net::post(self->strand_, [self, status] { self->on_written(status); });
    work->reset();
  });
}

void HubDocument::on_written(const Status& status) {
  write_in_flight_ = false;
  std::vector<PendingWrite> written = std::move(writing_);
  writing_.clear();
  if (!status.is_ok()) {
    // The Doc holds updates storage does not: drop it and every socket. Clients keep the
    // updates in their outboxes and resend them to a fresh load.
    broken_ = true;
    batch_.clear();
    hub_.forget(*this);
    for (auto& [id, subscriber] : subscribers_) {
      if (auto connection = subscriber.connection.lock()) {
        connection->close(CloseCode::kInternalError, "storage failed");
      }
    }
    return;
  }
  broadcast_written(written);
  while (!held_step1_.empty()) {
    auto [connection_id, state_vector] = std::move(held_step1_.front());
    held_step1_.pop_front();
    answer_step1(connection_id, state_vector);
    auto it = subscribers_.find(connection_id);
    if (it != subscribers_.end() && it->second.framing == sync::Framing::kHocuspocus) {
      send(it->second, sync::sync_step1(encode_state_vector(*doc_)));
    }
  }
  if (!batch_.empty()) start_write();
  if (subscribers_.empty()) arm_idle_timer();
}

void HubDocument::broadcast_written(const std::vector<PendingWrite>& written) {
  std::vector<const PendingWrite*> changes; // the writes that carry structs or deletions
  for (const PendingWrite& write : written) {
    auto sender = subscribers_.find(write.connection_id);
    if (sender != subscribers_.end() && sender->second.framing == sync::Framing::kHocuspocus) {
      send(sender->second, sync::sync_status(true));
    }
    if (!is_empty_update(write.update)) changes.push_back(&write);
  }
  if (changes.empty()) return;
  if (changes.size() > 1) {
    // Several updates committed together go out as one merged update, to every subscriber: a
    // sender gets its own structs back too, which applying ignores (as Hocuspocus does). Under
    // load this keeps the messages per commit at one per subscriber.
    std::vector<UpdateBytes> updates;
    updates.reserve(changes.size());
    for (const PendingWrite* change : changes) updates.push_back(change->update);
    auto merged = merge_updates(updates);
    if (merged.ok()) {
      broadcast(sync::sync_update(*merged), kNoConnection);
      return;
    }
    log_warn("merge_failed", {{"document", name_}, {"error", merged.status().to_string()}});
  }
  for (const PendingWrite* change : changes) {
    broadcast(sync::sync_update(change->update), change->connection_id);
  }
}

void HubDocument::arm_idle_timer() {
  if (hub_.stopping()) return;
  idle_timer_.expires_after(hub_.options().idle_unload);
  idle_timer_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
    if (ec) return;
    if (!self->subscribers_.empty() || self->write_in_flight_ || !self->batch_.empty()) return;
    if (!self->hub_.try_unload(*self)) return;
    const bool had_data = self->doc_ != nullptr && !self->broken_;
    self->doc_.reset();
    if (had_data) self->hub_.writer().compact(self->name_, nullptr);
    log_debug("document_unloaded", {{"document", self->name_}});
  });
}

void HubDocument::stop_timer() { idle_timer_.cancel(); }

} // namespace accord::server
