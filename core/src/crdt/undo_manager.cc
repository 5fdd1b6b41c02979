// UndoManager: capture of tracked transactions into stack items, and undo/redo by deleting a
// stack item's insertions and restoring its deletions (redo_item.h), as yjs's UndoManager.js.
#include "accord/undo_manager.h"

#include <algorithm>
#include <chrono>
#include <unordered_set>

#include "crdt/doc_impl.h"
#include "crdt/history_util.h"
#include "crdt/redo_item.h"

namespace accord {

using crdt::DocImpl;
using crdt::Item;

namespace {

std::uint64_t steady_now_ms() {
  return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::steady_clock::now().time_since_epoch())
                                        .count());
}

IdRangeList merge_ranges(const IdRangeList& a, const IdRangeList& b) {
  crdt::DeleteSet ds = crdt::to_delete_set(a);
  ds.merge_from(crdt::to_delete_set(b));
  ds.sort_and_merge();
  return crdt::to_id_range_list(ds);
}

} // namespace

UndoManager::UndoManager(Doc& doc, std::vector<TypeRef> scope, UndoManagerOptions options)
    : doc_(doc), options_(std::move(options)) {
  for (TypeRef t : scope) add_to_scope(t);
  if (!options_.clock) options_.clock = steady_now_ms;
  options_.tracked_origins.push_back(origin());
  after_txn_id_ =
      doc_.observe_after_transaction([this](const Transaction& txn) { after_transaction(txn); });
}

UndoManager::UndoManager(Doc& doc, UndoManagerOptions options)
    : UndoManager(doc, std::vector<TypeRef>{}, std::move(options)) {
  scope_doc_ = true;
}

UndoManager::~UndoManager() { doc_.unobserve_after_transaction(after_txn_id_); }

void UndoManager::add_to_scope(TypeRef type) {
  if (!type.valid()) return;
  if (std::find(scope_.begin(), scope_.end(), type) == scope_.end()) scope_.push_back(type);
}

void UndoManager::add_tracked_origin(Origin o) {
  if (std::find(options_.tracked_origins.begin(), options_.tracked_origins.end(), o) ==
      options_.tracked_origins.end()) {
    options_.tracked_origins.push_back(std::move(o));
  }
}

void UndoManager::remove_tracked_origin(const Origin& o) {
  auto& v = options_.tracked_origins;
  v.erase(std::remove(v.begin(), v.end(), o), v.end());
}

bool UndoManager::tracked(const Origin& o) const {
  const auto& v = options_.tracked_origins;
  if (std::find(v.begin(), v.end(), o) != v.end()) return true;
  if (o == Origin{}) return false;
  const auto& names = options_.tracked_origin_names;
  return std::find(names.begin(), names.end(), o.name) != names.end();
}

bool UndoManager::in_scope(const void* p) const {
  if (scope_doc_) return true;
  const Item* item = static_cast<const Item*>(p);
  return std::any_of(scope_.begin(), scope_.end(),
                     [item](TypeRef t) { return crdt::is_parent_of(t.branch(), item); });
}

void UndoManager::after_transaction(const Transaction& txn) {
  const crdt::TxnState* t = txn.view();
  if (!t) return;
  DocImpl& d = *doc_.impl();
  std::vector<crdt::Branch*> changed = crdt::changed_parent_types(*t);
  last_changed_parent_types_.clear();
  for (crdt::Branch* b : changed) last_changed_parent_types_.emplace_back(b);
  if (options_.capture_transaction && !options_.capture_transaction(txn)) return;
  bool touches_scope =
      scope_doc_ || std::any_of(scope_.begin(), scope_.end(), [&](TypeRef s) {
        return std::find(changed.begin(), changed.end(), s.branch()) != changed.end();
      });
  if (!touches_scope || !tracked(t->origin)) return;
  const bool undoing = undoing_;
  const bool redoing = redoing_;
  std::vector<StackItem>& stack = undoing ? redo_stack_ : undo_stack_;
  if (undoing) {
    stop_capturing();
  } else if (!redoing) {
    clear(false, true);
  }
  IdRangeList insertions;
  for (std::size_t k = 0; k < t->before.size(); ++k) {
    std::uint64_t before = t->before[k].second;
    std::uint64_t after = k < t->after.size() ? t->after[k].second : before;
    if (after > before) {
      insertions.emplace_back(t->before[k].first,
                              std::vector<IdRange>{IdRange{before, after - before}});
    }
  }
  IdRangeList deletions = crdt::to_id_range_list(t->delete_set);
  const std::uint64_t now = options_.clock();
  bool did_add = false;
  if (last_change_ && (now < *last_change_ || now - *last_change_ < options_.capture_timeout_ms) &&
      !stack.empty() && !undoing && !redoing) {
    StackItem& last = stack.back();
    last.deletions = merge_ranges(last.deletions, deletions);
    last.insertions = merge_ranges(last.insertions, insertions);
  } else {
    StackItem item;
    item.insertions = std::move(insertions);
    item.deletions = std::move(deletions);
    stack.push_back(std::move(item));
    did_add = true;
  }
  if (!undoing && !redoing) last_change_ = now;
  crdt::iterate_deleted_structs(d, t->delete_set, [this](Item* item) {
    if (!item->is_gc() && in_scope(item)) crdt::keep_item(item, true);
  });
  StackItemEvent e;
  e.item = &stack.back();
  e.origin = t->origin;
  e.kind = undoing ? UndoStackKind::kRedo : UndoStackKind::kUndo;
  e.changed_parent_types = last_changed_parent_types_;
  emit(did_add ? added_ : updated_, e);
}

