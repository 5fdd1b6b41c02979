// Graceful shutdown: SIGTERM (and SIGINT) close every socket with 1001 and the
// server exits 0.
#include "server_process.h"
#include "test_clients.h"

#include <gtest/gtest.h>

#include <csignal>

namespace accord::test {
namespace {

void expect_graceful_exit(int signal) {
  auto server = ServerProcess::start();
  ASSERT_NE(server, nullptr);
  const TestUser user = make_user(*server, "acme", "mike", "member");
  const std::vector<std::string> targets = {"/y/acme/index", "/y/acme/account/1", "/sync"};
  std::vector<std::unique_ptr<WsClient>> clients;
  for (const std::string& target : targets) {
    clients.push_back(std::make_unique<WsClient>());
    ASSERT_FALSE(clients.back()->connect(server->port(), target,
                                         {{"Authorization", "Bearer " + user.token}}));
  }
  server->send_signal(signal);
  for (std::size_t i = 0; i < clients.size(); ++i) {
    EXPECT_EQ(clients[i]->read_until_closed(), 1001) << targets[i];
  }
  const std::optional<int> exit_code = server->wait_exit(std::chrono::seconds(20));
  EXPECT_EQ(exit_code, std::optional<int>(0)) << [&] {
    std::string log;
    for (const std::string& line : server->log_lines()) log += line + "\n";
    return "server log:\n" + log;
  }();
  EXPECT_TRUE(server->wait_for_log([](const std::string& line) {
    return line.find("\"event\":\"shutdown_complete\"") != std::string::npos;
  }));
  // New connections are refused once it is gone.
  WsClient late;
  EXPECT_TRUE(late.connect(server->port(), "/y/acme/index"));
}

TEST(ShutdownTest, SigtermClosesSocketsWith1001AndExitsZero) { expect_graceful_exit(SIGTERM); }

TEST(ShutdownTest, SigintDoesTheSame) { expect_graceful_exit(SIGINT); }

TEST(ShutdownTest, IdleServerExitsZeroAtOnce) {
  auto server = ServerProcess::start();
  ASSERT_NE(server, nullptr);
  server->send_signal(SIGTERM);
  EXPECT_EQ(server->wait_exit(std::chrono::seconds(20)), std::optional<int>(0));
}

} // namespace
} // namespace accord::test
