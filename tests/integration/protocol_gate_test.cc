// The protocol gate: framing, document opening, Hocuspocus auth, viewer writes.
#include "protocol_gate.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace accord::server {
namespace {

void put_var_uint(std::vector<std::uint8_t>& out, std::uint64_t value) {
  while (value > 0x7f) {
    out.push_back(static_cast<std::uint8_t>(0x80 | (value & 0x7f)));
    value >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(value));
}

void put_var_string(std::vector<std::uint8_t>& out, std::string_view text) {
  put_var_uint(out, text.size());
  out.insert(out.end(), text.begin(), text.end());
}

/// A Connection that records what the gate sends.
class FakeConnection final : public Connection {
public:
  FakeConnection(Endpoint endpoint, std::string document, std::optional<Principal> principal)
      : endpoint_(endpoint), document_(std::move(document)), principal_(std::move(principal)) {}
  std::uint64_t id() const override { return 1; }
  Endpoint endpoint() const override { return endpoint_; }
  const std::string& document() const override { return document_; }
  const Principal* principal() const override { return principal_ ? &*principal_ : nullptr; }
  void set_principal(Principal principal) override { principal_ = std::move(principal); }
  void send_shared(SharedBytes message) override { sent.push_back(*message); }
  void close(CloseCode, std::string) override {}

  std::vector<std::vector<std::uint8_t>> sent;

private:
  Endpoint endpoint_;
  std::string document_;
  std::optional<Principal> principal_;
};

class ProtocolGateTest : public ::testing::Test {
protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "accord-gate-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    auto store = AuthStore::open((dir_ / "accounts.db").string());
    ASSERT_TRUE(store.ok());
    store_ = std::move(store).value();
    ASSERT_TRUE(store_->create_team("acme").ok());
    for (const auto& [name, role] : {std::pair{"mia", Role::kMember}, {"vic", Role::kViewer}}) {
      ASSERT_TRUE(store_->create_user(name, "password", PasswordCost::kMinimum).ok());
      ASSERT_TRUE(store_->add_member("acme", name, role).is_ok());
      tokens_[name] = store_->create_api_token(name, "t", std::nullopt).value().secret;
    }
    limits_.max_documents_per_socket = 2;
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  Principal principal(const std::string& name) {
    return store_->authenticate(tokens_[name]).value();
  }

  std::vector<std::uint8_t> sync_message(std::string_view document, std::uint8_t step) {
    std::vector<std::uint8_t> out;
    put_var_string(out, document);
    out.insert(out.end(), {0, step, 1, 0});
    return out;
  }
  std::vector<std::uint8_t> auth_message(std::string_view document, std::string_view token) {
    std::vector<std::uint8_t> out;
    put_var_string(out, document);
    out.insert(out.end(), {2, 0});
    put_var_string(out, token);
    return out;
  }

