// How a C++ sync session learns why accord-server ended its connection (accord/sync_close.h),
// against the real server process: access refusals (bad token in the upgrade or in the Auth
// message, another team's document, a policy limit) end in the terminal kRefused state with no
// reconnect; a client older than --min-client-protocol ends in kOutdated; 1007 and 1009 are
// reported and the session carries on. (1009's smaller frame limit is covered by
// tests/sync/close_test.cc only.)
#include "server_process.h"
#include "sync_peer.h"

#include <gtest/gtest.h>

namespace accord::test {
namespace {

namespace net = boost::asio;
using sync::CloseInfo;
using sync::SessionState;
using sync::SyncSessionOptions;

void append_text(Doc& doc, std::string_view text) {
  doc.transact([&](Transaction& txn) {
    TextRef t = doc.get_text("t");
    ASSERT_TRUE(t.insert(txn, t.length(), text).is_ok());
  });
}

/// A device with two documents on one session; `bearer` goes in the upgrade request and the
/// session's token in Auth messages.
struct Peer {
  Peer(net::io_context& ioc, AsioTimer& timer, std::uint16_t port, const std::string& target,
       const std::string& bearer, sync::SyncSessionOptions options, std::uint64_t client_id)
      : doc(DocOptions::with_client_id(client_id)),
        doc2(DocOptions::with_client_id(client_id)),
        transport(ioc, port, target, bearer),
        session(transport, timer, std::move(options)) {
    transport.bind(session);
  }
  Doc doc;
  Doc doc2;
  WsTransport transport;
  sync::SyncSession session;
};

class CloseTest : public ::testing::Test {
protected:
  void start(std::vector<std::string> extra = {}) {
    peers_.clear();
    server_.reset();
    server_ = ServerProcess::start(extra);
    ASSERT_NE(server_, nullptr);
    member_ = make_user(*server_, "acme", "mike", "member");
  }

  /// A peer on `target` that sends `bearer` in the upgrade and `token` in Auth messages.
  Peer& add_peer(const std::string& target, const std::string& bearer, const std::string& token,
                 SyncSessionOptions options = {}) {
    options.backoff_initial_ms = 20;
    options.backoff_max_ms = 100;
    options.seed = next_client_;
    options.token = token;
    peers_.push_back(std::make_unique<Peer>(ioc_, timer_, server_->port(), target, bearer, options,
                                            next_client_++));
    Peer& peer = *peers_.back();
    peer.session.on_close = [this](const CloseInfo& info) { closes_.push_back(info); };
    return peer;
  }

  /// Pumps for `duration` regardless (to show that nothing more happens).
  void pump_for(std::chrono::milliseconds duration) {
    pump_until(
        ioc_, [] { return false; }, duration);
  }

  /// Expects `peer` to stay in `state` without another connection attempt for 400 ms (its
  /// backoff is at most 100 ms, so a reconnecting session would have tried several times).
  void expect_terminal(Peer& peer, SessionState state) {
    const std::uint64_t opens = peer.transport.opens();
    pump_for(std::chrono::milliseconds(400));
    EXPECT_EQ(peer.session.state(), state);
    EXPECT_TRUE(peer.session.terminal());
    EXPECT_EQ(peer.transport.opens(), opens) << "a terminal state does not reconnect";
  }

