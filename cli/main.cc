// accord: the command-line client of the Accord workspace.
#include <iostream>

#include <CLI/CLI.hpp>

#include "accord/version.h"
#include "commands.h"
#include "exit_codes.h"

namespace accord::cli {

int fail(int code, const std::string& message) {
  std::cerr << "accord: " << message << "\n";
  return code;
}

} // namespace accord::cli

int main(int argc, char** argv) {
  using namespace accord::cli;
  CLI::App app{"accord: offline-first key account management from the command line"};
  app.set_version_flag("--version", std::string(accord::version()));
  app.footer(kExitCodeHelp);
  app.require_subcommand(1);
  app.fallthrough();
  Globals g;
  app.add_option("-w,--workspace", g.workspace,
                 "Workspace directory (default: $ACCORD_WORKSPACE, else the current directory)");
  app.add_option("--now", g.now,
                 "The time to act at, ISO-8601 with offset (default: the clock); makes reports "
                 "reproducible");
  add_init_command(app, g);
  add_import_command(app, g);
  add_export_command(app, g);
  add_map_command(app, g);
  add_due_command(app, g);
  add_digest_command(app, g);
  add_history_command(app, g);
  add_search_command(app, g);
  add_demo_command(app, g);
  add_sync_command(app, g);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    (void)app.exit(e);
    return kExitUsage;
  }
  return g.exit_code;
}
