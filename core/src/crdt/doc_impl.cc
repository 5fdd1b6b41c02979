#include "crdt/doc_impl.h"

#include <algorithm>
#include <random>

namespace accord::crdt {
namespace {

std::uint64_t random_u32() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  return rng() & 0xffffffffu;
}

std::string random_uuid() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  static const char* kHex = "0123456789abcdef";
  std::string s = "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx";
  for (char& c : s) {
    if (c == 'x') {
      c = kHex[rng() & 15];
    } else if (c == 'y') {
      c = kHex[8 + (rng() & 3)];
    }
  }
  return s;
}

bool kind_uses_markers(TypeKind k) {
  return k == TypeKind::kArray || k == TypeKind::kText || k == TypeKind::kXmlText;
}

} // namespace

DocImpl::DocImpl(DocOptions options)
    : client_id(options.client_id.value_or(random_u32())),
      guid(options.guid.empty() ? random_uuid() : std::move(options.guid)),
      gc(options.gc) {}

DocImpl::~DocImpl() = default;

Branch* DocImpl::new_branch(TypeKind kind, std::string name) {
  Branch& b = branches_.emplace_back();
  b.doc = this;
  b.kind = kind;
  b.name = std::move(name);
  b.use_markers = kind_uses_markers(kind);
  return &b;
}

Branch* DocImpl::find_root(std::string_view name) const {
  auto it = roots_.find(std::string(name));
  return it == roots_.end() ? nullptr : it->second;
}

Branch* DocImpl::get_root_generic(std::string_view name) {
  if (Branch* b = find_root(name)) return b;
  Branch* b = new_branch(TypeKind::kMap, "");
  b->kind_known = false;
  b->use_markers = false;
  auto it = roots_.emplace(std::string(name), b).first;
  b->root_name = &it->first;
  root_order_.push_back(&it->first);
  return b;
}

Branch* DocImpl::get_root(std::string_view name, TypeKind kind) {
  Branch* b = get_root_generic(name);
  if (!b->kind_known) {
    b->kind = kind;
    b->kind_known = true;
    b->use_markers = kind_uses_markers(kind) && !b->has_formatting;
  }
  return b;
}

std::vector<std::string> DocImpl::root_names() const {
  std::vector<std::string> out;
  for (const std::string* n : root_order_) out.push_back(*n);
  return out;
}

// ---------------------------------------------------------------- transactions

bool DocImpl::begin(Origin origin, bool local) {
  if (txn_) return false;
  if (spare_) {
    txn_ = std::move(spare_);
    txn_->before.clear();
    txn_->after.clear();
    txn_->delete_set = DeleteSet();
    txn_->merge_structs.clear();
    txn_->changed.clear();
    txn_->need_formatting_cleanup = false;
  } else {
    txn_ = std::make_unique<TxnState>();
  }
  txn_->origin = std::move(origin);
  txn_->local = local;
  return true;
}

void DocImpl::end() {
  if (!txn_) return;
  if (cleaning_) {
    cleanup_queue_.push_back(std::move(txn_));
    return;
  }
  cleaning_ = true;
  std::unique_ptr<TxnState> t = std::move(txn_);
  cleanup(*t);
  while (!cleanup_queue_.empty()) {
    std::unique_ptr<TxnState> next = std::move(cleanup_queue_.front());
    cleanup_queue_.pop_front();
    cleanup(*next);
  }
  cleaning_ = false;
  spare_ = std::move(t);
}

std::uint64_t DocImpl::before_state(std::uint64_t client) const {
  if (const TxnState* t = txn_ ? txn_.get() : cleanup_txn_) {
    for (const auto& b : t->before) {
      if (b.first == client) return b.second;
    }
  }
  return store.state(client);
}