void UndoManager::release_item(const StackItem& item) {
  DocImpl& d = *doc_.impl();
  crdt::iterate_deleted_structs(d, crdt::to_delete_set(item.deletions), [this](Item* it) {
    if (!it->is_gc() && in_scope(it)) crdt::keep_item(it, false);
  });
}

void UndoManager::clear(bool clear_undo_stack, bool clear_redo_stack) {
  if (!((clear_undo_stack && can_undo()) || (clear_redo_stack && can_redo()))) return;
  Transaction txn = doc_.transact();
  if (clear_undo_stack) {
    for (const StackItem& s : undo_stack_) release_item(s);
    undo_stack_.clear();
  }
  if (clear_redo_stack) {
    for (const StackItem& s : redo_stack_) release_item(s);
    redo_stack_.clear();
  }
  auto handlers = cleared_;
  for (auto& [id, fn] : handlers) fn(clear_undo_stack, clear_redo_stack);
  txn.commit();
}

std::optional<StackItem> UndoManager::undo() {
  undoing_ = true;
  std::optional<StackItem> res = pop(undo_stack_, UndoStackKind::kUndo);
  undoing_ = false;
  return res;
}

std::optional<StackItem> UndoManager::redo() {
  redoing_ = true;
  std::optional<StackItem> res = pop(redo_stack_, UndoStackKind::kRedo);
  redoing_ = false;
  return res;
}

std::optional<StackItem> UndoManager::pop(std::vector<StackItem>& stack, UndoStackKind kind) {
  DocImpl& d = *doc_.impl();
  std::optional<StackItem> result;
  last_changed_parent_types_.clear();
  {
    Transaction txn = doc_.transact(origin());
    while (!stack.empty() && !result) {
      StackItem item = std::move(stack.back());
      stack.pop_back();
      crdt::DeleteSet insertions = crdt::to_delete_set(item.insertions);
      crdt::DeleteSet deletions = crdt::to_delete_set(item.deletions);
      std::vector<Item*> to_delete;
      std::vector<Item*> to_redo;
      std::unordered_set<Item*> to_redo_set;
      crdt::iterate_deleted_structs(d, insertions, [&](Item* s) {
        if (s->is_gc()) return;
        if (!d.redone.empty() && d.redone.count(s)) {
          crdt::Followed f = crdt::follow_redone(d, s->id);
          if (f.diff > 0)
            f.item = d.clean_start(crdt::Id{f.item->id.client, f.item->id.clock + f.diff});
          s = f.item;
        }
        if (!s->deleted() && in_scope(s)) to_delete.push_back(s);
      });
      crdt::iterate_deleted_structs(d, deletions, [&](Item* s) {
        if (s->is_gc() || !in_scope(s) || insertions.contains(s->id.client, s->id.clock)) return;
        if (to_redo_set.insert(s).second) to_redo.push_back(s);
      });
      crdt::RedoContext ctx;
      ctx.items_to_redo = &to_redo_set;
      ctx.items_to_delete = &insertions;
      ctx.undo_stack = &undo_stack_;
      ctx.redo_stack = &redo_stack_;
      ctx.ignore_remote_map_changes = options_.ignore_remote_map_changes;
      bool performed = false;
      for (Item* s : to_redo) performed = crdt::redo_item(d, s, ctx) != nullptr || performed;
      for (auto it = to_delete.rbegin(); it != to_delete.rend(); ++it) {
        Item* s = *it;
        if (options_.delete_filter) {
          UndoItemView view;
          view.parent = TypeRef(s->parent);
          if (s->parent_sub) view.key = *s->parent_sub;
          view.content = s->content.values();
          view.client = s->id.client;
          view.clock = s->id.clock;
          if (!options_.delete_filter(view)) continue;
        }
        d.delete_item(s);
        performed = true;
      }
      if (performed) result = std::move(item);
    }
    for (const crdt::ChangedType& c : d.txn().changed) {
      if (!c.child_list) continue;
      c.type->clear_markers(true);
    }
    txn.commit();
  }
  if (result) {
    StackItemEvent e;
    e.item = &*result;
    e.origin = origin();
    e.kind = kind;
    e.changed_parent_types = last_changed_parent_types_;
    emit(popped_, e);
  }
  return result;
}

void UndoManager::emit(std::vector<std::pair<SubscriptionId, Handler>>& handlers,
                       StackItemEvent& e) {
  auto copy = handlers;
  for (auto& [id, fn] : copy) fn(e);
}

SubscriptionId UndoManager::on_stack_item_added(std::function<void(StackItemEvent&)> fn) {
  added_.emplace_back(next_handler_, std::move(fn));
  return next_handler_++;
}

SubscriptionId UndoManager::on_stack_item_updated(std::function<void(StackItemEvent&)> fn) {
  updated_.emplace_back(next_handler_, std::move(fn));
  return next_handler_++;
}

SubscriptionId UndoManager::on_stack_item_popped(std::function<void(StackItemEvent&)> fn) {
  popped_.emplace_back(next_handler_, std::move(fn));
  return next_handler_++;
}

SubscriptionId UndoManager::on_stack_cleared(std::function<void(bool, bool)> fn) {
  cleared_.emplace_back(next_handler_, std::move(fn));
  return next_handler_++;
}

bool UndoManager::off(SubscriptionId id) {
  auto drop = [id](auto& v) {
    auto before = v.size();
    v.erase(std::remove_if(v.begin(), v.end(), [id](const auto& p) { return p.first == id; }),
            v.end());
    return v.size() != before;
  };
  bool a = drop(added_);
  bool b = drop(updated_);
  bool c = drop(popped_);
  bool e = drop(cleared_);
  return a || b || c || e;
}

} // namespace accord
