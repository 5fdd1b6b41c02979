#pragma once
// Test harness: runs the real accord-server binary on 127.0.0.1 with an
// ephemeral port (--listen 127.0.0.1:0) and a fresh temporary directory holding
// its data directory and a small web root. The port comes from the "listening"
// log line; every stderr line is kept so tests can wait for events and assert
// on what was logged. Also runs `accord-server admin ...` as a child process.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <sys/types.h>

namespace accord::test {

/// What a finished child process left behind.
struct ProcessResult {
  int exit_code = -1; ///< -1 if it did not exit normally
  std::string out;
  std::string err;
};

/// Runs `args` (args[0] is the program) to completion, feeding `input` on stdin.
ProcessResult run_process(const std::vector<std::string>& args, const std::string& input = "");

/// A temporary directory removed with this object.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

private:
  std::filesystem::path path_;
};

/// A running accord-server. See the file comment.
class ServerProcess {
public:
  /// Starts the server with `extra_args` after --listen/--data/--web; waits for
  /// "listening" (at most 20 s). Fails the current test (ADD_FAILURE) and returns
  /// nullptr if it does not come up.
  static std::unique_ptr<ServerProcess> start(const std::vector<std::string>& extra_args = {});
  ~ServerProcess();

  std::uint16_t port() const { return port_; }
  const std::filesystem::path& root() const { return dir_.path(); }
  std::filesystem::path data_dir() const { return dir_.path() / "data"; }
  std::filesystem::path web_dir() const { return dir_.path() / "web"; }

  /// Starts the server again on the same directories and arguments after it exited (e.g.
  /// after SIGTERM and wait_exit). The port may change. False (and a test failure) if it does
  /// not come up.
  bool restart();

  /// Runs `accord-server admin <args...> --data <data_dir>`.
  ProcessResult admin(std::vector<std::string> args, const std::string& input = "") const;

  /// Sends `signal` to the server.
  void send_signal(int signal) const;
  /// Waits for the server to exit; its exit code, or nullopt on timeout or a
  /// death by signal.
  std::optional<int> wait_exit(std::chrono::seconds timeout);

  /// Waits until a stderr line satisfies `predicate`; false after `timeout`.
  bool wait_for_log(const std::function<bool(const std::string&)>& predicate,
                    std::chrono::seconds timeout = std::chrono::seconds(10));
  /// Every stderr line so far.
  std::vector<std::string> log_lines() const;

private:
  ServerProcess() = default;
  void read_stderr(int fd);
  /// Forks and execs args_, then waits for the "listening" line.
  bool spawn();

  TempDir dir_;
  std::vector<std::string> args_;
  pid_t pid_ = -1;
  bool exited_ = false;
  std::uint16_t port_ = 0;
  std::thread reader_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> lines_;
  bool eof_ = false;
};

/// A user ready for tests: its name, password and API token.
struct TestUser {
  std::string name;
  std::string password;
  std::string token;
};

/// Creates `team` if needed and a user with `role` in it (via admin commands),
/// with a known password and an API token. Fails the test on any error.
TestUser make_user(const ServerProcess& server, const std::string& team, const std::string& name,
                   const std::string& role);

} // namespace accord::test
