#pragma once
// The invariants every libFuzzer target of tests/fuzz checks after feeding bytes to the engine
// (issue 3, "Bad input"). A violation prints what broke to stderr and aborts, which libFuzzer
// reports as a crash and saves the input:
//   - a failed apply_update returns a decoder error (corrupt / unsupported / limit exceeded) with
//     a message and a byte offset, and leaves the doc unchanged: same encoded state, same JSON;
//   - a successful apply_update leaves a doc whose content reads back without crashing (JSON,
//     every type walked, text deltas), whose encoded state applies to a fresh doc, giving equal
//     JSON and an equal state vector (with pending structs or deletes, which the encoded state
//     carries and a fresh doc may integrate, as yjs's does: the reload reloads unchanged).

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "accord/doc.h"
#include "accord/status.h"

namespace accord::fuzz {

/// Prints `what` and aborts (the target found a bug).
[[noreturn]] void invariant_failed(std::string_view what);

/// Applies `update` to `doc` and checks the invariants above. Returns the status of the apply.
Status apply_and_check(Doc& doc, std::span<const std::uint8_t> update);

/// Reads everything the doc holds through the public API (JSON, types, deltas); returns a string
/// built from it so that the reads cannot be optimized away.
std::size_t read_everything(Doc& doc);

/// Checks that `doc`'s encoded state loads into a fresh doc with equal JSON and state vector
/// (with pending structs: that the reload is a fixed point of encode + apply).
void check_reloads(Doc& doc);

/// A doc with content: maps, arrays, formatted text, nested types and deletions of clients 0..2,
/// made by Accord from a fixed seed (the same as the Accord seed corpus uses, so fuzzed updates
/// overlap its clocks). Returns its v1 encoded state (computed once).
const std::vector<std::uint8_t>& content_state();

} // namespace accord::fuzz
