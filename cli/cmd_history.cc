// accord history <record>: who changed what, when, from which device.
#include "accord/workspace/text_views.h"
#include "command_context.h"
#include "commands.h"
#include "exit_codes.h"

namespace accord::cli {

void add_history_command(CLI::App& app, Globals& g) {
  auto record = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "history",
      "The change history of a record (an account id, a record id such as a "
      "contact's, or a path like contacts/<id>): who, when, from which device, old "
      "and new value");
  cmd->add_option("record", *record, "Record id or path")->required();
  cmd->footer(kExitCodeHelp);
  cmd->callback([record, &g] {
    auto ctx = open_command_context(g);
    if (!ctx) return;
    print_or_fail(
        g, workspace::history_text(*ctx->open.ws, *record, workspace::ViewOptions{ctx->now}));
  });
}

} // namespace accord::cli
