// Bindings of accord/model/history.h (per-field change history) and model/exchange.h (JSON
// export and all-or-nothing import of a document's records).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "accord/model/exchange.h"
#include "accord/model/history.h"
#include "js_values.h"
#include "model_access.h"
#include "registry.h"

namespace accord::wasm {
namespace {

using emscripten::val;

// The changes of record `record_path` ("contacts/<id>", "account"), oldest first.
val history(int handle, const std::string& record_path) {
  auto local = find_document(handle);
  if (!local.ok()) return error(local.status());
  val out = val::array();
  for (const model::Change& c : model::record_history((*local)->doc(), record_path)) {
    val change = val::object();
    change.set("record", c.record);
    change.set("field", c.field);
    change.set("user", c.user);
    change.set("device", c.device);
    change.set("at", static_cast<double>(c.at_ms));
    if (!c.old_value.is_undefined()) change.set("oldValue", to_js(c.old_value));
    if (!c.new_value.is_undefined()) change.set("newValue", to_js(c.new_value));
    out.call<void>("push", change);
  }
  return ok(out);
}

val export_document(int handle, bool include_sensitive, bool include_archived) {
  auto local = find_document(handle);
  if (!local.ok()) return error(local.status());
  model::ExportOptions options;
  options.include_sensitive = include_sensitive;
  options.include_archived = include_archived;
  auto exported = model::export_document((*local)->doc(), options);
  if (!exported.ok()) return error(exported.status());
  return ok(to_js(*exported));
}

val import_document(int handle, const val& data_js, bool strict, const val& actor) {
  auto local = find_document(handle);
  if (!local.ok()) return error(local.status());
  auto context = edit_context(actor);
  if (!context.ok()) return error(context.status());
  auto data = from_js(data_js, "data");
  if (!data.ok()) return error(data.status());
  model::ImportOptions options;
  options.strict = strict;
  Result<model::ImportReport> report = Status::error(StatusCode::kInternal, "not run");
  {
    model::Edit e((*local)->doc(), context->actor, context->now_ms);
    report = model::import_document(e, *data, options);
  }
  if (!report.ok()) return error(report.status());
  if (Status s = saved(**local); !s.is_ok()) return error(s);
  val out = val::object();
  out.set("created", report->created);
  out.set("updated", report->updated);
  out.set("fieldsSet", report->fields_set);
  return ok(out);
}

} // namespace
} // namespace accord::wasm

EMSCRIPTEN_BINDINGS(accord_exchange) {
  using namespace accord::wasm;
  emscripten::function("history", &history);
  emscripten::function("exportDocument", &export_document);
  emscripten::function("importDocument", &import_document);
}