void DocImpl::add_changed(Branch* type, const std::string* key) {
  Item* item = type->item;
  if (!(item == nullptr || (item->id.clock < before_state(item->id.client) && !item->deleted()))) {
    return;
  }
  TxnState* t = txn_ ? txn_.get() : cleanup_txn_;
  auto& changed = t->changed;
  ChangedType* entry = nullptr;
  for (auto it = changed.rbegin(); it != changed.rend(); ++it) {
    if (it->type == type) {
      entry = &*it;
      break;
    }
  }
  if (!entry) {
    changed.push_back(ChangedType{type, false, {}});
    entry = &changed.back();
  }
  if (key == nullptr) {
    entry->child_list = true;
  } else if (std::find(entry->keys.begin(), entry->keys.end(), key) == entry->keys.end()) {
    entry->keys.push_back(key);
  }
}

// ---------------------------------------------------------------- items

Item* DocImpl::split(Item* left, std::uint64_t diff) {
  Item* right = new_item();
  right->id = Id{left->id.client, left->id.clock + diff};
  right->length = left->length - diff;
  right->left = left;
  right->origin = Id{left->id.client, left->id.clock + diff - 1};
  right->right = left->right;
  right->right_origin = left->right_origin;
  right->parent = left->parent;
  right->parent_sub = left->parent_sub;
  right->content = left->content.split(diff);
  if (left->deleted()) right->mark_deleted();
  if (left->keep()) right->set_keep(true);
  if (!redone.empty()) {
    auto it = redone.find(left);
    if (it != redone.end()) redone[right] = Id{it->second.client, it->second.clock + diff};
  }
  left->right = right;
  if (right->right) right->right->left = right;
  if (TxnState* t = txn_ ? txn_.get() : cleanup_txn_) t->merge_structs.push_back(right->id);
  if (right->parent_sub && !right->right) {
    right->parent->map[*right->parent_sub] = right;
  }
  left->length = diff;
  ClientStructs* structs = store.get(left->id.client);
  structs->insert_after(structs->find(left->id.clock), right);
  return right;
}

Item* DocImpl::clean_start(Id id) {
  ClientStructs* structs = store.get(id.client);
  Item* s = structs->at(structs->find(id.clock));
  if (s->id.clock < id.clock && !s->is_gc()) return split(s, id.clock - s->id.clock);
  return s;
}

Item* DocImpl::clean_end(Id id) {
  ClientStructs* structs = store.get(id.client);
  Item* s = structs->at(structs->find(id.clock));
  if (id.clock != s->id.clock + s->length - 1 && !s->is_gc()) {
    split(s, id.clock - s->id.clock + 1);
  }
  return s;
}

void DocImpl::integrate_gc(Item* g) {
  g->content = Content{};
  g->content.kind = ContentKind::kGC;
  g->parent = nullptr;
  g->parent_sub = nullptr;
  g->left = g->right = nullptr;
  g->mark_deleted();
  note_client(g->id.client);
  store.add(g);
}