  std::filesystem::path dir_;
  std::unique_ptr<AuthStore> store_;
  std::map<std::string, std::string> tokens_;
  Limits limits_;
};

TEST_F(ProtocolGateTest, YWebsocketMessagesAreClassified) {
  FakeConnection connection(Endpoint::kSingleDocument, "acme/index", principal("mia"));
  ProtocolGate gate(*store_, limits_);
  const std::vector<std::uint8_t> step1 = {0, 0, 2, 1, 5};
  GateResult result = gate.admit(connection, step1);
  ASSERT_EQ(result.action, GateResult::Action::kDeliver) << result.close.reason;
  EXPECT_EQ(result.message.document, "acme/index");
  EXPECT_EQ(result.message.type, MessageType::kSync);
  EXPECT_EQ(result.message.step, SyncStep::kStep1);
  EXPECT_EQ(std::vector<std::uint8_t>(result.message.payload.begin(), result.message.payload.end()),
            (std::vector<std::uint8_t>{1, 5}));
  const std::vector<std::uint8_t> awareness = {1, 1, 0};
  EXPECT_EQ(gate.admit(connection, awareness).message.type, MessageType::kAwareness);
  const std::vector<std::uint8_t> query = {3};
  EXPECT_EQ(gate.admit(connection, query).action, GateResult::Action::kDeliver);
  const std::vector<std::uint8_t> hocuspocus_only = {5, 0};
  EXPECT_EQ(gate.admit(connection, hocuspocus_only).close.code, CloseCode::kInvalidPayload);
}

TEST_F(ProtocolGateTest, ViewerWritesAreDroppedReadsDelivered) {
  FakeConnection connection(Endpoint::kSingleDocument, "acme/index", principal("vic"));
  ProtocolGate gate(*store_, limits_);
  const std::vector<std::uint8_t> step1 = {0, 0, 1, 0};
  const std::vector<std::uint8_t> step2 = {0, 1, 1, 0};
  const std::vector<std::uint8_t> update = {0, 2, 1, 0};
  const std::vector<std::uint8_t> awareness = {1, 1, 0};
  EXPECT_EQ(gate.admit(connection, step1).action, GateResult::Action::kDeliver);
  EXPECT_TRUE(gate.admit(connection, step1).message.read_only);
  for (const auto* write : {&step2, &update, &awareness}) {
    const GateResult result = gate.admit(connection, *write);
    EXPECT_EQ(result.action, GateResult::Action::kDrop);
    EXPECT_EQ(result.reason, "read-only access: write dropped");
  }
}

TEST_F(ProtocolGateTest, HocuspocusAuthOpensDocumentsWithAScope) {
  FakeConnection connection(Endpoint::kMultiplexed, "", std::nullopt);
  ProtocolGate gate(*store_, limits_);
  EXPECT_EQ(gate.admit(connection, sync_message("acme/index", 0)).close.code,
            CloseCode::kPolicyViolation)
      << "no message before authentication";

  // A ticket authenticates once; the provider repeats it for every document.
  auto ticket = store_->issue_ticket(principal("vic"), 60);
  ASSERT_TRUE(ticket.ok());
  EXPECT_EQ(gate.admit(connection, auth_message("acme/index", ticket->secret)).action,
            GateResult::Action::kHandled);
  EXPECT_EQ(gate.admit(connection, auth_message("acme/account/1", ticket->secret)).action,
            GateResult::Action::kHandled);
  ASSERT_EQ(connection.sent.size(), 2u);
  EXPECT_EQ(connection.sent[0], ProtocolGate::encode_auth_reply(
                                    "acme/index", AuthMessageType::kAuthenticated, "readonly"));
  EXPECT_EQ(gate.open_documents(), 2u);

  // Another team's document: PermissionDenied, the socket stays.
  EXPECT_EQ(gate.admit(connection, auth_message("globex/index", ticket->secret)).action,
            GateResult::Action::kHandled);
  EXPECT_EQ(connection.sent.back(),
            ProtocolGate::encode_auth_reply("globex/index", AuthMessageType::kPermissionDenied,
                                            "not a member of team 'globex'"));
  // Over the per-socket limit: closed.
  EXPECT_EQ(gate.admit(connection, auth_message("acme/account/2", ticket->secret)).close.code,
            CloseCode::kPolicyViolation);
  // A different user's token on the same socket: closed.
  EXPECT_EQ(gate.admit(connection, auth_message("acme/index", tokens_["mia"])).close.code,
            CloseCode::kPolicyViolation);
}

TEST_F(ProtocolGateTest, ClosingADocumentFreesItsSlot) {
  FakeConnection connection(Endpoint::kMultiplexed, "", principal("mia"));
  ProtocolGate gate(*store_, limits_);
  EXPECT_EQ(gate.admit(connection, sync_message("acme/a", 0)).action, GateResult::Action::kDeliver);
  EXPECT_EQ(gate.admit(connection, sync_message("acme/b", 2)).action, GateResult::Action::kDeliver);
  std::vector<std::uint8_t> close;
  put_var_string(close, "acme/a");
  close.push_back(7);
  EXPECT_EQ(gate.admit(connection, close).action, GateResult::Action::kDeliver);
  EXPECT_EQ(gate.open_documents(), 1u);
  EXPECT_EQ(gate.admit(connection, sync_message("acme/c", 0)).action, GateResult::Action::kDeliver);
}

TEST_F(ProtocolGateTest, MalformedAndServerOnlyMessagesClose) {
  FakeConnection connection(Endpoint::kMultiplexed, "", principal("mia"));
  ProtocolGate gate(*store_, limits_);
  std::vector<std::uint8_t> status;
  put_var_string(status, "acme/a");
  status.insert(status.end(), {8, 1});
  EXPECT_EQ(gate.admit(connection, status).close.code, CloseCode::kPolicyViolation);
  std::vector<std::uint8_t> trailing = sync_message("acme/a", 0);
  trailing.push_back(0);
  EXPECT_EQ(gate.admit(connection, trailing).close.code, CloseCode::kInvalidPayload);
  const std::vector<std::uint8_t> bad_name = {0x03, 0xff, 0xfe, 0xfd, 0, 0, 0};
  EXPECT_EQ(gate.admit(connection, bad_name).close.code, CloseCode::kInvalidPayload);
  EXPECT_EQ(gate.admit(connection, sync_message("no-team", 0)).close.code,
            CloseCode::kPolicyViolation);
}

TEST_F(ProtocolGateTest, AccordClientsOlderThanTheMinimumProtocolAreClosed) {
  limits_.min_client_protocol = 2;
  const auto with_version = [&](std::string_view version) {
    std::vector<std::uint8_t> message = auth_message("acme/index", tokens_["mia"]);
    put_var_string(message, version);
    return message;
  };
  {
    FakeConnection connection(Endpoint::kMultiplexed, "", std::nullopt);
    ProtocolGate gate(*store_, limits_);
    const GateResult result = gate.admit(connection, with_version("accord/1"));
    EXPECT_EQ(result.action, GateResult::Action::kClose);
    EXPECT_EQ(result.close.code, CloseCode::kClientTooOld);
    EXPECT_EQ(static_cast<std::uint16_t>(result.close.code), 4426);
    EXPECT_EQ(result.close.reason, "client protocol 1 is older than the minimum 2: update Accord");
    EXPECT_TRUE(connection.sent.empty()) << "nothing is sent to a client that is too old";
  }
  for (const std::string_view accepted : {"accord/2", "accord/10", "4.8.0", ""}) {
    FakeConnection connection(Endpoint::kMultiplexed, "", std::nullopt);
    ProtocolGate gate(*store_, limits_);
    const auto message =
        accepted.empty() ? auth_message("acme/index", tokens_["mia"]) : with_version(accepted);
    EXPECT_EQ(gate.admit(connection, message).action, GateResult::Action::kHandled) << accepted;
  }
}

} // namespace
} // namespace accord::server
