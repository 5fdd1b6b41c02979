// `accord sync` against a real accord-server process on 127.0.0.1 (started by the test): two
// workspaces of the same team converge through the server, the outbox is cleared once the server
// confirms, and a wrong token or a dead server is exit code 5.
#include <gtest/gtest.h>
#include <unistd.h>

#include <csignal>

#include <filesystem>
#include <fstream>
#include <string>

#include "../integration/server_process.h"
#include "run_accord.h"

namespace {

using accord::test::kNow;
using accord::test::Outcome;
using accord::test::slurp;

class CliSync : public ::testing::Test {
protected:
  void SetUp() override {
    server_ = accord::test::ServerProcess::start();
    ASSERT_TRUE(server_);
    ASSERT_EQ(server_->admin({"create-team", "demo-team"}).exit_code, 0);
    ASSERT_EQ(server_->admin({"create-user", "demo"}).exit_code, 0);
    ASSERT_EQ(server_->admin({"add-member", "demo-team", "demo", "--role", "owner"}).exit_code, 0);
    const auto token = server_->admin({"create-token", "demo"});
    ASSERT_EQ(token.exit_code, 0) << token.err;
    token_ = token.out.substr(0, token.out.find('\n'));
    url_ = "ws://127.0.0.1:" + std::to_string(server_->port());
  }

  Outcome accord(const std::string& args) {
    return accord::test::run_accord(server_->root(), args);
  }
  Outcome sync(const std::string& workspace, const std::string& token) {
    return accord("-w " + workspace + " sync --server " + url_ + " --token " + token +
                  " --timeout 30");
  }

  std::unique_ptr<accord::test::ServerProcess> server_;
  std::string token_;
  std::string url_;
};

TEST_F(CliSync, TwoWorkspacesConvergeThroughTheServer) {
  ASSERT_EQ(accord(std::string("demo a --accounts 2 ") + kNow).code, 0);
  const Outcome first = sync("a", token_);
  ASSERT_EQ(first.code, 0) << first.err;
  EXPECT_NE(first.out.find("Synced 5 documents"), std::string::npos) << first.out;
  EXPECT_EQ(first.out.find(" 0 local update(s) confirmed"), std::string::npos) << first.out;
  EXPECT_NE(first.err.find("5/5 documents"), std::string::npos) << first.err; // progress
  const Outcome again = sync("a", token_);
  EXPECT_NE(again.out.find("0 update(s) received, 0 local update(s) confirmed"), std::string::npos)
      << again.out;

  // A second device of the same team fetches every account the index lists.
  ASSERT_EQ(accord(std::string("init b --team demo-team --user demo ") + kNow).code, 0);
  const Outcome fetch = sync("b", token_);
  ASSERT_EQ(fetch.code, 0) << fetch.err;
  EXPECT_NE(fetch.out.find("Synced 5 documents"), std::string::npos) << fetch.out;
  const Outcome map = accord(std::string("-w b map huaxin ") + kNow);
  EXPECT_EQ(map.code, 0) << map.err;
  EXPECT_NE(map.out.find("Power map health"), std::string::npos);

  // An edit on b reaches a.
  std::ofstream(server_->root() / "edit-accounts.csv") << "id,tier\nhuaxin-steel,b\n";
  ASSERT_EQ(accord("-w b import edit-accounts.csv").code, 0);
  ASSERT_EQ(sync("b", token_).code, 0);
  ASSERT_EQ(sync("a", token_).code, 0);
  ASSERT_EQ(accord("-w a export -o a.json").code, 0);
  ASSERT_EQ(accord("-w b export -o b.json").code, 0);
  const std::string a = slurp(server_->root() / "a.json");
  EXPECT_EQ(a, slurp(server_->root() / "b.json"));
  EXPECT_NE(a.find("\"tier\": \"b\""), std::string::npos);
}

TEST_F(CliSync, WrongTokenOrNoServerIsExitFive) {
  ASSERT_EQ(accord(std::string("init a --team demo-team --user demo ") + kNow).code, 0);
  // A refusal is terminal: the CLI says so at once instead of waiting out --timeout (were it
  // waiting, the message would be "did not complete within 60 s").
  const Outcome denied = accord("-w a sync --server " + url_ + " --token aca_wrong --timeout 60");
  EXPECT_EQ(denied.code, 5);
  EXPECT_NE(denied.err.find("the server refused this client"), std::string::npos) << denied.err;
  EXPECT_EQ(accord("-w a sync --server http://x --token t").code, 1);
  server_->send_signal(SIGTERM);
  ASSERT_TRUE(server_->wait_exit(std::chrono::seconds(20)).has_value());
  const Outcome down = accord("-w a sync --server " + url_ + " --token " + token_ + " --timeout 2");
  EXPECT_EQ(down.code, 5);
  EXPECT_NE(down.err.find("cannot connect"), std::string::npos) << down.err;
}

} // namespace
