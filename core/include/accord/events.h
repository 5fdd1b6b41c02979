#pragma once
/// Observer events with Yjs's semantics: after a transaction, each changed type that has
/// observers receives one Event (keys changed with old values for maps, a delta for arrays and
/// text); deep observers receive all events of their subtree. Observers run after the
/// transaction's changes are integrated, before deleted content is garbage-collected and items
/// are merged (as Yjs), and before the doc's update hook.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "accord/any.h"
#include "accord/value.h"

namespace accord {

class Transaction;

/// Identifies a registered observer; pass it to unobserve.
using SubscriptionId = std::uint64_t;

/// What happened to a map key in a transaction.
enum class KeyAction : std::uint8_t { kAdd, kUpdate, kDelete };

/// A changed key: the action and, for update/delete, the value before the transaction.
struct KeyChange {
  KeyAction action = KeyAction::kAdd;
  std::optional<Value> old_value; ///< set for kUpdate and kDelete
};

/// One step of a path from an observed type down to an event's target: a map key or an index.
struct PathSegment {
  bool is_key = true;      ///< true: `key`; false: `index`
  std::string key;         ///< the map key
  std::uint64_t index = 0; ///< the position in an array/text/xml parent
};

/// The changes one transaction made to one type.
struct Event {
  /// The type that changed.
  TypeRef target;
  /// The type the observer is registered on (differs from target for deep observers).
  TypeRef current_target;
  /// Path from current_target to target.
  std::vector<PathSegment> path;
  /// Changed keys (Map, and XmlElement attributes): key -> change.
  std::map<std::string, KeyChange> keys;
  /// Array/Text/Xml children changes as a delta (empty for Map).
  std::vector<Delta> delta;
  /// The transaction's origin name (see Origin).
  const Transaction* transaction = nullptr;
};

} // namespace accord
