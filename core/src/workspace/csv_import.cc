#include "accord/workspace/csv_import.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include "accord/model/account_schema.h"
#include "accord/model/activity_schema.h"
#include "accord/model/contact_schema.h"
#include "accord/model/documents.h"
#include "accord/model/ids.h"
#include "accord/workspace/csv.h"
#include "workspace/import_commit.h"

namespace accord::workspace {
namespace {

constexpr std::string_view kIdColumn = "id";
constexpr std::string_view kAccountColumn = "account";

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

Status invalid(std::string why) { return Status::error(StatusCode::kInvalidArgument, why); }

// "'<value>'<rest>", appended piece by piece (GCC 12 at -O3 reports a false -Wrestrict on
// "literal" + std::string).
std::string quoted(std::string_view value, std::string_view rest) {
  std::string out = "'";
  out += value;
  out += '\'';
  out += rest;
  return out;
}

// How the columns of the header map to the schema.
struct Columns {
  std::optional<std::size_t> id;
  std::optional<std::size_t> account;
  std::vector<std::pair<std::size_t, const model::FieldInfo*>> fields;
  std::optional<std::size_t> find(std::string_view key, const CsvRow& header) const {
    for (const auto& [i, f] : fields) {
      if (f->key == key) return i;
    }
    (void)header;
    return std::nullopt;
  }
};

std::string known_columns(ImportKind kind) {
  const model::RecordSchema& schema = import_schema(kind);
  std::string out(kind == ImportKind::kAccounts ? "id" : "account, id");
  for (const model::FieldInfo* f : schema.fields) out += ", " + std::string(f->key);
  for (const model::FieldInfo* f :
       {static_cast<const model::FieldInfo*>(&model::common::kArchived),
        static_cast<const model::FieldInfo*>(&model::common::kCreatedAt),
        static_cast<const model::FieldInfo*>(&model::common::kCreatedBy)}) {
    out += ", " + std::string(f->key);
  }
  return out;
}

// Reads the header; appends its problems to `issues`.
Columns read_header(ImportKind kind, const CsvRow& header, std::vector<Issue>& issues) {
  const model::RecordSchema& schema = import_schema(kind);
  Columns cols;
  std::map<std::string, std::uint32_t> seen;
  for (std::size_t i = 0; i < header.cells.size(); ++i) {
    const CsvCell& cell = header.cells[i];
    const std::string name(trim(cell.value));
    if (name.empty()) {
      issues.push_back(Issue{cell.line, cell.column, "", "empty column name in the header"});
      continue;
    }
    if (auto it = seen.find(name); it != seen.end()) {
      issues.push_back(Issue{cell.line, cell.column, name,
                             "duplicate column (also column " + std::to_string(it->second) + ")"});
      continue;
    }
    seen.emplace(name, cell.column);
    if (name == kIdColumn) {
      cols.id = i;
    } else if (name == kAccountColumn && kind != ImportKind::kAccounts) {
      cols.account = i;
    } else if (const model::FieldInfo* f = schema.find(name)) {
      cols.fields.emplace_back(i, f);
    } else {
      issues.push_back(Issue{cell.line, cell.column, name,
                             "unknown column for " + std::string(import_kind_name(kind)) +
                                 " (known: " + known_columns(kind) + ")"});
    }
  }
  if (kind == ImportKind::kAccounts && !cols.id) {
    issues.push_back(Issue{header.line, 0, "id", "missing required column 'id'"});
  }
  if (kind != ImportKind::kAccounts && !cols.account) {
    issues.push_back(Issue{header.line, 0, "account", "missing required column 'account'"});
  }
  return cols;
}

// The open edits of one import, one per document, committed together at the end.
class Edits {
public:
  explicit Edits(const CsvImportOptions& options) : options_(options) {}
  model::Edit& of(Doc& doc) {
    auto it = edits_.find(&doc);
    if (it == edits_.end()) {
      it = edits_.emplace(&doc, std::make_unique<model::Edit>(doc, options_.actor, options_.now_ms))
               .first;
    }
    return *it->second;
  }
  void commit_all() {
    for (auto& [doc, e] : edits_) e->commit();
    edits_.clear();
  }

private:
  const CsvImportOptions& options_;
  std::map<Doc*, std::unique_ptr<model::Edit>> edits_;
};

// A visit's references to contacts point into the account document, which the model cannot
// check from the visit log: the import does.
Status check_contacts_exist(AccountSlot& slot, const model::FieldInfo& f, const Any& value) {
  if (f.target != model::kContactRecord.collection) return Status::ok();
  std::vector<std::string> ids;
  if (value.is_string()) ids.push_back(value.as_string());
  if (value.is_array()) {
    for (const Any& m : value.as_array()) {
      if (m.is_string()) ids.push_back(m.as_string());
    }
  }
  for (const auto& id : ids) {
    if (!slot.account.find(model::kContactRecord, id)) {
      return Status::error(StatusCode::kNotFound, "no contacts record '" + id + "' in account '" +
                                                      slot.account.id() + "'");
    }
  }
  return Status::ok();
}

} // namespace

std::string_view import_kind_name(ImportKind kind) {
  switch (kind) {
    case ImportKind::kAccounts: return "accounts";
    case ImportKind::kTeam: return "team";
    case ImportKind::kFactions: return "factions";
    case ImportKind::kContacts: return "contacts";
    case ImportKind::kLinks: return "links";
    case ImportKind::kVisits: return "visits";
  }
  return "accounts";
}

Result<ImportKind> parse_import_kind(std::string_view name) {
  std::string known;
  for (ImportKind k : import_kinds()) {
    if (import_kind_name(k) == name) return k;
    known += (known.empty() ? "" : ", ") + std::string(import_kind_name(k));
  }
  return invalid("unknown kind '" + std::string(name) + "' (known: " + known + ")");
}

const model::RecordSchema& import_schema(ImportKind kind) {
  switch (kind) {
    case ImportKind::kAccounts: return model::kAccountRecord;
    case ImportKind::kTeam: return model::kTeamMemberRecord;
    case ImportKind::kFactions: return model::kFactionRecord;
    case ImportKind::kContacts: return model::kContactRecord;
    case ImportKind::kLinks: return model::kLinkRecord;
    case ImportKind::kVisits: return model::kVisitRecord;
  }
  return model::kAccountRecord;
}

Result<Any> cell_value(const model::FieldInfo& f, std::string_view cell) {
  switch (f.kind) {
    case model::FieldKind::kEnumSet:
    case model::FieldKind::kRefSet: {
      Any::Array members;
      std::string_view rest = cell;
      while (!rest.empty()) {
        const auto semi = rest.find(';');
        std::string_view part = trim(rest.substr(0, semi));
        if (!part.empty()) members.emplace_back(std::string(part));
        if (semi == std::string_view::npos) break;
        rest.remove_prefix(semi + 1);
      }
      return Any(std::move(members));
    }
    case model::FieldKind::kInt: {
      const std::string_view t = trim(cell);
      std::int64_t v = 0;
      auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), v);
      if (t.empty() || ec != std::errc() || end != t.data() + t.size()) {
        return invalid(quoted(cell, " is not an integer"));
      }
      return Any(static_cast<double>(v));
    }
    case model::FieldKind::kNumber: {
      // strtod in the C locale (floating-point from_chars is missing from Emscripten's libc++).
      const std::string t(trim(cell));
      const bool plain = !t.empty() && t.find_first_not_of("0123456789+-.eE") == std::string::npos;
      char* end = nullptr;
      const double v = plain ? std::strtod(t.c_str(), &end) : 0;
      if (!plain || end != t.c_str() + t.size() || !std::isfinite(v)) {
        return invalid(quoted(cell, " is not a number (write e.g. 1200.5)"));
      }
      return Any(v);
    }
    case model::FieldKind::kBool: {
      const std::string v = lower(trim(cell));
      if (v == "true" || v == "yes" || v == "1") return Any(true);
      if (v == "false" || v == "no" || v == "0") return Any(false);
      return invalid(quoted(cell, " is not a yes/no value (true, false, yes, no, 1, 0)"));
    }
    default: return Any(std::string(cell));
  }
}

