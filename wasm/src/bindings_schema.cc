// Binding of the model's runtime schema (accord/model/documents.h all_record_schemas(),
// field.h FieldInfo, enum_info.h all_enum_infos()): what the UI needs to build forms, badges
// and messages generically. The value is built once per call; it is constant for a build.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "accord/analytics/follow_ups.h"
#include "accord/analytics/tiering.h"
#include "accord/model/documents.h"
#include "accord/model/enum_info.h"
#include "accord/version.h"
#include "js_values.h"

namespace accord::wasm {
namespace {

using emscripten::val;

val field_json(const model::FieldInfo& f, bool common) {
  val out = val::object();
  out.set("key", std::string(f.key));
  out.set("kind", std::string(model::field_kind_name(f.kind)));
  out.set("en", std::string(f.en));
  out.set("zh", std::string(f.zh));
  if (f.enum_info != nullptr) out.set("enum", std::string(f.enum_info->name));
  if (f.kind == model::FieldKind::kInt || f.kind == model::FieldKind::kNumber) {
    out.set("min", f.min);
    out.set("max", f.max);
  }
  if (f.kind == model::FieldKind::kString) out.set("maxBytes", f.max_bytes);
  if (f.kind == model::FieldKind::kRef || f.kind == model::FieldKind::kRefSet) {
    out.set("target", std::string(f.target));
  }
  out.set("sensitive", f.sensitive);
  out.set("common", common);
  return out;
}

val enum_json(const model::EnumInfo& info) {
  val values = val::array();
  for (const model::EnumEntry& entry : info.entries) {
    val value = val::object();
    value.set("code", std::string(entry.code));
    value.set("en", std::string(entry.en));
    value.set("zh", std::string(entry.zh));
    values.call<void>("push", value);
  }
  val out = val::object();
  out.set("name", std::string(info.name));
  out.set("values", values);
  return out;
}

// The follow-up states of analytics/follow_ups.h as a vocabulary for the UI.
constexpr model::EnumEntry kFollowUpStates[] = {
    {"ok", "On track", "正常"},
    {"due", "Due", "待跟进"},
    {"overdue", "Overdue", "已逾期"},
};

val schema() {
  val collections = val::array();
  for (const model::RecordSchema* s : model::all_record_schemas()) {
    val fields = val::array();
    for (const model::FieldInfo* f : s->fields) fields.call<void>("push", field_json(*f, false));
    for (const model::FieldInfo* f :
         {static_cast<const model::FieldInfo*>(&model::common::kArchived),
          static_cast<const model::FieldInfo*>(&model::common::kCreatedAt),
          static_cast<const model::FieldInfo*>(&model::common::kCreatedBy)}) {
      fields.call<void>("push", field_json(*f, true));
    }
    val c = val::object();
    c.set("collection", std::string(s->collection));
    c.set("en", std::string(s->en));
    c.set("zh", std::string(s->zh));
    c.set("document", std::string(model::document_kind_code(s->document)));
    c.set("singleton", s->singleton);
    c.set("fields", fields);
    collections.call<void>("push", c);
  }
  val enums = val::object();
  for (const model::EnumInfo* info : model::all_enum_infos()) {
    enums.set(std::string(info->name), enum_json(*info));
  }
  const model::EnumInfo& strategy = model::EnumTraits<analytics::Strategy>::info;
  enums.set(std::string(strategy.name), enum_json(strategy));
  enums.set("follow_up_state",
            enum_json(model::EnumInfo{"follow_up_state", std::span(kFollowUpStates)}));
  val out = val::object();
  out.set("version", static_cast<double>(model::kSchemaVersion));
  out.set("coreVersion", std::string(version()));
  out.set("collections", collections);
  out.set("enums", enums);
  return ok(out);
}

} // namespace
} // namespace accord::wasm

EMSCRIPTEN_BINDINGS(accord_schema) { emscripten::function("schema", &accord::wasm::schema); }
