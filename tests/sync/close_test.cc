// Close handling of the client session (accord/sync_close.h): the close-code table, the
// "accord/<protocol>" version string, and the session's state after each kind of close, driven
// through a recording transport and a manual timer. The same behaviour against the real server
// is in tests/integration/close_test.cc.
#include "accord/sync_close.h"
#include "accord/sync_session.h"

#include <gtest/gtest.h>

#include <map>

namespace accord::sync {
namespace {

class RecordingTransport final : public SyncTransport {
public:
  void open() override { ++opens; }
  void send(Bytes message) override { sent.push_back(std::move(message)); }
  void close() override { ++closes; }
  int opens = 0;
  int closes = 0;
  std::vector<Bytes> sent;
};

class ManualTimer final : public SyncTimer {
public:
  std::uint64_t now_ms() override { return now; }
  std::uint64_t schedule(std::uint64_t delay_ms, std::function<void()> fn) override {
    timers[++next] = {now + delay_ms, std::move(fn)};
    return next;
  }
  void cancel(std::uint64_t id) override { timers.erase(id); }
  /// Runs every timer due within `ms`.
  void advance(std::uint64_t ms) {
    now += ms;
    for (bool ran = true; ran;) {
      ran = false;
      for (auto it = timers.begin(); it != timers.end(); ++it) {
        if (it->second.first <= now) {
          auto fn = std::move(it->second.second);
          timers.erase(it);
          fn();
          ran = true;
          break;
        }
      }
    }
  }
  std::uint64_t now = 0;
  std::uint64_t next = 0;
  std::map<std::uint64_t, std::pair<std::uint64_t, std::function<void()>>> timers;
};

TEST(CloseCodes, EachCodeHasItsAction) {
  EXPECT_EQ(classify_close({kCloseNormal, "", 0}), CloseAction::kReconnect);
  EXPECT_EQ(classify_close({kCloseGoingAway, "server shutting down", 0}), CloseAction::kReconnect);
  EXPECT_EQ(classify_close({}), CloseAction::kReconnect) << "1006: no close frame";
  EXPECT_EQ(classify_close({kCloseInvalidPayload, "bad", 0}), CloseAction::kReconnect);
  EXPECT_EQ(classify_close({kCloseInternalError, "", 0}), CloseAction::kReconnect);
  EXPECT_EQ(classify_close({kCloseTryAgainLater, "", 0}), CloseAction::kReconnect);
  EXPECT_EQ(classify_close({kCloseMessageTooBig, "", 0}), CloseAction::kShrinkFrames);
  EXPECT_EQ(classify_close({kClosePolicyViolation, "not a member", 0}), CloseAction::kRefused);
  EXPECT_EQ(classify_close({kCloseAbnormal, "", 401}), CloseAction::kRefused);
  EXPECT_EQ(classify_close({kCloseAbnormal, "", 403}), CloseAction::kRefused);
  EXPECT_EQ(classify_close({kCloseAbnormal, "", 404}), CloseAction::kReconnect);
  EXPECT_EQ(classify_close({kCloseClientTooOld, "update", 0}), CloseAction::kOutdated);
}

TEST(CloseCodes, ClientVersionStringsRoundTripAndOthersAreNotAccords) {
  EXPECT_EQ(client_version_string(1), "accord/1");
  EXPECT_EQ(parse_client_protocol("accord/1"), 1u);
  EXPECT_EQ(parse_client_protocol(client_version_string(4000000)), 4000000u);
  EXPECT_EQ(parse_client_protocol("accord/"), 0u);
  EXPECT_EQ(parse_client_protocol("accord/x1"), 0u);
  EXPECT_EQ(parse_client_protocol("accord/12345678901"), 0u) << "too many digits";
  EXPECT_EQ(parse_client_protocol("4.8.0"), std::nullopt) << "a Hocuspocus provider";
  EXPECT_EQ(parse_client_protocol(""), std::nullopt);
}

class SessionCloseTest : public ::testing::Test {
protected:
  SessionCloseTest() : session_(transport_, timer_, options()) {
    session_.on_close = [this](const CloseInfo& info) { reported_.push_back(info); };
    EXPECT_TRUE(session_.attach("acme/index", doc_).is_ok());
    session_.start();
    session_.on_open();
  }
  static SyncSessionOptions options() {
    SyncSessionOptions result;
    result.token = "secret";
    result.max_frame_bytes = 5000;
    return result;
  }
  bool reconnect_pending() {
    const int opens = transport_.opens;
    timer_.advance(60000);
    return transport_.opens > opens;
  }

