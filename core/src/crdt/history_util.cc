#include "crdt/history_util.h"

#include <algorithm>

namespace accord::crdt {

DeleteSet to_delete_set(const IdRangeSet& ranges) {
  DeleteSet ds;
  for (const auto& [client, rs] : ranges) {
    for (const IdRange& r : rs) ds.add(client, r.clock, r.len);
  }
  ds.sort_and_merge();
  return ds;
}

IdRangeSet to_id_ranges(const DeleteSet& ds) {
  IdRangeSet out;
  for (const auto& [client, rs] : ds.clients()) {
    if (rs.empty()) continue;
    auto& v = out[client];
    v.reserve(rs.size());
    for (const DeleteRange& r : rs) v.push_back(IdRange{r.clock, r.len});
  }
  return out;
}

DeleteSet to_delete_set(const IdRangeList& ranges) {
  DeleteSet ds;
  for (const auto& [client, rs] : ranges) {
    for (const IdRange& r : rs) ds.add(client, r.clock, r.len);
  }
  ds.sort_and_merge();
  return ds;
}

IdRangeList to_id_range_list(const DeleteSet& ds) {
  IdRangeList out;
  for (std::uint64_t client : ds.client_order()) {
    const auto& rs = ds.clients().at(client);
    if (rs.empty()) continue;
    std::vector<IdRange> v;
    v.reserve(rs.size());
    for (const DeleteRange& r : rs) v.push_back(IdRange{r.clock, r.len});
    out.emplace_back(client, std::move(v));
  }
  return out;
}

namespace {

bool ranges_contain(const std::vector<IdRange>& rs, std::uint64_t clock) {
  auto pos = std::upper_bound(rs.begin(), rs.end(), clock,
                              [](std::uint64_t c, const IdRange& r) { return c < r.clock; });
  if (pos == rs.begin()) return false;
  --pos;
  return clock < pos->clock + pos->len;
}

} // namespace

bool id_ranges_contain(const IdRangeSet& ranges, std::uint64_t client, std::uint64_t clock) {
  auto it = ranges.find(client);
  return it != ranges.end() && ranges_contain(it->second, clock);
}

bool id_ranges_contain(const IdRangeList& ranges, std::uint64_t client, std::uint64_t clock) {
  for (const auto& [c, rs] : ranges) {
    if (c == client) return ranges_contain(rs, clock);
  }
  return false;
}

void iterate_structs(DocImpl& doc, std::uint64_t client, std::uint64_t clock, std::uint64_t len,
                     const std::function<void(Item*)>& fn) {
  if (len == 0) return;
  ClientStructs* structs = doc.store.get(client);
  if (!structs || structs->empty()) return;
  const std::uint64_t end = clock + len;
  std::uint64_t at = clock;
  while (at < end && at < structs->state()) {
    Item* s = doc.clean_start(Id{client, at});
    if (end < s->id.clock + s->length) doc.clean_start(Id{client, end});
    fn(s);
    at = s->id.clock + s->length;
  }
}

void iterate_deleted_structs(DocImpl& doc, const DeleteSet& ds,
                             const std::function<void(Item*)>& fn) {
  for (std::uint64_t client : ds.client_order()) {
    const auto& ranges = ds.clients().at(client);
    ClientStructs* structs = doc.store.get(client);
    if (!structs || structs->empty()) continue;
    for (const DeleteRange& r : ranges) {
      if (r.clock >= structs->state()) break;
      iterate_structs(doc, client, r.clock, r.len, fn);
    }
  }
}

void keep_item(Item* item, bool keep) {
  while (item && item->keep() != keep) {
    item->set_keep(keep);
    item = item->parent ? item->parent->item : nullptr;
  }
}

bool is_parent_of(const Branch* parent, const Item* child) {
  while (child) {
    if (child->parent == parent) return true;
    child = child->parent ? child->parent->item : nullptr;
  }
  return false;
}

Followed follow_redone(DocImpl& doc, Id id) {
  Followed f;
  Id next = id;
  bool has_next = true;
  while (has_next) {
    if (f.diff > 0) next = Id{next.client, next.clock + f.diff};
    f.item = doc.store.find(next);
    f.diff = next.clock - f.item->id.clock;
    has_next = false;
    if (!f.item->is_gc() && !doc.redone.empty()) {
      auto it = doc.redone.find(f.item);
      if (it != doc.redone.end()) {
        next = it->second;
        has_next = true;
      }
    }
  }
  return f;
}

std::vector<Branch*> changed_parent_types(const TxnState& t) {
  std::vector<Branch*> out;
  for (const ChangedType& c : t.changed) {
    if (c.type->item && c.type->item->deleted()) continue;
    for (Branch* b = c.type; b;) {
      if (std::find(out.begin(), out.end(), b) == out.end()) out.push_back(b);
      if (!b->item || !b->item->parent) break;
      b = b->item->parent;
    }
  }
  return out;
}

} // namespace accord::crdt
