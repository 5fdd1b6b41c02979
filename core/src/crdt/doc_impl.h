#pragma once
/// DocImpl: the engine behind accord::Doc. Owns the struct store, the items, the branches (shared
/// types) and the open transaction, and implements YATA integration, splitting, merging,
/// deletion and garbage collection exactly where Yjs does them (Item.integrate, splitItem,
/// tryToMergeWithLefts, Item.delete, Item.gc, cleanupTransactions).

#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "accord/doc.h"
#include "accord/transaction.h"
#include "crdt/branch.h"
#include "crdt/delete_set.h"
#include "crdt/item.h"
#include "crdt/pending.h"
#include "crdt/struct_store.h"

namespace accord::crdt {

/// A type changed by a transaction and which of its keys (null = the list).
struct ChangedType {
  Branch* type = nullptr;
  bool child_list = false;
  std::vector<const std::string*> keys;
};

/// The state of one transaction (Yjs Transaction).
struct TxnState {
  Origin origin;
  bool local = true;
  /// Client states before the transaction, recorded when a client first gets new structs.
  std::vector<std::pair<std::uint64_t, std::uint64_t>> before;
  /// Scratch for the update event: the clients of `before` that got structs (kept for reuse).
  std::vector<std::pair<std::uint64_t, std::uint64_t>> grown_clients;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> after;
  DeleteSet delete_set;
  std::vector<Id> merge_structs;
  std::vector<ChangedType> changed;
  bool need_formatting_cleanup = false;
};

/// The engine state of a Doc.
class DocImpl {
public:
  explicit DocImpl(DocOptions options);
  ~DocImpl();

  std::uint64_t client_id = 0;
  std::string guid;
  bool gc = true;
  StructStore store;
  ItemPool pool;
  PendingStructs pending;
  DeleteSet pending_ds;

  // ---- roots and branches
  /// The root named `name`, created with `kind` (or upgraded from an unknown kind).
  Branch* get_root(std::string_view name, TypeKind kind);
  /// The root named `name` of unknown kind (as doc.get(name) with AbstractType in Yjs).
  Branch* get_root_generic(std::string_view name);
  Branch* find_root(std::string_view name) const;
  /// A new detached branch (for nested types).
  Branch* new_branch(TypeKind kind, std::string name);
  std::vector<std::string> root_names() const;

  // ---- transactions
  /// Opens a transaction (or joins the open one): returns true when this call opened it.
  bool begin(Origin origin, bool local);
  /// Ends the outermost transaction: cleanup, observers, update hooks.
  void end();
  TxnState& txn() { return *txn_; }
  bool in_txn() const { return txn_ != nullptr; }
  /// The state of `client` before the open transaction.
  std::uint64_t before_state(std::uint64_t client) const;
  /// Records `client`'s state before it gets new structs in this transaction.
  void note_client(std::uint64_t client) {
    for (auto& b : txn_->before) {
      if (b.first == client) return;
    }
    txn_->before.emplace_back(client, store.state(client));
  }
  void add_changed(Branch* type, const std::string* key);

  // ---- items
  Item* new_item() { return pool.allocate(); }
  /// Yjs Item.integrate (offset > 0 skips the first units already known).
  void integrate(Item* item, std::uint64_t offset);
  /// Integrates a GC struct (appends it to the store).
  void integrate_gc(Item* gc_item);
  /// Yjs splitItem: `left` keeps [0, diff), returns the new right part, inserted in the store.
  Item* split(Item* left, std::uint64_t diff);
  /// The item starting exactly at `id` (splitting when needed).
  Item* clean_start(Id id);
  /// The item ending exactly at `id` (splitting when needed; GC structs are not split).
  Item* clean_end(Id id);
  /// Yjs Item.delete.
  void delete_item(Item* item);
  /// Yjs Item.gc.
  void gc_item(Item* item, bool parent_gcd);
  /// Yjs tryToMergeWithLefts: merges structs[pos] into its left neighbours while possible.
  /// Returns how many were merged; `pos` is updated to the surviving struct's position.
  std::size_t try_merge_with_lefts(ClientStructs& structs, ClientStructs::Pos& pos);

  // ---- search markers (Yjs ArraySearchMarker)
  /// Yjs findMarker: a marker near `index`, or null when markers are off, index is 0 or empty.
  SearchMarker* find_marker(Branch* type, std::uint64_t index);
  /// Yjs updateMarkerChanges.
  static void update_marker_changes(Branch* type, std::uint64_t index, std::int64_t len);

  // ---- observers
  std::uint64_t next_subscription = 1;
  std::vector<std::pair<SubscriptionId,
                        std::function<void(const std::vector<std::uint8_t>&, const Origin&)>>>
      update_observers;
  std::vector<std::pair<SubscriptionId, std::function<void(const Transaction&)>>>
      after_txn_observers;
  /// Number of type observers registered (changed types are only tracked when > 0 or text
  /// formatting cleanup may be needed).
  std::size_t type_observer_count = 0;

  /// Redone ids (UndoManager's Item.redone), kept aside because rare.
  std::unordered_map<const Item*, Id> redone;

private:
  void cleanup(TxnState& t);
  void call_observers(TxnState& t);
  void gc_and_merge(TxnState& t);
  void emit_update(TxnState& t);

  std::deque<Branch> branches_;
  std::unordered_map<std::string, Branch*> roots_;
  std::vector<const std::string*> root_order_;
  std::unique_ptr<TxnState> txn_;
  std::unique_ptr<TxnState> spare_; ///< a finished transaction kept for reuse (no allocation)
  TxnState* cleanup_txn_ = nullptr; ///< the transaction being cleaned up (splits record here)
  std::deque<std::unique_ptr<TxnState>> cleanup_queue_;
  bool cleaning_ = false;
  std::uint64_t marker_clock_ = 0;
};

} // namespace accord::crdt
