// accord demo [dir] [--seed N]: a realistic demo workspace.
#include <chrono>
#include <iostream>

#include "accord/workspace/demo.h"
#include "commands.h"
#include "exit_codes.h"
#include "workspace_dir.h"

namespace accord::cli {

void add_demo_command(CLI::App& app, Globals& g) {
  struct Options {
    std::string dir;
    std::uint64_t seed = 1;
    std::size_t accounts = 12;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "demo",
      "Create a demo workspace: a dozen industrial key accounts (English and Chinese) "
      "with full power maps, needs, plans and a year of visits, the same for the same "
      "seed; you are the team's manager, user 'demo'");
  cmd->add_option("dir", opts->dir, "Directory (default: --workspace, else the current one)");
  cmd->add_option("--seed", opts->seed, "Random seed")->capture_default_str();
  cmd->add_option("--accounts", opts->accounts, "How many accounts (1-12)")
      ->check(CLI::Range(1, 12))
      ->capture_default_str();
  cmd->footer(kExitCodeHelp);
  cmd->callback([opts, &g] {
    const std::string dir = opts->dir.empty() ? workspace_dir(g.workspace) : opts->dir;
    auto now = now_ms(g.now);
    if (!now.ok()) {
      g.exit_code = fail(kExitUsage, now.status().message());
      return;
    }
    const auto t0 = std::chrono::steady_clock::now();
    auto ow = create_workspace(dir, WorkspaceConfig{"demo-team", workspace::kDemoManager, "cli"},
                               "Industrial key accounts", "Demo Manager", *now);
    if (!ow.ok()) {
      g.exit_code = fail(exit_code_for(ow.status()), ow.status().message());
      return;
    }
    auto summary = workspace::generate_demo(*ow->ws, {opts->seed, *now, opts->accounts});
    if (!summary.ok()) {
      g.exit_code = fail(kExitStore, summary.status().message());
      return;
    }
    const std::size_t updates = ow->ws->pending_updates();
    if (Status s = ow->ws->save(); !s.is_ok()) {
      g.exit_code = fail(exit_code_for(s), s.message());
      return;
    }
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
            .count();
    std::cout << "Created the demo workspace in " << dir << " (seed " << opts->seed
              << "): " << summary->accounts << " accounts, " << summary->contacts << " contacts, "
              << summary->links << " links, " << summary->needs << " needs, " << summary->actions
              << " plan actions, " << summary->visits << " visits (" << updates << " updates, "
              << ms << " ms)\n"
              << "Try: accord -w " << dir << " map huaxin-steel; accord -w " << dir
              << " due; accord -w " << dir << " digest\n";
    g.exit_code = kExitOk;
  });
}

} // namespace accord::cli
