// accord search TEXT [--kind KIND]... [--limit N]: accounts, contacts and visits matching TEXT
// (English or Chinese), best first, from the workspace's search index.
#include <iostream>

#include "accord/workspace/search.h"
#include "command_context.h"
#include "commands.h"
#include "exit_codes.h"
#include "workspace_dir.h"

namespace accord::cli {

void add_search_command(CLI::App& app, Globals& g) {
  struct Options {
    std::vector<std::string> words;
    std::vector<std::string> kinds;
    std::size_t limit = 20;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "search",
      "Find accounts, contacts and visits by their text, in English or Chinese (王, 王总, 采购 "
      "find every record containing them; Latin words match as prefixes, ignoring case and "
      "accents), best first");
  cmd->add_option("text", opts->words, "What to look for (every word must match)")->required();
  cmd->add_option("--kind", opts->kinds, "Only records of this kind (repeatable)")
      ->check(CLI::IsMember({"account", "contact", "visit"}));
  cmd->add_option("--limit", opts->limit, "At most this many results")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  cmd->footer(kExitCodeHelp);
  cmd->callback([opts, &g] {
    std::string text;
    for (const auto& w : opts->words) {
      if (!text.empty()) text += ' ';
      text += w;
    }
    auto ctx = open_command_context(g);
    if (!ctx) return;
    workspace::SearchOptions options;
    options.limit = opts->limit;
    options.kinds = opts->kinds;
    auto hits = workspace::search(*ctx->open.store, ctx->open.config.team, text, options);
    if (!hits.ok()) {
      const bool usage = hits.status().code() == StatusCode::kInvalidArgument;
      g.exit_code =
          fail(usage ? kExitUsage : exit_code_for(hits.status()), hits.status().message());
      return;
    }
    if (hits->empty()) {
      std::cout << "No account, contact or visit matches \"" << text << "\".\n";
    }
    for (const auto& hit : *hits) {
      std::cout << hit.kind << std::string(hit.kind.size() < 8 ? 8 - hit.kind.size() : 1, ' ')
                << hit.label << "  [" << hit.account_id;
      if (hit.kind != "account") std::cout << "/" << hit.record_id;
      std::cout << "]\n";
    }
    g.exit_code = kExitOk;
  });
}

} // namespace accord::cli