  RecordingTransport transport_;
  ManualTimer timer_;
  Doc doc_;
  Doc second_; ///< a second document a test may attach (outlives the session, as doc_ does)
  SyncSession session_;
  std::vector<CloseInfo> reported_;
};

TEST_F(SessionCloseTest, AuthCarriesTheTokenAndTheClientVersion) {
  ASSERT_FALSE(transport_.sent.empty());
  auto frame = decode_for(Framing::kHocuspocus, transport_.sent.front());
  ASSERT_TRUE(frame.ok());
  EXPECT_EQ(frame->message.type, MessageType::kAuth);
  EXPECT_EQ(frame->message.text, "secret");
  EXPECT_EQ(frame->message.version, "accord/1");
}

TEST_F(SessionCloseTest, PolicyViolationIsTerminalUntilStartedAgain) {
  session_.on_closed({kClosePolicyViolation, "more than 1 documents on one socket", 0});
  EXPECT_EQ(session_.state(), SessionState::kRefused);
  EXPECT_TRUE(session_.terminal());
  ASSERT_TRUE(session_.last_close().has_value());
  EXPECT_EQ(session_.last_close()->reason, "more than 1 documents on one socket");
  ASSERT_EQ(reported_.size(), 1u);
  EXPECT_FALSE(reconnect_pending());
  EXPECT_TRUE(timer_.timers.empty()) << "no timer runs in a terminal state";
  session_.on_closed({}); // a late event changes nothing
  EXPECT_EQ(session_.state(), SessionState::kRefused);
  EXPECT_EQ(reported_.size(), 1u);
  session_.start();
  EXPECT_EQ(session_.state(), SessionState::kConnecting);
  EXPECT_EQ(transport_.opens, 2);
}

TEST_F(SessionCloseTest, RefusedUpgradeIsTerminal) {
  session_.on_closed({kCloseAbnormal, "{\"error\":\"unknown token\"}", 401});
  EXPECT_EQ(session_.state(), SessionState::kRefused);
  EXPECT_FALSE(reconnect_pending());
}

TEST_F(SessionCloseTest, ClientTooOldIsOutdated) {
  session_.on_closed({kCloseClientTooOld, "client protocol 1 is older than the minimum 2", 0});
  EXPECT_EQ(session_.state(), SessionState::kOutdated);
  EXPECT_FALSE(reconnect_pending());
}

TEST_F(SessionCloseTest, EveryDocumentDeniedIsRefused) {
  ASSERT_TRUE(session_.attach("acme/account/1", second_).is_ok());
  const int closes = transport_.closes;
  (void)session_.on_message(
      encode_for(Framing::kHocuspocus, "acme/index", auth_permission_denied("unknown token")));
  EXPECT_EQ(session_.state(), SessionState::kConnected) << "one of two documents denied";
  (void)session_.on_message(
      encode_for(Framing::kHocuspocus, "acme/account/1", auth_permission_denied("unknown token")));
  EXPECT_EQ(session_.state(), SessionState::kRefused);
  EXPECT_EQ(transport_.closes, closes + 1);
  ASSERT_TRUE(session_.last_close().has_value());
  EXPECT_EQ(session_.last_close()->code, kClosePolicyViolation);
  EXPECT_EQ(session_.last_close()->reason, "access denied: unknown token");
  session_.on_closed({}); // the transport's close follows and is ignored
  EXPECT_FALSE(reconnect_pending());
}

TEST_F(SessionCloseTest, InvalidPayloadIsReportedAndReconnects) {
  session_.on_closed({kCloseInvalidPayload, "update does not apply", 0});
  EXPECT_EQ(session_.state(), SessionState::kWaiting);
  ASSERT_EQ(reported_.size(), 1u);
  EXPECT_EQ(reported_.front().code, kCloseInvalidPayload);
  EXPECT_TRUE(reconnect_pending());
}

TEST_F(SessionCloseTest, MessageTooBigHalvesTheFrameLimitDownToAFloor) {
  session_.on_closed({kCloseMessageTooBig, "", 0});
  EXPECT_EQ(session_.max_frame_bytes(), 2500u);
  EXPECT_TRUE(reconnect_pending());
  for (int i = 0; i < 5; ++i) {
    session_.on_open();
    session_.on_closed({kCloseMessageTooBig, "", 0});
    EXPECT_TRUE(reconnect_pending());
  }
  EXPECT_EQ(session_.max_frame_bytes(), 1024u);
}

} // namespace
} // namespace accord::sync
