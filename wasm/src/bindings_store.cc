// Bindings of accord/document_store.h: the SQLite document store inside the wasm module
// (SQLite's amalgamation compiled in, see wasm/CMakeLists.txt). Stores are held in a table
// and named by a handle; every call returns a plain object: {ok: true, ...} or
// {ok: false, code, message} with the Status code's name. No C++ exception crosses the
// boundary. Only in-memory stores for now (see store_open).
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "accord/document_store.h"

namespace {

using emscripten::val;

std::map<int, std::unique_ptr<accord::DocumentStore>>& stores() {
  static std::map<int, std::unique_ptr<accord::DocumentStore>> table;
  return table;
}

val error(const accord::Status& status) {
  val out = val::object();
  out.set("ok", false);
  out.set("code", std::string(accord::code_name(status.code())));
  out.set("message", status.message());
  return out;
}

val ok() {
  val out = val::object();
  out.set("ok", true);
  return out;
}

val bytes(const std::vector<std::uint8_t>& data) {
  return val(emscripten::typed_memory_view(data.size(), data.data())).call<val>("slice");
}

accord::DocumentStore* find(int handle) {
  auto it = stores().find(handle);
  return it == stores().end() ? nullptr : it->second.get();
}

val unknown_handle() {
  return error(accord::Status::error(accord::StatusCode::kInvalidArgument, "unknown store handle"));
}

val store_open(const std::string& path) {
  // The module has no file system (-sFILESYSTEM=0): SQLite's unix VFS would spin on a path.
  // Durable browser storage needs a VFS over OPFS or IndexedDB (issue 6); until then only
  // in-memory stores.
  if (path != ":memory:") {
    return error(accord::Status::error(
        accord::StatusCode::kUnsupported,
        "only ':memory:' stores in wasm for now (no persistent VFS yet): " + path));
  }
  auto store = accord::DocumentStore::open(path);
  if (!store.ok()) return error(store.status());
  static int next = 1;
  const int handle = next++;
  stores()[handle] = std::move(store).value();
  val out = ok();
  out.set("handle", handle);
  return out;
}

val store_close(int handle) {
  if (stores().erase(handle) == 0) return unknown_handle();
  return ok();
}

val store_append(int handle, const std::string& document, const val& update, bool local) {
  accord::DocumentStore* store = find(handle);
  if (store == nullptr) return unknown_handle();
  const std::vector<std::uint8_t> data =
      emscripten::convertJSArrayToNumberVector<std::uint8_t>(update);
  auto result = local ? store->append_local(document, data) : store->append_remote(document, data);
  if (!result.ok()) return error(result.status());
  val out = ok();
  out.set("logSeq", static_cast<double>(result->log_seq));
  if (result->outbox_seq) out.set("outboxSeq", static_cast<double>(*result->outbox_seq));
  return out;
}

val store_load(int handle, const std::string& document) {
  accord::DocumentStore* store = find(handle);
  if (store == nullptr) return unknown_handle();
  auto loaded = store->load(document);
  if (!loaded.ok()) return error(loaded.status());
  val out = ok();
  out.set("exists", loaded->exists);
  out.set("state", bytes(loaded->state));
  out.set("hasPending", loaded->has_pending);
  return out;
}

val store_outbox(int handle, const std::string& document) {
  accord::DocumentStore* store = find(handle);
  if (store == nullptr) return unknown_handle();
  auto entries = store->outbox(document);
  if (!entries.ok()) return error(entries.status());
  val list = val::array();
  for (const accord::OutboxEntry& entry : *entries) {
    val item = val::object();
    item.set("seq", static_cast<double>(entry.seq));
    item.set("update", bytes(entry.update));
    list.call<void>("push", item);
  }
  val out = ok();
  out.set("entries", list);
  return out;
}

val store_acknowledge(int handle, const std::string& document, double up_to_seq) {
  accord::DocumentStore* store = find(handle);
  if (store == nullptr) return unknown_handle();
  auto removed = store->acknowledge(document, static_cast<std::uint64_t>(up_to_seq));
  if (!removed.ok()) return error(removed.status());
  val out = ok();
  out.set("removed", static_cast<double>(*removed));
  return out;
}

val store_compact(int handle, const std::string& document) {
  accord::DocumentStore* store = find(handle);
  if (store == nullptr) return unknown_handle();
  auto result = store->compact(document);
  if (!result.ok()) return error(result.status());
  val out = ok();
  out.set("compacted", result->compacted);
  out.set("hasPending", result->has_pending);
  out.set("rowsMerged", static_cast<double>(result->rows_merged));
  return out;
}

val store_list_documents(int handle) {
  accord::DocumentStore* store = find(handle);
  if (store == nullptr) return unknown_handle();
  auto names = store->list_documents();
  if (!names.ok()) return error(names.status());
  val list = val::array();
  for (const std::string& name : *names) list.call<void>("push", name);
  val out = ok();
  out.set("names", list);
  return out;
}

} // namespace

EMSCRIPTEN_BINDINGS(accord_store) {
  emscripten::function("storeOpen", &store_open);
  emscripten::function("storeClose", &store_close);
  emscripten::function("storeAppend", &store_append);
  emscripten::function("storeLoad", &store_load);
  emscripten::function("storeOutbox", &store_outbox);
  emscripten::function("storeAcknowledge", &store_acknowledge);
  emscripten::function("storeCompact", &store_compact);
  emscripten::function("storeListDocuments", &store_list_documents);
}
