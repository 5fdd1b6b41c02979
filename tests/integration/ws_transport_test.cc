// The WebSocket transport (cli/ws_transport.h) may be destroyed while its connections still have
// work queued on the io_context: a closing handshake, a connection the session replaced, a
// posted "closed" report. Those handlers must find it gone and do nothing. Under ASan a handler
// that touched the destroyed transport is a use-after-free report, so these tests fail loudly.
#include "server_process.h"
#include "sync_peer.h"

#include <gtest/gtest.h>

#include <memory>

namespace accord::test {
namespace {

class WsTransportLifetimeTest : public ::testing::Test {
protected:
  void SetUp() override {
    server_ = ServerProcess::start({});
    ASSERT_NE(server_, nullptr);
    token_ = make_user(*server_, "acme", "mike", "member").token;
  }

  std::unique_ptr<SyncPeer> connected_peer() {
    sync::SyncSessionOptions options;
    options.backoff_initial_ms = 20;
    options.backoff_max_ms = 100;
    auto peer =
        std::make_unique<SyncPeer>(ioc_, timer_, server_->port(), "/sync", token_, options, 7);
    EXPECT_TRUE(peer->session.attach("acme/account/lifetime", peer->doc).is_ok());
    peer->session.start();
    EXPECT_TRUE(pump_until(ioc_, [&] { return peer->session.synced("acme/account/lifetime"); }));
    return peer;
  }

  /// Runs every handler still queued or pending on the io_context (those of the destroyed
  /// transport's connections among them) until it has no work left.
  void drain() {
    ioc_.restart();
    ioc_.run_for(std::chrono::seconds(10));
    EXPECT_TRUE(ioc_.stopped()) << "handlers still pending after 10 s";
  }

  std::unique_ptr<ServerProcess> server_;
  std::string token_;
  boost::asio::io_context ioc_;
  AsioTimer timer_{ioc_};
};

TEST_F(WsTransportLifetimeTest, DestroyedDuringAClosingHandshakeAndAReplacementConnection) {
  auto peer = connected_peer();
  ASSERT_NE(peer, nullptr);
  std::uint64_t opens = peer->transport.opens();
  // A closing handshake in flight, then a new connection resolving: two connections with
  // handlers pending when the transport goes away.
  peer->transport.close();
  peer->transport.open();
  EXPECT_EQ(peer->transport.opens(), opens + 1);
  peer.reset();
  drain();
  EXPECT_NE(connected_peer(), nullptr); // the io_context and the server carry on
}

TEST_F(WsTransportLifetimeTest, DestroyedWithAClosedReportPosted) {
  auto peer = connected_peer();
  ASSERT_NE(peer, nullptr);
  peer->transport.cut(); // posts the session's on_closed
  peer.reset();
  drain();
  EXPECT_NE(connected_peer(), nullptr); // the io_context and the server carry on
}

TEST_F(WsTransportLifetimeTest, DestroyedWhileOfflineOpenIsReported) {
  auto peer = connected_peer();
  ASSERT_NE(peer, nullptr);
  peer->transport.cut();
  peer->transport.online = false;
  peer->transport.open(); // posts "offline" to the session
  peer.reset();
  drain();
  EXPECT_NE(connected_peer(), nullptr); // the io_context and the server carry on
}

} // namespace
} // namespace accord::test