void DocImpl::integrate(Item* item, std::uint64_t offset) {
  if (offset > 0) {
    item->id.clock += offset;
    item->left = clean_end(Id{item->id.client, item->id.clock - 1});
    item->origin = item->left->last_id();
    item->content = item->content.split(offset);
    item->length -= offset;
    // The new part continues the known unit before it, and that is all its encoding says
    // (origin = that unit, no parent): it belongs to the same type and key. Only an update that
    // rewrites a known id names another parent here; yjs would keep that parent for the live
    // item while linking it into the left's list, so its own reload disagrees with it.
    if (item->left->is_gc()) {
      item->parent = nullptr;
    } else {
      item->parent = item->left->parent;
      item->parent_sub = item->left->parent_sub;
      if (item->parent && item->parent->dead) item->parent = nullptr;
    }
  }
  Branch* parent = item->parent;
  if (!parent) {
    integrate_gc(item);
    return;
  }
  Item* left = item->left;
  if ((!left && (!item->right || item->right->left != nullptr)) ||
      (left && left->right != item->right)) {
    Item* o;
    if (left) {
      o = left->right;
    } else if (item->parent_sub) {
      o = parent->map_get(*item->parent_sub);
      while (o && o->left) o = o->left;
    } else {
      o = parent->start;
    }
    std::vector<Item*> conflicting;
    std::vector<Item*> before_origin;
    auto contains = [](const std::vector<Item*>& v, Item* x) {
      return std::find(v.begin(), v.end(), x) != v.end();
    };
    while (o && o != item->right) {
      before_origin.push_back(o);
      conflicting.push_back(o);
      if (item->origin == o->origin) {
        if (o->id.client < item->id.client) {
          left = o;
          conflicting.clear();
        } else if (item->right_origin == o->right_origin) {
          break;
        }
      } else if (o->origin.set && contains(before_origin, store.find(o->origin.id))) {
        if (!contains(conflicting, store.find(o->origin.id))) {
          left = o;
          conflicting.clear();
        }
      } else {
        break;
      }
      o = o->right;
    }
    item->left = left;
  }
  if (item->left) {
    item->right = item->left->right;
    item->left->right = item;
  } else {
    Item* r;
    if (item->parent_sub) {
      r = parent->map_get(*item->parent_sub);
      while (r && r->left) r = r->left;
    } else {
      r = parent->start;
      parent->start = item;
    }
    item->right = r;
  }
  if (item->right) {
    item->right->left = item;
  } else if (item->parent_sub) {
    parent->map[*item->parent_sub] = item;
    if (item->left) delete_item(item->left);
  }
  if (!item->parent_sub && item->countable() && !item->deleted()) parent->length += item->length;
  note_client(item->id.client);
  store.add(item);
  switch (item->content.kind) {
    case ContentKind::kType: item->content.type()->item = item; break;
    case ContentKind::kFormat:
      parent->use_markers = false;
      parent->clear_markers(true);
      parent->has_formatting = true;
      break;
    default: break;
  }
  add_changed(parent, item->parent_sub);
  if ((parent->item && parent->item->deleted()) || (item->parent_sub && item->right)) {
    delete_item(item);
  }
}

void DocImpl::delete_item(Item* first) {
  if (first->content.kind != ContentKind::kType) {
    // Fast path: no children to visit.
    if (first->deleted()) return;
    if (first->countable() && !first->parent_sub) first->parent->length -= first->length;
    first->mark_deleted();
    if (!first->parent->markers.empty()) first->parent->unsettle_markers(first);
    TxnState* t = txn_ ? txn_.get() : cleanup_txn_;
    t->delete_set.add(first->id.client, first->id.clock, first->length);
    add_changed(first->parent, first->parent_sub);
    return;
  }
  std::vector<Item*> work{first};
  while (!work.empty()) {
    Item* item = work.back();
    work.pop_back();
    if (item->deleted()) continue;
    Branch* parent = item->parent;
    if (item->countable() && !item->parent_sub) parent->length -= item->length;
    item->mark_deleted();
    if (!parent->markers.empty()) parent->unsettle_markers(item);
    TxnState* t = txn_ ? txn_.get() : cleanup_txn_;
    t->delete_set.add(item->id.client, item->id.clock, item->length);
    add_changed(parent, item->parent_sub);
    if (item->content.kind == ContentKind::kType) {
      Branch* type = item->content.type();
      // Children are deleted after this item (Yjs recurses depth-first; the resulting state
      // does not depend on the order).
      std::vector<Item*> children;
      for (Item* c = type->start; c; c = c->right) children.push_back(c);
      for (const auto* entry : type->key_order) {
        if (Item* c = entry->second) children.push_back(c);
      }
      for (Item* c : children) {
        if (!c->deleted()) {
          work.push_back(c);
        } else if (c->id.clock < before_state(c->id.client)) {
          t->merge_structs.push_back(c->id);
        }
      }
      auto& changed = t->changed;
      changed.erase(std::remove_if(changed.begin(), changed.end(),
                                   [type](const ChangedType& c) { return c.type == type; }),
                    changed.end());
    }
  }
}

