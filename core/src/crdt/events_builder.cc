#include "crdt/events_builder.h"

#include <algorithm>

#include "accord/transaction.h"
#include "crdt/text_ops.h"
#include "encoding/utf.h"

namespace accord::crdt {
namespace {

class EventContext {
public:
  EventContext(DocImpl& doc, TxnState& t) : doc_(doc), t_(t) {}

  bool adds(const Item* item) const { return item->id.clock >= before(item->id.client); }
  bool deletes(const Item* item) const {
    return t_.delete_set.contains(item->id.client, item->id.clock);
  }

  std::map<std::string, KeyChange> keys(const ChangedType& c) const {
    std::map<std::string, KeyChange> out;
    for (const std::string* key : c.keys) {
      const Item* item = c.type->map_get(*key);
      if (!item) continue;
      KeyChange change;
      if (adds(item)) {
        const Item* prev = item->left;
        while (prev && adds(prev)) prev = prev->left;
        if (deletes(item)) {
          if (prev && deletes(prev)) {
            change.action = KeyAction::kDelete;
            change.old_value = last_value(prev);
          } else {
            continue;
          }
        } else if (prev && deletes(prev)) {
          change.action = KeyAction::kUpdate;
          change.old_value = last_value(prev);
        } else {
          change.action = KeyAction::kAdd;
        }
      } else if (deletes(item)) {
        change.action = KeyAction::kDelete;
        change.old_value = last_value(item);
      } else {
        continue;
      }
      out.emplace(*key, std::move(change));
    }
    return out;
  }

  std::vector<Delta> array_delta(const Branch* type) const {
    std::vector<Delta> delta;
    Delta* last = nullptr;
    auto start = [&](Delta::Op op) {
      if (!last || last->op != op) {
        delta.push_back(Delta{});
        last = &delta.back();
        last->op = op;
      }
    };
    for (const Item* item = type->start; item; item = item->right) {
      if (item->deleted()) {
        if (deletes(item) && !adds(item)) {
          start(Delta::Op::kDelete);
          last->len += item->length;
        }
      } else if (adds(item)) {
        start(Delta::Op::kInsert);
        for (Value& v : item->content.values()) last->values.push_back(std::move(v));
      } else {
        start(Delta::Op::kRetain);
        last->len += item->length;
      }
    }
    if (!delta.empty() && delta.back().op == Delta::Op::kRetain) delta.pop_back();
    return delta;
  }

  std::vector<Delta> text_delta(Branch* type) {
    std::vector<Delta> delta;
    Any::Object current;
    Any::Object old_attrs;
    Any::Object attributes;
    enum class Action { kNone, kInsert, kDelete, kRetain } action = Action::kNone;
    std::u16string insert;
    std::vector<Value> embed;
    std::uint64_t retain = 0, del = 0;
    auto add_op = [&]() {
      if (action == Action::kNone) return;
      if (action == Action::kDelete && del > 0) {
        Delta d;
        d.op = Delta::Op::kDelete;
        d.len = del;
        delta.push_back(std::move(d));
      } else if (action == Action::kInsert && (!embed.empty() || !insert.empty())) {
        Delta d;
        d.op = Delta::Op::kInsert;
        if (!embed.empty()) {
          d.values = std::move(embed);
        } else {
          d.text = encoding::utf16_to_utf8(insert);
        }
        for (const auto& [k, v] : current) {
          if (!v.is_null()) d.attributes.emplace_back(k, v);
        }
        delta.push_back(std::move(d));
      } else if (action == Action::kRetain && retain > 0) {
        Delta d;
        d.op = Delta::Op::kRetain;
        d.len = retain;
        d.attributes = attributes;
        delta.push_back(std::move(d));
      }
      del = 0;
      retain = 0;
      insert.clear();
      embed.clear();
      action = Action::kNone;
    };
    doc_.begin(Origin{}, true);
    for (Item* item = type->start; item; item = item->right) {
      switch (item->content.kind) {
        case ContentKind::kType:
        case ContentKind::kEmbed:
          if (adds(item)) {
            if (!deletes(item)) {
              add_op();
              action = Action::kInsert;
              embed = item->content.values();
              add_op();
            }
          } else if (deletes(item)) {
            if (action != Action::kDelete) {
              add_op();
              action = Action::kDelete;
            }
            del += 1;
          } else if (!item->deleted()) {
            if (action != Action::kRetain) {
              add_op();
              action = Action::kRetain;
            }
            retain += 1;
          }
          break;
        case ContentKind::kString:
          if (adds(item)) {
            if (!deletes(item)) {
              if (action != Action::kInsert) {
                add_op();
                action = Action::kInsert;
              }
              insert += item->content.str();
            }
          } else if (deletes(item)) {
            if (action != Action::kDelete) {
              add_op();
              action = Action::kDelete;
            }
            del += item->length;
          } else if (!item->deleted()) {
            if (action != Action::kRetain) {
              add_op();
              action = Action::kRetain;
            }
            retain += item->length;
          }
          break;
        case ContentKind::kFormat: {
          const FormatPayload& f = item->content.format();
          if (adds(item)) {
            if (!deletes(item)) {
              Any cur = attr_get(current, f.key) ? *attr_get(current, f.key) : Any::null();
              if (!equal_attrs(&cur, f.value)) {
                if (action == Action::kRetain) add_op();
                Any old = attr_get(old_attrs, f.key) ? *attr_get(old_attrs, f.key) : Any::null();
                if (equal_attrs(&f.value, old)) {
                  attr_erase(attributes, f.key);
                } else {
                  attr_set(attributes, f.key, f.value);
                }
              } else if (!f.value.is_null()) {
                doc_.delete_item(item);
              }
            }
          } else if (deletes(item)) {
            attr_set(old_attrs, f.key, f.value);
            Any cur = attr_get(current, f.key) ? *attr_get(current, f.key) : Any::null();
            if (!equal_attrs(&cur, f.value)) {
              if (action == Action::kRetain) add_op();
              attr_set(attributes, f.key, cur);
            }
          } else if (!item->deleted()) {
            attr_set(old_attrs, f.key, f.value);
            const Any* attr = attr_get(attributes, f.key);
            if (attr) {
              if (!equal_attrs(attr, f.value)) {
                if (action == Action::kRetain) add_op();
                if (f.value.is_null()) {
                  attr_erase(attributes, f.key);
                } else {
                  attr_set(attributes, f.key, f.value);
                }
              } else if (!attr->is_null()) {
                doc_.delete_item(item);
              }
            }
          }
          if (!item->deleted()) {
            if (action == Action::kInsert) add_op();
            update_current_attributes(current, item->content.format());
          }
          break;
        }
        default: break;
      }
    }
    add_op();
    while (!delta.empty() && delta.back().op == Delta::Op::kRetain &&
           delta.back().attributes.empty()) {
      delta.pop_back();
    }
    doc_.end();
    return delta;
  }

