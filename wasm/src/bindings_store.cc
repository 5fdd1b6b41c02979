// Bindings of accord/document_store.h: the SQLite document store inside the wasm module
// (SQLite's amalgamation compiled in, files through the "accord" VFS, sqlite_vfs.cc). A path
// names a file of the module's `accordFiles` object (OPFS in the browser, fs or memory in
// Node); ":memory:" is a store in memory. Every call returns the envelope of js_values.h.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <string>
#include <vector>

#include "accord/document_store.h"
#include "js_values.h"
#include "registry.h"

namespace accord::wasm {
namespace {

using emscripten::val;

val store_open(const std::string& path) {
  auto store = DocumentStore::open(path);
  if (!store.ok()) return error(store.status());
  return ok(val(add_store(std::move(store).value())));
}

val store_close(int handle) {
  Status closed = close_store(handle);
  return closed.is_ok() ? ok() : error(closed);
}

val store_append(int handle, const std::string& document, const val& update, bool local) {
  auto store = find_store(handle);
  if (!store.ok()) return error(store.status());
  const std::vector<std::uint8_t> data = from_bytes(update);
  auto result =
      local ? (*store)->append_local(document, data) : (*store)->append_remote(document, data);
  if (!result.ok()) return error(result.status());
  val out = val::object();
  out.set("logSeq", static_cast<double>(result->log_seq));
  if (result->outbox_seq) out.set("outboxSeq", static_cast<double>(*result->outbox_seq));
  return ok(out);
}

val store_load(int handle, const std::string& document) {
  auto store = find_store(handle);
  if (!store.ok()) return error(store.status());
  auto loaded = (*store)->load(document);
  if (!loaded.ok()) return error(loaded.status());
  val out = val::object();
  out.set("exists", loaded->exists);
  out.set("state", to_bytes(loaded->state));
  out.set("hasPending", loaded->has_pending);
  return ok(out);
}

val store_outbox(int handle, const std::string& document) {
  auto store = find_store(handle);
  if (!store.ok()) return error(store.status());
  auto entries = (*store)->outbox(document);
  if (!entries.ok()) return error(entries.status());
  val list = val::array();
  for (const OutboxEntry& entry : *entries) {
    val item = val::object();
    item.set("seq", static_cast<double>(entry.seq));
    item.set("update", to_bytes(entry.update));
    list.call<void>("push", item);
  }
  return ok(list);
}

val store_acknowledge(int handle, const std::string& document, double up_to_seq) {
  auto store = find_store(handle);
  if (!store.ok()) return error(store.status());
  auto removed = (*store)->acknowledge(document, static_cast<std::uint64_t>(up_to_seq));
  if (!removed.ok()) return error(removed.status());
  return ok(val(static_cast<double>(*removed)));
}

val store_compact(int handle, const std::string& document) {
  auto store = find_store(handle);
  if (!store.ok()) return error(store.status());
  auto result = (*store)->compact(document);
  if (!result.ok()) return error(result.status());
  val out = val::object();
  out.set("compacted", result->compacted);
  out.set("hasPending", result->has_pending);
  out.set("rowsMerged", static_cast<double>(result->rows_merged));
  return ok(out);
}

val store_list_documents(int handle) {
  auto store = find_store(handle);
  if (!store.ok()) return error(store.status());
  auto names = (*store)->list_documents();
  if (!names.ok()) return error(names.status());
  val list = val::array();
  for (const std::string& name : *names) list.call<void>("push", name);
  return ok(list);
}

val store_integrity_check(int handle) {
  auto store = find_store(handle);
  if (!store.ok()) return error(store.status());
  auto checked = (*store)->integrity_check();
  if (!checked.ok()) return error(checked.status());
  return ok(val(*checked));
}

} // namespace
} // namespace accord::wasm

EMSCRIPTEN_BINDINGS(accord_store) {
  using namespace accord::wasm;
  emscripten::function("storeOpen", &store_open);
  emscripten::function("storeClose", &store_close);
  emscripten::function("storeAppend", &store_append);
  emscripten::function("storeLoad", &store_load);
  emscripten::function("storeOutbox", &store_outbox);
  emscripten::function("storeAcknowledge", &store_acknowledge);
  emscripten::function("storeCompact", &store_compact);
  emscripten::function("storeListDocuments", &store_list_documents);
  emscripten::function("storeIntegrityCheck", &store_integrity_check);
}
