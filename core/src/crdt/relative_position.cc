// Relative positions: creation from an index, resolution to an index, and their binary and JSON
// forms (described in accord/relative_position.h), as yjs's RelativePosition.js.
#include "accord/relative_position.h"

#include <cmath>

#include "crdt/doc_impl.h"
#include "crdt/history_util.h"
#include "encoding/lib0_reader.h"
#include "encoding/lib0_writer.h"

namespace accord {

using crdt::Branch;
using crdt::Item;

namespace {

RelativePosition make_position(const Branch* type, std::optional<ItemId> item, std::int64_t assoc) {
  RelativePosition p;
  if (type->item == nullptr) {
    p.tname = type->root_name ? *type->root_name : std::string();
  } else {
    p.type = ItemId{type->item->id.client, type->item->id.clock};
  }
  p.item = item;
  p.assoc = assoc;
  return p;
}

Any id_to_json(const ItemId& id) {
  Any::Object o;
  o.emplace_back("client", Any(static_cast<double>(id.client)));
  o.emplace_back("clock", Any(static_cast<double>(id.clock)));
  return Any(std::move(o));
}

const Any* field(const Any& obj, std::string_view key) {
  for (const auto& [k, v] : obj.as_object()) {
    if (k == key) return &v;
  }
  return nullptr;
}

bool is_null_or_absent(const Any* v) { return v == nullptr || v->is_null() || v->is_undefined(); }

Result<std::uint64_t> json_uint(const Any* v, const char* what) {
  if (!v || !v->is_number() || v->as_number() < 0 || std::floor(v->as_number()) != v->as_number() ||
      v->as_number() > static_cast<double>(encoding::kMaxSafeInteger)) {
    return Status::error(StatusCode::kInvalidArgument,
                         std::string("relative position: ") + what + " is not a safe integer");
  }
  return static_cast<std::uint64_t>(v->as_number());
}

Result<std::optional<ItemId>> json_id(const Any* v, const char* what) {
  if (is_null_or_absent(v)) return std::optional<ItemId>();
  if (!v->is_object()) {
    return Status::error(StatusCode::kInvalidArgument,
                         std::string("relative position: ") + what + " is not an id object");
  }
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t client, json_uint(field(*v, "client"), "client"));
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t clock, json_uint(field(*v, "clock"), "clock"));
  return std::optional<ItemId>(ItemId{client, clock});
}

} // namespace

RelativePosition relative_position_from_type_index(TypeRef type, std::uint64_t index,
                                                   std::int64_t assoc) {
  const Branch* b = type.branch();
  if (assoc < 0) {
    if (index == 0) return make_position(b, std::nullopt, assoc);
    --index;
  }
  for (const Item* t = b->start; t; t = t->right) {
    if (t->visible()) {
      if (t->length > index) {
        return make_position(b, ItemId{t->id.client, t->id.clock + index}, assoc);
      }
      index -= t->length;
    }
    if (!t->right && assoc < 0) {
      crdt::Id last = t->last_id();
      return make_position(b, ItemId{last.client, last.clock}, assoc);
    }
  }
  return make_position(b, std::nullopt, assoc);
}

std::optional<AbsolutePosition> to_absolute_position(const RelativePosition& pos, Doc& doc,
                                                     bool follow_undone_deletions) {
  crdt::DocImpl& d = *doc.impl();
  Branch* type = nullptr;
  std::uint64_t index = 0;
  if (pos.item) {
    if (d.store.state(pos.item->client) <= pos.item->clock) return std::nullopt;
    crdt::Id id{pos.item->client, pos.item->clock};
    crdt::Followed f;
    if (follow_undone_deletions) {
      f = crdt::follow_redone(d, id);
    } else {
      f.item = d.store.find(id);
      f.diff = id.clock - f.item->id.clock;
    }
    const Item* right = f.item;
    if (right->is_gc() || right->parent == nullptr) return std::nullopt;
    type = right->parent;
    if (type->item == nullptr || !type->item->deleted()) {
      index = (right->deleted() || !right->countable()) ? 0 : f.diff + (pos.assoc >= 0 ? 0 : 1);
      for (const Item* n = right->left; n; n = n->left) {
        if (n->visible()) index += n->length;
      }
    }
  } else {
    if (pos.tname) {
      type = d.get_root_generic(*pos.tname);
    } else if (pos.type) {
      if (d.store.state(pos.type->client) <= pos.type->clock) return std::nullopt;
      crdt::Id id{pos.type->client, pos.type->clock};
      const Item* item =
          follow_undone_deletions ? crdt::follow_redone(d, id).item : d.store.find(id);
      if (item->is_gc() || item->content.kind != crdt::ContentKind::kType) return std::nullopt;
      type = item->content.type();
    } else {
      return std::nullopt;
    }
    index = pos.assoc >= 0 ? type->length : 0;
  }
  return AbsolutePosition{TypeRef(type), index, pos.assoc};
}

