// accord-server's WebSocket plumbing: limits, bad frames and origins each close
// or refuse one socket with the right code while everyone else is served.
#include "server_process.h"
#include "test_clients.h"

#include <gtest/gtest.h>

namespace accord::test {
namespace {

namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;

class WebSocketTest : public ::testing::Test {
protected:
  void start(const std::vector<std::string>& args = {}) {
    server_ = ServerProcess::start(args);
    ASSERT_NE(server_, nullptr);
    member_ = make_user(*server_, "acme", "mike", "member");
    viewer_ = make_user(*server_, "acme", "vera", "viewer");
  }
  Headers bearer(const TestUser& user) { return {{"Authorization", "Bearer " + user.token}}; }

  /// A bystander socket opened before the trouble must still work after it.
  void expect_bystander_alive(WsClient& bystander) {
    std::vector<std::uint8_t> step1 = {0, 0};
    put_var_bytes(step1, {0});
    EXPECT_FALSE(bystander.write(step1));
    EXPECT_EQ(http_request(server_->port(), http::verb::get, "/health").result_int(), 200);
  }

  bool logged(const std::string& needle) {
    return server_->wait_for_log(
        [&](const std::string& line) { return line.find(needle) != std::string::npos; });
  }

  std::unique_ptr<ServerProcess> server_;
  TestUser member_, viewer_;
};

std::vector<std::uint8_t> sync_update(std::size_t payload_bytes) {
  std::vector<std::uint8_t> message = {0, 2};
  put_var_bytes(message, std::vector<std::uint8_t>(payload_bytes, 0));
  return message;
}

TEST_F(WebSocketTest, FrameOverTheLimitClosesWith1009) {
  start({"--max-frame-bytes", "1024"});
  WsClient bystander;
  ASSERT_FALSE(bystander.connect(server_->port(), "/y/acme/index", bearer(member_)));
  WsClient client;
  ASSERT_FALSE(client.connect(server_->port(), "/y/acme/index", bearer(member_)));
  ASSERT_FALSE(client.write(sync_update(1000))) << "under the limit is fine";
  (void)client.write(sync_update(4096));
  EXPECT_EQ(client.read_until_closed(), 1009) << client.last_error().message();
  expect_bystander_alive(bystander);
  EXPECT_TRUE(logged("\"code\":1009"));
}

TEST_F(WebSocketTest, MalformedMessagesCloseWith1007) {
  start();
  WsClient bystander;
  ASSERT_FALSE(bystander.connect(server_->port(), "/y/acme/index", bearer(member_)));
  const std::vector<std::vector<std::uint8_t>> bad = {
      {0x00, 0x02, 0x05, 0x01},                               // update claims 5 bytes, has 1
      {0x00, 0x07, 0x00},                                     // sync step 7
      {0x09},                                                 // unknown message type
      {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}, // varUint past 2^53
      {0x01, 0x01, 0x00, 0x00},                               // bytes after an awareness update
      {},                                                     // empty
  };
  for (const auto& message : bad) {
    WsClient client;
    ASSERT_FALSE(client.connect(server_->port(), "/y/acme/index", bearer(member_)));
    ASSERT_FALSE(client.write(message));
    EXPECT_EQ(client.read_until_closed(), 1007) << "message of " << message.size() << " bytes";
    EXPECT_FALSE(client.close_reason().empty());
  }
  WsClient text;
  ASSERT_FALSE(text.connect(server_->port(), "/y/acme/index", bearer(member_)));
  ASSERT_FALSE(text.write({'h', 'i'}, /*binary=*/false));
  EXPECT_EQ(text.read_until_closed(), 1003);
  expect_bystander_alive(bystander);
  EXPECT_TRUE(logged("malformed message"));
}

TEST_F(WebSocketTest, SyncSocketNeedsAuthAndItsTeamsDocuments) {
  start();
  {
    WsClient client; // a message before any authentication
    ASSERT_FALSE(client.connect(server_->port(), "/sync"));
    std::vector<std::uint8_t> message;
    put_var_string(message, "acme/index");
    message.insert(message.end(), {0, 0, 0});
    ASSERT_FALSE(client.write(message));
    EXPECT_EQ(client.read_until_closed(), 1008);
    EXPECT_NE(client.close_reason().find("not authenticated"), std::string::npos);
  }
  {
    WsClient client; // an authenticated socket touching another team's document
    ASSERT_FALSE(client.connect(server_->port(), "/sync", bearer(member_)));
    std::vector<std::uint8_t> message;
    put_var_string(message, "globex/index");
    message.insert(message.end(), {0, 0, 0});
    ASSERT_FALSE(client.write(message));
    EXPECT_EQ(client.read_until_closed(), 1008);
    EXPECT_NE(client.close_reason().find("not a member"), std::string::npos);
  }
}

TEST_F(WebSocketTest, DocumentsPerSocketAreLimited) {
  start({"--max-documents-per-socket", "3"});
  WsClient client;
  ASSERT_FALSE(client.connect(server_->port(), "/sync", bearer(member_)));
  for (int i = 0; i < 3; ++i) {
    std::vector<std::uint8_t> step1;
    put_var_string(step1, "acme/account/" + std::to_string(i));
    step1.insert(step1.end(), {0, 0, 1, 0});
    ASSERT_FALSE(client.write(step1));
  }
  std::vector<std::uint8_t> fourth;
  put_var_string(fourth, "acme/account/99");
  fourth.insert(fourth.end(), {0, 0, 1, 0});
  ASSERT_FALSE(client.write(fourth));
  EXPECT_EQ(client.read_until_closed(), 1008);
  EXPECT_NE(client.close_reason().find("documents"), std::string::npos);
}

TEST_F(WebSocketTest, MessageRateIsLimited) {
  start({"--max-message-rate", "5"});
  WsClient client;
  ASSERT_FALSE(client.connect(server_->port(), "/y/acme/index", bearer(member_)));
  std::vector<std::uint8_t> step1 = {0, 0};
  put_var_bytes(step1, {0});
  for (int i = 0; i < 100; ++i) {
    if (client.write(step1)) break; // the server may close mid-burst
  }
  EXPECT_EQ(client.read_until_closed(), 1008);
  EXPECT_NE(client.close_reason().find("rate"), std::string::npos);
}

TEST_F(WebSocketTest, ViewerWritesAreDroppedNotApplied) {
  start({"--log-level", "debug"});
  WsClient client;
  ASSERT_FALSE(client.connect(server_->port(), "/y/acme/index", bearer(viewer_)));
  ASSERT_FALSE(client.write(sync_update(10)));
  EXPECT_TRUE(logged("read-only access: write dropped"));
  std::vector<std::uint8_t> step1 = {0, 0};
  put_var_bytes(step1, {0});
  EXPECT_FALSE(client.write(step1)) << "the socket stays open for reading";
  EXPECT_EQ(http_request(server_->port(), http::verb::get, "/health").result_int(), 200);
}

TEST_F(WebSocketTest, OriginAllowList) {
  start({"--allow-origin", "https://app.example.com"});
  const std::string port = std::to_string(server_->port());
  struct Case {
    std::string origin;
    bool allowed;
  };
  const std::vector<Case> cases = {
      {"https://evil.example.com", false},
      {"http://127.0.0.1:1", false},
      {"null", false},
      {"https://app.example.com", true},
      {"HTTPS://APP.EXAMPLE.COM", true},
      {"http://127.0.0.1:" + port, true}, // same origin as the Host header
  };
  for (const Case& c : cases) {
    WsClient client;
    Headers headers = bearer(member_);
    headers["Origin"] = c.origin;
    const auto ec = client.connect(server_->port(), "/y/acme/index", headers);
    if (c.allowed) {
      EXPECT_FALSE(ec) << c.origin << ": " << ec.message();
    } else {
      EXPECT_EQ(ec, websocket::error::upgrade_declined) << c.origin;
      EXPECT_EQ(client.http_status(), 403u) << c.origin;
    }
  }
  EXPECT_TRUE(logged("origin not allowed"));
}

TEST_F(WebSocketTest, SilentPeersAreDroppedAfterTheIdleTimeout) {
  start({"--idle-timeout", "2"});
  WsClient silent; // never reads, so never answers the server's pings
  ASSERT_FALSE(silent.connect(server_->port(), "/y/acme/index", bearer(member_)));
  EXPECT_TRUE(server_->wait_for_log(
      [](const std::string& line) { return line.find("idle timeout") != std::string::npos; },
      std::chrono::seconds(10)));
  EXPECT_EQ(http_request(server_->port(), http::verb::get, "/health").result_int(), 200);
}

TEST_F(WebSocketTest, UnknownEndpointIs404) {
  start();
  WsClient client;
  EXPECT_EQ(client.connect(server_->port(), "/ws/acme/index", bearer(member_)),
            websocket::error::upgrade_declined);
  EXPECT_EQ(client.http_status(), 404u);
}

} // namespace
} // namespace accord::test
