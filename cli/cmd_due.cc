// accord due [--rep USER] [--window DAYS]: follow-ups due and overdue by tier cadence.
#include <iostream>

#include "accord/analytics/follow_ups.h"
#include "accord/workspace/text_views.h"
#include "command_context.h"
#include "commands.h"
#include "exit_codes.h"
#include "workspace_dir.h"

namespace accord::cli {

void add_due_command(CLI::App& app, Globals& g) {
  struct Options {
    std::string rep;
    int window = 7;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "due",
      "Accounts due or overdue for contact by their tier's cadence, and next steps past "
      "due, per rep and for the team");
  cmd->add_option("--rep", opts->rep, "Only this rep's accounts and next steps");
  cmd->add_option("--window", opts->window, "Days ahead that count as due")
      ->check(CLI::Range(0, 365))
      ->capture_default_str();
  cmd->footer(kExitCodeHelp);
  cmd->callback([opts, &g] {
    auto ctx = open_command_context(g);
    if (!ctx) return;
    const auto inputs = ctx->open.ws->inputs();
    const auto report = analytics::follow_ups(ctx->open.ws->team(), inputs, ctx->now, opts->window);
    std::cout << workspace::follow_ups_text(*ctx->open.ws, report, opts->rep,
                                            workspace::ViewOptions{ctx->now});
    g.exit_code = kExitOk;
  });
}

} // namespace accord::cli
