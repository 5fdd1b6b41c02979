#include "accord/workspace/csv_export.h"

#include <cstdio>
#include <cstdlib>
#include <vector>

#include "accord/model/documents.h"
#include "accord/workspace/csv.h"

namespace accord::workspace {
namespace {

std::vector<const model::FieldInfo*> export_fields(const model::RecordSchema& schema) {
  std::vector<const model::FieldInfo*> out;
  for (const model::FieldInfo* f : schema.fields) {
    if (!f->sensitive) out.push_back(f);
  }
  out.push_back(&model::common::kArchived);
  out.push_back(&model::common::kCreatedAt);
  out.push_back(&model::common::kCreatedBy);
  return out;
}

} // namespace

std::string cell_text(const Any& value) {
  switch (value.kind()) {
    case Any::Kind::kString: return value.as_string();
    case Any::Kind::kBool: return value.as_bool() ? "true" : "false";
    case Any::Kind::kNumber: {
      // The shortest of %.15g, %.16g, %.17g that reads back exactly (floating-point to_chars is
      // missing from Emscripten's libc++).
      char buf[64];
      for (int precision = 15; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof buf, "%.*g", precision, value.as_number());
        if (std::strtod(buf, nullptr) == value.as_number()) break;
      }
      return buf;
    }
    case Any::Kind::kBigInt: return std::to_string(value.as_bigint());
    case Any::Kind::kArray: {
      std::string out;
      for (const Any& m : value.as_array()) {
        if (!out.empty()) out += ';';
        out += cell_text(m);
      }
      return out;
    }
    default: return {};
  }
}

std::string export_csv(Workspace& ws, ImportKind kind, const CsvExportOptions& options) {
  const model::RecordSchema& schema = import_schema(kind);
  const auto fields = export_fields(schema);
  std::string out;
  std::vector<std::string> row;
  if (kind != ImportKind::kAccounts) row.emplace_back("account");
  row.emplace_back("id");
  for (const auto* f : fields) row.emplace_back(f->key);
  append_csv_row(out, row);
  for (const std::string& account_id : ws.account_ids()) {
    if (options.account && *options.account != account_id) continue;
    AccountSlot* slot = ws.account(account_id);
    std::vector<model::RecordRef> records;
    if (kind == ImportKind::kAccounts) {
      records.push_back(slot->account.account());
    } else {
      Doc& doc = kind == ImportKind::kVisits ? *slot->visit_doc : *slot->account_doc;
      records = model::list_records(doc, schema, options.include_archived);
    }
    for (const model::RecordRef& r : records) {
      row.clear();
      if (kind != ImportKind::kAccounts) row.push_back(account_id);
      row.push_back(kind == ImportKind::kAccounts ? account_id : r.id());
      for (const auto* f : fields) row.push_back(cell_text(r.get_value(*f)));
      append_csv_row(out, row);
    }
  }
  return out;
}

} // namespace accord::workspace
