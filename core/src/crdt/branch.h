#pragma once
/// Branch: the state of one shared type (Yjs's AbstractType): its list of items (start), its
/// map entries (key -> newest item for the key, deleted or not), its visible length, the
/// search markers that speed up index lookups, and its observers.

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "accord/events.h"
#include "accord/value.h"
#include "crdt/item.h"

namespace accord::crdt {

class DocImpl;

/// A cached (item, index) pair for index lookups, as Yjs's ArraySearchMarker.
struct SearchMarker {
  Item* p = nullptr;
  std::uint64_t index = 0;
  std::uint64_t timestamp = 0;
  /// Cache: p is visible and its marker flag is set, so updateMarkerChanges would leave this
  /// marker's item as is. Cleared whenever either may have changed.
  bool settled = false;
};

/// Hashes map keys so that lookups by string_view need no std::string.
struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
};

/// One shared type.
struct Branch {
  DocImpl* doc = nullptr;
  TypeKind kind = TypeKind::kMap;
  bool kind_known = true; ///< false for a root only seen in updates (Yjs AbstractType)
  std::string name;       ///< XmlElement node name / XmlHook hook name
  Item* item = nullptr;   ///< the item holding this type; null for a root
  const std::string* root_name = nullptr; ///< for roots
  Item* start = nullptr;
  std::uint64_t length = 0;
  using KeyMap = std::unordered_map<std::string, Item*, KeyHash, std::equal_to<>>;
  KeyMap map;
  /// The entries of `map` in first-insertion order (nodes of an unordered_map never move).
  std::vector<KeyMap::value_type*> key_order;
  bool use_markers = false;    ///< Array and Text keep search markers (Yjs _searchMarker)
  bool has_formatting = false; ///< a ContentFormat was integrated (YText._hasFormatting)
  bool dead = false;           ///< its item was garbage-collected
  std::vector<SearchMarker> markers;
  /// The marker the last lookup used (any value is safe: it is checked against markers.size()).
  std::size_t last_marker = SIZE_MAX;
  /// Some marker may be unsettled (false only when every marker is settled).
  bool markers_unsettled = false;

  std::vector<std::pair<SubscriptionId, std::function<void(const Event&)>>> observers;
  std::vector<std::pair<SubscriptionId, std::function<void(const std::vector<Event>&)>>>
      deep_observers;

  /// The key table entry for `key` (created on first use); its address is stable.
  std::pair<const std::string*, Item**> key_slot(std::string_view key) {
    auto it = map.find(key);
    if (it == map.end()) {
      it = map.emplace(std::string(key), nullptr).first;
      key_order.push_back(&*it);
    }
    return {&it->first, &it->second};
  }
  /// Forgets the `settled` cache of markers on `item` (it was deleted or lost its flag).
  void unsettle_markers(const Item* target) {
    if (target->marker_refs == 0) return;
    for (SearchMarker& m : markers) {
      if (m.p == target) {
        m.settled = false;
        markers_unsettled = true;
      }
    }
  }
  /// Points `m` at `p`, keeping the items' marker_refs.
  static void point_marker(SearchMarker& m, Item* p) {
    --m.p->marker_refs;
    m.p = p;
    ++p->marker_refs;
  }
  /// Adds a marker.
  void add_marker(const SearchMarker& m) {
    ++m.p->marker_refs;
    markers.push_back(m);
  }
  /// Removes the marker at `k`.
  void erase_marker(std::size_t k) {
    --markers[k].p->marker_refs;
    markers.erase(markers.begin() + static_cast<std::ptrdiff_t>(k));
  }
  /// Removes every marker; with `clear_flags` also the items' marker flags (Yjs keeps them when
  /// a remote transaction empties the list).
  void clear_markers(bool clear_flags) {
    for (SearchMarker& m : markers) {
      --m.p->marker_refs;
      if (clear_flags) m.p->set_marker(false);
    }
    markers.clear();
  }
  /// The newest item for `key` or null.
  Item* map_get(std::string_view key) const {
    auto it = map.find(key);
    return it == map.end() ? nullptr : it->second;
  }
};

} // namespace accord::crdt
