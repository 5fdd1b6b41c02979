#include "command_context.h"

#include <iostream>
#include <utility>

#include "exit_codes.h"

namespace accord::cli {

std::optional<CommandContext> open_command_context(Globals& g) {
  auto now = now_ms(g.now);
  if (!now.ok()) {
    g.exit_code = fail(kExitUsage, now.status().message());
    return std::nullopt;
  }
  auto open = open_workspace(workspace_dir(g.workspace));
  if (!open.ok()) {
    g.exit_code = fail(exit_code_for(open.status()), open.status().message());
    return std::nullopt;
  }
  return CommandContext{*now, std::move(open).value()};
}

void print_or_fail(Globals& g, const Result<std::string>& text) {
  if (!text.ok()) {
    g.exit_code = fail(exit_code_for(text.status()), text.status().message());
    return;
  }
  std::cout << *text;
  g.exit_code = kExitOk;
}

} // namespace accord::cli
