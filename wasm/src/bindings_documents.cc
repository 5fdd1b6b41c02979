// Bindings of accord/local_document.h and accord/update.h: documents bound to a store. A
// document opened here saves every local transaction (log + outbox) before the call that made
// it returns; remote updates (from the sync session, origin "sync", or docApplyUpdate) go to
// the log only. Handles are those of registry.h; results are the envelope of js_values.h.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <vector>

#include "accord/doc.h"
#include "accord/local_document.h"
#include "accord/model/documents.h"
#include "accord/update.h"
#include "js_values.h"
#include "registry.h"

namespace accord::wasm {
namespace {

using emscripten::val;

val doc_open(int store_handle, const std::string& name) {
  auto store = find_store(store_handle);
  if (!store.ok()) return error(store.status());
  LocalDocumentOptions options;
  options.is_remote = [](const Origin& origin) { return origin.name == "sync"; };
  auto local = LocalDocument::open(**store, name, options);
  if (!local.ok()) return error(local.status());
  return ok(val(add_document(store_handle, std::move(local).value())));
}

val doc_close(int handle) {
  Status closed = close_document(handle);
  return closed.is_ok() ? ok() : error(closed);
}

val doc_meta(int handle) {
  auto local = find_document(handle);
  if (!local.ok()) return error(local.status());
  auto meta = model::read_meta((*local)->doc());
  if (!meta.ok()) {
    if (meta.status().code() == StatusCode::kNotFound) return ok(val::null());
    return error(meta.status());
  }
  val out = val::object();
  out.set("kind", std::string(model::document_kind_code(meta->kind)));
  out.set("schemaVersion", static_cast<double>(meta->schema_version));
  out.set("id", meta->id);
  return ok(out);
}

val doc_encode_state(int handle, const val& state_vector) {
  auto local = find_document(handle);
  if (!local.ok()) return error(local.status());
  if (state_vector.isUndefined() || state_vector.isNull()) {
    return ok(to_bytes(encode_state_as_update((*local)->doc())));
  }
  auto update = encode_state_as_update((*local)->doc(), from_bytes(state_vector));
  if (!update.ok()) return error(update.status());
  return ok(to_bytes(*update));
}

val doc_state_vector(int handle) {
  auto local = find_document(handle);
  if (!local.ok()) return error(local.status());
  return ok(to_bytes(encode_state_vector((*local)->doc())));
}

val doc_apply_update(int handle, const val& update) {
  auto local = find_document(handle);
  if (!local.ok()) return error(local.status());
  Status applied = (*local)->apply_remote(from_bytes(update));
  return applied.is_ok() ? ok() : error(applied);
}

val doc_to_json(int handle) {
  auto local = find_document(handle);
  if (!local.ok()) return error(local.status());
  return ok(to_js((*local)->doc().to_json()));
}

// Calls `callback(remote)` after every update of the document (remote: it came through the
// sync session or docApplyUpdate). The callback must not call back into the module.
val doc_observe(int handle, val callback) {
  auto local = find_document(handle);
  if (!local.ok()) return error(local.status());
  (*local)->doc().observe_update(
      [callback](const std::vector<std::uint8_t>&, const Origin& origin) {
        callback(origin.name == "sync" || origin.name == "remote");
      });
  return ok();
}

val doc_outbox_count(int handle) {
  auto local = find_document(handle);
  if (!local.ok()) return error(local.status());
  auto entries = (*local)->outbox();
  if (!entries.ok()) return error(entries.status());
  return ok(val(static_cast<double>(entries->size())));
}

// Acknowledges the whole stored outbox (the sync session confirmed that the server holds
// everything this document has).
val doc_acknowledge_all(int handle) {
  auto local = find_document(handle);
  if (!local.ok()) return error(local.status());
  auto entries = (*local)->outbox();
  if (!entries.ok()) return error(entries.status());
  if (entries->empty()) return ok(val(0));
  auto removed = (*local)->acknowledge(entries->back().seq, state_vector((*local)->doc()));
  if (!removed.ok()) return error(removed.status());
  return ok(val(static_cast<double>(*removed)));
}

} // namespace
} // namespace accord::wasm

EMSCRIPTEN_BINDINGS(accord_documents) {
  using namespace accord::wasm;
  emscripten::function("docOpen", &doc_open);
  emscripten::function("docClose", &doc_close);
  emscripten::function("docMeta", &doc_meta);
  emscripten::function("docEncodeState", &doc_encode_state);
  emscripten::function("docStateVector", &doc_state_vector);
  emscripten::function("docApplyUpdate", &doc_apply_update);
  emscripten::function("docToJson", &doc_to_json);
  emscripten::function("docObserve", &doc_observe);
  emscripten::function("docOutboxCount", &doc_outbox_count);
  emscripten::function("docAcknowledgeAll", &doc_acknowledge_all);
}
