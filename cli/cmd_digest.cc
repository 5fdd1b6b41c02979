// accord digest [--window DAYS]: the manager digest.
#include <iostream>

#include "accord/analytics/digest.h"
#include "accord/workspace/text_views.h"
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
    auto now = now_ms(g.now);
    if (!now.ok()) {
      g.exit_code = fail(kExitUsage, now.status().message());
      return;
    }
    auto ow = open_workspace(workspace_dir(g.workspace));
    if (!ow.ok()) {
      g.exit_code = fail(exit_code_for(ow.status()), ow.status().message());
      return;
    }
    const auto inputs = ow->ws->inputs();
    const auto digest = analytics::manager_digest(inputs, *now, *window);
    std::cout << workspace::digest_text(*ow->ws, digest, workspace::ViewOptions{*now});
    g.exit_code = kExitOk;
  });
}

} // namespace accord::cli
