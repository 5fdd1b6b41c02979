#pragma once
/// The synthetic cases of crdt-benchmarks (B1, B2, B3) as written by bench/write-inputs.mjs to
/// build/bench/inputs.json: `{N, b3Clients, cases: [...]}`, each case with an id, a group, a
/// shared type ("text", "array", "map") and its operations. See bench/lib/cases.mjs for the
/// shapes: text ops `[pos, del, ins]`, array ops `[pos, [values]]`, map ops `[key, value]`.

#include <cstdint>
#include <string>
#include <vector>

#include "accord/any.h"
#include "accord/status.h"
#include "trace_file.h"

namespace accord::bench {

/// Which root type a case edits: Y.Text "text", Y.Array "array" or Y.Map "map".
enum class CaseType : std::uint8_t { kText, kArray, kMap };

/// One operation on the case's type.
struct CaseOp {
  TextOp text;             ///< kText
  std::uint64_t pos = 0;   ///< kArray: insert position
  std::vector<Any> values; ///< kArray: inserted values
  std::string key;         ///< kMap: key
  Any value;               ///< kMap: value
};

/// One synthetic case.
struct Case {
  std::string id;    ///< "B1.1", ...
  std::string group; ///< "B1", "B2" or "B3"
  std::string title;
  CaseType type = CaseType::kText;
  std::vector<CaseOp> ops;           ///< B1: doc1's ops; B3: one op per client
  std::vector<CaseOp> ops2;          ///< B2: doc2's ops (ops are doc1's)
  std::string init;                  ///< B2: the text both clients start from
  Any expected;                      ///< B1: the final content (string for text, array for array)
  std::int64_t expected_length = -1; ///< B2: final text length, -1 when not fixed
  std::size_t clients = 0;           ///< B3: number of clients
};

/// Loads every case from `path`. kNotFound / kCorrupt on failure.
Result<std::vector<Case>> load_cases(const std::string& path);

} // namespace accord::bench
