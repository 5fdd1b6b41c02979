#pragma once
/// UndoManager (Yjs Y.UndoManager): undo and redo of the local changes made to a set of types
/// (its scope), with Yjs's semantics. After each transaction that changed the scope and whose
/// origin is tracked, the manager records a stack item: the ids the transaction inserted and the
/// ids it deleted (deleted items in the scope are kept, not garbage-collected, so they can be
/// restored). Transactions within the capture timeout of the previous one merge into the same
/// stack item. Undo deletes the item's insertions and re-inserts copies of its deletions at
/// their old places (the originals get "redone" links to the copies, which relative positions
/// and later undos follow); the undo transaction itself is recorded on the redo stack. Remote
/// changes (untracked origins) interleave freely: undo only touches what the stack item did.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "accord/any.h"
#include "accord/doc.h"
#include "accord/events.h"
#include "accord/snapshot.h"
#include "accord/transaction.h"
#include "accord/types.h"

namespace accord {

/// One undoable step: what it inserted and deleted, and metadata the application attaches
/// (e.g. cursor positions to restore) in the stack-item-added handler.
struct StackItem {
  /// Ids of the structs the step inserted.
  IdRangeList insertions;
  /// Ids of the structs the step deleted.
  IdRangeList deletions;
  /// Application data, kept with the item while it moves between the stacks.
  std::map<std::string, Any> meta;
};

/// Which stack an event concerns.
enum class UndoStackKind : std::uint8_t { kUndo, kRedo };

/// A stack item added, updated (merged into) or popped.
struct StackItemEvent {
  /// The item (valid during the callback; meta may be edited).
  StackItem* item = nullptr;
  /// The origin of the transaction that produced or popped it (the manager's own origin for
  /// undo/redo transactions).
  Origin origin;
  /// added/updated: the stack the item went to (kRedo when an undo produced it);
  /// popped: kUndo for undo(), kRedo for redo().
  UndoStackKind kind = UndoStackKind::kUndo;
  /// The types changed by the transaction, with their ancestors (Yjs changedParentTypes).
  std::vector<TypeRef> changed_parent_types;
};

/// A struct the manager is about to delete when undoing, for the delete filter.
struct UndoItemView {
  TypeRef parent;                 ///< the type holding it
  std::optional<std::string> key; ///< its map key, or nullopt for a list element
  std::vector<Value> content;     ///< its values (empty for text and formatting)
  std::uint64_t client = 0;       ///< its id's client
  std::uint64_t clock = 0;        ///< its id's clock
};

/// Options of an UndoManager (as Yjs's constructor options).
struct UndoManagerOptions {
  /// Transactions less than this many milliseconds after the previous captured one merge into
  /// its stack item (Yjs captureTimeout, default 500).
  std::uint64_t capture_timeout_ms = 500;
  /// Origins whose transactions are captured (compared with Origin's ==). The default tracks
  /// the default (empty) origin, as Yjs tracks null. The manager's own origin is always added.
  std::vector<Origin> tracked_origins = {Origin{}};
  /// Origin names tracked whatever their pointer (Yjs's tracking by origin constructor).
  std::vector<std::string> tracked_origin_names;
  /// Return false to ignore a transaction (Yjs captureTransaction). Default: capture all.
  std::function<bool(const Transaction&)> capture_transaction;
  /// Return false to keep a struct that an undo would delete (Yjs deleteFilter).
  std::function<bool(const UndoItemView&)> delete_filter;
  /// Redo map changes even when a remote change overwrote the key since (Yjs
  /// ignoreRemoteMapChanges).
  bool ignore_remote_map_changes = false;
  /// Milliseconds now, for the capture timeout. Default: a steady clock. Tests pass their own.
  std::function<std::uint64_t()> clock;
};

/// Undo/redo over a scope of types of one Doc. Not copyable or movable (it registers itself
/// with the Doc); destroy it before the Doc.
class UndoManager {
public:
  /// A manager over `scope` (types of `doc`).
  UndoManager(Doc& doc, std::vector<TypeRef> scope, UndoManagerOptions options = {});
  /// A manager over the whole document (Yjs new UndoManager(doc)).
  UndoManager(Doc& doc, UndoManagerOptions options = {});
  ~UndoManager();
  UndoManager(const UndoManager&) = delete;
  UndoManager& operator=(const UndoManager&) = delete;

