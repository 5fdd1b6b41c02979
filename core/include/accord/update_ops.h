#pragma once
/// Update format v2 and update-level operations that need no document.
///
/// Yjs has two wire formats for the same updates. v1 (accord/update.h) writes every value in
/// one lib0 stream; v2 (Yjs UpdateEncoderV2) splits the values into run-length-compressed
/// columns (clients, clocks, infos, strings, lengths...) followed by the rest, which makes
/// typical updates much smaller. Both carry the same structs and delete set, and convert into
/// each other losslessly.
///
/// The server needs to combine and trim updates without loading documents: `merge_updates`,
/// `diff_update` and `encode_state_vector_from_update` work on the bytes, struct by struct (as
/// Yjs's mergeUpdates, diffUpdate and encodeStateVectorFromUpdate, byte-exact with them for the
/// same inputs): overlapping structs are cut, gaps become Skip structs, delete sets are merged.
///
/// Every function here decodes untrusted bytes: truncated, malformed or oversized input returns
/// kCorrupt / kUnsupported / kLimitExceeded with the byte offset and a reason, never a crash, and
/// allocates at most a bounded multiple of the input size (v2 run-length columns are capped,
/// see core/src/update/update_decoder.h).

#include <cstdint>
#include <span>
#include <vector>

#include "accord/doc.h"
#include "accord/status.h"
#include "accord/transaction.h"
#include "accord/update.h"

namespace accord {

/// Bytes of an update (v1 or v2 as the function says).
using UpdateBytes = std::vector<std::uint8_t>;

/// Applies a v2 update as `apply_update` applies a v1 one: in a transaction with `origin`,
/// missing dependencies wait as pending structs, and the whole update is decoded and validated
/// first so that on error the document is unchanged.
Status apply_update_v2(Doc& doc, std::span<const std::uint8_t> update, Origin origin = {});

/// Everything `doc` knows that a peer at `sv` does not, as a v2 update (byte-exact with yjs's
/// encodeStateAsUpdateV2 when the doc has no pending structs). O(structs sent).
UpdateBytes encode_state_as_update_v2(const Doc& doc, const StateVector& sv = {});
/// As above with an encoded state vector (everything: the one byte 0); kCorrupt when it does
/// not decode (zero bytes included, as yjs throws on them).
Result<UpdateBytes> encode_state_as_update_v2(const Doc& doc,
                                              std::span<const std::uint8_t> encoded_sv);

/// Re-encodes a v1 update as v2 (yjs convertUpdateFormatV1ToV2). O(update size).
/// kInvalidArgument when its delete set has an empty or unsorted range (v2 cannot encode them).
Result<UpdateBytes> convert_update_v1_to_v2(std::span<const std::uint8_t> update);
/// Re-encodes a v2 update as v1 (yjs convertUpdateFormatV2ToV1). O(update size).
Result<UpdateBytes> convert_update_v2_to_v1(std::span<const std::uint8_t> update);

/// As convert_update_v1_to_v2, but every struct keeps its info byte as written: yjs's
/// conversion drops the parent-sub flag of items that have an origin, the encoder of a yjs doc
/// writes it. For the update of a transaction (Doc::observe_update), this gives the bytes of
/// yjs's 'updateV2' event for it; for encode_state_as_update's bytes, those of
/// encode_state_as_update_v2. O(update size).
Result<UpdateBytes> convert_update_v1_to_v2_keep_flags(std::span<const std::uint8_t> update);
/// The inverse of convert_update_v1_to_v2_keep_flags (v2 'updateV2' bytes -> the v1 'update'
/// bytes of the same transaction). O(update size).
Result<UpdateBytes> convert_update_v2_to_v1_keep_flags(std::span<const std::uint8_t> update);

/// Merges v1 updates into one (yjs mergeUpdates): structs of all updates in one sequence per
/// client, overlaps removed, gaps as Skip structs, delete sets merged. A single update is
/// validated and returned unchanged, as Yjs returns it. O(total size + structs · updates), the
/// second term a memmove of pointers (Yjs re-sorts all updates' readers for every struct).
Result<UpdateBytes> merge_updates(std::span<const UpdateBytes> updates);
/// merge_updates for v2 updates (yjs mergeUpdatesV2).
Result<UpdateBytes> merge_updates_v2(std::span<const UpdateBytes> updates);

/// The part of a v1 update that a peer at the encoded state vector `sv` lacks (yjs diffUpdate):
/// structs before sv are dropped or cut; the delete set is kept whole. O(update size).
Result<UpdateBytes> diff_update(std::span<const std::uint8_t> update,
                                std::span<const std::uint8_t> sv);
/// diff_update for a v2 update (yjs diffUpdateV2).
Result<UpdateBytes> diff_update_v2(std::span<const std::uint8_t> update,
                                   std::span<const std::uint8_t> sv);

/// The encoded state vector a doc would have after applying only this v1 update to an empty
/// doc (yjs encodeStateVectorFromUpdate): per client, the end of the structs contiguous from
/// clock 0. O(update size).
Result<UpdateBytes> encode_state_vector_from_update(std::span<const std::uint8_t> update);
/// encode_state_vector_from_update for a v2 update (same output format).
Result<UpdateBytes> encode_state_vector_from_update_v2(std::span<const std::uint8_t> update);

} // namespace accord