Result<std::vector<std::uint8_t>> encode_relative_position(const RelativePosition& pos) {
  encoding::Lib0Buffer w;
  if (pos.item) {
    w.write_var_uint(0);
    w.write_var_uint(pos.item->client);
    w.write_var_uint(pos.item->clock);
  } else if (pos.tname) {
    w.write_var_uint(1);
    w.write_var_string(*pos.tname);
  } else if (pos.type) {
    w.write_var_uint(2);
    w.write_var_uint(pos.type->client);
    w.write_var_uint(pos.type->clock);
  } else {
    return Status::error(StatusCode::kInvalidArgument,
                         "relative position names neither an item nor a type");
  }
  w.write_var_int(pos.assoc);
  return w.take();
}

Result<RelativePosition> decode_relative_position(std::span<const std::uint8_t> bytes) {
  encoding::Lib0Reader r(bytes);
  RelativePosition pos;
  std::size_t tag_at = r.offset();
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t tag, r.read_var_uint());
  switch (tag) {
    case 0:
    case 2: {
      ACCORD_ASSIGN_OR_RETURN(std::uint64_t client, r.read_var_uint());
      ACCORD_ASSIGN_OR_RETURN(std::uint64_t clock, r.read_var_uint());
      (tag == 0 ? pos.item : pos.type) = ItemId{client, clock};
      break;
    }
    case 1: {
      ACCORD_ASSIGN_OR_RETURN(std::string_view name, r.read_var_string());
      pos.tname = std::string(name);
      break;
    }
    default:
      return encoding::Lib0Reader::error_at(tag_at,
                                            "unknown relative position tag " + std::to_string(tag));
  }
  if (!r.at_end()) {
    ACCORD_ASSIGN_OR_RETURN(encoding::VarInt assoc, r.read_var_int());
    pos.assoc = assoc.value;
  }
  if (!r.at_end()) return r.error("trailing bytes after the relative position");
  return pos;
}

Any relative_position_to_json(const RelativePosition& pos) {
  Any::Object o;
  if (pos.type) o.emplace_back("type", id_to_json(*pos.type));
  if (pos.tname && !pos.tname->empty()) o.emplace_back("tname", Any(*pos.tname));
  if (pos.item) o.emplace_back("item", id_to_json(*pos.item));
  o.emplace_back("assoc", Any(static_cast<double>(pos.assoc)));
  return Any(std::move(o));
}

Result<RelativePosition> relative_position_from_json(const Any& json) {
  if (!json.is_object()) {
    return Status::error(StatusCode::kInvalidArgument, "relative position JSON is not an object");
  }
  RelativePosition pos;
  ACCORD_ASSIGN_OR_RETURN(pos.type, json_id(field(json, "type"), "type"));
  ACCORD_ASSIGN_OR_RETURN(pos.item, json_id(field(json, "item"), "item"));
  const Any* tname = field(json, "tname");
  if (!is_null_or_absent(tname)) {
    if (!tname->is_string()) {
      return Status::error(StatusCode::kInvalidArgument, "relative position: tname not a string");
    }
    pos.tname = tname->as_string();
  }
  const Any* assoc = field(json, "assoc");
  if (!is_null_or_absent(assoc)) {
    if (!assoc->is_number() || std::floor(assoc->as_number()) != assoc->as_number() ||
        std::fabs(assoc->as_number()) > static_cast<double>(encoding::kMaxSafeInteger)) {
      return Status::error(StatusCode::kInvalidArgument, "relative position: assoc not an int");
    }
    pos.assoc = static_cast<std::int64_t>(assoc->as_number());
  }
  return pos;
}

} // namespace accord
