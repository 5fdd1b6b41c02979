// Bindings of the record API (accord/model/documents.h, record.h): list, get, create and update
// records through the schema, archive, edit text in place, review visits, create accounts.
// Writes validate like the model does and are all or nothing: a write of several fields (or a
// create) runs as an import of that one record (model/exchange.h), which first runs on a
// scratch copy; a write of one field of an existing record is a single validated set. Every
// write returns only once the document's update is durable in the store.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <optional>
#include <random>
#include <string>

#include "accord/model/documents.h"
#include "accord/model/exchange.h"
#include "accord/model/ids.h"
#include "js_values.h"
#include "model_access.h"
#include "registry.h"

namespace accord::wasm {
namespace {

using emscripten::val;

std::optional<model::RecordRef> lookup(Doc& doc, const model::RecordSchema& schema,
                                       std::string_view id) {
  if (schema.singleton) {
    if (id != schema.collection) return std::nullopt;
    return model::singleton(doc, schema);
  }
  return model::find_record(doc, schema, id);
}

Status not_found(const model::RecordSchema& schema, std::string_view id) {
  return Status::error(StatusCode::kNotFound, std::string(schema.en) + " " +
                                                  std::string(schema.collection) + "/" +
                                                  std::string(id) + " does not exist");
}

val records_list(int handle, const std::string& collection, bool include_archived) {
  auto local = find_document(handle);
  if (!local.ok()) return error(local.status());
  auto schema = schema_of(collection);
  if (!schema.ok()) return error(schema.status());
  Doc& doc = (*local)->doc();
  val out = val::array();
  if ((*schema)->singleton) {
    out.call<void>("push", to_js(model::singleton(doc, **schema).to_json()));
    return ok(out);
  }
  for (const model::RecordRef& r : model::list_records(doc, **schema, include_archived)) {
    out.call<void>("push", to_js(r.to_json()));
  }
  return ok(out);
}

val record_get(int handle, const std::string& collection, const std::string& id) {
  auto local = find_document(handle);
  if (!local.ok()) return error(local.status());
  auto schema = schema_of(collection);
  if (!schema.ok()) return error(schema.status());
  auto record = lookup((*local)->doc(), **schema, id);
  return ok(record ? to_js(record->to_json()) : val::null());
}

// Writes `fields` into record `id` (created when absent) as an import of one record.
Status import_record(model::Edit& e, const model::RecordSchema& schema, const std::string& id,
                     const Any& fields) {
  ACCORD_ASSIGN_OR_RETURN(model::DocumentMeta meta, model::read_meta(e.doc()));
  if (meta.kind != schema.document) {
    return Status::error(StatusCode::kInvalidArgument,
                         "collection '" + std::string(schema.collection) + "' is not in a " +
                             std::string(model::document_kind_code(meta.kind)) + " document");
  }
  Any::Object record;
  if (!schema.singleton) record.emplace_back("id", Any(id));
  for (const auto& [key, value] : fields.as_object()) {
    if (key == "id") continue;
    record.emplace_back(key, value);
  }
  Any::Object records;
  if (schema.singleton) {
    records.emplace_back(std::string(schema.collection), Any(std::move(record)));
  } else {
    records.emplace_back(std::string(schema.collection), Any(Any::Array{Any(std::move(record))}));
  }
  Any::Object data;
  data.emplace_back("format", Any("accord." + std::string(model::document_kind_code(meta.kind))));
  data.emplace_back("schema_version", Any(static_cast<double>(meta.schema_version)));
  data.emplace_back("id", Any(meta.id));
  data.emplace_back("records", Any(std::move(records)));
  auto report = model::import_document(e, Any(std::move(data)));
  return report.ok() ? Status::ok() : report.status();
}

// create (id empty) or update of a record; the record as it is afterwards.
val record_write(int handle, const std::string& collection, const std::string& id_in,
                 const val& fields_js, const val& actor) {
  auto local = find_document(handle);
  if (!local.ok()) return error(local.status());
  auto schema = schema_of(collection);
  if (!schema.ok()) return error(schema.status());
  auto context = edit_context(actor);
  if (!context.ok()) return error(context.status());
  auto fields = from_js(fields_js, "fields");
  if (!fields.ok()) return error(fields.status());
  if (!fields->is_object()) return invalid("fields must be an object of field values");
  Doc& doc = (*local)->doc();
  const bool create = id_in.empty();
  if (create && (*schema)->singleton) {
    return invalid("'" + collection + "' is a singleton: update it, it cannot be created");
  }
  std::string id = (*schema)->singleton ? collection : id_in;
  if (!create && !lookup(doc, **schema, id)) return error(not_found(**schema, id));
  Status status;
  {
    model::Edit e(doc, context->actor, context->now_ms);
    if (create) id = e.new_id();
    const Any::Object& object = fields->as_object();
    if (!create && object.size() == 1 && object.front().first != "id") {
      status = lookup(doc, **schema, id)->set_value(e, object.front().first, object.front().second);
    } else {
      status = import_record(e, **schema, id, *fields);
    }
  }
  if (!status.is_ok()) return error(status);
  if (Status s = saved(**local); !s.is_ok()) return error(s);
  return ok(to_js(lookup(doc, **schema, id)->to_json()));
}

val record_archive(int handle, const std::string& collection, const std::string& id, bool archived,
                   const val& actor) {
  auto local = find_document(handle);
  if (!local.ok()) return error(local.status());
  auto schema = schema_of(collection);
  if (!schema.ok()) return error(schema.status());
  auto context = edit_context(actor);
  if (!context.ok()) return error(context.status());
  if ((*schema)->singleton) return invalid("'" + collection + "' is a singleton");
  auto record = lookup((*local)->doc(), **schema, id);
  if (!record) return error(not_found(**schema, id));
  Status status;
  {
    model::Edit e((*local)->doc(), context->actor, context->now_ms);
    status = record->set_archived(e, archived);
  }
  if (!status.is_ok()) return error(status);
  if (Status s = saved(**local); !s.is_ok()) return error(s);
  return ok();
}

val text_edit(int handle, const std::string& collection, const std::string& id,
              const std::string& key, double index, double delete_count, const std::string& insert,
              const val& actor) {
  auto local = find_document(handle);
  if (!local.ok()) return error(local.status());
  auto schema = schema_of(collection);
  if (!schema.ok()) return error(schema.status());
  auto context = edit_context(actor);
  if (!context.ok()) return error(context.status());
  const model::FieldInfo* f = (*schema)->find(key);
  if (f == nullptr || f->kind != model::FieldKind::kText) {
    return invalid("'" + collection + "' has no text field '" + key + "'");
  }
  if (index < 0 || delete_count < 0) return invalid("index and deleteCount must be >= 0");
  auto record = lookup((*local)->doc(), **schema, id);
  if (!record) return error(not_found(**schema, id));
  // Every kText descriptor of the schema is a TextField (field.h).
  const auto& field = static_cast<const model::TextField&>(*f);
  Status status;
  {
    model::Edit e((*local)->doc(), context->actor, context->now_ms);
    TextRef ref = record->text(field);
    const auto at = static_cast<std::uint64_t>(index);
    const auto count = static_cast<std::uint64_t>(delete_count);
    if (at + count > ref.length()) {
      status = Status::error(StatusCode::kInvalidArgument,
                             record->path() + ": field '" + key + "': range " + std::to_string(at) +
                                 "+" + std::to_string(count) + " is beyond the text's length " +
                                 std::to_string(ref.length()));
    }
    if (status.is_ok() && count > 0) status = ref.remove(e.txn(), at, count);
    if (status.is_ok() && !insert.empty()) status = ref.insert(e.txn(), at, insert);
    if (status.is_ok()) record->note_text_edit(e, field);
  }
  if (!status.is_ok()) return error(status);
  if (Status s = saved(**local); !s.is_ok()) return error(s);
  return ok(val(record->text(field).to_string()));
}

val visit_review(int handle, const std::string& visit_id, const std::string& comment,
                 const val& actor) {
  auto local = find_document(handle);
  if (!local.ok()) return error(local.status());
  auto context = edit_context(actor);
  if (!context.ok()) return error(context.status());
  auto log = model::VisitLog::open((*local)->doc());
  if (!log.ok()) return error(log.status());
  auto schema = schema_of("visits");
  if (!schema.ok()) return error(schema.status());
  auto visit = model::find_record((*local)->doc(), **schema, visit_id);
  if (!visit) return error(not_found(**schema, visit_id));
  Status status;
  {
    model::Edit e((*local)->doc(), context->actor, context->now_ms);
    status = log->review(e, *visit, comment);
  }
  if (!status.is_ok()) return error(status);
  if (Status s = saved(**local); !s.is_ok()) return error(s);
  return ok(to_js(visit->to_json()));
}

// A fresh UUIDv7 record id (for a new account, whose documents are named after it).
val new_id(double now_ms) {
  static std::mt19937_64 rng(std::random_device{}());
  return val(model::make_uuid_v7(static_cast<std::int64_t>(now_ms), rng));
}

// Writes the meta of a team index when it has none, and makes `actor.user` a member (with
// display name `name`) when it is not one.
val team_index_ensure(int handle, const std::string& team, const std::string& name,
                      const val& actor) {
  auto local = find_document(handle);
  if (!local.ok()) return error(local.status());
  auto context = edit_context(actor);
  if (!context.ok()) return error(context.status());
  Doc& doc = (*local)->doc();
  Status status;
  {
    model::Edit e(doc, context->actor, context->now_ms);
    if (!model::read_meta(doc).ok()) {
      auto created = model::TeamIndex::create(e, team);
      if (!created.ok()) status = created.status();
    }
    if (status.is_ok()) {
      auto index = model::TeamIndex::open(doc);
      if (!index.ok()) {
        status = index.status();
      } else {
        bool member = false;
        for (const model::RecordRef& m : index->members()) member |= m.id() == context->actor.user;
        if (!member) {
          auto added = index->add_member(e, context->actor.user, name);
          if (!added.ok()) status = added.status();
        }
      }
    }
  }
  if (!status.is_ok()) return error(status);
  if (Status s = saved(**local); !s.is_ok()) return error(s);
  return ok();
}

// Writes the meta and fields of a new account in its (empty) document, after checking them on
// a scratch document, then the meta of its visit log and its entry in the team index.
Status create_account_in(Doc& doc, const std::string& id, const Any& fields,
                         const EditContext& context) {
  const Any* name = fields.find("name");
  if (name == nullptr || !name->is_string()) {
    return Status::error(StatusCode::kInvalidArgument,
                         "Account account: field 'name': a new account needs a name");
  }
  auto schema = schema_of("account");
  if (!schema.ok()) return schema.status();
  model::Edit e(doc, context.actor, context.now_ms);
  auto created = model::AccountDocument::create(e, id, name->as_string());
  if (!created.ok()) return created.status();
  return import_record(e, **schema, "account", fields);
}

val account_create(int index_handle, int account_handle, int visits_handle,
                   const std::string& account_id, const val& fields_js, const val& actor) {
  auto index = find_document(index_handle);
  if (!index.ok()) return error(index.status());
  auto account = find_document(account_handle);
  if (!account.ok()) return error(account.status());
  auto visits = find_document(visits_handle);
  if (!visits.ok()) return error(visits.status());
  auto context = edit_context(actor);
  if (!context.ok()) return error(context.status());
  auto fields = from_js(fields_js, "fields");
  if (!fields.ok()) return error(fields.status());
  if (!fields->is_object()) return invalid("fields must be an object of field values");
  if (model::read_meta((*account)->doc()).ok()) {
    return error(
        Status::error(StatusCode::kAlreadyExists, "account " + account_id + " exists already"));
  }
  auto team = model::TeamIndex::open((*index)->doc());
  if (!team.ok()) return error(team.status());
  {
    Doc scratch;
    if (Status s = create_account_in(scratch, account_id, *fields, *context); !s.is_ok()) {
      return error(s);
    }
  }
  if (Status s = create_account_in((*account)->doc(), account_id, *fields, *context); !s.is_ok()) {
    return error(s);
  }
  Status status;
  {
    model::Edit e((*visits)->doc(), context->actor, context->now_ms);
    if (!model::read_meta((*visits)->doc()).ok()) {
      auto log = model::VisitLog::create(e, account_id);
      if (!log.ok()) status = log.status();
    }
  }
  if (status.is_ok()) {
    model::Edit e((*index)->doc(), context->actor, context->now_ms);
    status = team->upsert_account(e, model::AccountDocument((*account)->doc()));
  }
  if (!status.is_ok()) return error(status);
  for (LocalDocument* d : {*account, *visits, *index}) {
    if (Status s = saved(*d); !s.is_ok()) return error(s);
  }
  return ok(to_js(model::AccountDocument((*account)->doc()).account().to_json()));
}

// Refreshes the team index entry of an account (after its name, tier, ... changed).
val account_refresh_entry(int index_handle, int account_handle, const val& actor) {
  auto index = find_document(index_handle);
  if (!index.ok()) return error(index.status());
  auto account = find_document(account_handle);
  if (!account.ok()) return error(account.status());
  auto context = edit_context(actor);
  if (!context.ok()) return error(context.status());
  auto team = model::TeamIndex::open((*index)->doc());
  if (!team.ok()) return error(team.status());
  auto opened = model::AccountDocument::open((*account)->doc());
  if (!opened.ok()) return error(opened.status());
  Status status;
  {
    model::Edit e((*index)->doc(), context->actor, context->now_ms);
    status = team->upsert_account(e, *opened);
  }
  if (!status.is_ok()) return error(status);
  if (Status s = saved(**index); !s.is_ok()) return error(s);
  return ok();
}

} // namespace
} // namespace accord::wasm

EMSCRIPTEN_BINDINGS(accord_records) {
  using namespace accord::wasm;
  emscripten::function("recordsList", &records_list);
  emscripten::function("recordGet", &record_get);
  emscripten::function("recordWrite", &record_write);
  emscripten::function("recordArchive", &record_archive);
  emscripten::function("textEdit", &text_edit);
  emscripten::function("visitReview", &visit_review);
  emscripten::function("newId", &new_id);
  emscripten::function("teamIndexEnsure", &team_index_ensure);
  emscripten::function("accountCreate", &account_create);
  emscripten::function("accountRefreshEntry", &account_refresh_entry);
}
