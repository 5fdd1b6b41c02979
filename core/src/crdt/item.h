#pragma once
/// Items: the structs of the YATA list. Every struct a client creates is an Item (with content)
/// or a GC struct (a deleted, collected range: content kind kGC, no parent). Items of a type
/// form a doubly linked list (left/right) in document order; the struct store indexes them by
/// id. Items are allocated from the doc's ItemPool and never move.

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "crdt/content.h"
#include "crdt/id.h"

namespace accord::crdt {

struct Branch;

/// One struct of the document.
struct Item {
  static constexpr std::uint8_t kKeep = 1;
  static constexpr std::uint8_t kDeletedFlag = 4;
  static constexpr std::uint8_t kMarker = 8;

  Id id;
  std::uint64_t length = 0;
  Item* left = nullptr;
  Item* right = nullptr;
  OptId origin;             ///< id of the last unit of the left neighbour at creation
  OptId right_origin;       ///< id of the right neighbour at creation
  Branch* parent = nullptr; ///< null for GC structs
  const std::string* parent_sub = nullptr; ///< map key (points into the parent's key table)
  std::uint8_t info = 0;
  /// How many search markers of its parent point at it (at most 80, so a byte). A lookup of the
  /// markers on an item is skipped when this is 0: it is kept by Branch's marker functions.
  std::uint8_t marker_refs = 0;
  Content content;

  bool is_gc() const { return content.kind == ContentKind::kGC; }
  bool deleted() const { return (info & kDeletedFlag) != 0; }
  void mark_deleted() { info |= kDeletedFlag; }
  bool keep() const { return (info & kKeep) != 0; }
  void set_keep(bool k) { info = k ? (info | kKeep) : (info & ~kKeep); }
  bool marker() const { return (info & kMarker) != 0; }
  void set_marker(bool m) { info = m ? (info | kMarker) : (info & ~kMarker); }
  bool countable() const { return content.countable(); }
  /// Counts in its parent's length (countable and not deleted).
  bool visible() const { return !deleted() && countable(); }
  Id last_id() const { return Id{id.client, id.clock + length - 1}; }
  /// Next / previous non-deleted item.
  Item* next() const {
    Item* n = right;
    while (n && n->deleted()) n = n->right;
    return n;
  }
  Item* prev() const {
    Item* n = left;
    while (n && n->deleted()) n = n->left;
    return n;
  }
};

/// Stable storage for items with reuse of freed ones (merged-away items).
class ItemPool {
public:
  /// A fresh default item.
  Item* allocate() {
    if (!free_.empty()) {
      Item* it = free_.back();
      free_.pop_back();
      return it;
    }
    return &items_.emplace_back();
  }
  /// Returns `item` to the pool (its content is released).
  void release(Item* item) {
    *item = Item();
    free_.push_back(item);
  }
  /// Items allocated and not released.
  std::size_t live() const { return items_.size() - free_.size(); }

private:
  std::deque<Item> items_;
  std::vector<Item*> free_;
};

} // namespace accord::crdt
