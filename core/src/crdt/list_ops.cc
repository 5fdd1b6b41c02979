#include "crdt/list_ops.h"

#include "encoding/utf.h"

namespace accord::crdt {

Item* make_local_item(DocImpl& doc, Item* left, Item* right, Branch* parent,
                      const std::string* parent_sub, Content content) {
  Item* item = doc.new_item();
  item->id = Id{doc.client_id, doc.store.state(doc.client_id)};
  item->left = left;
  if (left) item->origin = left->last_id();
  item->right = right;
  if (right) item->right_origin = right->id;
  item->parent = parent;
  item->parent_sub = parent_sub;
  item->content = std::move(content);
  switch (item->content.kind) {
    case ContentKind::kString: item->length = item->content.str().size(); break;
    case ContentKind::kAny: item->length = item->content.anys().size(); break;
    case ContentKind::kJson: item->length = item->content.json().size(); break;
    default: item->length = 1; break;
  }
  doc.integrate(item, 0);
  return item;
}

Content content_for_value(Any value) {
  if (value.is_bytes()) return make_binary_content(std::move(value));
  std::vector<Any> v;
  v.push_back(std::move(value));
  return make_any_content(std::move(v));
}

void list_insert_after(DocImpl& doc, Branch* parent, Item* left,
                       std::vector<ListElement>& elements) {
  Item* right = left ? left->right : parent->start;
  std::vector<Any> pack;
  auto flush = [&]() {
    if (!pack.empty()) {
      left = make_local_item(doc, left, right, parent, nullptr, make_any_content(std::move(pack)));
      pack.clear();
    }
  };
  for (ListElement& e : elements) {
    if (e.kind == ListElement::Kind::kAny && !e.value.is_bytes()) {
      pack.push_back(std::move(e.value));
      continue;
    }
    flush();
    Content c;
    if (e.kind == ListElement::Kind::kAny) {
      c = make_binary_content(std::move(e.value));
    } else if (e.kind == ListElement::Kind::kType) {
      c = make_type_content(e.type);
    } else {
      c = make_doc_content(std::move(e.doc));
    }
    left = make_local_item(doc, left, right, parent, nullptr, std::move(c));
  }
  flush();
}

Status list_insert(DocImpl& doc, Branch* parent, std::uint64_t index,
                   std::vector<ListElement>& elements) {
  if (index > parent->length) {
    return Status::error(
        StatusCode::kInvalidArgument,
        "index " + std::to_string(index) + " exceeds length " + std::to_string(parent->length));
  }
  if (parent->dead) return Status::error(StatusCode::kFailedPrecondition, "type was deleted");
  if (index == 0) {
    if (parent->use_markers) {
      DocImpl::update_marker_changes(parent, index, static_cast<std::int64_t>(elements.size()));
    }
    list_insert_after(doc, parent, nullptr, elements);
    return Status::ok();
  }
  std::uint64_t start_index = index;
  SearchMarker* marker = doc.find_marker(parent, index);
  Item* n = parent->start;
  if (marker) {
    n = marker->p;
    index -= marker->index;
    if (index == 0) {
      n = n->prev();
      index += (n && n->visible()) ? n->length : 0;
    }
  }
  for (; n; n = n->right) {
    if (n->visible()) {
      if (index <= n->length) {
        if (index < n->length) doc.clean_start(Id{n->id.client, n->id.clock + index});
        break;
      }
      index -= n->length;
    }
  }
  if (parent->use_markers) {
    DocImpl::update_marker_changes(parent, start_index, static_cast<std::int64_t>(elements.size()));
  }
  list_insert_after(doc, parent, n, elements);
  return Status::ok();
}

Status list_delete(DocImpl& doc, Branch* parent, std::uint64_t index, std::uint64_t length) {
  if (length == 0) return Status::ok();
  if (index + length > parent->length) {
    return Status::error(StatusCode::kInvalidArgument, "range exceeds length");
  }
  std::uint64_t start_index = index;
  std::uint64_t start_length = length;
  SearchMarker* marker = doc.find_marker(parent, index);
  Item* n = parent->start;
  if (marker) {
    n = marker->p;
    index -= marker->index;
  }
  for (; n && index > 0; n = n->right) {
    if (n->visible()) {
      if (index < n->length) doc.clean_start(Id{n->id.client, n->id.clock + index});
      index -= std::min(index, n->length);
    }
  }
  while (length > 0 && n) {
    if (!n->deleted()) {
      if (length < n->length) doc.clean_start(Id{n->id.client, n->id.clock + length});
      doc.delete_item(n);
      length -= std::min(length, n->length);
    }
    n = n->right;
  }
  if (parent->use_markers) {
    DocImpl::update_marker_changes(parent, start_index,
                                   -static_cast<std::int64_t>(start_length - length));
  }
  return Status::ok();
}

std::optional<Value> list_get(DocImpl& doc, Branch* parent, std::uint64_t index) {
  if (index >= parent->length) return std::nullopt;
  SearchMarker* marker = doc.find_marker(parent, index);
  Item* n = parent->start;
  if (marker) {
    n = marker->p;
    index -= marker->index;
  }
  for (; n; n = n->right) {
    if (n->visible()) {
      if (index < n->length) {
        switch (n->content.kind) {
          case ContentKind::kAny: return Value(n->content.anys()[index]);
          case ContentKind::kString: {
            std::u16string one(1, n->content.str()[index]);
            std::string s;
            encoding::utf16_to_utf8(one, s);
            return Value(Any(std::move(s)));
          }
          default: {
            auto values = n->content.values();
            if (index < values.size()) return values[index];
            return std::nullopt;
          }
        }
      }
      index -= n->length;
    }
  }
  return std::nullopt;
}

void map_set(DocImpl& doc, Branch* parent, std::string_view key, Content content) {
  auto [k, slot] = parent->key_slot(key);
  Item* left = *slot;
  make_local_item(doc, left, nullptr, parent, k, std::move(content));
}

} // namespace accord::crdt
