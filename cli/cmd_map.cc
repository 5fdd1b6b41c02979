// accord map <account>: the power map of an account and its health in the terminal.
#include "accord/workspace/text_views.h"
#include "command_context.h"
#include "commands.h"
#include "exit_codes.h"
#include "workspace_dir.h"

namespace accord::cli {

void add_map_command(CLI::App& app, Globals& g) {
  struct Options {
    std::string account;
    std::string lang = "en";
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "map",
      "Show an account's power map (reporting lines, links, factions, buying roles) and "
      "its health score with the reasons behind it");
  cmd->add_option("account", opts->account, "Account id or (part of its) name")->required();
  cmd->add_option("--lang", opts->lang, "Labels: en or zh")
      ->check(CLI::IsMember({"en", "zh"}))
      ->capture_default_str();
  cmd->footer(kExitCodeHelp);
  cmd->callback([opts, &g] {
    auto ctx = open_command_context(g);
    if (!ctx) return;
    auto id = ctx->open.ws->resolve_account(opts->account);
    if (!id.ok()) {
      g.exit_code = fail(exit_code_for(id.status()), id.status().message());
      return;
    }
    workspace::ViewOptions vo{
        ctx->now, opts->lang == "zh" ? model::Locale::kChinese : model::Locale::kEnglish};
    print_or_fail(g, workspace::power_map_text(*ctx->open.ws, *id, vo));
  });
}

} // namespace accord::cli
