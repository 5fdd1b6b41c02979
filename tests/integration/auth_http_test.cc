// Accounts and access through a real accord-server: the login API, the table
// of bad credentials and of role x operation x team on WebSockets, tickets, and
// that no secret ever reaches the log.
#include "auth_store.h"
#include "server_process.h"
#include "test_clients.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace accord::test {
namespace {

namespace http = boost::beast::http;
namespace websocket = boost::beast::websocket;
using nlohmann::json;

class AuthTest : public ::testing::Test {
protected:
  void SetUp() override {
    server_ = ServerProcess::start();
    ASSERT_NE(server_, nullptr);
    owner_ = make_user(*server_, "acme", "olive", "owner");
    member_ = make_user(*server_, "acme", "mike", "member");
    viewer_ = make_user(*server_, "acme", "vera", "viewer");
    outsider_ = make_user(*server_, "globex", "gus", "owner");
    secrets_ = {owner_.token,    member_.token,   viewer_.token,
                outsider_.token, owner_.password, member_.password};
  }

  void TearDown() override {
    if (server_ == nullptr) return;
    for (const std::string& line : server_->log_lines()) {
      for (const std::string& secret : secrets_) {
        EXPECT_EQ(line.find(secret), std::string::npos) << "a secret reached the log: " << line;
      }
    }
  }

  HttpResponse api(http::verb method, const std::string& target, const std::string& token,
                   const std::string& body = "") {
    Headers headers;
    if (!token.empty()) headers["Authorization"] = "Bearer " + token;
    return http_request(server_->port(), method, target, body, headers);
  }

  /// Upgrade status of /y/<document> with `token` as a bearer header.
  unsigned upgrade_status(const std::string& document, const std::string& token) {
    WsClient client;
    Headers headers;
    if (!token.empty()) headers["Authorization"] = "Bearer " + token;
    const auto ec = client.connect(server_->port(), "/y/" + document, headers);
    if (!ec) return 101;
    EXPECT_EQ(ec, websocket::error::upgrade_declined) << ec.message();
    return client.http_status();
  }

