#include "crdt/apply.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace accord::crdt {
namespace {

struct Target {
  std::vector<StructRecord> refs;
  std::size_t i = 0;
};

class StructIntegrator {
public:
  explicit StructIntegrator(DocImpl& doc) : doc_(doc) {}

  /// Integrates what it can; returns what must wait.
  PendingStructs run(std::map<std::uint64_t, std::vector<StructRecord>> clients) {
    for (auto& [client, refs] : clients) {
      ids_.push_back(client);
      targets_[client].refs = std::move(refs);
    }
    std::sort(ids_.begin(), ids_.end());
    Target* cur = next_target();
    if (!cur) return std::move(rest_);
    StructRecord* head = &cur->refs[cur->i++];
    for (;;) {
      if (head->kind != ContentKind::kSkip) {
        std::uint64_t client = head->id.client;
        auto st = state_.find(client);
        std::uint64_t local = st != state_.end() ? st->second : doc_.store.state(client);
        if (local < head->id.clock) {
          stack_.push_back(head);
          update_missing(client, head->id.clock - 1);
          add_stack_to_rest();
        } else {
          std::uint64_t offset = local - head->id.clock;
          std::optional<std::uint64_t> missing = get_missing(*head);
          if (missing) {
            stack_.push_back(head);
            auto t = targets_.find(*missing);
            if (t == targets_.end() || t->second.i == t->second.refs.size()) {
              update_missing(*missing, doc_.store.state(*missing));
              add_stack_to_rest();
            } else {
              head = &t->second.refs[t->second.i++];
              continue;
            }
          } else if (offset == 0 || offset < head->length) {
            std::uint64_t end = head->id.clock + head->length;
            integrate_record(*head, offset);
            state_[client] = end;
          }
        }
      }
      if (!stack_.empty()) {
        head = stack_.back();
        stack_.pop_back();
      } else if (cur && cur->i < cur->refs.size()) {
        head = &cur->refs[cur->i++];
      } else {
        cur = next_target();
        if (!cur) break;
        head = &cur->refs[cur->i++];
      }
    }
    return std::move(rest_);
  }

private:
  Target* next_target() {
    while (!ids_.empty()) {
      Target& t = targets_[ids_.back()];
      if (t.i < t.refs.size()) return &t;
      ids_.pop_back();
    }
    return nullptr;
  }

  void update_missing(std::uint64_t client, std::uint64_t clock) {
    auto it = rest_.missing.find(client);
    if (it == rest_.missing.end() || it->second > clock) rest_.missing[client] = clock;
  }

  void add_stack_to_rest() {
    for (StructRecord* rec : stack_) {
      std::uint64_t client = rec->id.client;
      auto t = targets_.find(client);
      if (t != targets_.end() && !t->second.refs.empty()) {
        Target& tg = t->second;
        tg.i--;
        auto& dst = rest_.clients[client];
        dst.assign(std::make_move_iterator(tg.refs.begin() + static_cast<std::ptrdiff_t>(tg.i)),
                   std::make_move_iterator(tg.refs.end()));
        tg.refs.clear();
        tg.i = 0;
      }
    }
    stack_.clear();
  }

  std::optional<std::uint64_t> get_missing(const StructRecord& rec) const {
    const StructStore& store = doc_.store;
    if (rec.kind == ContentKind::kGC) return std::nullopt;
    if (rec.origin.set && rec.origin.id.client != rec.id.client &&
        rec.origin.id.clock >= store.state(rec.origin.id.client)) {
      return rec.origin.id.client;
    }
    if (rec.right_origin.set && rec.right_origin.id.client != rec.id.client &&
        rec.right_origin.id.clock >= store.state(rec.right_origin.id.client)) {
      return rec.right_origin.id.client;
    }
    if (rec.parent.kind == ParentRef::Kind::kId && rec.parent.id.client != rec.id.client &&
        rec.parent.id.clock >= store.state(rec.parent.id.client)) {
      return rec.parent.id.client;
    }
    return std::nullopt;
  }

