#pragma once
// Random edits for the convergence fuzz, the "mods" of Yjs's applyRandomTests: on the root types
// "map", "array" and "text" of a peer and on the types nested in them (a Map in an Array in a
// Map...). Text edits use UTF-16 indexes over strings mixing ASCII, Latin, CJK and emoji
// (surrogate pairs), insert with and without formatting attributes, format ranges (setting and
// removing attributes) and insert embeds.

#include <string>
#include <vector>

#include "accord/doc.h"
#include "fuzz_rng.h"

namespace accord::fuzz {

/// Relative weights of the kinds of edit a transaction makes.
struct OpMix {
  unsigned map = 1;    ///< edits of the root map
  unsigned array = 1;  ///< edits of the root array
  unsigned text = 1;   ///< edits of the root text
  unsigned nested = 1; ///< edits of a random nested type (any kind)
  /// Nested types are only created while the doc has fewer live types than this.
  std::size_t max_types = 24;
  /// Text includes emoji (UTF-16 surrogate pairs), so edits can split a pair as in Yjs.
  bool surrogates = true;
};

/// The root type names every peer uses.
inline constexpr const char* kMapRoot = "map";
inline constexpr const char* kArrayRoot = "array";
inline constexpr const char* kTextRoot = "text";

/// Runs one local transaction of 1 to 3 random edits on `doc`. Returns "" or a description of an
/// API call that failed although its arguments were valid (an engine bug). When `trace` is not
/// null, appends one line per edit (for reproducing a failure by hand).
std::string random_transaction(Doc& doc, FuzzRng& rng, const OpMix& mix,
                               std::vector<std::string>* trace);

/// Every live shared type reachable from the three roots, roots first (depth-first order).
std::vector<TypeRef> live_types(Doc& doc);

} // namespace accord::fuzz
