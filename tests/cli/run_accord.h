#pragma once
// Runs the real `accord` binary (ACCORD_CLI_PATH) in a directory and collects its exit code and
// output: what the CLI tests (cli_test.cc, sync_test.cc) check.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace accord::test {

/// How one `accord` run ended.
struct Outcome {
  int code = -1;   ///< exit code (-1: killed by a signal)
  std::string out; ///< stdout
  std::string err; ///< stderr
};

/// The whole file at `path` ("" when missing).
inline std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Runs `accord <args>` in `dir` (arguments go to the shell as they are); stdout and stderr pass
/// through out.txt and err.txt there.
inline Outcome run_accord(const std::filesystem::path& dir, const std::string& args) {
  const std::string cmd = "cd '" + dir.string() + "' && '" + std::string(ACCORD_CLI_PATH) + "' " +
                          args + " > out.txt 2> err.txt";
  const int status = std::system(cmd.c_str());
  Outcome r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(dir / "out.txt");
  r.err = slurp(dir / "err.txt");
  return r;
}

/// The clock every CLI test runs at.
constexpr const char* kNow = "--now 2026-11-23T09:00:00Z";

} // namespace accord::test
