#pragma once
/// Snapshots (Yjs Y.Snapshot): the state of a document at a moment, as its state vector (what
/// existed) and its delete set (what was deleted). A snapshot is small and is enough to show a
/// type's content as it was, provided the document keeps deleted content (gc = false).
///
/// Encoding (v1, byte-exact with yjs's encodeSnapshot): the delete set, then the state vector.
///   delete set:   var uint number of clients, then per client (descending id): var uint client,
///                 var uint number of ranges, then per range var uint clock, var uint length
///   state vector: var uint number of clients, then per client (descending id): var uint client,
///                 var uint clock (the client's next clock)

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "accord/any.h"
#include "accord/doc.h"
#include "accord/status.h"
#include "accord/types.h"
#include "accord/update.h"
#include "accord/value.h"

namespace accord {

/// A range of clocks [clock, clock + len) of one client.
struct IdRange {
  std::uint64_t clock = 0;
  std::uint64_t len = 0;
  bool operator==(const IdRange&) const = default;
};

/// Ranges of struct ids by client (a Yjs DeleteSet's shape): client -> ranges sorted by clock.
using IdRangeSet = std::map<std::uint64_t, std::vector<IdRange>>;

/// The same with the clients in the order Yjs iterates them (first seen): the UndoManager keeps
/// its stack items in this form because that order decides the order items are restored in.
using IdRangeList = std::vector<std::pair<std::uint64_t, std::vector<IdRange>>>;

/// The state of a document at a moment (Yjs Snapshot).
struct Snapshot {
  /// Deleted ranges by client at that moment.
  IdRangeSet delete_set;
  /// client -> next clock at that moment.
  StateVector state_vector;
};

/// The current snapshot of `doc` (Yjs snapshot(doc)): its state vector and the delete set built
/// from its struct store (consecutive deleted structs form one range). O(structs).
Snapshot snapshot(const Doc& doc);

/// Encodes a snapshot as yjs's encodeSnapshot (v1), byte for byte.
std::vector<std::uint8_t> encode_snapshot(const Snapshot& snap);

/// Decodes a v1 snapshot. kCorrupt (with the byte offset) when the bytes are truncated,
/// malformed or followed by trailing bytes. O(input).
Result<Snapshot> decode_snapshot(std::span<const std::uint8_t> bytes);

/// Yjs equalSnapshots: same state vector and the same delete ranges for every client.
bool equal_snapshots(const Snapshot& a, const Snapshot& b);

/// Yjs snapshotContainsUpdate: true when every struct and deletion of the v1 `update` is
/// included in `snap`. kCorrupt/kUnsupported when the update does not decode.
Result<bool> snapshot_contains_update(const Snapshot& snap, std::span<const std::uint8_t> update);

/// Yjs createDocFromSnapshot: a new document holding `origin`'s content as it was at `snap`
/// (structs before the snapshot's state vector, deletions of its delete set), created with
/// `options`. The new document's structs have their original ids, so it can be diffed or
/// restored from. Splits structs of `origin` at the snapshot's clocks (in a transaction with
/// origin "cleanup"; the visible content does not change).
/// Errors: kFailedPrecondition when `origin` garbage-collects (gc must be false, as Yjs
/// requires); kInvalidArgument when the snapshot names clocks `origin` does not have.
Result<Doc> create_doc_from_snapshot(Doc& origin, const Snapshot& snap, DocOptions options = {});

/// True when the unit `clock` of `client` existed at `snap` and was not deleted (Yjs isVisible).
bool visible_at(const Snapshot& snap, std::uint64_t client, std::uint64_t clock);

// ---- reading a type as it was at a snapshot (the document should have gc = false: collected
// content cannot be shown; it reads as absent).

/// The text as a delta at `snap` (Yjs text.toDelta(snapshot, prevSnapshot)). With
/// `prev_snapshot`, text deleted between the two is included with attribute
/// ychange = {type: "removed"} and text added since `prev_snapshot` with {type: "added"}, as Yjs
/// does without a computeYChange function. Read-only (does not split structs). O(items).
std::vector<Delta> text_to_delta_at(TextRef text, const Snapshot& snap,
                                    const Snapshot* prev_snapshot = nullptr);
/// The plain text (UTF-8) at `snap`: the concatenation of the string inserts of
/// text_to_delta_at(text, snap).
std::string text_to_string_at(TextRef text, const Snapshot& snap);
/// The value of `key` at `snap` (Yjs typeMapGetSnapshot), or nullopt when absent or deleted then.
std::optional<Value> map_get_at(MapRef map, std::string_view key, const Snapshot& snap);
/// All keys live at `snap` with their values (Yjs typeMapGetAllSnapshot), in key insertion order.
std::vector<std::pair<std::string, Value>> map_entries_at(MapRef map, const Snapshot& snap);
/// The elements of `array` at `snap` (Yjs typeListToArraySnapshot, per unit). O(items).
std::vector<Value> array_to_vector_at(ArrayRef array, const Snapshot& snap);
/// toJSON of any type as it was at `snap`, recursing into nested types (a map's object, an
/// array's array, a text's string; XML types read as their current to_json()).
Any type_to_json_at(TypeRef type, const Snapshot& snap);

} // namespace accord