  static std::vector<PathSegment> path_to(const Branch* parent, const Branch* child) {
    std::vector<PathSegment> path;
    while (child->item && child != parent) {
      const Item* it = child->item;
      PathSegment seg;
      if (it->parent_sub) {
        seg.key = *it->parent_sub;
      } else {
        seg.is_key = false;
        for (const Item* c = it->parent->start; c && c != it; c = c->right) {
          if (c->visible()) seg.index += c->length;
        }
      }
      path.insert(path.begin(), seg);
      child = it->parent;
    }
    return path;
  }

private:
  static std::optional<Value> last_value(const Item* item) {
    auto v = item->content.values();
    if (v.empty()) return std::nullopt;
    return v.back();
  }
  std::uint64_t before(std::uint64_t client) const {
    for (const auto& [c, clock] : t_.before) {
      if (c == client) return clock;
    }
    return doc_.store.state(client);
  }

  DocImpl& doc_;
  TxnState& t_;
};

bool has_deep_observer_above(const Branch* b) {
  for (;;) {
    if (!b->deep_observers.empty()) return true;
    if (!b->item) return false;
    b = b->item->parent;
    if (!b) return false;
  }
}

} // namespace

void dispatch_events(DocImpl& doc, TxnState& t) {
  EventContext ctx(doc, t);
  Transaction view(&doc, &t);
  std::vector<std::pair<Branch*, std::vector<Event>>> parent_events;
  std::vector<ChangedType> changed = t.changed;
  for (const ChangedType& c : changed) {
    Branch* type = c.type;
    if (type->item && type->item->deleted()) continue;
    if (type->observers.empty() && !has_deep_observer_above(type)) continue;
    Event ev;
    ev.target = TypeRef(type);
    ev.current_target = TypeRef(type);
    ev.transaction = &view;
    ev.keys = ctx.keys(c);
    if (c.child_list || type->kind == TypeKind::kText || type->kind == TypeKind::kXmlText) {
      if (type->kind == TypeKind::kText || type->kind == TypeKind::kXmlText) {
        ev.delta = ctx.text_delta(type);
      } else if (type->kind != TypeKind::kMap) {
        ev.delta = ctx.array_delta(type);
      }
    }
    for (Branch* b = type;;) {
      auto it = std::find_if(parent_events.begin(), parent_events.end(),
                             [b](const auto& p) { return p.first == b; });
      if (it == parent_events.end()) {
        parent_events.emplace_back(b, std::vector<Event>{});
        it = parent_events.end() - 1;
      }
      it->second.push_back(ev);
      if (!b->item || !b->item->parent) break;
      b = b->item->parent;
    }
    auto observers = type->observers;
    for (auto& [id, fn] : observers) fn(ev);
  }
  for (auto& [type, events] : parent_events) {
    if (type->deep_observers.empty() || (type->item && type->item->deleted())) continue;
    std::vector<Event> evs;
    for (Event& e : events) {
      if (e.target.branch()->item && e.target.branch()->item->deleted()) continue;
      e.current_target = TypeRef(type);
      e.path = EventContext::path_to(type, e.target.branch());
      evs.push_back(e);
    }
    std::stable_sort(evs.begin(), evs.end(),
                     [](const Event& a, const Event& b) { return a.path.size() < b.path.size(); });
    auto observers = type->deep_observers;
    for (auto& [id, fn] : observers) fn(evs);
  }
}

} // namespace accord::crdt