  void integrate_record(StructRecord& rec, std::uint64_t offset) {
    Item* item = doc_.new_item();
    item->id = rec.id;
    item->length = rec.length;
    if (rec.kind == ContentKind::kGC) {
      item->content.kind = ContentKind::kGC;
      if (offset > 0) {
        item->id.clock += offset;
        item->length -= offset;
      }
      doc_.integrate_gc(item);
      return;
    }
    if (rec.length == 0) {
      // An item with empty content (ywasm writes one): yjs links it into the list, where it
      // covers no clock and shows nothing; resolving its neighbours splits them as yjs does
      // (a surrogate pair cut there becomes U+FFFD twice). Accord keeps no struct for it, so
      // its re-encoded state leaves it out where yjs would write it back.
      if (rec.origin.set) (void)doc_.clean_end(rec.origin.id);
      if (rec.right_origin.set) (void)doc_.clean_start(rec.right_origin.id);
      doc_.pool.release(item);
      return;
    }
    // Yjs getMissing: resolve neighbours and parent.
    if (rec.origin.set) {
      item->left = doc_.clean_end(rec.origin.id);
      item->origin = item->left->last_id();
    }
    if (rec.right_origin.set) {
      item->right = doc_.clean_start(rec.right_origin.id);
      item->right_origin = item->right->id;
    }
    Branch* parent = nullptr;
    const std::string* parent_sub = nullptr;
    std::optional<std::string> sub = rec.parent_sub;
    if ((item->left && item->left->is_gc()) || (item->right && item->right->is_gc())) {
      parent = nullptr;
    } else if (rec.parent.kind == ParentRef::Kind::kNone) {
      if (item->left) {
        parent = item->left->parent;
        parent_sub = item->left->parent_sub;
      } else if (item->right) {
        parent = item->right->parent;
        parent_sub = item->right->parent_sub;
      }
      sub.reset();
    } else if (rec.parent.kind == ParentRef::Kind::kRoot) {
      parent = doc_.get_root_generic(rec.parent.root);
    } else {
      Item* parent_item = doc_.store.find(rec.parent.id);
      if (!parent_item->is_gc() && parent_item->content.kind == ContentKind::kType) {
        parent = parent_item->content.type();
      }
    }
    if (parent && parent->dead) parent = nullptr;
    if (parent && sub) parent_sub = parent->key_slot(*sub).first;
    item->parent = parent;
    item->parent_sub = parent_sub;
    if (rec.kind == ContentKind::kType) {
      item->content = make_type_content(doc_.new_branch(rec.type_kind, rec.type_name));
    } else {
      item->content = std::move(rec.content);
    }
    doc_.integrate(item, offset);
  }

  DocImpl& doc_;
  std::unordered_map<std::uint64_t, Target> targets_;
  std::vector<std::uint64_t> ids_;
  std::vector<StructRecord*> stack_;
  std::unordered_map<std::uint64_t, std::uint64_t> state_;
  PendingStructs rest_;
};

/// Yjs readAndApplyDeleteSet: deletes what is known, returns the rest.
DeleteSet apply_delete_set(DocImpl& doc, const DeleteSet& ds) {
  DeleteSet unapplied;
  for (const auto& [client, ranges] : ds.clients()) {
    std::uint64_t state = doc.store.state(client);
    for (const DeleteRange& range : ranges) {
      std::uint64_t clock = range.clock;
      std::uint64_t end = range.clock + range.len;
      if (clock < state) {
        if (state < end) unapplied.add(client, state, end - state);
        ClientStructs* structs = doc.store.get(client);
        std::uint64_t cur = clock;
        bool first = true;
        while (cur < end && cur < state) {
          Item* s = structs->at(structs->find(cur));
          if (first && !s->deleted() && s->id.clock < cur) {
            doc.split(s, cur - s->id.clock);
            first = false;
            continue;
          }
          first = false;
          if (!s->deleted()) {
            if (end < s->id.clock + s->length) doc.split(s, end - s->id.clock);
            doc.delete_item(s);
          }
          cur = s->id.clock + s->length;
        }
      } else {
        unapplied.add(client, clock, end - clock);
      }
    }
  }
  return unapplied;
}

void merge_pending(PendingStructs& into, PendingStructs&& from) {
  for (auto& [client, clock] : from.missing) {
    auto it = into.missing.find(client);
    if (it == into.missing.end() || it->second > clock) into.missing[client] = clock;
  }
  for (auto& [client, refs] : from.clients) {
    auto& dst = into.clients[client];
    for (auto& r : refs) dst.push_back(std::move(r));
    // Skips only mark gaps (the pending encoding writes its own): one must never hide a struct
    // that arrived later for the same clocks (yjs's merge prefers the struct too).
    std::erase_if(dst, [](const StructRecord& r) { return r.kind == ContentKind::kSkip; });
    std::stable_sort(dst.begin(), dst.end(), [](const StructRecord& a, const StructRecord& b) {
      return a.id.clock < b.id.clock;
    });
    // Drop records entirely covered by an earlier one.
    std::vector<StructRecord> kept;
    std::uint64_t covered = 0;
    bool any = false;
    for (auto& r : dst) {
      if (any && r.id.clock + r.length <= covered) continue;
      covered = std::max(covered, r.id.clock + r.length);
      any = true;
      kept.push_back(std::move(r));
    }
    dst = std::move(kept);
  }
}

} // namespace

void apply_decoded_update(DocImpl& doc, DecodedUpdate update) {
  PendingStructs rest = StructIntegrator(doc).run(std::move(update.clients));
  bool retry = false;
  if (!doc.pending.empty()) {
    for (const auto& [client, clock] : doc.pending.missing) {
      if (clock < doc.store.state(client)) {
        retry = true;
        break;
      }
    }
    if (!rest.empty()) merge_pending(doc.pending, std::move(rest));
  } else {
    doc.pending = std::move(rest);
  }
  update.delete_set.sort_and_merge();
  DeleteSet ds_rest = apply_delete_set(doc, update.delete_set);
  if (!doc.pending_ds.empty()) {
    DeleteSet old = std::move(doc.pending_ds);
    doc.pending_ds = DeleteSet();
    DeleteSet ds_rest2 = apply_delete_set(doc, old);
    ds_rest.merge_from(ds_rest2);
    ds_rest.sort_and_merge();
  }
  doc.pending_ds = std::move(ds_rest);
  if (retry) {
    DecodedUpdate again;
    again.clients = std::move(doc.pending.clients);
    doc.pending = PendingStructs();
    apply_decoded_update(doc, std::move(again));
  }
}

} // namespace accord::crdt
