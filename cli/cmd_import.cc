// accord import <file.csv...|file.json> [--kind K] [--dry-run]: imports records, all or nothing.
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
  for (auto k : workspace::import_kinds()) {
    if (ends_with(stem, workspace::import_kind_name(k))) return k;
  }
  return std::nullopt;
}

std::string kind_names() {
  std::string out;
  for (auto k : workspace::import_kinds()) {
    out += (out.empty() ? "" : "|") + std::string(workspace::import_kind_name(k));
  }
  return out;
}

int run_json_import(OpenWorkspace& ow, std::int64_t now, const std::string& file,
                    const std::string& text, bool dry_run, bool lenient) {
  workspace::JsonImportOptions options{ow.actor(), now, dry_run, !lenient};
  auto r = workspace::import_json_text(*ow.ws, text, options);
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

int run_import(const Globals& g, const std::vector<std::string>& files,
               const std::string& kind_flag, bool dry_run, bool lenient) {
  auto now = now_ms(g.now);
  if (!now.ok()) return fail(kExitUsage, now.status().message());
  const bool is_json = files.size() == 1 && ends_with(files.front(), ".json");
  std::vector<workspace::ImportKind> kinds;
  for (const std::string& file : files) {
    if (ends_with(file, ".json")) {
      if (files.size() > 1) {
        return fail(kExitUsage, "'" + file + "': a JSON export is imported on its own");
      }
      continue;
    }
    auto kind = kind_of(file, kind_flag);
    if (!kind) {
      return fail(kExitUsage, kind_flag.empty()
                                  ? "cannot tell what '" + file +
                                        "' holds: name it after its kind or pass "
                                        "--kind " +
                                        kind_names()
                                  : workspace::parse_import_kind(kind_flag).status().message());
    }
    kinds.push_back(*kind);
  }
  std::vector<std::string> texts;
  for (const std::string& file : files) {
    auto text = read_file(file);
    if (!text.ok()) return fail(kExitBadInput, text.status().message());
    texts.push_back(std::move(*text));
  }
  auto ow = open_workspace(workspace_dir(g.workspace));
  if (!ow.ok()) return fail(exit_code_for(ow.status()), ow.status().message());
  if (is_json) return run_json_import(*ow, *now, files.front(), texts.front(), dry_run, lenient);

  std::vector<workspace::CsvFile> csv;
  for (std::size_t k = 0; k < files.size(); ++k) csv.push_back({kinds[k], texts[k]});
  workspace::CsvImportOptions options;
  options.actor = ow->actor();
  options.now_ms = *now;
  options.dry_run = dry_run;
  options.progress_every = 5000;
  options.progress = [](std::size_t done, std::size_t total) {
    if (total < 5000) return;
    std::cerr << "\r" << done << "/" << total << " rows ("
              << (total == 0 ? 100 : done * 100 / total) << "%)" << (done == total ? "\n" : "")
              << std::flush;
  };
  auto results = workspace::import_csv_files(*ow->ws, csv, options);
  if (!results.ok()) return fail(kExitStore, results.status().message());
  std::size_t problems = 0;
  for (std::size_t k = 0; k < files.size(); ++k) {
    for (const auto& issue : (*results)[k].issues) std::cerr << issue.to_string(files[k]) << "\n";
    problems += (*results)[k].issues.size();
  }
  if (problems > 0) {
    return fail(kExitBadInput, std::to_string(problems) + " problem(s) found; nothing imported");
  }
  for (std::size_t k = 0; k < files.size(); ++k) {
    const workspace::CsvImportResult& r = (*results)[k];
    std::cout << (dry_run ? "Dry run: " : "") << r.rows << " "
              << workspace::import_kind_name(kinds[k]) << " row(s) "
              << (dry_run ? "valid: would create " : "imported: ") << r.created
              << (dry_run ? ", update " : " created, ") << r.updated << (dry_run ? "" : " updated")
              << " (" << r.fields_set << " field values)\n";
  }
  return kExitOk;
}

} // namespace

void add_import_command(CLI::App& app, Globals& g) {
  struct Options {
    std::vector<std::string> files;
    std::string kind;
    bool dry_run = false;
    bool lenient = false;
  };
  auto opts = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "import",
      "Import accounts, team members, factions, contacts, links or visits from CSV (header row "
      "of schema field codes) or a JSON export. Several CSV files are imported as one: "
      "references (a contact's faction or counterpart, a faction's leader, link ends, the "
      "contacts of a visit) may point to records of any of them. All or nothing: every problem "
      "is reported as file:line:column and nothing is written unless every file is valid.");
  cmd->add_option("files", opts->files, "One or more .csv files, or one .json file")->required();
  cmd->add_option("--kind", opts->kind,
                  "What the CSV files hold: accounts, team, factions, contacts, links or visits "
                  "(default: from each file's name, e.g. demo-factions.csv)");
  cmd->add_flag("--dry-run", opts->dry_run, "Validate everything, write nothing");
  cmd->add_flag("--lenient", opts->lenient,
                "JSON only: keep keys no schema field has (a newer client's) instead of refusing");
  cmd->footer(kExitCodeHelp);
  cmd->callback([opts, &g] {
    g.exit_code = run_import(g, opts->files, opts->kind, opts->dry_run, opts->lenient);
  });
}

} // namespace accord::cli