void DocImpl::gc_item(Item* first, bool first_parent_gcd) {
  if (first->content.kind != ContentKind::kType && !first_parent_gcd) {
    if (first->is_gc()) return;
    first->content = Content{};
    first->content.kind = ContentKind::kDeleted;
    return;
  }
  std::vector<std::pair<Item*, bool>> work{{first, first_parent_gcd}};
  while (!work.empty()) {
    auto [item, parent_gcd] = work.back();
    work.pop_back();
    if (item->is_gc()) continue;
    if (item->content.kind == ContentKind::kType) {
      Branch* type = item->content.type();
      for (Item* c = type->start; c; c = c->right) work.emplace_back(c, true);
      for (const auto* entry : type->key_order) {
        for (Item* c = entry->second; c; c = c->left) work.emplace_back(c, true);
      }
      type->start = nullptr;
      type->item = nullptr;
      type->length = 0;
      type->clear_markers(true);
      // Keys stay allocated (items may still point at them) but map to nothing.
      for (auto& [k, v] : type->map) v = nullptr;
      type->dead = true;
    }
    if (parent_gcd) {
      item->content = Content{};
      item->content.kind = ContentKind::kGC;
      item->parent = nullptr;
      item->parent_sub = nullptr;
      item->mark_deleted();
    } else {
      item->content = Content{};
      item->content.kind = ContentKind::kDeleted;
    }
  }
}

namespace {

bool merge_items(Item* left, Item* right, const std::unordered_map<const Item*, Id>& redone) {
  if (left->is_gc()) {
    left->length += right->length;
    return true;
  }
  if (!(right->origin.set && right->origin.id == left->last_id() && left->right == right &&
        left->right_origin == right->right_origin && left->id.client == right->id.client &&
        left->id.clock + left->length == right->id.clock && left->deleted() == right->deleted() &&
        (redone.empty() || (!redone.count(left) && !redone.count(right))) &&
        left->content.kind == right->content.kind && left->content.merge(right->content))) {
    return false;
  }
  Branch* parent = left->parent;
  for (std::size_t k = 0; right->marker_refs > 0 && k < parent->markers.size(); ++k) {
    SearchMarker& m = parent->markers[k];
    if (m.p == right) {
      Branch::point_marker(m, left);
      m.settled = false;
      parent->markers_unsettled = true;
      if (!left->deleted() && left->countable()) m.index -= left->length;
    }
  }
  if (right->keep()) left->set_keep(true);
  left->right = right->right;
  if (left->right) left->right->left = left;
  left->length += right->length;
  return true;
}

} // namespace

std::size_t DocImpl::try_merge_with_lefts(ClientStructs& structs, ClientStructs::Pos& pos) {
  std::size_t merged = 0;
  Item* right = structs.at(pos);
  while (!structs.is_begin(pos)) {
    ClientStructs::Pos lp = structs.prev(pos);
    Item* left = structs.at(lp);
    if (left->deleted() != right->deleted() || left->is_gc() != right->is_gc()) break;
    if (!merge_items(left, right, redone)) break;
    if (!right->is_gc() && right->parent_sub) {
      Item*& slot = right->parent->map[*right->parent_sub];
      if (slot == right) slot = left;
    }
    structs.erase(pos);
    pool.release(right);
    ++merged;
    pos = lp;
    right = left;
  }
  return merged;
}

// ---------------------------------------------------------------- search markers

namespace {
/// A lookup this close to the last used marker starts there without comparing every marker.
constexpr std::uint64_t kNearMarker = 32;
} // namespace