namespace {

// A reference cell, set once every file of the import has created its records.
struct DeferredRef {
  std::size_t file = 0;
  model::RecordRef record;
  Doc* doc = nullptr;
  const model::FieldInfo* field = nullptr;
  Any value;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  std::string account_id;
};

// What the files of one import share: the open edits, the accounts whose list entry must be
// refreshed and the reference cells still to set.
struct ImportRun {
  ImportRun(Workspace& w, const CsvImportOptions& o) : ws(w), options(o), edits(o) {}
  Workspace& ws;
  const CsvImportOptions& options;
  Edits edits;
  std::set<std::string> touched_accounts;
  std::vector<DeferredRef> deferred;
};

// What a new record of a kind needs besides its id (accounts: see apply_file).
struct NewRecordRule {
  std::string_view noun;
  std::vector<std::string_view> required;
};

NewRecordRule new_record_rule(ImportKind kind) {
  switch (kind) {
    case ImportKind::kVisits: return {"visit", {"at", "rep"}};
    case ImportKind::kFactions: return {"faction", {"name"}};
    case ImportKind::kTeam: return {"team member", {"name"}};
    default: return {"record", {}};
  }
}

// Creates or finds the record of every row of one file and sets its cells, deferring references.
void apply_file(ImportRun& run, std::size_t file, ImportKind kind, std::string_view text,
                CsvImportResult& result) {
  Workspace& ws = run.ws;
  const CsvImportOptions& options = run.options;
  CsvParse parsed = parse_csv(text);
  if (parsed.error) {
    result.issues.push_back(*parsed.error);
    return;
  }
  if (parsed.rows.empty()) {
    result.issues.push_back(Issue{0, 0, "", "the file is empty (a header row is expected)"});
    return;
  }
  const CsvRow& header = parsed.rows.front();
  const Columns cols = read_header(kind, header, result.issues);
  if (!result.issues.empty()) return;

  const model::RecordSchema& schema = import_schema(kind);
  const std::size_t total = parsed.rows.size() - 1;
  result.rows = total;
  auto add_issue = [&](Issue issue) {
    if (result.issues.size() < options.max_issues) result.issues.push_back(std::move(issue));
  };
  std::map<std::string, std::uint32_t> ids_seen; // "<account>/<id>" -> line
  std::set<std::string>& touched_accounts = run.touched_accounts;
  Edits& edits = run.edits;

  for (std::size_t r = 1; r < parsed.rows.size(); ++r) {
    if (options.progress && r > 1 && (r - 1) % options.progress_every == 0) {
      options.progress(r - 1, total);
    }
    if (result.issues.size() >= options.max_issues) break;
    const CsvRow& row = parsed.rows[r];
    if (row.cells.size() != header.cells.size()) {
      add_issue(Issue{row.line, 0, "",
                      "the row has " + std::to_string(row.cells.size()) +
                          " fields, the header has " + std::to_string(header.cells.size())});
      continue;
    }
    auto cell_of = [&](std::optional<std::size_t> col) -> const CsvCell* {
      return col ? &row.cells[*col] : nullptr;
    };
    const CsvCell* id_cell = cell_of(cols.id);
    const std::string id = id_cell ? std::string(trim(id_cell->value)) : std::string();
    const CsvCell* account_cell = kind == ImportKind::kAccounts ? id_cell : cell_of(cols.account);
    const std::string account_id(account_cell ? trim(account_cell->value) : std::string_view());
    if (account_id.empty()) {
      add_issue(Issue{row.line, account_cell ? account_cell->column : 0,
                      std::string(kind == ImportKind::kAccounts ? kIdColumn : kAccountColumn),
                      "required value is empty"});
      continue;
    }
    if (!id.empty()) {
      const std::string key = kind == ImportKind::kAccounts ? id : account_id + "/" + id;
      auto [it, inserted] = ids_seen.emplace(key, row.line);
      if (!inserted) {
        add_issue(
            Issue{row.line, id_cell->column, "id",
                  "duplicate id '" + id + "' (also on line " + std::to_string(it->second) + ")"});
        continue;
      }
    }

    std::optional<model::RecordRef> record;
    Doc* record_doc = nullptr;
    if (kind == ImportKind::kAccounts) {
      AccountSlot* slot = ws.account(id);
      if (slot == nullptr) {
        const std::optional<std::size_t> name_col = cols.find("name", header);
        const std::string name(name_col ? trim(row.cells[*name_col].value) : std::string_view());
        if (name.empty()) {
          add_issue(Issue{row.line, id_cell->column, "name",
                          "a new account needs a name (account '" + id + "' does not exist)"});
          continue;
        }
        if (Status s = model::validate_id(id, "account id"); !s.is_ok()) {
          add_issue(Issue{row.line, id_cell->column, "id", s.message()});
          continue;
        }
        AccountSlot& created = ws.ensure_account(id);
        auto made = model::AccountDocument::create(edits.of(*created.account_doc), id, name);
        if (!made.ok()) {
          add_issue(Issue{row.line, id_cell->column, "id", made.status().message()});
          continue;
        }
        if (!model::read_meta(*created.visit_doc).ok()) {
          (void)model::VisitLog::create(edits.of(*created.visit_doc), id);
        }
        slot = &created;
        ++result.created;
      } else {
        ++result.updated;
      }
      record = slot->account.account();
      record_doc = slot->account_doc.get();
      touched_accounts.insert(id);
    } else {
      AccountSlot* slot = ws.account(account_id);
      if (slot == nullptr) {
        add_issue(Issue{row.line, account_cell->column, "account",
                        "unknown account '" + account_id +
                            "' (it is not in the workspace: import the accounts first)"});
        continue;
      }
      Doc& doc = kind == ImportKind::kVisits ? *slot->visit_doc : *slot->account_doc;
      record_doc = &doc;
      model::Edit& e = edits.of(doc);
      if (kind == ImportKind::kVisits && !model::read_meta(doc).ok()) {
        (void)model::VisitLog::create(e, account_id);
      }
      if (!id.empty()) record = model::find_record(doc, schema, id);
      if (record) {
        ++result.updated;
      } else {
        const NewRecordRule rule = new_record_rule(kind);
        bool missing = false;
        for (std::string_view required : rule.required) {
          auto col = cols.find(required, header);
          if (!col || trim(row.cells[*col].value).empty()) {
            add_issue(Issue{
                row.line, col ? row.cells[*col].column : 0, std::string(required),
                "a new " + std::string(rule.noun) + " needs '" + std::string(required) + "'"});
            missing = true;
          }
        }
        if (missing) continue;
        auto added = model::add_record(e, schema, id);
        if (!added.ok()) {
          add_issue(Issue{row.line, id_cell ? id_cell->column : 0, "id", added.status().message()});
          continue;
        }
        record = *added;
        ++result.created;
      }
    }

    model::Edit& e = edits.of(*record_doc);
    for (const auto& [col, f] : cols.fields) {
      const CsvCell& cell = row.cells[col];
      if (cell.value.empty()) continue;
      auto value = cell_value(*f, cell.value);
      if (value.ok() &&
          (f->kind == model::FieldKind::kRef || f->kind == model::FieldKind::kRefSet)) {
        run.deferred.push_back(DeferredRef{file, *record, record_doc, f, std::move(*value),
                                           cell.line, cell.column, account_id});
        continue;
      }
      Status s = value.ok() ? Status::ok() : value.status();
      if (s.is_ok()) s = record->set_value(e, f->key, *value);
      if (!s.is_ok()) {
        add_issue(Issue{cell.line, cell.column, std::string(f->key), s.message()});
        continue;
      }
      ++result.fields_set;
    }
  }
  if (options.progress) options.progress(total, total);
}

// Where a kind's records may point: the kinds before it in an import are applied first.
int kind_rank(ImportKind kind) {
  const auto kinds = import_kinds();
  return static_cast<int>(std::find(kinds.begin(), kinds.end(), kind) - kinds.begin());
}

} // namespace