  net::io_context ioc_;
  AsioTimer timer_{ioc_};
  std::unique_ptr<ServerProcess> server_;
  TestUser member_;
  std::vector<std::unique_ptr<Peer>> peers_;
  std::vector<CloseInfo> closes_;
  std::uint64_t next_client_ = 21;
};

TEST_F(CloseTest, BadTokenInTheUpgradeIsRefusedWithoutRetrying) {
  start();
  Peer& peer = add_peer("/sync", "not-a-token", "not-a-token");
  ASSERT_TRUE(peer.session.attach("acme/index", peer.doc).is_ok());
  peer.session.start();
  ASSERT_TRUE(pump_until(ioc_, [&] { return peer.session.terminal(); }));
  expect_terminal(peer, SessionState::kRefused);
  ASSERT_TRUE(peer.session.last_close().has_value());
  EXPECT_EQ(peer.session.last_close()->http_status, 401);
  EXPECT_EQ(peer.session.connections(), 0u);
  EXPECT_EQ(peer.transport.opens(), 1u);
  ASSERT_EQ(closes_.size(), 1u) << "on_close reported the refusal";

  // A working credential and start() leave the terminal state.
  Peer& fixed = add_peer("/sync", "", "not-a-token");
  ASSERT_TRUE(fixed.session.attach("acme/index", fixed.doc).is_ok());
  fixed.session.start();
  ASSERT_TRUE(pump_until(ioc_, [&] { return fixed.session.terminal(); }));
  fixed.session.set_token(member_.token);
  fixed.session.start();
  ASSERT_TRUE(pump_until(ioc_, [&] { return fixed.session.synced("acme/index"); }));
}

TEST_F(CloseTest, BadTokenInTheAuthMessageIsRefusedWithTheServersReason) {
  start();
  // As a browser does: no header, the token in the Hocuspocus Auth message.
  Peer& peer = add_peer("/sync", "", "not-a-token");
  ASSERT_TRUE(peer.session.attach("acme/index", peer.doc).is_ok());
  ASSERT_TRUE(peer.session.attach("acme/account/1", peer.doc2).is_ok());
  peer.session.start();
  ASSERT_TRUE(pump_until(ioc_, [&] { return peer.session.terminal(); }));
  expect_terminal(peer, SessionState::kRefused);
  ASSERT_TRUE(peer.session.last_close().has_value());
  // The server answers the Auth with PermissionDenied and closes the socket with 1008 "not
  // authenticated" at the next message; either way the session ends refused.
  EXPECT_EQ(peer.session.last_close()->code, sync::kClosePolicyViolation);
  EXPECT_FALSE(peer.session.last_close()->reason.empty());
}

TEST_F(CloseTest, AnotherTeamsDocumentOnTheSingleDocumentEndpointIsRefused) {
  start();
  SyncSessionOptions options;
  options.framing = sync::Framing::kYWebsocket;
  Peer& peer = add_peer("/y/globex/index", member_.token, member_.token, options);
  ASSERT_TRUE(peer.session.attach("globex/index", peer.doc).is_ok());
  peer.session.start();
  ASSERT_TRUE(pump_until(ioc_, [&] { return peer.session.terminal(); }));
  expect_terminal(peer, SessionState::kRefused);
  EXPECT_EQ(peer.session.last_close()->http_status, 403);
}

TEST_F(CloseTest, APolicyCloseStopsReconnectingAndKeepsTheReason) {
  start({"--max-documents-per-socket", "1"});
  Peer& peer = add_peer("/sync", member_.token, member_.token);
  ASSERT_TRUE(peer.session.attach("acme/index", peer.doc).is_ok());
  ASSERT_TRUE(peer.session.attach("acme/account/1", peer.doc2).is_ok());
  append_text(peer.doc, "kept in the outbox");
  peer.session.start();
  ASSERT_TRUE(pump_until(ioc_, [&] { return peer.session.terminal(); }));
  expect_terminal(peer, SessionState::kRefused);
  ASSERT_TRUE(peer.session.last_close().has_value());
  EXPECT_EQ(peer.session.last_close()->code, 1008);
  EXPECT_NE(peer.session.last_close()->reason.find("documents"), std::string::npos)
      << peer.session.last_close()->reason;
  EXPECT_EQ(peer.transport.opens(), 1u);
}

TEST_F(CloseTest, AClientOlderThanTheServersMinimumIsOutdated) {
  start({"--min-client-protocol", "2"});
  Peer& old_client = add_peer("/sync", member_.token, member_.token);
  ASSERT_TRUE(old_client.session.attach("acme/index", old_client.doc).is_ok());
  old_client.session.start();
  ASSERT_TRUE(pump_until(ioc_, [&] { return old_client.session.terminal(); }));
  expect_terminal(old_client, SessionState::kOutdated);
  ASSERT_TRUE(old_client.session.last_close().has_value());
  EXPECT_EQ(old_client.session.last_close()->code, sync::kCloseClientTooOld);
  EXPECT_EQ(old_client.session.last_close()->reason,
            "client protocol 1 is older than the minimum 2: update Accord");
  EXPECT_EQ(old_client.doc.get_text("t").length(), 0u);

  SyncSessionOptions newer;
  newer.protocol = 2;
  Peer& new_client = add_peer("/sync", member_.token, member_.token, newer);
  ASSERT_TRUE(new_client.session.attach("acme/index", new_client.doc).is_ok());
  new_client.session.start();
  ASSERT_TRUE(pump_until(ioc_, [&] { return new_client.session.synced("acme/index"); }));
}

TEST_F(CloseTest, InvalidPayloadIsReportedAndTheSessionReconnects) {
  start();
  Peer& peer = add_peer("/sync", member_.token, member_.token);
  ASSERT_TRUE(peer.session.attach("acme/index", peer.doc).is_ok());
  peer.session.start();
  ASSERT_TRUE(pump_until(ioc_, [&] { return peer.session.synced("acme/index"); }));
  // An update that claims 5 structs of client 9 and ends there.
  peer.transport.send(
      sync::encode_frame("acme/index", sync::sync_update(std::vector<std::uint8_t>{1, 5, 9})));
  ASSERT_TRUE(pump_until(ioc_, [&] { return !closes_.empty(); }));
  EXPECT_EQ(closes_.front().code, sync::kCloseInvalidPayload);
  EXPECT_FALSE(closes_.front().reason.empty());
  ASSERT_TRUE(pump_until(ioc_, [&] {
    return peer.session.connections() >= 2 && peer.session.synced("acme/index");
  })) << "1007 is reported, not terminal";
}

} // namespace
} // namespace accord::test
