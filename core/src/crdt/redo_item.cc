#include "crdt/redo_item.h"

#include "crdt/history_util.h"

namespace accord::crdt {
namespace {

/// The redone id of `item`, or null.
const Id* redone_of(const DocImpl& doc, const Item* item) {
  if (doc.redone.empty()) return nullptr;
  auto it = doc.redone.find(item);
  return it == doc.redone.end() ? nullptr : &it->second;
}

/// The item holding `item`'s parent type (null for a root parent); `ok` false for a GC struct.
Item* parent_item_of(const Item* item, bool& ok) {
  ok = item->parent != nullptr;
  return ok ? item->parent->item : nullptr;
}

bool deleted_by_stack(const std::vector<StackItem>& stack, Id id) {
  for (const StackItem& s : stack) {
    if (id_ranges_contain(s.deletions, id.client, id.clock)) return true;
  }
  return false;
}

/// Follows redone links from `start` until an item whose parent item is `parent_item`; null
/// when the chain ends first.
Item* trace_to_parent(DocImpl& doc, Item* start, const Item* parent_item) {
  Item* trace = start;
  while (trace) {
    bool ok = false;
    Item* p = parent_item_of(trace, ok);
    if (ok && p == parent_item) return trace;
    const Id* r = redone_of(doc, trace);
    trace = r ? doc.clean_start(*r) : nullptr;
  }
  return nullptr;
}

Content copy_content(DocImpl& doc, const Item* item) {
  if (item->content.kind == ContentKind::kType) {
    const Branch* t = item->content.type();
    return make_type_content(doc.new_branch(t->kind, t->name));
  }
  return item->content.clone();
}

} // namespace

Item* redo_item(DocImpl& doc, Item* item, const RedoContext& ctx) {
  if (const Id* r = redone_of(doc, item)) return doc.clean_start(*r);
  Item* parent_item = item->parent->item;
  if (parent_item && parent_item->deleted()) {
    if (!redone_of(doc, parent_item) &&
        (!ctx.items_to_redo->count(parent_item) || redo_item(doc, parent_item, ctx) == nullptr)) {
      return nullptr;
    }
    while (const Id* r = redone_of(doc, parent_item)) parent_item = doc.clean_start(*r);
  }
  Branch* parent_type = parent_item ? parent_item->content.type() : item->parent;
  Item* left = nullptr;
  Item* right = nullptr;
  const std::string* key = nullptr;
  if (!item->parent_sub) {
    for (Item* l = item->left; l; l = l->left) {
      if (Item* t = trace_to_parent(doc, l, parent_item)) {
        left = t;
        break;
      }
    }
    for (Item* r = item; r; r = r->right) {
      if (Item* t = trace_to_parent(doc, r, parent_item)) {
        right = t;
        break;
      }
    }
  } else {
    key = parent_type->key_slot(*item->parent_sub).first;
    if (item->right && !ctx.ignore_remote_map_changes) {
      left = item;
      while (left && left->right &&
             (redone_of(doc, left->right) ||
              ctx.items_to_delete->contains(left->right->id.client, left->right->id.clock) ||
              deleted_by_stack(*ctx.undo_stack, left->right->id) ||
              deleted_by_stack(*ctx.redo_stack, left->right->id))) {
        left = left->right;
        while (const Id* r = redone_of(doc, left)) left = doc.clean_start(*r);
      }
      if (left && left->right) return nullptr;
    } else {
      left = parent_type->map_get(*key);
    }
    if (left) {
      bool ok = false;
      Item* p = parent_item_of(left, ok);
      if (!ok || p != parent_item) left = parent_type->map_get(*key);
    }
  }
  Item* copy = doc.new_item();
  copy->id = Id{doc.client_id, doc.store.state(doc.client_id)};
  copy->length = item->length;
  copy->left = left;
  if (left) copy->origin = left->last_id();
  copy->right = right;
  if (right) copy->right_origin = right->id;
  copy->parent = parent_type;
  copy->parent_sub = key;
  copy->content = copy_content(doc, item);
  doc.redone[item] = copy->id;
  keep_item(copy, true);
  doc.integrate(copy, 0);
  return copy;
}

} // namespace accord::crdt