  /// Adds a type to the scope (no-op when present).
  void add_to_scope(TypeRef type);
  /// Tracks transactions with `origin`.
  void add_tracked_origin(Origin origin);
  /// Stops tracking `origin`.
  void remove_tracked_origin(const Origin& origin);

  /// Undoes the newest stack item that still changes something (items whose changes were all
  /// overwritten are dropped). Returns a copy of the item undone, or nullopt when nothing was
  /// undone. Runs in a transaction with origin(). Cost: O(structs of the item).
  std::optional<StackItem> undo();
  /// Redoes the newest undone item; see undo().
  std::optional<StackItem> redo();
  /// True when the undo stack is not empty.
  bool can_undo() const { return !undo_stack_.empty(); }
  /// True when the redo stack is not empty.
  bool can_redo() const { return !redo_stack_.empty(); }
  /// Empties the stacks (releasing the deleted content they kept from garbage collection).
  void clear(bool clear_undo_stack = true, bool clear_redo_stack = true);
  /// The next captured transaction starts a new stack item even within the capture timeout.
  void stop_capturing() { last_change_.reset(); }

  /// The undo stack, oldest first.
  const std::vector<StackItem>& undo_stack() const { return undo_stack_; }
  /// The redo stack, oldest first.
  const std::vector<StackItem>& redo_stack() const { return redo_stack_; }
  /// The origin of the manager's own undo/redo transactions ({"undo-manager", this}).
  Origin origin() const { return Origin{"undo-manager", this}; }

  /// Called when a transaction created a new stack item.
  SubscriptionId on_stack_item_added(std::function<void(StackItemEvent&)> fn);
  /// Called when a transaction merged into the top stack item (within the capture timeout).
  SubscriptionId on_stack_item_updated(std::function<void(StackItemEvent&)> fn);
  /// Called after undo()/redo() applied an item.
  SubscriptionId on_stack_item_popped(std::function<void(StackItemEvent&)> fn);
  /// Called by clear() with which stacks were cleared.
  SubscriptionId on_stack_cleared(std::function<void(bool undo_cleared, bool redo_cleared)> fn);
  /// Removes a handler; false when unknown.
  bool off(SubscriptionId id);

private:
  using Handler = std::function<void(StackItemEvent&)>;
  void after_transaction(const Transaction& txn);
  bool tracked(const Origin& origin) const;
  bool in_scope(const void* item) const;
  std::optional<StackItem> pop(std::vector<StackItem>& stack, UndoStackKind kind);
  void release_item(const StackItem& item);
  void emit(std::vector<std::pair<SubscriptionId, Handler>>& handlers, StackItemEvent& e);

  Doc& doc_;
  std::vector<TypeRef> scope_;
  bool scope_doc_ = false;
  UndoManagerOptions options_;
  std::vector<StackItem> undo_stack_;
  std::vector<StackItem> redo_stack_;
  bool undoing_ = false;
  bool redoing_ = false;
  std::optional<std::uint64_t> last_change_;
  StackItem* current_ = nullptr;
  std::vector<TypeRef> last_changed_parent_types_;
  SubscriptionId after_txn_id_ = 0;
  SubscriptionId next_handler_ = 1;
  std::vector<std::pair<SubscriptionId, Handler>> added_;
  std::vector<std::pair<SubscriptionId, Handler>> updated_;
  std::vector<std::pair<SubscriptionId, Handler>> popped_;
  std::vector<std::pair<SubscriptionId, std::function<void(bool, bool)>>> cleared_;
};

} // namespace accord
