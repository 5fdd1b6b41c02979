#pragma once
// What a subcommand that reads the workspace starts from: the clock (--now) and the opened
// workspace, with the error printed and the exit code set when either is unavailable.
#include <cstdint>
#include <optional>
#include <string>

#include "accord/status.h"

#include "commands.h"
#include "workspace_dir.h"

namespace accord::cli {

/// The clock and the workspace of one command run.
struct CommandContext {
  std::int64_t now = 0; ///< Unix ms (--now or the system clock)
  OpenWorkspace open;   ///< the workspace of --workspace
};

/// Reads --now and opens the workspace of `g`. On failure prints the error, sets g.exit_code
/// (usage for a bad --now, the store's code for the workspace) and returns nullopt.
std::optional<CommandContext> open_command_context(Globals& g);

/// Prints a view's `text` to stdout and sets g.exit_code to ok, or prints its error and sets the
/// error's exit code.
void print_or_fail(Globals& g, const Result<std::string>& text);

} // namespace accord::cli
