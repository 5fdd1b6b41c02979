// accord export [--format json|csv|md|html] [--account A] [--kind K] [-o FILE]
#include <iostream>

#include "accord/workspace/csv_export.h"
#include "accord/workspace/json_bundle.h"
#include "accord/workspace/report.h"
#include "commands.h"
#include "exit_codes.h"
#include "workspace_dir.h"

namespace accord::cli {
namespace {

struct Options {
  std::string format = "json";
  std::string account;
  std::string kind = "accounts";
  std::string out;
  bool sensitive = false;
  std::string lang = "en";
};

int run_export(const Globals& g, const Options& o) {
  auto now = now_ms(g.now);
  if (!now.ok()) return fail(kExitUsage, now.status().message());
  auto ow = open_workspace(workspace_dir(g.workspace));
  if (!ow.ok()) return fail(exit_code_for(ow.status()), ow.status().message());
  std::optional<std::string> account;
  if (!o.account.empty()) {
    auto id = ow->ws->resolve_account(o.account);
    if (!id.ok()) return fail(exit_code_for(id.status()), id.status().message());
    account = *id;
  }
  std::string text;
  if (o.format == "json") {
    auto bundle = workspace::export_workspace(*ow->ws, {account, o.sensitive});
    if (!bundle.ok()) return fail(kExitStore, bundle.status().message());
    text = workspace::pretty_json(*bundle);
  } else if (o.format == "csv") {
    auto kind = workspace::parse_import_kind(o.kind);
    if (!kind.ok()) return fail(kExitUsage, kind.status().message());
    text = workspace::export_csv(*ow->ws, *kind, {account, true});
  } else {
    if (!account) return fail(kExitUsage, "--format " + o.format + " needs --account");
    workspace::ReportOptions ro;
    ro.now_ms = *now;
    ro.locale = o.lang == "zh" ? model::Locale::kChinese : model::Locale::kEnglish;
    text = o.format == "md" ? workspace::account_plan_markdown(*ow->ws, *account, ro)
                            : workspace::account_plan_html(*ow->ws, *account, ro);
  }
  if (o.out.empty() || o.out == "-") {
    std::cout << text;
    return kExitOk;
  }
  if (Status s = write_file(o.out, text); !s.is_ok()) return fail(kExitStore, s.message());
  std::cerr << "Wrote " << o.out << " (" << text.size() << " bytes)\n";
  return kExitOk;
}

} // namespace

void add_export_command(CLI::App& app, Globals& g) {
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "export",
      "Export the workspace as JSON (re-importable), records as CSV (re-importable), or an "
      "account plan report in Markdown or HTML with the power map drawn as SVG");
  cmd->add_option("-f,--format", opts->format, "json, csv, md or html")
      ->check(CLI::IsMember({"json", "csv", "md", "html"}))
      ->capture_default_str();
  cmd->add_option("-a,--account", opts->account,
                  "Only this account (id or name); required for md and html");
  cmd->add_option("-k,--kind", opts->kind,
                  "CSV: accounts, team, factions, contacts, links or visits")
      ->check(CLI::IsMember({"accounts", "team", "factions", "contacts", "links", "visits"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", opts->out, "Output file (default: standard output)");
  cmd->add_flag("--include-sensitive", opts->sensitive,
                "JSON: include the contacts' personal profile (account team only)");
  cmd->add_option("--lang", opts->lang, "Report language: en or zh")
      ->check(CLI::IsMember({"en", "zh"}))
      ->capture_default_str();
  cmd->footer(kExitCodeHelp);
  cmd->callback([opts, &g] { g.exit_code = run_export(g, *opts); });
}

} // namespace accord::cli
