#pragma once
// Shared helpers of the update tests: the yjs sessions of fixtures/sessions.json (made by
// fixtures/make_fixtures.mjs) and hex conversion.
#include <cstdint>
#include <string>
#include <vector>

#include "accord/any.h"
#include "crdt/test_util.h"

namespace accord::testing {

using Bytes = std::vector<std::uint8_t>;

/// All sessions of fixtures/sessions.json (an empty array when the file is missing).
inline const Any::Array& update_sessions() {
  static const Any f = load_fixture("tests/updates/fixtures/sessions.json");
  static const Any::Array empty;
  const Any* s = f.find("sessions");
  return s ? s->as_array() : empty;
}

/// session[field] as bytes.
inline Bytes field_bytes(const Any& session, const char* field) {
  return unhex(session.find(field)->as_string());
}

/// session[field] (an array of hex strings) as a list of byte strings.
inline std::vector<Bytes> field_list(const Any& session, const char* field) {
  std::vector<Bytes> out;
  for (const Any& h : session.find(field)->as_array()) out.push_back(unhex(h.as_string()));
  return out;
}

/// A seed from the environment variable `name`, or `fallback`.
inline std::uint64_t env_seed(const char* name, std::uint64_t fallback) {
  const char* v = std::getenv(name);
  return v ? std::stoull(v) : fallback;
}

} // namespace accord::testing
