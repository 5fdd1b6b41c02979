#pragma once
// The subcommands of `accord`, one file each (cmd_<name>.cc). Each registers itself on the app
// with its options and a callback that sets the exit code.

#include <string>

#include <CLI/CLI.hpp>

namespace accord::cli {

/// Options every subcommand sees.
struct Globals {
  std::string workspace; ///< --workspace
  std::string now;       ///< --now (ISO-8601; empty: the clock)
  int exit_code = 0;     ///< set by the subcommand that ran
};

void add_init_command(CLI::App& app, Globals& g);
void add_import_command(CLI::App& app, Globals& g);
void add_export_command(CLI::App& app, Globals& g);
void add_map_command(CLI::App& app, Globals& g);
void add_due_command(CLI::App& app, Globals& g);
void add_digest_command(CLI::App& app, Globals& g);
void add_history_command(CLI::App& app, Globals& g);
void add_demo_command(CLI::App& app, Globals& g);
void add_sync_command(CLI::App& app, Globals& g);
void add_search_command(CLI::App& app, Globals& g);

/// Prints "accord: <message>" to stderr and returns `code`.
int fail(int code, const std::string& message);

} // namespace accord::cli
