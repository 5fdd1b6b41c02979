// The accounts store: teams, users, memberships, tokens, tickets, migrations.
#include "auth_store.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace accord::server {
namespace {

class AuthStoreTest : public ::testing::Test {
protected:
  void SetUp() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "accord-auth-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
    path_ = (dir_ / "accounts.db").string();
    auto store = AuthStore::open(path_, [this] { return now_; });
    ASSERT_TRUE(store.ok()) << store.status().to_string();
    store_ = std::move(store).value();
    ASSERT_TRUE(store_->create_team("acme").ok());
    ASSERT_TRUE(store_->create_user("ann", "ann-password", PasswordCost::kMinimum).ok());
    ASSERT_TRUE(store_->add_member("acme", "ann", Role::kMember).is_ok());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::filesystem::path dir_;
  std::string path_;
  std::int64_t now_ = 1'800'000'000;
  std::unique_ptr<AuthStore> store_;
};

TEST_F(AuthStoreTest, NamesAreValidatedAndUnique) {
  EXPECT_EQ(store_->create_team("acme").status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(store_->create_team("").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->create_team("a/b").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->create_team(std::string(65, 'a')).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->create_user("ann", "x", PasswordCost::kMinimum).status().code(),
            StatusCode::kAlreadyExists);
  EXPECT_EQ(store_->create_user("a b", "x", PasswordCost::kMinimum).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->create_user("bob", "", PasswordCost::kMinimum).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->add_member("nowhere", "ann", Role::kOwner).code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->add_member("acme", "ghost", Role::kOwner).code(), StatusCode::kNotFound);
}

TEST_F(AuthStoreTest, LoginChecksThePasswordAndIssuesExpiringSessions) {
  auto session = store_->login("ann", "ann-password", 3600);
  ASSERT_TRUE(session.ok()) << session.status().to_string();
  EXPECT_EQ(session->expires_at, now_ + 3600);
  auto principal = store_->authenticate(session->secret);
  ASSERT_TRUE(principal.ok());
  EXPECT_EQ(principal->user, "ann");
  EXPECT_EQ(principal->via, TokenKind::kSession);
  ASSERT_EQ(principal->teams.size(), 1u);
  EXPECT_EQ(principal->teams[0].team, "acme");
  EXPECT_EQ(principal->teams[0].role, Role::kMember);

  const auto wrong = store_->login("ann", "nope", 3600);
  const auto unknown = store_->login("ghost", "nope", 3600);
  EXPECT_EQ(wrong.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(wrong.status(), unknown.status()) << "no hint which part was wrong";

  now_ += 3599;
  EXPECT_TRUE(store_->authenticate(session->secret).ok());
  now_ += 1;
  EXPECT_EQ(store_->authenticate(session->secret).status().message(), "token expired");
}

TEST_F(AuthStoreTest, ApiTokensLiveUntilRevoked) {
  auto token = store_->create_api_token("ann", "ci", std::nullopt);
  ASSERT_TRUE(token.ok());
  EXPECT_FALSE(token->expires_at.has_value());
  now_ += 10 * 365 * 24 * 3600;
  auto principal = store_->authenticate(token->secret);
  ASSERT_TRUE(principal.ok());
  EXPECT_EQ(principal->via, TokenKind::kApi);
  EXPECT_TRUE(store_->revoke_token_id(token->id).is_ok());
  EXPECT_EQ(store_->authenticate(token->secret).status().message(), "token revoked");
  EXPECT_EQ(store_->revoke_token(token->secret).code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->revoke_token_id(12345).code(), StatusCode::kNotFound);
  EXPECT_EQ(store_->authenticate("aca_unknown").status().message(), "unknown token");
  EXPECT_EQ(store_->create_api_token("ann", "x", 0).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store_->create_api_token("ghost", "x", 60).status().code(), StatusCode::kNotFound);
}

TEST_F(AuthStoreTest, RolesChangeAndShowInTheNextAuthentication) {
  auto token = store_->create_api_token("ann", "ci", std::nullopt);
  ASSERT_TRUE(token.ok());
  ASSERT_TRUE(store_->add_member("acme", "ann", Role::kViewer).is_ok());
  ASSERT_TRUE(store_->create_team("globex").ok());
  ASSERT_TRUE(store_->add_member("globex", "ann", Role::kOwner).is_ok());
  auto principal = store_->authenticate(token->secret);
  ASSERT_TRUE(principal.ok());
  ASSERT_EQ(principal->teams.size(), 2u);
  EXPECT_EQ(principal->teams[0].role, Role::kViewer);
  EXPECT_EQ(principal->teams[1].team, "globex");
  EXPECT_EQ(principal->teams[1].role, Role::kOwner);
}

TEST_F(AuthStoreTest, TicketsAreOneUseAndShortLived) {
  auto session = store_->login("ann", "ann-password", 3600);
  ASSERT_TRUE(session.ok());
  auto principal = store_->authenticate(session->secret);
  ASSERT_TRUE(principal.ok());
  auto ticket = store_->issue_ticket(*principal, 60);
  ASSERT_TRUE(ticket.ok());
  EXPECT_TRUE(ticket->secret.starts_with("act_"));
  EXPECT_EQ(store_->authenticate(ticket->secret).status().message(), "a ticket is not a token");
  auto redeemed = store_->authenticate_any(ticket->secret);
  ASSERT_TRUE(redeemed.ok());
  EXPECT_EQ(redeemed->user, "ann");
  EXPECT_EQ(redeemed->via, TokenKind::kTicket);
  EXPECT_EQ(store_->redeem_ticket(ticket->secret).status().message(), "ticket already used");

  auto late = store_->issue_ticket(*principal, 60);
  ASSERT_TRUE(late.ok());
  now_ += 60;
  EXPECT_EQ(store_->redeem_ticket(late->secret).status().message(), "ticket expired");
  EXPECT_EQ(store_->redeem_ticket(session->secret).status().message(), "unknown ticket");
}

TEST_F(AuthStoreTest, DataSurvivesReopening) {
  auto token = store_->create_api_token("ann", "ci", std::nullopt);
  ASSERT_TRUE(token.ok());
  store_.reset();
  auto reopened = AuthStore::open(path_, [this] { return now_; });
  ASSERT_TRUE(reopened.ok());
  auto principal = (*reopened)->authenticate(token->secret);
  ASSERT_TRUE(principal.ok());
  EXPECT_EQ(principal->user, "ann");
}

TEST_F(AuthStoreTest, RefusesASchemaFromTheFuture) {
  store_.reset();
  {
    auto db = Database::open(path_);
    ASSERT_TRUE(db.ok());
    EXPECT_EQ(db->user_version().value(), AuthStore::kSchemaVersion);
    ASSERT_TRUE(db->set_user_version(AuthStore::kSchemaVersion + 1).is_ok());
  }
  auto refused = AuthStore::open(path_);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.status().message().find("newer"), std::string::npos);
}

TEST_F(AuthStoreTest, RefusesAFileThatIsNotADatabase) {
  const std::string junk = (dir_ / "junk.db").string();
  {
    std::FILE* file = std::fopen(junk.c_str(), "wb");
    ASSERT_NE(file, nullptr);
    const std::string bytes(4096, 'x');
    std::fwrite(bytes.data(), 1, bytes.size(), file);
    std::fclose(file);
  }
  auto refused = AuthStore::open(junk);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kCorrupt) << refused.status().to_string();
}

} // namespace
} // namespace accord::server
