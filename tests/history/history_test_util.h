#pragma once
// Helpers of the history tests: the history.json fixture and yjs-shaped JSON of deltas.
#include <string>
#include <vector>

#include "accord/any.h"
#include "accord/value.h"
#include "crdt/test_util.h"

namespace accord::testing {

/// tests/history/fixtures/history.json (made by history.mjs with yjs).
inline const Any& history_fixture() {
  static const Any fixture = load_fixture("tests/history/fixtures/history.json");
  return fixture;
}

/// The fixture value at a path of keys.
inline const Any& fx(std::initializer_list<std::string_view> path) {
  static const Any kMissing;
  const Any* cur = &history_fixture();
  for (std::string_view k : path) {
    cur = cur->find(k);
    if (!cur) return kMissing;
  }
  return *cur;
}

/// A delta as yjs prints it: [{insert, attributes?}].
inline Any delta_json(const std::vector<Delta>& delta) {
  Any::Array out;
  for (const Delta& d : delta) {
    Any::Object o;
    if (!d.values.empty()) {
      o.emplace_back("insert", d.values.front().to_json());
    } else {
      o.emplace_back("insert", Any(d.text));
    }
    if (!d.attributes.empty()) o.emplace_back("attributes", Any(d.attributes));
    out.push_back(Any(std::move(o)));
  }
  return Any(std::move(out));
}

/// JSON text of a value (for comparisons with readable failure output).
inline std::string js(const Any& a) { return a.to_json_string(); }

} // namespace accord::testing