std::span<const ImportKind> import_kinds() {
  static constexpr ImportKind kKinds[] = {ImportKind::kAccounts, ImportKind::kTeam,
                                          ImportKind::kFactions, ImportKind::kContacts,
                                          ImportKind::kLinks,    ImportKind::kVisits};
  return kKinds;
}

Result<std::vector<CsvImportResult>> import_csv_files(Workspace& ws, std::span<const CsvFile> files,
                                                      const CsvImportOptions& options) {
  std::vector<CsvImportResult> results(files.size());
  std::vector<std::size_t> order(files.size());
  for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return kind_rank(files[a].kind) < kind_rank(files[b].kind);
  });
  ImportRun run(ws, options);
  for (std::size_t k : order) apply_file(run, k, files[k].kind, files[k].text, results[k]);

  auto clean = [&] {
    return std::all_of(results.begin(), results.end(),
                       [](const CsvImportResult& r) { return r.issues.empty(); });
  };
  for (DeferredRef& d : run.deferred) {
    CsvImportResult& result = results[d.file];
    if (result.issues.size() >= options.max_issues) continue;
    Status s = Status::ok();
    if (files[d.file].kind == ImportKind::kVisits) {
      s = check_contacts_exist(*ws.account(d.account_id), *d.field, d.value);
    }
    if (s.is_ok()) s = d.record.set_value(run.edits.of(*d.doc), d.field->key, d.value);
    if (!s.is_ok()) {
      result.issues.push_back(Issue{d.line, d.column, std::string(d.field->key), s.message()});
      continue;
    }
    ++result.fields_set;
  }
  for (CsvImportResult& result : results) {
    std::sort(result.issues.begin(), result.issues.end(), [](const Issue& a, const Issue& b) {
      return std::pair(a.line, a.column) < std::pair(b.line, b.column);
    });
  }
  for (const auto& id : run.touched_accounts) {
    if (!clean()) break;
    AccountSlot* slot = ws.account(id);
    if (slot == nullptr) continue;
    if (Status s = ws.team().upsert_account(run.edits.of(ws.index_doc()), slot->account);
        !s.is_ok()) {
      results[order.front()].issues.push_back(
          Issue{0, 0, "", "account list entry of '" + id + "': " + s.message()});
    }
  }
  run.edits.commit_all();
  const bool keep = clean() && !options.dry_run;
  ACCORD_RETURN_IF_ERROR(keep_or_discard(ws, keep));
  for (CsvImportResult& result : results) result.saved = keep;
  return results;
}

Result<CsvImportResult> import_csv(Workspace& ws, ImportKind kind, std::string_view text,
                                   const CsvImportOptions& options) {
  const CsvFile file{kind, text};
  ACCORD_ASSIGN_OR_RETURN(auto results, import_csv_files(ws, std::span(&file, 1), options));
  return std::move(results.front());
}

} // namespace accord::workspace