SearchMarker* DocImpl::find_marker(Branch* type, std::uint64_t index) {
  if (!type->start || index == 0 || !type->use_markers) return nullptr;
  auto dist = [index](std::uint64_t i) { return i > index ? i - index : index - i; };
  auto& ms = type->markers;
  SearchMarker* marker = nullptr;
  // Edits cluster (typing): the marker used last is usually at the position already, and then
  // the scan of every marker is skipped. Which marker starts a lookup never changes its result.
  if (type->last_marker < ms.size() && dist(ms[type->last_marker].index) <= kNearMarker) {
    marker = &ms[type->last_marker];
  }
  if (!marker) {
    for (SearchMarker& m : ms) {
      // Yjs: reduce((a, b) => |index - a| < |index - b| ? a : b): ties go to the later marker.
      if (!marker || !(dist(marker->index) < dist(m.index))) marker = &m;
    }
  }
  Item* p = type->start;
  std::uint64_t pindex = 0;
  if (marker) {
    p = marker->p;
    pindex = marker->index;
    marker->timestamp = marker_clock_++;
  }
  while (p->right && pindex < index) {
    if (p->visible()) {
      if (index < pindex + p->length) break;
      pindex += p->length;
    }
    p = p->right;
  }
  while (p->left && pindex > index) {
    p = p->left;
    if (p->visible()) pindex -= p->length;
  }
  while (p->left && p->left->id.client == p->id.client &&
         p->left->id.clock + p->left->length == p->id.clock) {
    p = p->left;
    if (p->visible()) pindex -= p->length;
  }
  auto overwrite = [&](SearchMarker& m) {
    if (m.p != p) {
      m.p->set_marker(false);
      type->unsettle_markers(m.p);
      Branch::point_marker(m, p);
    }
    p->set_marker(true);
    m.index = pindex;
    m.timestamp = marker_clock_++;
    m.settled = p->visible();
    if (!m.settled) type->markers_unsettled = true;
    type->last_marker = static_cast<std::size_t>(&m - ms.data());
    return &m;
  };
  if (marker) {
    std::uint64_t moved = marker->index > pindex ? marker->index - pindex : pindex - marker->index;
    // Yjs compares against parent.length / 80 as a float.
    if (static_cast<double>(moved) < static_cast<double>(type->length) / 80.0) {
      return overwrite(*marker);
    }
  }
  if (type->markers.size() >= 80) {
    SearchMarker* oldest = &type->markers[0];
    for (SearchMarker& m : type->markers) {
      if (m.timestamp < oldest->timestamp) oldest = &m;
    }
    return overwrite(*oldest);
  }
  p->set_marker(true);
  type->add_marker(SearchMarker{p, pindex, marker_clock_++, p->visible()});
  if (!p->visible()) type->markers_unsettled = true;
  type->last_marker = ms.size() - 1;
  return &ms.back();
}

void DocImpl::update_marker_changes(Branch* type, std::uint64_t index, std::int64_t len) {
  auto& ms = type->markers;
  // Yjs moves every marker of an insert to a visible item first (in one pass with the shift;
  // settling one marker never changes another's index, so two passes are the same).
  for (std::size_t k = ms.size(); len > 0 && type->markers_unsettled && k-- > 0;) {
    SearchMarker& m = ms[k];
    if (!m.settled) {
      Item* p = m.p;
      p->set_marker(false);
      while (p && (p->deleted() || !p->countable())) {
        p = p->left;
        if (p && p->visible()) m.index -= p->length;
      }
      if (!p || p->marker()) {
        type->erase_marker(k);
        continue;
      }
      Branch::point_marker(m, p);
      p->set_marker(true);
      m.settled = true;
    }
  }
  if (len > 0) {
    type->markers_unsettled = false;
    const auto grow = static_cast<std::uint64_t>(len);
    for (SearchMarker& m : ms) m.index += m.index >= index ? grow : 0;
  } else {
    const auto shrink = static_cast<std::uint64_t>(-len);
    for (SearchMarker& m : ms) {
      if (m.index > index) m.index = m.index - index > shrink ? m.index - shrink : index;
    }
  }
}

} // namespace accord::crdt
