// Transaction cleanup, as Yjs's cleanupTransactions: observers (before GC so that events can
// see deleted content), then GC of deleted content, merging of structs, and the update event.
#include "accord/transaction.h"

#include <algorithm>
#include <random>

#include "crdt/doc_impl.h"
#include "crdt/events_builder.h"
#include "crdt/text_ops.h"
#include "crdt/update_codec.h"
#include "encoding/lib0_writer.h"

namespace accord {

void Transaction::commit() {
  if (!doc_ || view_) return;
  crdt::DocImpl* d = doc_;
  doc_ = nullptr;
  if (owner_) d->end();
}

const Origin& Transaction::origin() const {
  static const Origin kNone;
  if (view_) return view_->origin;
  return doc_ && doc_->in_txn() ? doc_->txn().origin : kNone;
}

bool Transaction::local() const {
  if (view_) return view_->local;
  return doc_ && doc_->in_txn() ? doc_->txn().local : true;
}

} // namespace accord

namespace accord::crdt {

void DocImpl::cleanup(TxnState& t) {
  cleanup_txn_ = &t;
  t.delete_set.sort_and_merge();
  t.after.clear();
  for (const auto& [client, before] : t.before) t.after.emplace_back(client, store.state(client));
  call_observers(t);
  gc_and_merge(t);
  if (!t.local) {
    // Another peer wrote structs with our client id: pick a new one, as Yjs does.
    for (std::size_t k = 0; k < t.before.size(); ++k) {
      if (t.before[k].first == client_id && t.before[k].second != t.after[k].second) {
        client_id = std::random_device{}() & 0xffffffffu;
        break;
      }
    }
  }
  emit_update(t);
  cleanup_txn_ = nullptr;
}

void DocImpl::call_observers(TxnState& t) {
  if (t.changed.empty() && after_txn_observers.empty()) return;
  for (const ChangedType& c : t.changed) {
    Branch* type = c.type;
    if (type->item && type->item->deleted()) continue;
    if (!t.local) {
      // Yjs empties the marker list but leaves the items' marker flags as they are.
      type->clear_markers(false);
    }
    if (!t.local && type->has_formatting &&
        (type->kind == TypeKind::kText || type->kind == TypeKind::kXmlText)) {
      t.need_formatting_cleanup = true;
    }
  }
  if (type_observer_count > 0) dispatch_events(*this, t);
  if (!after_txn_observers.empty()) {
    Transaction handle(this, &t);
    auto observers = after_txn_observers;
    for (auto& [id, fn] : observers) fn(handle);
  }
  if (t.need_formatting_cleanup) cleanup_text_after_transaction(*this, t);
}

void DocImpl::gc_and_merge(TxnState& t) {
  DeleteSet& ds = t.delete_set;
  if (gc) {
    for (auto& [client, ranges] : ds.clients()) {
      ClientStructs* structs = store.get(client);
      if (!structs) continue;
      for (std::size_t di = ranges.size(); di-- > 0;) {
        const DeleteRange& r = ranges[di];
        std::uint64_t end = r.clock + r.len;
        for (ClientStructs::Pos p = structs->find(r.clock); structs->valid(p);
             p = structs->next(p)) {
          Item* s = structs->at(p);
          if (s->id.clock >= end) break;
          if (!s->is_gc() && s->deleted() && !s->keep()) gc_item(s, false);
        }
      }
    }
  }
  for (auto& [client, ranges] : ds.clients()) {
    ClientStructs* structs = store.get(client);
    if (!structs) continue;
    for (std::size_t di = ranges.size(); di-- > 0;) {
      const DeleteRange& r = ranges[di];
      ClientStructs::Pos p = structs->find(r.clock + r.len - 1);
      if (structs->valid(structs->next(p))) p = structs->next(p);
      while (!structs->is_begin(p) && structs->at(p)->id.clock >= r.clock) {
        try_merge_with_lefts(*structs, p);
        if (structs->is_begin(p)) break;
        p = structs->prev(p);
      }
    }
  }
  for (std::size_t k = 0; k < t.before.size(); ++k) {
    auto [client, before] = t.before[k];
    std::uint64_t after = t.after[k].second;
    if (before == after) continue;
    ClientStructs* structs = store.get(client);
    ClientStructs::Pos first = structs->find(before);
    if (structs->is_begin(first)) {
      first = structs->next(first);
      if (!structs->valid(first)) continue;
    }
    std::uint64_t first_clock = structs->at(first)->id.clock;
    ClientStructs::Pos p = structs->last_pos();
    while (!structs->is_begin(p) && structs->at(p)->id.clock >= first_clock) {
      try_merge_with_lefts(*structs, p);
      if (structs->is_begin(p)) break;
      p = structs->prev(p);
    }
  }
  for (std::size_t i = t.merge_structs.size(); i-- > 0;) {
    Id id = t.merge_structs[i];
    ClientStructs* structs = store.get(id.client);
    ClientStructs::Pos p = structs->find(id.clock);
    ClientStructs::Pos n = structs->next(p);
    if (structs->valid(n)) {
      if (try_merge_with_lefts(*structs, n) > 1) continue;
      p = structs->find(id.clock);
    }
    if (!structs->is_begin(p)) try_merge_with_lefts(*structs, p);
  }
}

void DocImpl::emit_update(TxnState& t) {
  if (update_observers.empty()) return;
  // Only the clients the transaction touched (t.before) can have new structs.
  std::vector<std::pair<std::uint64_t, std::uint64_t>>& grown = t.grown_clients;
  grown.clear();
  for (std::size_t k = 0; k < t.before.size(); ++k) {
    if (t.before[k].second != t.after[k].second) grown.push_back(t.before[k]);
  }
  if (grown.empty() && t.delete_set.empty()) return;
  std::sort(grown.begin(), grown.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  encoding::Lib0Buffer w;
  write_client_structs_from(w, store, grown);
  t.delete_set.encode(w);
  std::vector<std::uint8_t> bytes = w.take();
  if (update_observers.size() == 1) {
    // The common case needs no copy: the copy guards against observers added or removed while
    // they are called.
    auto fn = update_observers.front().second;
    fn(bytes, t.origin);
    return;
  }
  auto observers = update_observers;
  for (auto& [id, fn] : observers) fn(bytes, t.origin);
}

} // namespace accord::crdt
