// accord digest [--window DAYS]: the manager digest.
#include <iostream>

#include "accord/analytics/digest.h"
#include "accord/workspace/text_views.h"
#include "command_context.h"
#include "commands.h"
#include "exit_codes.h"
#include "workspace_dir.h"

namespace accord::cli {

void add_digest_command(CLI::App& app, Globals& g) {
  auto window = std::make_shared<int>(7);
  CLI::App* cmd = app.add_subcommand(
      "digest",
      "The manager digest: visits awaiting review, accounts losing ground (stage or "
      "stance moving down), plan actions overdue");
  cmd->add_option("--window", *window, "Days back to look for losing ground")
      ->check(CLI::Range(1, 365))
      ->capture_default_str();
  cmd->footer(kExitCodeHelp);
  cmd->callback([window, &g] {
    auto ctx = open_command_context(g);
    if (!ctx) return;
    const auto inputs = ctx->open.ws->inputs();
    const auto digest = analytics::manager_digest(inputs, ctx->now, *window);
    std::cout << workspace::digest_text(*ctx->open.ws, digest, workspace::ViewOptions{ctx->now});
    g.exit_code = kExitOk;
  });
}

} // namespace accord::cli
