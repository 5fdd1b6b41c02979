#include "accord/workspace/json_bundle.h"

#include "accord/model/account_schema.h"
#include "accord/model/documents.h"
#include "accord/model/ids.h"
#include "encoding/json.h"
#include "workspace/import_commit.h"

namespace accord::workspace {
namespace {

constexpr std::string_view kBundleFormat = "accord.workspace";

// Line and column (code points) of byte `offset` of `text`.
std::pair<std::uint32_t, std::uint32_t> position_of(std::string_view text, std::size_t offset) {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {line, column};
}

void pretty(const Any& v, int indent, std::string& out) {
  const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
  if (v.is_array() && !v.as_array().empty()) {
    out += "[\n";
    bool first = true;
    for (const Any& m : v.as_array()) {
      if (!first) out += ",\n";
      first = false;
      out += pad + "  ";
      pretty(m, indent + 1, out);
    }
    out += "\n" + pad + "]";
  } else if (v.is_object() && !v.as_object().empty()) {
    out += "{\n";
    bool first = true;
    for (const auto& [k, m] : v.as_object()) {
      if (m.is_undefined()) continue;
      if (!first) out += ",\n";
      first = false;
      out += pad + "  " + Any(k).to_json_string() + ": ";
      pretty(m, indent + 1, out);
    }
    out += "\n" + pad + "}";
  } else {
    out += v.to_json_string();
  }
}

std::string string_at(const Any& v, std::string_view key) {
  const Any* f = v.find(key);
  return f != nullptr && f->is_string() ? f->as_string() : std::string();
}

} // namespace

std::string pretty_json(const Any& value) {
  std::string out;
  pretty(value, 0, out);
  out += '\n';
  return out;
}

Result<Any> export_workspace(Workspace& ws, const JsonExportOptions& options) {
  model::ExportOptions eo;
  eo.include_sensitive = options.include_sensitive;
  Any::Array docs;
  if (!options.account) {
    ACCORD_ASSIGN_OR_RETURN(Any index, model::export_document(ws.index_doc(), eo));
    docs.push_back(std::move(index));
  }
  for (const std::string& id : ws.account_ids()) {
    if (options.account && *options.account != id) continue;
    AccountSlot* slot = ws.account(id);
    ACCORD_ASSIGN_OR_RETURN(Any account, model::export_document(*slot->account_doc, eo));
    docs.push_back(std::move(account));
    if (model::read_meta(*slot->visit_doc).ok()) {
      ACCORD_ASSIGN_OR_RETURN(Any visits, model::export_document(*slot->visit_doc, eo));
      docs.push_back(std::move(visits));
    }
  }
  Any::Object bundle;
  bundle.emplace_back("format", Any(std::string(kBundleFormat)));
  bundle.emplace_back("schema_version", Any(static_cast<double>(model::kSchemaVersion)));
  bundle.emplace_back("team", Any(ws.team_id()));
  bundle.emplace_back("documents", Any(std::move(docs)));
  return Any(std::move(bundle));
}

namespace {

// Imports one exchange-format document; returns the problem as a message.
Status import_one(Workspace& ws, const Any& data, const JsonImportOptions& options,
                  JsonImportResult& result) {
  const std::string format = string_at(data, "format");
  const std::string id = string_at(data, "id");
  Doc* doc = nullptr;
  if (format == "accord.team_index") {
    doc = &ws.index_doc();
  } else if (format == "accord.account" || format == "accord.visit_log") {
    ACCORD_RETURN_IF_ERROR(model::validate_id(id, "document id"));
    AccountSlot& slot = ws.ensure_account(id);
    if (format == "accord.account") {
      doc = slot.account_doc.get();
      if (!model::read_meta(*doc).ok()) {
        std::string name;
        if (const Any* records = data.find("records")) {
          if (const Any* account = records->find("account")) name = string_at(*account, "name");
        }
        if (name.empty()) {
          return Status::error(StatusCode::kInvalidArgument,
                               "a new account needs records.account.name");
        }
        model::Edit e(*doc, options.actor, options.now_ms);
        ACCORD_RETURN_IF_ERROR(model::AccountDocument::create(e, id, name).status());
      }
    } else {
      doc = slot.visit_doc.get();
      if (!model::read_meta(*doc).ok()) {
        model::Edit e(*doc, options.actor, options.now_ms);
        ACCORD_RETURN_IF_ERROR(model::VisitLog::create(e, id).status());
      }
    }
  } else {
    return Status::error(StatusCode::kInvalidArgument,
                         "unknown format '" + format +
                             "' (expected accord.workspace, accord.team_index, accord.account or "
                             "accord.visit_log)");
  }
  Any body = data;
  if (format == "accord.team_index") {
    // The file's team index goes into this workspace's, whatever its team id.
    for (auto& [k, v] : body.as_object()) {
      if (k == "id") v = Any(ws.team_id());
    }
  }
  model::Edit e(*doc, options.actor, options.now_ms);
  ACCORD_ASSIGN_OR_RETURN(model::ImportReport report,
                          model::import_document(e, body, model::ImportOptions{options.strict}));
  result.created += static_cast<std::size_t>(report.created);
  result.updated += static_cast<std::size_t>(report.updated);
  result.fields_set += static_cast<std::size_t>(report.fields_set);
  ++result.documents;
  if (format == "accord.account") {
    e.commit();
    model::Edit ie(ws.index_doc(), options.actor, options.now_ms);
    ACCORD_RETURN_IF_ERROR(ws.team().upsert_account(ie, ws.ensure_account(id).account));
  }
  return Status::ok();
}

} // namespace

Result<JsonImportResult> import_json_text(Workspace& ws, std::string_view text,
                                          const JsonImportOptions& options) {
  JsonImportResult result;
  auto parsed = encoding::parse_json(text);
  if (!parsed.ok()) {
    const Status s = parsed.status();
    auto [line, column] = position_of(text, s.offset().value_or(0));
    result.issue =
        Issue{s.offset() ? line : 0, s.offset() ? column : 0, "", "malformed JSON: " + s.message()};
    return result;
  }
  const Any& data = *parsed;
  if (!data.is_object()) {
    result.issue = Issue{1, 1, "", "expected a JSON object in the accord exchange format"};
    return result;
  }
  Status status;
  if (string_at(data, "format") == kBundleFormat) {
    const Any* docs = data.find("documents");
    if (docs == nullptr || !docs->is_array()) {
      status = Status::error(StatusCode::kInvalidArgument, "'documents' must be an array");
    } else {
      for (std::size_t i = 0; i < docs->as_array().size() && status.is_ok(); ++i) {
        const Any& d = docs->as_array()[i];
        if (!d.is_object()) {
          status = Status::error(StatusCode::kInvalidArgument,
                                 "documents[" + std::to_string(i) + "] is not an object");
          break;
        }
        Status s = import_one(ws, d, options, result);
        if (!s.is_ok()) {
          status = s.with_context("documents[" + std::to_string(i) + "] (" +
                                  string_at(d, "format") + " " + string_at(d, "id") + ")");
        }
      }
    }
  } else {
    status = import_one(ws, data, options, result);
  }
  if (!status.is_ok()) {
    result.issue = Issue{0, 0, "", status.message()};
  }
  const bool keep = !result.issue && !options.dry_run;
  ACCORD_RETURN_IF_ERROR(keep_or_discard(ws, keep));
  result.saved = keep;
  return result;
}

} // namespace accord::workspace
