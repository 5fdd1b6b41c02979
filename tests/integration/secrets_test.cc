// Passwords (argon2id) and bearer secrets of accord-server.
#include "secrets.h"

#include <gtest/gtest.h>

#include <set>

namespace accord::server {
namespace {

class SecretsTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_TRUE(init_crypto().is_ok()); }
};

TEST_F(SecretsTest, Argon2idHashesVerifyOnlyTheirPassword) {
  auto hash = hash_password("correct horse battery staple");
  ASSERT_TRUE(hash.ok());
  EXPECT_TRUE(hash->starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password("correct horse battery staple", *hash));
  EXPECT_FALSE(verify_password("correct horse battery stapler", *hash));
  EXPECT_FALSE(verify_password("", *hash));
  auto again = hash_password("correct horse battery staple");
  ASSERT_TRUE(again.ok());
  EXPECT_NE(*hash, *again) << "each hash has its own salt";
}

TEST_F(SecretsTest, RefusesEmptyAndHugePasswordsAndMalformedHashes) {
  EXPECT_EQ(hash_password("").status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(hash_password(std::string(2000, 'a')).status().code(), StatusCode::kInvalidArgument);
  EXPECT_FALSE(verify_password("x", ""));
  EXPECT_FALSE(verify_password("x", "$argon2id$garbage"));
  EXPECT_FALSE(verify_password("x", std::string(500, '$')));
}

TEST_F(SecretsTest, TokensAreRandomPrefixedAndStoredAsDigests) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string token = generate_token(TokenKind::kApi);
    EXPECT_TRUE(token.starts_with("aca_"));
    EXPECT_EQ(token.size(), 4u + 43u);
    EXPECT_TRUE(seen.insert(token).second);
  }
  EXPECT_TRUE(generate_token(TokenKind::kSession).starts_with("acs_"));
  EXPECT_TRUE(generate_token(TokenKind::kTicket).starts_with("act_"));
  const auto digest = token_digest("aca_abc");
  EXPECT_EQ(digest.size(), 32u);
  EXPECT_EQ(digest, token_digest("aca_abc"));
  EXPECT_NE(digest, token_digest("aca_abd"));
  EXPECT_GE(generate_password().size(), 20u);
}

} // namespace
} // namespace accord::server
