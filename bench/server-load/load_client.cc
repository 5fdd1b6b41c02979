#include "load_client.h"

#include "accord/sync_message.h"
#include "accord/update.h"
#include "accord/update_ops.h"
#include "crdt/update_codec.h"

#include <boost/asio/connect.hpp>

namespace accord::bench {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using sync::MessageType;
using sync::SyncStep;

LoadClient::LoadClient(net::io_context& ioc, std::size_t index, std::uint64_t client_id,
                       std::string document, const LoadEvents& events)
    : index_(index),
      client_id_(client_id),
      document_(std::move(document)),
      events_(events),
      ws_(ioc),
      doc_(DocOptions::with_client_id(client_id)) {
  doc_.observe_update(
      [this](const std::vector<std::uint8_t>& update, const Origin&) { last_update_ = update; });
}

void LoadClient::connect(const net::ip::tcp::endpoint& endpoint, const std::string& target,
                         const std::string& token, std::function<void()> synced) {
  synced_ = std::move(synced);
  beast::get_lowest_layer(ws_).async_connect(
      endpoint, [this, endpoint, target, token](beast::error_code ec) {
        if (ec) return events_.failed(index_, "connect: " + ec.message());
        beast::get_lowest_layer(ws_).socket().set_option(net::ip::tcp::no_delay(true));
        ws_.binary(true);
        ws_.async_handshake(
            endpoint.address().to_string() + ":" + std::to_string(endpoint.port()), target,
            [this, token](beast::error_code hs_ec) {
              if (hs_ec) return events_.failed(index_, "handshake: " + hs_ec.message());
              send(sync::encode_frame(document_, sync::auth_token(token)));
              send(sync::encode_frame(document_, sync::sync_step1(encode_state_vector(doc_))));
              read();
            });
      });
}

std::uint64_t LoadClient::edit() {
  const StateVector before = state_vector(doc_);
  const auto own = before.find(client_id_);
  const std::uint64_t clock = own == before.end() ? 0 : own->second;
  doc_.transact([&](Transaction& txn) {
    doc_.get_map("m").set(txn, "c" + std::to_string(client_id_),
                          Any(static_cast<double>(counter_++)));
  });
  unacked_.push_back(Clock::now());
  send(sync::encode_frame(document_, sync::sync_update(last_update_)));
  return clock;
}

void LoadClient::close() {
  closing_ = true;
  beast::error_code ignored;
  beast::get_lowest_layer(ws_).socket().close(ignored);
}

void LoadClient::send(std::vector<std::uint8_t> frame) {
  queue_.push_back(std::move(frame));
  write();
}

void LoadClient::write() {
  if (writing_ || queue_.empty() || closing_) return;
  writing_ = true;
  ws_.async_write(net::buffer(queue_.front()), [this](beast::error_code ec, std::size_t) {
    writing_ = false;
    if (ec) {
      if (!closing_) events_.failed(index_, "write: " + ec.message());
      return;
    }
    queue_.pop_front();
    write();
  });
}

void LoadClient::read() {
  ws_.async_read(buffer_, [this](beast::error_code ec, std::size_t) {
    if (ec) {
      if (!closing_) events_.failed(index_, "read: " + ec.message());
      return;
    }
    const auto data = buffer_.cdata();
    receive(static_cast<const std::uint8_t*>(data.data()), data.size());
    buffer_.consume(buffer_.size());
    read();
  });
}

void LoadClient::receive(const std::uint8_t* data, std::size_t size) {
  const Clock::time_point at = Clock::now();
  auto frame = sync::decode_frame({data, size});
  if (!frame.ok()) return events_.failed(index_, "bad frame: " + frame.status().to_string());
  const sync::Message& message = frame->message;
  switch (message.type) {
    case MessageType::kSync:
    case MessageType::kSyncReply:
      if (message.step == SyncStep::kStep1) {
        auto reply = encode_state_as_update(doc_, message.payload);
        if (!reply.ok()) return events_.failed(index_, "bad step 1: " + reply.status().to_string());
        send(sync::encode_frame(document_, sync::sync_step2(*reply)));
      } else {
        updates_arrived(message.payload, at);
        if (message.step == SyncStep::kStep2 && !is_synced_) {
          is_synced_ = true;
          if (synced_) std::exchange(synced_, nullptr)();
        }
      }
      break;
    case MessageType::kSyncStatus:
      if (!unacked_.empty()) {
        events_.acknowledged(unacked_.front(), at);
        unacked_.pop_front();
      }
      break;
    case MessageType::kPing: send(sync::encode_frame(document_, sync::pong())); break;
    default: break;
  }
}

void LoadClient::updates_arrived(const std::vector<std::uint8_t>& update, Clock::time_point at) {
  auto decoded = crdt::decode_update_v1(update);
  if (!decoded.ok()) return events_.failed(index_, "bad update: " + decoded.status().to_string());
  for (const auto& [client, structs] : decoded->clients) {
    if (client == client_id_) continue; // an echo of this client's own update
    std::uint64_t& next = seen_[client];
    for (const crdt::StructRecord& record : structs) {
      if (record.kind == crdt::ContentKind::kSkip) continue;
      const std::uint64_t end = record.id.clock + record.length;
      if (end <= next) continue; // already seen (a step 2 overlapping an update)
      events_.delivered(client, std::max(next, record.id.clock), end, at);
      next = end;
    }
  }
}

} // namespace accord::bench
