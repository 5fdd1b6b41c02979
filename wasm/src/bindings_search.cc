// Bindings of accord/workspace/search.h and projection.h: the projection tables of a team in a
// store of bindings_store.cc, and search over them (English and Chinese). The web client's
// documents are written through docOpen (LocalDocument), not a Workspace, so it calls
// projectionUpdate after writing or syncing to bring the rows up to date before searching.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>

#include "accord/workspace/projection.h"
#include "accord/workspace/search.h"
#include "accord/workspace/workspace.h"
#include "js_values.h"
#include "registry.h"

namespace accord::wasm {
namespace {

using emscripten::val;

val projection_update(int handle, const std::string& team) {
  auto store = find_store(handle);
  if (!store.ok()) return error(store.status());
  // Opening a Workspace loads the team's documents and rewrites the rows of every account
  // whose documents changed since its rows were written (all of them the first time).
  auto ws = workspace::Workspace::open(**store, team);
  if (!ws.ok()) return error(ws.status());
  return ok(val(static_cast<double>((*ws)->account_ids().size())));
}

val search_records(int handle, const std::string& team, const std::string& query,
                   const val& options) {
  auto store = find_store(handle);
  if (!store.ok()) return error(store.status());
  workspace::SearchOptions o;
  if (options.typeOf().as<std::string>() == "object" && !options.isNull()) {
    const val limit = options["limit"];
    if (!limit.isUndefined()) {
      if (!limit.isNumber()) return invalid("search: options.limit must be a number");
      const double n = limit.as<double>();
      if (!(n >= 1 && n <= 1000)) return invalid("search: options.limit must be 1 to 1000");
      o.limit = static_cast<std::size_t>(n);
    }
    const val kinds = options["kinds"];
    if (!kinds.isUndefined()) {
      if (!kinds.isArray()) return invalid("search: options.kinds must be an array of strings");
      const int count = kinds["length"].as<int>();
      for (int i = 0; i < count; ++i) {
        if (!kinds[i].isString()) {
          return invalid("search: options.kinds must be an array of strings");
        }
        o.kinds.push_back(kinds[i].as<std::string>());
      }
    }
  }
  auto hits = workspace::search(**store, team, query, o);
  if (!hits.ok()) return error(hits.status());
  val list = val::array();
  for (const workspace::SearchHit& hit : *hits) {
    val item = val::object();
    item.set("kind", hit.kind);
    item.set("accountId", hit.account_id);
    item.set("recordId", hit.record_id);
    item.set("label", hit.label);
    item.set("score", hit.score);
    list.call<void>("push", item);
  }
  return ok(list);
}

} // namespace
} // namespace accord::wasm

EMSCRIPTEN_BINDINGS(accord_search) {
  using namespace accord::wasm;
  emscripten::function("projectionUpdate", &projection_update);
  emscripten::function("search", &search_records);
}
