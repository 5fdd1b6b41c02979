// accord init [dir]: creates a local workspace.
#include <iostream>

#include "commands.h"
#include "exit_codes.h"
#include "workspace_dir.h"

namespace accord::cli {

void add_init_command(CLI::App& app, Globals& g) {
  struct Options {
    std::string dir;
    std::string team = "team";
    std::string team_name = "My team";
    std::string user;
    std::string name;
    std::string device = "cli";
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd =
      app.add_subcommand("init", "Create a local workspace (SQLite store and team index)");
  cmd->add_option("dir", opts->dir, "Directory (default: --workspace, else the current one)");
  cmd->add_option("--team", opts->team, "Team id")->capture_default_str();
  cmd->add_option("--team-name", opts->team_name, "Team name")->capture_default_str();
  cmd->add_option("--user", opts->user, "Your user id (default: $USER)");
  cmd->add_option("--name", opts->name, "Your display name (default: the user id)");
  cmd->add_option("--device", opts->device, "This device's id")->capture_default_str();
  cmd->footer(kExitCodeHelp);
  cmd->callback([opts, &g] {
    const std::string dir = opts->dir.empty() ? workspace_dir(g.workspace) : opts->dir;
    std::string user = opts->user;
    if (user.empty()) {
      const char* env = std::getenv("USER");
      user = env != nullptr && *env != '\0' ? env : "me";
    }
    auto now = now_ms(g.now);
    if (!now.ok()) {
      g.exit_code = fail(kExitUsage, now.status().message());
      return;
    }
    auto ws = create_workspace(dir, WorkspaceConfig{opts->team, user, opts->device},
                               opts->team_name, opts->name.empty() ? user : opts->name, *now);
    if (!ws.ok()) {
      g.exit_code = fail(exit_code_for(ws.status()), ws.status().message());
      return;
    }
    std::cout << "Created workspace '" << opts->team << "' in " << dir << " (user " << user
              << ")\n";
    g.exit_code = kExitOk;
  });
}

} // namespace accord::cli
