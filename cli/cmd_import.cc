// accord import <file.csv|file.json> [--kind K] [--dry-run]: imports records, all or nothing.
#include <filesystem>
#include <iostream>

#include "accord/workspace/csv_import.h"
#include "accord/workspace/json_bundle.h"
#include "commands.h"
#include "exit_codes.h"
#include "workspace_dir.h"

namespace accord::cli {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The kind of a CSV file from --kind, else from its name ("contacts.csv", "demo-visits.csv").
std::optional<workspace::ImportKind> kind_of(const std::string& path, const std::string& flag) {
  if (!flag.empty()) {
    auto k = workspace::parse_import_kind(flag);
    return k.ok() ? std::optional(*k) : std::nullopt;
  }
  const std::string stem = std::filesystem::path(path).stem().string();
  for (auto k : {workspace::ImportKind::kAccounts, workspace::ImportKind::kContacts,
                 workspace::ImportKind::kLinks, workspace::ImportKind::kVisits}) {
    if (ends_with(stem, workspace::import_kind_name(k))) return k;
  }
  return std::nullopt;
}

int run_import(const Globals& g, const std::string& file, const std::string& kind_flag,
               bool dry_run, bool lenient) {
  auto now = now_ms(g.now);
  if (!now.ok()) return fail(kExitUsage, now.status().message());
  const bool is_json = ends_with(file, ".json");
  std::optional<workspace::ImportKind> kind;
  if (!is_json) {
    kind = kind_of(file, kind_flag);
    if (!kind) {
      return fail(kExitUsage, kind_flag.empty()
                                  ? "cannot tell what '" + file +
                                        "' holds: pass --kind accounts|contacts|links|visits"
                                  : workspace::parse_import_kind(kind_flag).status().message());
    }
  }
  auto text = read_file(file);
  if (!text.ok()) return fail(kExitBadInput, text.status().message());
  auto ow = open_workspace(workspace_dir(g.workspace));
  if (!ow.ok()) return fail(exit_code_for(ow.status()), ow.status().message());

  if (is_json) {
    workspace::JsonImportOptions options{ow->actor(), *now, dry_run, !lenient};
    auto r = workspace::import_json_text(*ow->ws, *text, options);
    if (!r.ok()) return fail(kExitStore, r.status().message());
    if (r->issue) {
      std::cerr << r->issue->to_string(file) << "\n";
      return fail(kExitBadInput, "nothing imported");
    }
    std::cout << (dry_run ? "Dry run: would import " : "Imported ") << r->documents
              << " document(s): " << r->created << " record(s) created, " << r->updated
              << " updated, " << r->fields_set << " field value(s) set\n";
    return kExitOk;
  }

  workspace::CsvImportOptions options;
  options.actor = ow->actor();
  options.now_ms = *now;
  options.dry_run = dry_run;
  options.progress_every = 5000;
  options.progress = [&file](std::size_t done, std::size_t total) {
    if (total < 5000) return;
    std::cerr << "\r" << file << ": " << done << "/" << total << " rows ("
              << (total == 0 ? 100 : done * 100 / total) << "%)" << (done == total ? "\n" : "")
              << std::flush;
  };
  auto r = workspace::import_csv(*ow->ws, *kind, *text, options);
  if (!r.ok()) return fail(kExitStore, r.status().message());
  if (!r->issues.empty()) {
    for (const auto& issue : r->issues) std::cerr << issue.to_string(file) << "\n";
    return fail(kExitBadInput,
                std::to_string(r->issues.size()) + " problem(s) found; nothing imported");
  }
  std::cout << (dry_run ? "Dry run: " : "") << r->rows << " " << workspace::import_kind_name(*kind)
            << " row(s) " << (dry_run ? "valid: would create " : "imported: ") << r->created
            << (dry_run ? ", update " : " created, ") << r->updated << (dry_run ? "" : " updated")
            << " (" << r->fields_set << " field values)\n";
  return kExitOk;
}

} // namespace

void add_import_command(CLI::App& app, Globals& g) {
  struct Options {
    std::string file;
    std::string kind;
    bool dry_run = false;
    bool lenient = false;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "import",
      "Import accounts, contacts, links or visits from CSV (header row of schema field codes) or "
      "a JSON export. All or nothing: every problem is reported as file:line:column and nothing "
      "is written unless the whole file is valid.");
  cmd->add_option("file", opts->file, "A .csv or .json file")->required();
  cmd->add_option("--kind", opts->kind,
                  "What the CSV holds: accounts, contacts, links or visits (default: from the "
                  "file name)");
  cmd->add_flag("--dry-run", opts->dry_run, "Validate everything, write nothing");
  cmd->add_flag("--lenient", opts->lenient,
                "JSON only: keep keys no schema field has (a newer client's) instead of refusing");
  cmd->footer(kExitCodeHelp);
  cmd->callback([opts, &g] {
    g.exit_code = run_import(g, opts->file, opts->kind, opts->dry_run, opts->lenient);
  });
}

} // namespace accord::cli
