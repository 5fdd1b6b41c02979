#include "server_process.h"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <regex>

namespace accord::test {

namespace {

void write_file(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << content;
}

[[noreturn]] void exec_child(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  execv(argv[0], argv.data());
  _exit(127);
}

std::string drain(int fd) {
  std::string out;
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n > 0) {
      out.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      return out;
    }
  }
}

} // namespace

ProcessResult run_process(const std::vector<std::string>& args, const std::string& input) {
  int in[2], out[2], err[2];
  if (pipe(in) != 0 || pipe(out) != 0 || pipe(err) != 0) return {};
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(in[0], 0);
    dup2(out[1], 1);
    dup2(err[1], 2);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) close(fd);
    exec_child(args);
  }
  close(in[0]);
  close(out[1]);
  close(err[1]);
  if (!input.empty()) {
    [[maybe_unused]] const ssize_t written = write(in[1], input.data(), input.size());
  }
  close(in[1]);
  ProcessResult result;
  std::thread err_reader([&] { result.err = drain(err[0]); });
  result.out = drain(out[0]);
  err_reader.join();
  close(out[0]);
  close(err[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

TempDir::TempDir() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "accord-server-test-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) std::abort();
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

std::unique_ptr<ServerProcess> ServerProcess::start(const std::vector<std::string>& extra_args) {
  std::unique_ptr<ServerProcess> server(new ServerProcess());
  const auto& root = server->dir_.path();
  write_file(root / "web" / "index.html", "<!doctype html><title>Accord</title>index page\n");
  write_file(root / "web" / "assets" / "app-1a2b3c.js", "console.log('accord');\n");
  write_file(root / "web" / "accord-core.wasm", std::string("\0asm\1\0\0\0", 8));
  write_file(root / "web" / "sw.js", "self.addEventListener('fetch', () => {});\n");
  write_file(root / "secret.txt", "TOP-SECRET-OUTSIDE-WEB-ROOT\n");
  std::filesystem::create_symlink(root / "secret.txt", root / "web" / "link.txt");

  std::vector<std::string> args = {ACCORD_SERVER_BINARY,
                                   "--listen",
                                   "127.0.0.1:0",
                                   "--data",
                                   (root / "data").string(),
                                   "--web",
                                   (root / "web").string(),
                                   "--threads",
                                   "2"};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  server->args_ = std::move(args);
  if (!server->spawn()) return nullptr;
  return server;
}

bool ServerProcess::restart() {
  if (pid_ > 0 && !exited_) {
    ADD_FAILURE() << "restart() while the server still runs";
    return false;
  }
  if (reader_.joinable()) reader_.join();
  {
    std::lock_guard lock(mutex_);
    lines_.clear();
    eof_ = false;
  }
  exited_ = false;
  return spawn();
}

bool ServerProcess::spawn() {
  int err[2];
  if (pipe(err) != 0) {
    ADD_FAILURE() << "pipe failed";
    return false;
  }
  pid_ = fork();
  if (pid_ == 0) {
    dup2(err[1], 2);
    close(err[0]);
    close(err[1]);
    const int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(null, 1);
    exec_child(args_);
  }
  close(err[1]);
  reader_ = std::thread([this, fd = err[0]] { read_stderr(fd); });

  const std::regex port_pattern("\"port\":([0-9]+)");
  std::string listening;
  const bool up = wait_for_log(
      [&](const std::string& line) {
        if (line.find("\"event\":\"listening\"") == std::string::npos) return false;
        listening = line;
        return true;
      },
      std::chrono::seconds(20));
  std::smatch match;
  if (!up || !std::regex_search(listening, match, port_pattern)) {
    std::string log;
    for (const auto& line : log_lines()) log += line + "\n";
    ADD_FAILURE() << "accord-server did not start; its stderr:\n" << log;
    return false;
  }
  port_ = static_cast<std::uint16_t>(std::stoi(match[1]));
  return true;
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0 && !exited_) {
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  if (reader_.joinable()) reader_.join();
}

void ServerProcess::read_stderr(int fd) {
  std::string pending;
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    pending.append(buffer, static_cast<std::size_t>(n));
    std::size_t newline;
    std::lock_guard lock(mutex_);
    while ((newline = pending.find('\n')) != std::string::npos) {
      lines_.push_back(pending.substr(0, newline));
      pending.erase(0, newline + 1);
    }
    changed_.notify_all();
  }
  close(fd);
  std::lock_guard lock(mutex_);
  if (!pending.empty()) lines_.push_back(pending);
  eof_ = true;
  changed_.notify_all();
}

bool ServerProcess::wait_for_log(const std::function<bool(const std::string&)>& predicate,
                                 std::chrono::seconds timeout) {
  std::unique_lock lock(mutex_);
  std::size_t checked = 0;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    for (; checked < lines_.size(); ++checked) {
      if (predicate(lines_[checked])) return true;
    }
    if (eof_) return false;
    if (changed_.wait_until(lock, deadline) == std::cv_status::timeout) {
      for (; checked < lines_.size(); ++checked) {
        if (predicate(lines_[checked])) return true;
      }
      return false;
    }
  }
}

std::vector<std::string> ServerProcess::log_lines() const {
  std::lock_guard lock(mutex_);
  return lines_;
}

ProcessResult ServerProcess::admin(std::vector<std::string> args, const std::string& input) const {
  args.insert(args.begin(), {ACCORD_SERVER_BINARY, "admin"});
  args.push_back("--data");
  args.push_back(data_dir().string());
  return run_process(args, input);
}

void ServerProcess::send_signal(int signal) const { kill(pid_, signal); }

std::optional<int> ServerProcess::wait_exit(std::chrono::seconds timeout) {
  // A pidfd becomes readable when the process exits: wait on that event.
  const int pidfd = static_cast<int>(syscall(SYS_pidfd_open, pid_, 0));
  if (pidfd >= 0) {
    pollfd entry{pidfd, POLLIN, 0};
    const int ready = poll(&entry, 1, static_cast<int>(timeout.count() * 1000));
    close(pidfd);
    if (ready <= 0) return std::nullopt;
  }
  int status = 0;
  if (waitpid(pid_, &status, 0) != pid_) return std::nullopt;
  exited_ = true;
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return std::nullopt;
}

TestUser make_user(const ServerProcess& server, const std::string& team, const std::string& name,
                   const std::string& role) {
  TestUser user{name, "pw-" + name + "-correct horse", ""};
  const ProcessResult created_team = server.admin({"create-team", team});
  EXPECT_TRUE(created_team.exit_code == 0 || created_team.err.find("exists") != std::string::npos)
      << created_team.err;
  const ProcessResult created =
      server.admin({"create-user", name, "--password-stdin"}, user.password + "\n");
  EXPECT_EQ(created.exit_code, 0) << created.err;
  const ProcessResult member = server.admin({"add-member", team, name, "--role", role});
  EXPECT_EQ(member.exit_code, 0) << member.err;
  const ProcessResult token = server.admin({"create-token", name, "--name", "test"});
  EXPECT_EQ(token.exit_code, 0) << token.err;
  user.token = token.out.substr(0, token.out.find('\n'));
  return user;
}

} // namespace accord::test
