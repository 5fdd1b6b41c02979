// Accord's sync against stock Yjs peers from npm, run with node (tests/sync-interop/):
// a y-websocket WebsocketProvider on /y/<doc> and an @hocuspocus/provider on /sync co-edit one
// document with a C++ session through accord-server; and the C++ session syncs against a real
// @hocuspocus/server.
#include "server_process.h"
#include "sync_peer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <future>
#include <thread>

namespace accord::test {
namespace {

namespace net = boost::asio;

std::string source_dir() {
  const char* dir = std::getenv("ACCORD_SOURCE_DIR");
  return dir ? dir : ".";
}

std::string node_binary() {
  for (const char* candidate : {"/usr/bin/node", "/usr/local/bin/node"}) {
    if (access(candidate, X_OK) == 0) return candidate;
  }
  return "node";
}

/// Runs a node peer (peer.mjs) to completion in a thread.
std::future<ProcessResult> run_peer(std::vector<std::string> args) {
  args.insert(args.begin(), {node_binary(), source_dir() + "/tests/sync-interop/peer.mjs"});
  return std::async(std::launch::async, [args] { return run_process(args); });
}

void append_text(Doc& doc, std::string_view text) {
  doc.transact([&](Transaction& txn) {
    TextRef t = doc.get_text("t");
    ASSERT_TRUE(t.insert(txn, t.length(), text).is_ok());
  });
}

bool contains(Doc& doc, const std::string& needle) {
  return doc.get_text("t").to_string().find(needle) != std::string::npos;
}

TEST(SyncInterop, YWebsocketAndHocuspocusProvidersCoEditWithACppSession) {
  auto server = ServerProcess::start();
  ASSERT_NE(server, nullptr);
  const TestUser user = make_user(*server, "acme", "mike", "member");
  const std::string document = "acme/account/42";
  const std::string port = std::to_string(server->port());
  const std::string url = "ws://127.0.0.1:" + port;

  net::io_context ioc;
  AsioTimer timer(ioc);
  SyncPeer cpp(ioc, timer, server->port(), "/sync", user.token, {}, 5);
  ASSERT_TRUE(cpp.session.attach(document, cpp.doc).is_ok());
  cpp.session.start();
  ASSERT_TRUE(pump_until(ioc, [&] { return cpp.session.synced(document); }));
  append_text(cpp.doc, "from-cpp ");

  auto y_peer = run_peer({"--kind", "y-websocket", "--url", url, "--doc", document, "--token",
                          user.token, "--name", "ynode", "--insert", "from-y-websocket ",
                          "--expect", "from-cpp,from-hocuspocus"});
  auto hp_peer = run_peer({"--kind", "hocuspocus", "--url", url, "--doc", document, "--token",
                           user.token, "--name", "hpnode", "--insert", "from-hocuspocus ",
                           "--expect", "from-cpp,from-y-websocket"});
  const bool converged = pump_until(
      ioc,
      [&] {
        return contains(cpp.doc, "from-y-websocket") && contains(cpp.doc, "from-hocuspocus") &&
               cpp.session.outbox_total() == 0;
      },
      std::chrono::seconds(40));
  const ProcessResult y_result = y_peer.get();
  const ProcessResult hp_result = hp_peer.get();
  ASSERT_TRUE(converged) << "C++ text: " << cpp.doc.get_text("t").to_string()
                         << "\ny-websocket: " << y_result.out << y_result.err
                         << "\nhocuspocus: " << hp_result.out << hp_result.err;
  ASSERT_EQ(y_result.exit_code, 0) << y_result.out << y_result.err;
  ASSERT_EQ(hp_result.exit_code, 0) << hp_result.out << hp_result.err;
  // Each node peer printed the document it ended with: the same text in the same order.
  const auto y_json = nlohmann::json::parse(y_result.out, nullptr, false);
  const auto hp_json = nlohmann::json::parse(hp_result.out, nullptr, false);
  pump_until(
      ioc, [&] { return cpp.doc.get_map("m").size() >= 2; }, std::chrono::seconds(5));
  const std::string text = cpp.doc.get_text("t").to_string();
  EXPECT_EQ(y_json["t"], text);
  EXPECT_EQ(hp_json["t"], text);
  EXPECT_EQ(y_json["m"]["ynode"], "from-y-websocket ");
  EXPECT_EQ(hp_json["m"]["hpnode"], "from-hocuspocus ");
}

/// A node child process with a pipe to its stdin and from its stdout.
class NodeChild {
public:
  explicit NodeChild(const std::string& script) {
    int in[2];
    int out[2];
    if (pipe(in) != 0 || pipe(out) != 0) return;
    pid_ = fork();
    if (pid_ == 0) {
      dup2(in[0], 0);
      dup2(out[1], 1);
      close(in[0]);
      close(in[1]);
      close(out[0]);
      close(out[1]);
      const std::string node = node_binary();
      execl(node.c_str(), node.c_str(), script.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    close(in[0]);
    close(out[1]);
    stdin_ = in[1];
    stdout_ = out[0];
  }
  ~NodeChild() {
    if (stdin_ >= 0) close(stdin_);
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    if (stdout_ >= 0) close(stdout_);
  }
  /// Reads one line of stdout (blocking; the child writes it promptly).
  std::string read_line() {
    std::string line;
    char c;
    while (stdout_ >= 0 && read(stdout_, &c, 1) == 1 && c != '\n') line.push_back(c);
    return line;
  }
  /// Closes its stdin: the server script prints its documents and exits.
  std::string finish() {
    close(stdin_);
    stdin_ = -1;
    std::string line = read_line();
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
    return line;
  }

private:
  pid_t pid_ = -1;
  int stdin_ = -1;
  int stdout_ = -1;
};

TEST(SyncInterop, CppSessionsSyncThroughARealHocuspocusServer) {
  NodeChild node(source_dir() + "/tests/sync-interop/hocuspocus_server.mjs");
  const auto hello = nlohmann::json::parse(node.read_line(), nullptr, false);
  ASSERT_TRUE(hello.is_object() && hello.contains("port")) << "hocuspocus server did not start";
  const auto port = hello["port"].get<std::uint16_t>();
  const std::string document = "acme/seeded";

  net::io_context ioc;
  AsioTimer timer(ioc);
  SyncPeer a(ioc, timer, port, "/", "any-token", {}, 21);
  SyncPeer b(ioc, timer, port, "/", "any-token", {}, 22);
  for (SyncPeer* peer : {&a, &b}) {
    ASSERT_TRUE(peer->session.attach(document, peer->doc).is_ok());
    peer->session.start();
  }
  ASSERT_TRUE(
      pump_until(ioc, [&] { return a.session.synced(document) && b.session.synced(document); }));
  EXPECT_TRUE(contains(a.doc, "seeded-by-hocuspocus"));
  append_text(a.doc, "cpp-a ");
  append_text(b.doc, "cpp-b ");
  ASSERT_TRUE(pump_until(ioc, [&] {
    return a.session.outbox_total() == 0 && b.session.outbox_total() == 0 &&
           contains(a.doc, "cpp-b") && contains(b.doc, "cpp-a");
  })) << "acknowledged by Hocuspocus's SyncStatus and relayed";
  EXPECT_EQ(a.doc.get_text("t").to_string(), b.doc.get_text("t").to_string());
  a.session.stop();
  b.session.stop();
  ioc.poll();
  const auto documents = nlohmann::json::parse(node.finish(), nullptr, false);
  ASSERT_TRUE(documents.contains(document)) << documents.dump();
  EXPECT_EQ(documents[document]["t"], a.doc.get_text("t").to_string());
}

} // namespace
} // namespace accord::test
