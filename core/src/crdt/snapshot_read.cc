// Reading shared types as they were at a snapshot (Yjs's toDelta(snapshot, prevSnapshot),
// typeMapGetSnapshot, typeMapGetAllSnapshot, typeListToArraySnapshot). Yjs splits structs at
// the snapshot's boundaries and then tests visibility per struct; here visibility is tested per
// unit on the unsplit structs, which gives the same result without mutating the document.
#include "accord/snapshot.h"
#include "crdt/doc_impl.h"
#include "crdt/insert_delta_builder.h"
#include "crdt/text_ops.h"

namespace accord {

using crdt::ContentKind;
using crdt::Item;

namespace {

bool unit_visible(const Snapshot& snap, const Item* n, std::uint64_t offset) {
  return visible_at(snap, n->id.client, n->id.clock + offset);
}

/// Calls fn(begin, end, vis, vis_prev) for maximal runs of units of `n` with equal visibility.
template <typename Fn>
void for_each_run(const Item* n, const Snapshot& snap, const Snapshot* prev, Fn&& fn) {
  std::uint64_t begin = 0;
  bool vis = unit_visible(snap, n, 0);
  bool vis_prev = prev && unit_visible(*prev, n, 0);
  for (std::uint64_t i = 1; i < n->length; ++i) {
    bool v = unit_visible(snap, n, i);
    bool vp = prev && unit_visible(*prev, n, i);
    if (v != vis || vp != vis_prev) {
      fn(begin, i, vis, vis_prev);
      begin = i;
      vis = v;
      vis_prev = vp;
    }
  }
  fn(begin, n->length, vis, vis_prev);
}

Any ychange(const char* type) {
  Any::Object o;
  o.emplace_back("type", Any(std::string(type)));
  return Any(std::move(o));
}

} // namespace

std::vector<Delta> text_to_delta_at(TextRef text, const Snapshot& snap,
                                    const Snapshot* prev_snapshot) {
  crdt::InsertDeltaBuilder delta;
  for (const Item* n = text.branch()->start; n; n = n->right) {
    switch (n->content.kind) {
      case ContentKind::kString:
        for_each_run(
            n, snap, prev_snapshot, [&](std::uint64_t b, std::uint64_t e, bool vis, bool vis_prev) {
              if (!vis && !vis_prev) return;
              Any::Object& current = delta.attributes();
              const Any* cur = crdt::attr_get(current, "ychange");
              if (!vis) {
                delta.end_run();
                crdt::attr_set(current, "ychange", ychange("removed"));
              } else if (prev_snapshot && !vis_prev) {
                delta.end_run();
                crdt::attr_set(current, "ychange", ychange("added"));
              } else if (cur) {
                delta.end_run();
                crdt::attr_erase(current, "ychange");
              }
              delta.append_text(
                  std::u16string_view(n->content.str())
                      .substr(static_cast<std::size_t>(b), static_cast<std::size_t>(e - b)));
            });
        break;
      case ContentKind::kType:
      case ContentKind::kEmbed: {
        bool vis = unit_visible(snap, n, 0);
        if (!vis && !(prev_snapshot && unit_visible(*prev_snapshot, n, 0))) break;
        delta.push_values(n->content.values());
        break;
      }
      case ContentKind::kFormat:
        if (unit_visible(snap, n, 0)) {
          delta.end_run();
          crdt::update_current_attributes(delta.attributes(), n->content.format());
        }
        break;
      default: break;
    }
  }
  return std::move(delta).finish();
}

std::string text_to_string_at(TextRef text, const Snapshot& snap) {
  std::string out;
  for (const Delta& d : text_to_delta_at(text, snap)) out += d.text;
  return out;
}

namespace {

/// The unit of the map entry chain ending at `newest` that was current at `snap`: the last unit
/// (walking left) created before the snapshot. Returns its value when it was not deleted then.
std::optional<Value> entry_at(const Item* newest, const Snapshot& snap) {
  for (const Item* v = newest; v; v = v->left) {
    auto it = snap.state_vector.find(v->id.client);
    if (it == snap.state_vector.end() || v->id.clock >= it->second) continue;
    std::uint64_t offset = std::min(v->length, it->second - v->id.clock) - 1;
    if (!visible_at(snap, v->id.client, v->id.clock + offset)) return std::nullopt;
    auto values = v->content.values();
    if (offset >= values.size()) return std::nullopt;
    return values[static_cast<std::size_t>(offset)];
  }
  return std::nullopt;
}

} // namespace

std::optional<Value> map_get_at(MapRef map, std::string_view key, const Snapshot& snap) {
  return entry_at(map.branch()->map_get(key), snap);
}

std::vector<std::pair<std::string, Value>> map_entries_at(MapRef map, const Snapshot& snap) {
  std::vector<std::pair<std::string, Value>> out;
  const crdt::Branch* b = map.branch();
  for (const auto* entry : b->key_order) {
    if (auto v = entry_at(entry->second, snap)) out.emplace_back(entry->first, std::move(*v));
  }
  return out;
}

std::vector<Value> array_to_vector_at(ArrayRef array, const Snapshot& snap) {
  std::vector<Value> out;
  for (const Item* n = array.branch()->start; n; n = n->right) {
    if (!n->countable()) continue;
    std::vector<Value> values;
    for (std::uint64_t i = 0; i < n->length; ++i) {
      if (!unit_visible(snap, n, i)) continue;
      if (values.empty()) values = n->content.values();
      if (i < values.size()) out.push_back(values[static_cast<std::size_t>(i)]);
    }
  }
  return out;
}

namespace {

Any value_to_json_at(const Value& v, const Snapshot& snap) {
  return v.is_type() ? type_to_json_at(v.type(), snap) : v.to_json();
}

} // namespace

Any type_to_json_at(TypeRef type, const Snapshot& snap) {
  switch (type.kind()) {
    case TypeKind::kMap: {
      Any::Object obj;
      for (auto& [k, v] : map_entries_at(type.as_map(), snap)) {
        obj.emplace_back(k, value_to_json_at(v, snap));
      }
      return Any(std::move(obj));
    }
    case TypeKind::kArray: {
      Any::Array arr;
      for (const Value& v : array_to_vector_at(type.as_array(), snap)) {
        arr.push_back(value_to_json_at(v, snap));
      }
      return Any(std::move(arr));
    }
    case TypeKind::kText:
    case TypeKind::kXmlText: return Any(text_to_string_at(type.as_text(), snap));
    default: return type.to_json();
  }
}

} // namespace accord
