// Export and import of records through the schema (format in exchange.h).
#include "accord/model/exchange.h"

#include <map>
#include <string>
#include <vector>

#include "accord/model/documents.h"
#include "accord/model/ids.h"
#include "accord/update.h"

namespace accord::model {

namespace {

constexpr std::string_view kFormatPrefix = "accord.";

Status bad(std::string what) {
  return Status::error(StatusCode::kInvalidArgument, std::move(what));
}

Any export_record(const RecordRef& r, const ExportOptions& options) {
  Any j = r.to_json();
  Any::Object out;
  for (auto& [k, v] : j.as_object()) {
    if (r.schema().singleton && k == "id") continue;
    const FieldInfo* f = r.schema().find(k);
    if (f != nullptr && f->sensitive && !options.include_sensitive) continue;
    out.emplace_back(k, std::move(v));
  }
  return Any(std::move(out));
}

// One record of the input: where it is, its schema, its id and its fields.
struct Item {
  std::string where;
  const RecordSchema* schema = nullptr;
  std::string id;
  const Any* fields = nullptr;
};

// Reads the input into items, checking its shape. Ids missing in the input come from `fresh`.
Result<std::vector<Item>> read_items(const Any& data, DocumentKind kind,
                                     const std::vector<std::string>& fresh) {
  if (!data.is_object()) return bad("import: expected an object");
  const Any* format = data.find("format");
  const std::string want = std::string(kFormatPrefix) + std::string(document_kind_code(kind));
  if (format == nullptr || !format->is_string() || format->as_string() != want) {
    return Status::error(StatusCode::kFailedPrecondition,
                         "import: expected format '" + want + "' for this document");
  }
  const Any* records = data.find("records");
  if (records == nullptr || !records->is_object())
    return bad("import: 'records' must be an object");
  std::vector<Item> items;
  std::size_t next_fresh = 0;
  for (const auto& [collection, value] : records->as_object()) {
    const RecordSchema* schema = find_schema(collection);
    if (schema == nullptr || schema->document != kind) {
      return bad("import: unknown collection '" + collection + "' for a " +
                 std::string(document_kind_code(kind)));
    }
    if (schema->singleton) {
      if (!value.is_object()) return bad("import: '" + collection + "' must be an object");
      items.push_back(Item{collection, schema, collection, &value});
      continue;
    }
    if (!value.is_array()) return bad("import: '" + collection + "' must be an array");
    for (std::size_t i = 0; i < value.as_array().size(); ++i) {
      const Any& rec = value.as_array()[i];
      std::string where = collection + "[" + std::to_string(i) + "]";
      if (!rec.is_object()) return bad(where + ": expected an object");
      std::string id;
      if (const Any* idv = rec.find("id")) {
        if (!idv->is_string()) return bad(where + ": 'id' must be a string");
        id = idv->as_string();
        ACCORD_RETURN_IF_ERROR(validate_id(id, where + " id"));
      } else if (next_fresh < fresh.size()) {
        id = fresh[next_fresh++];
      } else {
        return Status::error(StatusCode::kInternal, "import: ran out of fresh ids");
      }
      items.push_back(Item{where + " (id " + id + ")", schema, id, &rec});
    }
  }
  return items;
}

std::size_t missing_ids(const Any& data) {
  std::size_t n = 0;
  const Any* records = data.is_object() ? data.find("records") : nullptr;
  if (records == nullptr || !records->is_object()) return 0;
  for (const auto& [collection, value] : records->as_object()) {
    if (!value.is_array()) continue;
    for (const Any& rec : value.as_array()) {
      if (rec.is_object() && rec.find("id") == nullptr) ++n;
    }
  }
  return n;
}

// Runs the import in `e` (on whatever document it edits).
Result<ImportReport> apply(Edit& e, const std::vector<Item>& items, const ImportOptions& options) {
  ImportReport report;
  // Pass 1: every record exists, so references between them resolve in any order.
  for (const Item& it : items) {
    if (it.schema->singleton) continue;
    if (find_record(e.doc(), *it.schema, it.id)) {
      ++report.updated;
      continue;
    }
    auto created = add_record(e, *it.schema, it.id);
    if (!created.ok()) return created.status().with_context(it.where);
    ++report.created;
  }
  // A value this build cannot validate (a newer client's field or code), stored as it is
  // unless it is already there.
  const auto keep_as_stored = [&](const RecordRef& r, const std::string& key, const Any& value) {
    if (const auto stored = r.map().get(key); stored && stored->to_json() == value) {
      return;
    }
    r.map().set(e.txn(), key, value);
    e.record_change(r.path(), key, Any(), value);
    ++report.fields_set;
  };
  // Pass 2: fields.
  for (const Item& it : items) {
    RecordRef r = *find_record(e.doc(), *it.schema, it.id);
    for (const auto& [key, value] : it.fields->as_object()) {
      if (key == "id") continue;
      const FieldInfo* f = it.schema->find(key);
      if (f == nullptr) {
        const auto colon = key.find(':');
        if (options.strict || colon == 0 || key.empty()) {
          return bad(it.where + ": unknown field '" + key + "'");
        }
        keep_as_stored(r, key, value);
        continue;
      }
      const Any* to_set = &value;
      Any known_members;
      if (!options.strict && f->enum_info != nullptr) {
        // A newer client's codes are kept as stored; the known part goes through validation.
        if (f->kind == FieldKind::kEnum && value.is_string() &&
            !f->enum_info->index_of(value.as_string())) {
          keep_as_stored(r, key, value);
          continue;
        }
        if (f->kind == FieldKind::kEnumSet && value.is_array()) {
          Any::Array known;
          for (const Any& m : value.as_array()) {
            if (m.is_string() && !f->enum_info->index_of(m.as_string())) {
              const std::string member_key = key + ":" + m.as_string();
              if (!r.map().contains(member_key)) {
                r.map().set(e.txn(), member_key, Any(true));
                e.record_change(r.path(), member_key, Any(), Any(true));
              }
            } else {
              known.push_back(m);
            }
          }
          known_members = Any(std::move(known));
          to_set = &known_members;
        }
      }
      const std::size_t changes_before = e.changes_recorded();
      Status s = r.set_value(e, key, *to_set);
      if (!s.is_ok()) return s.with_context(it.where);
      if (e.changes_recorded() > changes_before) ++report.fields_set;
    }
  }
  return report;
}

} // namespace

Result<Any> export_document(Doc& doc, const ExportOptions& options) {
  ACCORD_ASSIGN_OR_RETURN(DocumentMeta meta, read_meta(doc));
  Any::Object records;
  for (const RecordSchema* s : all_record_schemas()) {
    if (s->document != meta.kind) continue;
    if (s->singleton) {
      records.emplace_back(std::string(s->collection), export_record(singleton(doc, *s), options));
      continue;
    }
    Any::Array list;
    for (const RecordRef& r : list_records(doc, *s, options.include_archived)) {
      list.push_back(export_record(r, options));
    }
    if (!list.empty()) records.emplace_back(std::string(s->collection), std::move(list));
  }
  Any::Object out;
  out.emplace_back("format",
                   Any(std::string(kFormatPrefix) + std::string(document_kind_code(meta.kind))));
  out.emplace_back("schema_version", Any(static_cast<double>(meta.schema_version)));
  out.emplace_back("id", Any(meta.id));
  out.emplace_back("records", Any(std::move(records)));
  return Any(std::move(out));
}

Result<ImportReport> import_document(Edit& e, const Any& data, const ImportOptions& options) {
  ACCORD_ASSIGN_OR_RETURN(DocumentMeta meta, read_meta(e.doc()));
  std::vector<std::string> fresh;
  for (std::size_t i = missing_ids(data); i > 0; --i) fresh.push_back(e.new_id());
  ACCORD_ASSIGN_OR_RETURN(std::vector<Item> items, read_items(data, meta.kind, fresh));
  {
    // Dry run on a scratch copy: any error leaves the real document untouched.
    Doc scratch(DocOptions::with_client_id(e.doc().client_id(), e.doc().gc()));
    ACCORD_RETURN_IF_ERROR(apply_update(scratch, encode_state_as_update(e.doc())));
    Edit dry(scratch, e.actor(), e.now_ms(), 0);
    auto r = apply(dry, items, options);
    if (!r.ok()) return r.status();
  }
  return apply(e, items, options);
}

} // namespace accord::model
