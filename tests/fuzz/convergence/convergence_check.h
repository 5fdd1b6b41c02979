#pragma once
// The convergence check of the fuzz, as Yjs's testHelper compare(): after a full sync every peer,
// and a fresh doc rebuilt from each peer's emitted updates (applied in random order), must have
// no pending structs or delete sets, and equal JSON, equal rich content (text deltas with
// formatting attributes and embeds, nested types included), equal state vectors and byte-equal
// encode_state_as_update (which ends with the delete set, so delete sets are equal too); the
// encoded state must also load into a fresh doc and re-encode to the same bytes.

#include <string>
#include <vector>

#include "accord/doc.h"
#include "fuzz_rng.h"
#include "test_network.h"

namespace accord::fuzz {

/// The rich rendering of a doc's three roots: like JSON, but text appears as its delta (inserts
/// with attributes, embeds), so formatting differences show. Map keys are sorted.
std::string render_rich(Doc& doc);

/// Rebuilds one doc per peer from the updates it emitted (shuffled by `rng`, client ids
/// 1000 + i, same gc as the peers). Appends a description to `error` when an update fails.
std::vector<std::unique_ptr<Doc>> rebuild_from_updates(const TestNetwork& net, bool gc,
                                                       FuzzRng& rng, std::string& error);

/// Compares `docs` (labelled by `labels`) as described above. Returns "" when all are equal,
/// else a description of the first difference. Docs from index `rebuilt_from` on are rebuilt
/// from shuffled updates: a remote update may make them run yjs's formatting cleanup where the
/// peers did not (it depends on arrival order: seed 10000142 replayed in yjs 13.6.33 deletes
/// the same redundant format item), so their delete sets and encoded states may differ from
/// the peers'; their JSON, rich content and state vector must not.
std::string compare_docs(const std::vector<Doc*>& docs, const std::vector<std::string>& labels,
                         std::size_t rebuilt_from);

} // namespace accord::fuzz
