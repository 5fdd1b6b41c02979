// Updates from two sockets that the server commits in one transaction go out as one merged
// update: the sync hub, its write queue and handlers as accord-server runs them, with
// in-process connections and a storage that holds the first transaction open, so that what
// one transaction contains is decided by the test, not by timing.
#include "document_hub.h"
#include "gate_storage.h"

#include <gtest/gtest.h>

#include <accord/doc.h>
#include <accord/sync_message.h>
#include <accord/types.h>
#include <accord/update.h>
#include <accord/update_ops.h>

#include <boost/asio/post.hpp>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <future>
#include <mutex>
#include <set>

namespace accord::server {
namespace {

using testing::GateStorage;

/// A /y/acme/d socket of a team member that records what the server sends it.
class RecordingConnection final : public Connection {
public:
  explicit RecordingConnection(std::uint64_t id) : id_(id) {
    principal_.user = "rep" + std::to_string(id);
    principal_.teams.push_back(Membership{"acme", Role::kMember});
  }
  std::uint64_t id() const override { return id_; }
  Endpoint endpoint() const override { return Endpoint::kSingleDocument; }
  const std::string& document() const override { return document_; }
  const Principal* principal() const override { return &principal_; }
  void set_principal(Principal principal) override { principal_ = std::move(principal); }
  void send_shared(SharedBytes message) override {
    std::lock_guard lock(mutex_);
    sent_.push_back(std::move(message));
    changed_.notify_all();
  }
  void close(CloseCode code, std::string reason) override {
    ADD_FAILURE() << "socket " << id_ << " closed with " << static_cast<int>(code) << ": "
                  << reason;
  }

  /// The sync updates (not step 1 / step 2) received so far, once there are at least `count`.
  std::vector<std::vector<std::uint8_t>> updates(std::size_t count) {
    std::unique_lock lock(mutex_);
    std::vector<std::vector<std::uint8_t>> out;
    const bool enough = changed_.wait_for(lock, std::chrono::seconds(30), [&] {
      out.clear();
      for (const SharedBytes& bytes : sent_) {
        auto message = sync::decode_message(*bytes);
        if (message.ok() && message->type == sync::MessageType::kSync &&
            message->step == sync::SyncStep::kUpdate) {
          out.push_back(message->payload);
        }
      }
      return out.size() >= count;
    });
    EXPECT_TRUE(enough) << "socket " << id_ << " got " << out.size() << " updates, not " << count;
    return out;
  }

private:
  std::uint64_t id_;
  std::string document_ = "acme/d";
  Principal principal_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<SharedBytes> sent_;
};

/// An update of client `client` inserting `text` into the root text "t".
std::vector<std::uint8_t> edit(std::uint64_t client, const std::string& text) {
  Doc doc(DocOptions::with_client_id(client));
  doc.transact(
      [&](accord::Transaction& t) { ASSERT_TRUE(doc.get_text("t").insert(t, 0, text).is_ok()); });
  return encode_state_as_update(doc);
}

/// The clients whose structs `update` carries.
std::set<std::uint64_t> clients_of(const std::vector<std::uint8_t>& update) {
  std::set<std::uint64_t> out;
  auto sv = encode_state_vector_from_update(update);
  EXPECT_TRUE(sv.ok());
  if (!sv.ok()) return out;
  auto decoded = decode_state_vector(*sv);
  EXPECT_TRUE(decoded.ok());
  if (decoded.ok()) {
    for (const auto& [client, clock] : *decoded) out.insert(client);
  }
  return out;
}

TEST(MergedBroadcast, TwoSocketsCommittedTogetherReachEveryoneAsOneUpdate) {
  std::string dir = (std::filesystem::temp_directory_path() / "accord-merge-XXXXXX").string();
  ASSERT_NE(mkdtemp(dir.data()), nullptr);
  auto auth = AuthStore::open(dir + "/auth.db");
  ASSERT_TRUE(auth.ok()) << auth.status().to_string();
  auto owned = std::make_unique<GateStorage>();
  GateStorage& storage = *owned;
  {
    DocumentHub hub(**auth, Limits{}, std::move(owned), HubOptions{});
    std::vector<std::shared_ptr<RecordingConnection>> sockets;
    std::vector<std::unique_ptr<MessageHandler>> handlers;
    for (std::uint64_t id = 1; id <= 4; ++id) {
      sockets.push_back(std::make_shared<RecordingConnection>(id));
      handlers.push_back(hub.create(sockets.back()));
      handlers.back()->on_open(*sockets.back());
    }
    auto say = [&](std::size_t socket, const std::vector<std::uint8_t>& update) {
      auto verdict = handlers[socket]->on_message(*sockets[socket],
                                                  sync::encode_message(sync::sync_update(update)));
      EXPECT_FALSE(verdict.has_value()) << verdict->reason;
    };

    // Socket 1's update is the first transaction, held open by the storage.
    say(0, edit(11, "plug "));
    storage.wait_entered();
    // Sockets 2 and 3 write while it is held: both wait for the next transaction.
    say(1, edit(12, "left "));
    say(2, edit(13, "right "));
    // Both are on the document's batch once the document's strand has run what was posted
    // before this (a strand runs its handlers in order).
    auto document = hub.acquire("acme/d");
    std::promise<void> drained;
    boost::asio::post(document->strand(), [&] { drained.set_value(); });
    drained.get_future().wait();
    hub.release(document);
    storage.release();

    // The observer (socket 4) gets two messages: the first transaction's update, then one
    // update with the structs of both clients of the second.
    auto seen = sockets[3]->updates(2);
    ASSERT_GE(seen.size(), 2u);
    EXPECT_EQ(seen.size(), 2u);
    EXPECT_EQ(clients_of(seen[0]), (std::set<std::uint64_t>{11}));
    EXPECT_EQ(clients_of(seen[1]), (std::set<std::uint64_t>{12, 13}));
    // A writer of the merged transaction gets it too (its own structs apply as a no-op).
    auto left = sockets[1]->updates(2);
    ASSERT_GE(left.size(), 2u);
    EXPECT_EQ(left[1], seen[1]);
    Doc replica(DocOptions::with_client_id(99));
    for (const auto& u : seen) ASSERT_TRUE(apply_update(replica, u).is_ok());
    const std::string text = replica.get_text("t").to_string();
    EXPECT_NE(text.find("plug "), std::string::npos) << text;
    EXPECT_NE(text.find("left "), std::string::npos) << text;
    EXPECT_NE(text.find("right "), std::string::npos) << text;
    for (std::size_t k = 0; k < handlers.size(); ++k) handlers[k]->on_close(*sockets[k]);
    hub.shutdown();
    // The hub owns the storage: read it before the hub goes.
    EXPECT_EQ(storage.batches(), (std::vector<std::size_t>{1, 2}));
  }
  std::filesystem::remove_all(dir);
}

} // namespace
} // namespace accord::server
