#pragma once
/// Relative positions (Yjs Y.RelativePosition): a position in a type that stays put while others
/// edit, for text cursors and selections. It names the item (character/element) right of the
/// position, or the type itself for the end (or start, with assoc < 0) of the type. assoc >= 0
/// keeps the position with the unit to its right; assoc < 0 with the unit to its left.
///
/// Encoding (byte-exact with yjs's encodeRelativePosition):
///   var uint 0, var uint client, var uint clock   the item right of the position, or
///   var uint 1, var string root type name          the end of a root type, or
///   var uint 2, var uint client, var uint clock   the end of a nested type (id of its item)
///   then var int assoc (yjs reads 0 when absent).
/// JSON (yjs's relativePositionToJSON): {"type": {"client", "clock"}, "tname": name,
///   "item": {"client", "clock"}, "assoc": n}, each field only when set.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "accord/any.h"
#include "accord/doc.h"
#include "accord/status.h"
#include "accord/types.h"

namespace accord {

/// The id of one unit of a struct: the client that made it and its clock.
struct ItemId {
  std::uint64_t client = 0;
  std::uint64_t clock = 0;
  bool operator==(const ItemId&) const = default;
};

/// A position relative to the document's items (Yjs RelativePosition).
struct RelativePosition {
  /// For the end of a nested type: the id of the item holding the type.
  std::optional<ItemId> type;
  /// For the end of a root type: its name.
  std::optional<std::string> tname;
  /// The unit right of the position (left of it for assoc < 0).
  std::optional<ItemId> item;
  /// >= 0: associated with the unit to the right; < 0: to the left.
  std::int64_t assoc = 0;
  /// Yjs compareRelativePositions.
  bool operator==(const RelativePosition&) const = default;
};

/// A resolved position: a type and a UTF-16/element index in it.
struct AbsolutePosition {
  TypeRef type;
  std::uint64_t index = 0;
  std::int64_t assoc = 0;
};

/// The relative position of `index` (UTF-16 code units for text, elements for arrays) in
/// `type` (Yjs createRelativePositionFromTypeIndex). Indexes past the end name the end of the
/// type. O(items before the index).
RelativePosition relative_position_from_type_index(TypeRef type, std::uint64_t index,
                                                   std::int64_t assoc = 0);

/// Resolves `pos` in `doc` (Yjs createAbsolutePositionFromRelativePosition). With
/// `follow_undone_deletions`, an item deleted and restored by an UndoManager resolves to its
/// restored copy. nullopt when the item or type is not (yet) known to `doc` or was garbage
/// collected. A position in a deleted nested type resolves to index 0. O(items before it).
std::optional<AbsolutePosition> to_absolute_position(const RelativePosition& pos, Doc& doc,
                                                     bool follow_undone_deletions = true);

/// Encodes `pos` as yjs's encodeRelativePosition. kInvalidArgument when it names nothing.
Result<std::vector<std::uint8_t>> encode_relative_position(const RelativePosition& pos);
/// Decodes yjs's encoding. kCorrupt with the byte offset on malformed input, an unknown tag or
/// trailing bytes.
Result<RelativePosition> decode_relative_position(std::span<const std::uint8_t> bytes);

/// yjs's relativePositionToJSON.
Any relative_position_to_json(const RelativePosition& pos);
/// yjs's createRelativePositionFromJSON. kInvalidArgument when an id is not {client, clock}
/// numbers or assoc is not a number.
Result<RelativePosition> relative_position_from_json(const Any& json);

} // namespace accord
