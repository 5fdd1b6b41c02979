#pragma once
/// Yjs redoItem: restores a deleted item by integrating a copy of it at its old place (in its
/// parent, itself restored first when it was deleted too), and links the original to the copy
/// (DocImpl::redone) so that positions and later undos follow it.

#include <unordered_set>
#include <vector>

#include "accord/undo_manager.h"
#include "crdt/delete_set.h"
#include "crdt/doc_impl.h"

namespace accord::crdt {

/// What redo_item needs to know about the undo in progress.
struct RedoContext {
  /// All items the undo restores (a deleted parent is restored first when it is among them).
  const std::unordered_set<Item*>* items_to_redo = nullptr;
  /// The insertions of the stack item being undone.
  const DeleteSet* items_to_delete = nullptr;
  const std::vector<StackItem>* undo_stack = nullptr;
  const std::vector<StackItem>* redo_stack = nullptr;
  bool ignore_remote_map_changes = false;
};

/// Restores `item` in the open transaction. Returns the restored copy (or the existing copy
/// when it was restored before), or null when it cannot be restored: its parent is deleted and
/// not restored, or (map entries) a remote change overwrote the key since.
Item* redo_item(DocImpl& doc, Item* item, const RedoContext& ctx);

} // namespace accord::crdt