  std::unique_ptr<ServerProcess> server_;
  TestUser owner_, member_, viewer_, outsider_;
  std::vector<std::string> secrets_;
};

TEST_F(AuthTest, LoginIssuesASessionTokenThatMeAccepts) {
  const HttpResponse response =
      api(http::verb::post, "/api/login", "",
          json{{"user", member_.name}, {"password", member_.password}}.dump());
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const json body = json::parse(response.body());
  const std::string token = body["token"];
  secrets_.push_back(token);
  EXPECT_TRUE(token.starts_with("acs_"));
  EXPECT_EQ(body["user"], "mike");
  EXPECT_EQ(body["teams"], json::parse(R"([{"team":"acme","role":"member"}])"));
  EXPECT_GT(body["expires_at"].get<std::int64_t>(), 0);

  const HttpResponse me = api(http::verb::get, "/api/me", token);
  ASSERT_EQ(me.result_int(), 200) << me.body();
  EXPECT_EQ(json::parse(me.body())["user"], "mike");
  EXPECT_EQ(json::parse(me.body())["token_kind"], "session");
}

TEST_F(AuthTest, LoginRefusesWrongPasswordsAndUnknownUsersAlike) {
  const HttpResponse wrong =
      api(http::verb::post, "/api/login", "", json{{"user", "mike"}, {"password", "nope"}}.dump());
  const HttpResponse unknown = api(http::verb::post, "/api/login", "",
                                   json{{"user", "nobody"}, {"password", "nope"}}.dump());
  EXPECT_EQ(wrong.result_int(), 401);
  EXPECT_EQ(unknown.result_int(), 401);
  EXPECT_EQ(wrong.body(), unknown.body());
  EXPECT_EQ(api(http::verb::post, "/api/login", "", "{not json").result_int(), 400);
  EXPECT_EQ(api(http::verb::post, "/api/login", "", R"({"user":1,"password":2})").result_int(),
            400);
  EXPECT_EQ(api(http::verb::get, "/api/login", "").result_int(), 405);
  EXPECT_TRUE(server_->wait_for_log([](const std::string& line) {
    return line.find("\"event\":\"login_failed\"") != std::string::npos &&
           line.find("\"user\":\"nobody\"") != std::string::npos;
  }));
}

TEST(AuthThrottleTest, RepeatedFailuresFromOneAddressAreAnswered429) {
  auto server = ServerProcess::start({"--max-login-failures", "3"});
  ASSERT_NE(server, nullptr);
  const TestUser user = make_user(*server, "acme", "tess", "member");
  const auto attempt = [&](const std::string& password) {
    return http_request(server->port(), http::verb::post, "/api/login",
                        json{{"user", user.name}, {"password", password}}.dump());
  };
  EXPECT_EQ(attempt(user.password).result_int(), 200);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(attempt("wrong").result_int(), 401);
  const HttpResponse throttled = attempt(user.password);
  EXPECT_EQ(throttled.result_int(), 429) << "even the right password waits";
  EXPECT_GT(std::stoi(std::string(throttled[http::field::retry_after])), 0);
}

TEST_F(AuthTest, LogoutRevokesTheSession) {
  const std::string token = login(server_->port(), owner_.name, owner_.password);
  ASSERT_FALSE(token.empty());
  secrets_.push_back(token);
  EXPECT_EQ(api(http::verb::post, "/api/logout", token).result_int(), 200);
  const HttpResponse me = api(http::verb::get, "/api/me", token);
  EXPECT_EQ(me.result_int(), 401);
  EXPECT_EQ(json::parse(me.body())["error"], "token revoked");
  EXPECT_EQ(api(http::verb::post, "/api/logout", token).result_int(), 401);
}

TEST_F(AuthTest, BadCredentialsAreRefusedBeforeTheUpgrade) {
  // An expired token: issued through the store itself with a clock an hour back.
  auto store = server::AuthStore::open((server_->data_dir() / "accounts.db").string(),
                                       [] { return server::system_clock()() - 3600; });
  ASSERT_TRUE(store.ok()) << store.status().to_string();
  auto expired = (*store)->create_api_token("mike", "short", 60);
  ASSERT_TRUE(expired.ok());
  secrets_.push_back(expired->secret);
  // A revoked token.
  const ProcessResult issued = server_->admin({"create-token", "mike"});
  ASSERT_EQ(issued.exit_code, 0) << issued.err;
  const std::string revoked = issued.out.substr(0, issued.out.find('\n'));
  secrets_.push_back(revoked);
  ASSERT_EQ(server_->admin({"revoke-token", "--token", revoked}).exit_code, 0);

  struct Case {
    std::string name, token;
    unsigned status;
  };
  const std::vector<Case> cases = {
      {"missing", "", 401},
      {"wrong", "aca_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 401},
      {"garbage", "x", 401},
      {"expired", expired->secret, 401},
      {"revoked", revoked, 401},
      {"other team's token", outsider_.token, 403},
      {"valid", member_.token, 101},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(upgrade_status("acme/account/1", c.token), c.status) << c.name;
  }
  EXPECT_EQ(upgrade_status("acme", member_.token), 400) << "a document name needs <team>/<path>";
  EXPECT_EQ(upgrade_status("acme/../globex/x", member_.token), 400);
  EXPECT_EQ(api(http::verb::get, "/api/me", expired->secret).result_int(), 401);
  EXPECT_TRUE(server_->wait_for_log([](const std::string& line) {
    return line.find("\"event\":\"ws_rejected\"") != std::string::npos &&
           line.find("token expired") != std::string::npos;
  }));
}

TEST_F(AuthTest, RoleTimesOperationTimesTeam) {
  // Reads: the upgrade of /y/<doc>. Writes: the scope /sync grants per document.
  struct Case {
    const TestUser* user;
    std::string document;
    unsigned read_status;
    std::string scope; // Hocuspocus Auth reply: "read-write", "readonly" or "" (denied)
  };
  const std::vector<Case> cases = {
      {&owner_, "acme/account/1", 101, "read-write"},
      {&member_, "acme/account/1", 101, "read-write"},
      {&viewer_, "acme/account/1", 101, "readonly"},
      {&owner_, "globex/account/1", 403, ""},
      {&member_, "globex/index", 403, ""},
      {&viewer_, "globex/visits/9", 403, ""},
      {&outsider_, "acme/index", 403, ""},
      {&outsider_, "globex/index", 101, "read-write"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.user->name + " on " + c.document);
    EXPECT_EQ(upgrade_status(c.document, c.user->token), c.read_status);

    WsClient sync;
    ASSERT_FALSE(sync.connect(server_->port(), "/sync"));
    ASSERT_FALSE(sync.write(hocuspocus_auth(c.document, c.user->token)));
    std::vector<std::uint8_t> reply;
    ASSERT_FALSE(sync.read(reply));
    const auto parsed = parse_auth_reply(reply, c.document);
    ASSERT_TRUE(parsed.has_value());
    if (c.scope.empty()) {
      EXPECT_EQ(parsed->first, 1u) << "PermissionDenied";
      EXPECT_NE(parsed->second.find("not a member"), std::string::npos) << parsed->second;
    } else {
      EXPECT_EQ(parsed->first, 2u) << "Authenticated";
      EXPECT_EQ(parsed->second, c.scope);
    }
  }
}

TEST_F(AuthTest, TicketsOpenOneSocketOnce) {
  const std::string session = login(server_->port(), viewer_.name, viewer_.password);
  ASSERT_FALSE(session.empty());
  secrets_.push_back(session);
  const HttpResponse response = api(http::verb::post, "/api/ws-ticket", session);
  ASSERT_EQ(response.result_int(), 200) << response.body();
  const json body = json::parse(response.body());
  const std::string ticket = body["ticket"];
  secrets_.push_back(ticket);
  EXPECT_EQ(body["expires_in"], 60);

  WsClient first;
  EXPECT_FALSE(first.connect(server_->port(), "/y/acme/index?ticket=" + ticket));
  WsClient second;
  EXPECT_EQ(second.connect(server_->port(), "/y/acme/index?ticket=" + ticket),
            websocket::error::upgrade_declined);
  EXPECT_EQ(second.http_status(), 401u);
  // A ticket is not a bearer token for the API.
  EXPECT_EQ(api(http::verb::get, "/api/me", ticket).result_int(), 401);
  EXPECT_EQ(api(http::verb::post, "/api/ws-ticket", "").result_int(), 401);
  EXPECT_TRUE(server_->wait_for_log([](const std::string& line) {
    return line.find("ticket already used") != std::string::npos;
  }));
}

} // namespace
} // namespace accord::test
