// `accord-server admin ...` against a data directory, with a server running on
// it, plus the command line itself (--help, refusing a newer schema).
#include "server_process.h"
#include "sqlite_db.h"
#include "test_clients.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace accord::test {
namespace {

namespace http = boost::beast::http;

class AdminTest : public ::testing::Test {
protected:
  void SetUp() override {
    server_ = ServerProcess::start();
    ASSERT_NE(server_, nullptr);
  }
  unsigned me_status(const std::string& token) {
    return http_request(server_->port(), http::verb::get, "/api/me", "",
                        {{"Authorization", "Bearer " + token}})
        .result_int();
  }
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(AdminTest, CreatesTeamsUsersMembershipsAndTokens) {
  EXPECT_EQ(server_->admin({"create-team", "acme"}).exit_code, 0);
  const ProcessResult user = server_->admin({"create-user", "ann"});
  ASSERT_EQ(user.exit_code, 0) << user.err;
  const std::string password = user.out.substr(0, user.out.find('\n'));
  EXPECT_GE(password.size(), 16u) << "a generated password is printed on stdout";
  EXPECT_EQ(server_->admin({"add-member", "acme", "ann", "--role", "viewer"}).exit_code, 0);
  EXPECT_EQ(server_->admin({"add-member", "acme", "ann", "--role", "owner"}).exit_code, 0);

  const std::string session = login(server_->port(), "ann", password);
  ASSERT_FALSE(session.empty());
  const auto me = nlohmann::json::parse(http_request(server_->port(), http::verb::get, "/api/me",
                                                     "", {{"Authorization", "Bearer " + session}})
                                            .body());
  EXPECT_EQ(me["teams"], nlohmann::json::parse(R"([{"team":"acme","role":"owner"}])"));

  const ProcessResult token = server_->admin({"create-token", "ann", "--expires-in", "3600"});
  ASSERT_EQ(token.exit_code, 0) << token.err;
  const std::string secret = token.out.substr(0, token.out.find('\n'));
  EXPECT_TRUE(secret.starts_with("aca_"));
  EXPECT_NE(token.err.find("token id"), std::string::npos);
  EXPECT_EQ(me_status(secret), 200u);
}

TEST_F(AdminTest, RevokesTokensByIdAndByValue) {
  const TestUser user = make_user(*server_, "acme", "bob", "member");
  EXPECT_EQ(me_status(user.token), 200u);
  const ProcessResult second = server_->admin({"create-token", "bob"});
  const std::string other = second.out.substr(0, second.out.find('\n'));
  const std::string id_text = second.err.substr(second.err.find("token id ") + 9);
  const std::string id = id_text.substr(0, id_text.find(' '));

  EXPECT_EQ(server_->admin({"revoke-token", "--id", id}).exit_code, 0);
  EXPECT_EQ(me_status(other), 401u);
  EXPECT_EQ(me_status(user.token), 200u) << "only that token is revoked";
  EXPECT_EQ(server_->admin({"revoke-token", "--token", user.token}).exit_code, 0);
  EXPECT_EQ(me_status(user.token), 401u);
}

TEST_F(AdminTest, ReportsClearErrors) {
  ASSERT_EQ(server_->admin({"create-team", "acme"}).exit_code, 0);
  struct Case {
    std::vector<std::string> args;
    int exit_code;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{"create-team", "acme"}, 1, "team 'acme' exists"},
      {{"create-team", "bad/name"}, 1, "team names are"},
      {{"create-user", "no spaces"}, 1, "user names are"},
      {{"add-member", "acme", "ghost", "--role", "member"}, 1, "no user 'ghost'"},
      {{"add-member", "nowhere", "ghost", "--role", "member"}, 1, "no user 'ghost'"},
      {{"add-member", "acme", "ghost", "--role", "admin"}, 105, "admin"},
      {{"create-token", "ghost"}, 1, "no user 'ghost'"},
      {{"revoke-token", "--id", "999"}, 1, "no token with id 999"},
      {{"revoke-token"}, 1, "give --id or --token"},
  };
  for (const Case& c : cases) {
    const ProcessResult result = server_->admin(c.args);
    EXPECT_EQ(result.exit_code, c.exit_code) << c.args[0] << ": " << result.err;
    EXPECT_NE(result.err.find(c.message), std::string::npos) << result.err;
    EXPECT_TRUE(result.out.empty()) << "nothing on stdout after an error";
  }
  const ProcessResult no_data = run_process({ACCORD_SERVER_BINARY, "admin", "create-team", "x"});
  EXPECT_NE(no_data.exit_code, 0);
  EXPECT_NE(no_data.err.find("--data"), std::string::npos);
}

TEST(AdminCommandLine, RefusesADataDirectoryFromANewerServer) {
  TempDir dir;
  const std::string data = (dir.path() / "data").string();
  ASSERT_EQ(
      run_process({ACCORD_SERVER_BINARY, "admin", "create-team", "acme", "--data", data}).exit_code,
      0);
  {
    auto db = server::Database::open(data + "/accounts.db");
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(db->set_user_version(99).is_ok());
  }
  const ProcessResult admin =
      run_process({ACCORD_SERVER_BINARY, "admin", "create-team", "other", "--data", data});
  EXPECT_EQ(admin.exit_code, 1);
  EXPECT_NE(admin.err.find("schema version 99"), std::string::npos) << admin.err;
  const ProcessResult serve =
      run_process({ACCORD_SERVER_BINARY, "--listen", "127.0.0.1:0", "--data", data});
  EXPECT_EQ(serve.exit_code, 1);
  EXPECT_NE(serve.err.find("newer"), std::string::npos) << serve.err;
  EXPECT_NE(serve.err.find("\"event\":\"startup_failed\""), std::string::npos);
}

TEST(AdminCommandLine, HelpExplainsEveryFlag) {
  const ProcessResult help = run_process({ACCORD_SERVER_BINARY, "--help"});
  EXPECT_EQ(help.exit_code, 0);
  for (const char* flag :
       {"--listen", "--data", "--web", "--allow-origin", "--threads", "--max-frame-bytes",
        "--max-documents-per-socket", "--max-message-rate", "--idle-timeout",
        "--max-send-queue-bytes", "--max-connections", "--max-http-body-bytes",
        "--max-login-failures", "--session-ttl", "--shutdown-grace", "--log-level", "admin"}) {
    EXPECT_NE(help.out.find(flag), std::string::npos) << flag;
  }
  const ProcessResult admin_help = run_process({ACCORD_SERVER_BINARY, "admin", "--help"});
  for (const char* command :
       {"create-team", "create-user", "add-member", "create-token", "revoke-token"}) {
    EXPECT_NE(admin_help.out.find(command), std::string::npos) << command;
  }
  EXPECT_EQ(
      run_process({ACCORD_SERVER_BINARY, "--listen", "nonsense", "--data", "/tmp/x"}).exit_code, 2);
}

} // namespace
} // namespace accord::test
