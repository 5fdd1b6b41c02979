#include "crdt/text_ops.h"

#include <algorithm>

#include "accord/transaction.h"
#include "accord/types.h"
#include "crdt/insert_delta_builder.h"
#include "crdt/list_ops.h"
#include "encoding/utf.h"

namespace accord::crdt {

const Any* attr_get(const Any::Object& attrs, std::string_view key) {
  for (const auto& [k, v] : attrs) {
    if (k == key) return &v;
  }
  return nullptr;
}

void attr_set(Any::Object& attrs, std::string_view key, Any value) {
  for (auto& [k, v] : attrs) {
    if (k == key) {
      v = std::move(value);
      return;
    }
  }
  attrs.emplace_back(std::string(key), std::move(value));
}

void attr_erase(Any::Object& attrs, std::string_view key) {
  for (auto it = attrs.begin(); it != attrs.end(); ++it) {
    if (it->first == key) {
      attrs.erase(it);
      return;
    }
  }
}

namespace {

bool is_compound(const Any& a) { return a.is_object() || a.is_array() || a.is_bytes(); }

/// JS ===: primitives by value; objects only when identical (never, for copies).
bool strict_equal(const Any& a, const Any& b) {
  if (is_compound(a) || is_compound(b)) return false;
  return a == b;
}

/// `attrs[key] ?? null`.
Any value_or_null(const Any::Object& attrs, std::string_view key) {
  const Any* v = attr_get(attrs, key);
  if (!v || v->is_undefined() || v->is_null()) return Any::null();
  return *v;
}

bool is_format(const Item* i) { return i->content.kind == ContentKind::kFormat; }

} // namespace

bool equal_attrs(const Any* a, const Any& b) {
  if (!a) return b.is_undefined();
  if (strict_equal(*a, b)) return true;
  if (a->is_object() && b.is_object()) {
    const auto& x = a->as_object();
    const auto& y = b.as_object();
    if (x.size() != y.size()) return false;
    for (const auto& [k, v] : x) {
      const Any* w = attr_get(y, k);
      if (!w || !strict_equal(v, *w)) return false;
    }
    return true;
  }
  if (a->is_array() && b.is_array()) {
    const auto& x = a->as_array();
    const auto& y = b.as_array();
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (!strict_equal(x[i], y[i])) return false;
    }
    return true;
  }
  return false;
}

void update_current_attributes(Any::Object& current, const FormatPayload& f) {
  if (f.value.is_null()) {
    attr_erase(current, f.key);
  } else {
    attr_set(current, f.key, f.value);
  }
}

void TextPosition::forward() {
  if (is_format(right)) {
    if (!right->deleted()) update_current_attributes(current, right->content.format());
  } else if (!right->deleted()) {
    index += right->length;
  }
  left = right;
  right = right->right;
}

namespace {

void find_next_position(DocImpl& doc, TextPosition& pos, std::uint64_t count) {
  while (pos.right && count > 0) {
    Item* r = pos.right;
    if (is_format(r)) {
      if (!r->deleted()) update_current_attributes(pos.current, r->content.format());
    } else if (!r->deleted()) {
      if (count < r->length) doc.clean_start(Id{r->id.client, r->id.clock + count});
      pos.index += r->length;
      count -= std::min(count, r->length);
    }
    pos.left = pos.right;
    pos.right = pos.right->right;
  }
}

Item* insert_format(DocImpl& doc, Branch* text, TextPosition& pos, const std::string& key,
                    Any value) {
  return make_local_item(doc, pos.left, pos.right, text, nullptr,
                         make_format_content(key, std::move(value)));
}

void minimize_attribute_changes(TextPosition& pos, const Any::Object& attrs) {
  while (pos.right) {
    Item* r = pos.right;
    if (r->deleted()) {
      pos.forward();
      continue;
    }
    Any want = is_format(r) ? value_or_null(attrs, r->content.format().key) : Any();
    if (is_format(r) && equal_attrs(&want, r->content.format().value)) {
      pos.forward();
    } else {
      break;
    }
  }
}

Any::Object insert_attributes(DocImpl& doc, Branch* text, TextPosition& pos,
                              const Any::Object& attrs) {
  Any::Object negated;
  for (const auto& [key, val] : attrs) {
    Any cur = value_or_null(pos.current, key);
    if (!equal_attrs(&cur, val)) {
      attr_set(negated, key, cur);
      pos.right = insert_format(doc, text, pos, key, val);
      pos.forward();
    }
  }
  return negated;
}

void insert_negated_attributes(DocImpl& doc, Branch* text, TextPosition& pos,
                               Any::Object& negated) {
  while (pos.right) {
    Item* r = pos.right;
    if (r->deleted() || (is_format(r) && equal_attrs(attr_get(negated, r->content.format().key),
                                                     r->content.format().value))) {
      if (!r->deleted()) attr_erase(negated, r->content.format().key);
      pos.forward();
    } else {
      break;
    }
  }
  for (const auto& [key, val] : negated) {
    pos.right = insert_format(doc, text, pos, key, val);
    pos.forward();
  }
}

std::uint64_t content_length(const Content& c) {
  if (c.kind == ContentKind::kString) return c.str().size();
  return 1;
}

int cleanup_formatting_gap(DocImpl& doc, Item* start, Item* curr, const Any::Object& start_attrs,
                           Any::Object& curr_attrs) {
  Item* end = start;
  std::vector<std::pair<std::string, Item*>> end_formats;
  while (end && (!end->countable() || end->deleted())) {
    if (!end->deleted() && is_format(end)) {
      const std::string& k = end->content.format().key;
      auto it = std::find_if(end_formats.begin(), end_formats.end(),
                             [&](const auto& e) { return e.first == k; });
      if (it == end_formats.end()) {
        end_formats.emplace_back(k, end);
      } else {
        it->second = end;
      }
    }
    end = end->right;
  }
  int cleanups = 0;
  bool reached_curr = false;
  while (start && start != end) {
    if (curr == start) reached_curr = true;
    if (!start->deleted() && is_format(start)) {
      const FormatPayload& f = start->content.format();
      std::string key = f.key;
      Any value = f.value;
      Any start_value = value_or_null(start_attrs, key);
      auto it = std::find_if(end_formats.begin(), end_formats.end(),
                             [&](const auto& e) { return e.first == key; });
      Item* end_format = it == end_formats.end() ? nullptr : it->second;
      if (end_format != start || strict_equal(start_value, value)) {
        doc.delete_item(start);
        ++cleanups;
        if (!reached_curr && strict_equal(value_or_null(curr_attrs, key), value) &&
            !strict_equal(start_value, value)) {
          if (start_value.is_null()) {
            attr_erase(curr_attrs, key);
          } else {
            attr_set(curr_attrs, key, start_value);
          }
        }
      }
      if (!reached_curr && !start->deleted()) {
        update_current_attributes(curr_attrs, FormatPayload{key, value});
      }
    }
    start = start->right;
  }
  return cleanups;
}

void cleanup_contextless_formatting_gap(DocImpl& doc, Item* item) {
  while (item && item->right && (item->right->deleted() || !item->right->countable())) {
    item = item->right;
  }
  std::vector<std::string> seen;
  while (item && (item->deleted() || !item->countable())) {
    if (!item->deleted() && is_format(item)) {
      const std::string& key = item->content.format().key;
      if (std::find(seen.begin(), seen.end(), key) != seen.end()) {
        doc.delete_item(item);
      } else {
        seen.push_back(key);
      }
    }
    item = item->left;
  }
}

void cleanup_ytext_formatting(DocImpl& doc, Branch* text) {
  Item* start = text->start;
  Item* end = text->start;
  Any::Object start_attrs;
  Any::Object current;
  while (end) {
    if (!end->deleted()) {
      if (is_format(end)) {
        update_current_attributes(current, end->content.format());
      } else {
        cleanup_formatting_gap(doc, start, end, start_attrs, current);
        start_attrs = current;
        start = end;
      }
    }
    end = end->right;
  }
}

/// Yjs iterateStructs over [clock, clock+len) of one client, splitting at both ends.
template <typename Fn>
void iterate_structs(DocImpl& doc, std::uint64_t client, std::uint64_t clock, std::uint64_t len,
                     Fn&& fn) {
  if (len == 0) return;
  ClientStructs* structs = doc.store.get(client);
  if (!structs) return;
  std::uint64_t end = clock + len;
  std::uint64_t state = structs->state();
  if (clock >= state) return;
  doc.clean_start(Id{client, clock});
  std::uint64_t cur = clock;
  while (cur < end && cur < state) {
    Item* s = structs->at(structs->find(cur));
    if (end < s->id.clock + s->length && !s->is_gc()) doc.clean_start(Id{client, end});
    fn(s);
    cur = s->id.clock + s->length;
  }
}

} // namespace

TextPosition find_text_position(DocImpl& doc, Branch* text, std::uint64_t index, bool use_marker) {
  SearchMarker* marker = use_marker ? doc.find_marker(text, index) : nullptr;
  TextPosition pos;
  if (marker) {
    pos.left = marker->p->left;
    pos.right = marker->p;
    pos.index = marker->index;
    find_next_position(doc, pos, index - marker->index);
  } else {
    pos.right = text->start;
    find_next_position(doc, pos, index);
  }
  return pos;
}

void insert_text(DocImpl& doc, Branch* text, TextPosition& pos, Content content,
                 Any::Object attributes) {
  for (const auto& [key, val] : pos.current) {
    const Any* a = attr_get(attributes, key);
    if (!a || a->is_undefined()) attr_set(attributes, key, Any::null());
  }
  minimize_attribute_changes(pos, attributes);
  Any::Object negated = insert_attributes(doc, text, pos, attributes);
  std::uint64_t index = pos.index;
  if (text->use_markers) {
    DocImpl::update_marker_changes(text, pos.index,
                                   static_cast<std::int64_t>(content_length(content)));
  }
  Item* right = make_local_item(doc, pos.left, pos.right, text, nullptr, std::move(content));
  pos.right = right;
  pos.index = index;
  pos.forward();
  insert_negated_attributes(doc, text, pos, negated);
}

void format_text(DocImpl& doc, Branch* text, TextPosition& pos, std::uint64_t length,
                 const Any::Object& attributes) {
  minimize_attribute_changes(pos, attributes);
  Any::Object negated = insert_attributes(doc, text, pos, attributes);
  while (pos.right &&
         (length > 0 || (!negated.empty() && (pos.right->deleted() || is_format(pos.right))))) {
    Item* r = pos.right;
    if (!r->deleted()) {
      if (is_format(r)) {
        const FormatPayload& f = r->content.format();
        const Any* attr = attr_get(attributes, f.key);
        if (attr) {
          if (equal_attrs(attr, f.value)) {
            attr_erase(negated, f.key);
          } else {
            if (length == 0) break;
            attr_set(negated, f.key, f.value);
          }
          doc.delete_item(r);
        } else {
          attr_set(pos.current, f.key, f.value);
        }
      } else {
        if (length < r->length) doc.clean_start(Id{r->id.client, r->id.clock + length});
        length -= std::min(length, r->length);
      }
    }
    pos.forward();
  }
  if (length > 0) {
    std::u16string newlines(static_cast<std::size_t>(length), u'\n');
    pos.right = make_local_item(doc, pos.left, pos.right, text, nullptr,
                                make_string_content(std::move(newlines)));
    pos.forward();
  }
  insert_negated_attributes(doc, text, pos, negated);
}

void delete_text(DocImpl& doc, TextPosition& pos, std::uint64_t length) {
  std::uint64_t start_length = length;
  Any::Object start_attrs = pos.current;
  Item* start = pos.right;
  while (length > 0 && pos.right) {
    Item* r = pos.right;
    if (!r->deleted()) {
      ContentKind k = r->content.kind;
      if (k == ContentKind::kType || k == ContentKind::kEmbed || k == ContentKind::kString) {
        if (length < r->length) doc.clean_start(Id{r->id.client, r->id.clock + length});
        length -= std::min(length, r->length);
        doc.delete_item(r);
      }
    }
    pos.forward();
  }
  // Without a format item in the text (has_formatting is set by the first one integrated) the
  // cleanup has nothing to remove: skip its walk over the deleted items.
  if (start && start->parent->has_formatting) {
    cleanup_formatting_gap(doc, start, pos.right, start_attrs, pos.current);
  }
  Item* any = pos.left ? pos.left : pos.right;
  if (any && any->parent->use_markers) {
    DocImpl::update_marker_changes(any->parent, pos.index,
                                   -static_cast<std::int64_t>(start_length - length));
  }
}

void cleanup_text_after_transaction(DocImpl& doc, TxnState& t) {
  std::vector<Branch*> need_full;
  auto add_full = [&](Branch* b) {
    if (std::find(need_full.begin(), need_full.end(), b) == need_full.end()) need_full.push_back(b);
  };
  for (std::size_t k = 0; k < t.after.size(); ++k) {
    auto [client, after] = t.after[k];
    std::uint64_t before = t.before[k].second;
    if (after == before) continue;
    // Yjs passes afterClock as the length: everything from `before` on is visited.
    iterate_structs(doc, client, before, after, [&](Item* item) {
      if (!item->deleted() && is_format(item) && !item->is_gc()) add_full(item->parent);
    });
  }
  doc.begin(Origin{}, true);
  for (const auto& [client, ranges] : t.delete_set.clients()) {
    ClientStructs* structs = doc.store.get(client);
    if (!structs) continue;
    std::uint64_t state = structs->state();
    for (const DeleteRange& r : ranges) {
      if (r.clock >= state) break;
      iterate_structs(doc, client, r.clock, r.len, [&](Item* item) {
        if (item->is_gc() || !item->parent || !item->parent->has_formatting) return;
        if (std::find(need_full.begin(), need_full.end(), item->parent) != need_full.end()) return;
        if (is_format(item)) {
          add_full(item->parent);
        } else {
          cleanup_contextless_formatting_gap(doc, item);
        }
      });
    }
  }
  for (Branch* b : need_full) cleanup_ytext_formatting(doc, b);
  doc.end();
}

std::string xml_to_string(const Branch* b) {
  std::string out;
  if (b->kind == TypeKind::kXmlText || b->kind == TypeKind::kText) {
    for (const Delta& d : TextRef(const_cast<Branch*>(b)).to_delta()) {
      std::vector<std::pair<std::string, Any::Object>> nodes;
      for (const auto& [name, v] : d.attributes) {
        Any::Object attrs = v.is_object() ? v.as_object() : Any::Object{};
        std::sort(attrs.begin(), attrs.end(),
                  [](const auto& x, const auto& y) { return x.first < y.first; });
        nodes.emplace_back(name, attrs);
      }
      std::sort(nodes.begin(), nodes.end(),
                [](const auto& x, const auto& y) { return x.first < y.first; });
      for (const auto& [name, attrs] : nodes) {
        out += "<" + name;
        for (const auto& [k, v] : attrs) {
          out += " " + k + "=\"" + (v.is_string() ? v.as_string() : v.to_json_string()) + "\"";
        }
        out += ">";
      }
      out += d.text;
      for (auto it = nodes.rbegin(); it != nodes.rend(); ++it) out += "</" + it->first + ">";
    }
    return out;
  }
  std::string children;
  for (const Item* n = b->start; n; n = n->right) {
    if (!n->visible()) continue;
    if (n->content.kind == ContentKind::kType) {
      Any child = TypeRef(n->content.type()).to_json(); // depth-guarded
      if (child.is_string()) children += child.as_string();
    }
  }
  if (b->kind != TypeKind::kXmlElement) return children;
  std::vector<std::pair<std::string, std::string>> attrs;
  for (const auto* entry : b->key_order) {
    const Item* item = entry->second;
    if (!item || item->deleted()) continue;
    auto vals = item->content.values();
    if (vals.empty()) continue;
    Any v = vals.back().to_json();
    attrs.emplace_back(entry->first, v.is_string() ? v.as_string() : v.to_json_string());
  }
  std::sort(attrs.begin(), attrs.end());
  out = "<" + b->name;
  for (const auto& [k, v] : attrs) out += " " + k + "=\"" + v + "\"";
  out += ">" + children + "</" + b->name + ">";
  return out;
}

} // namespace accord::crdt

namespace accord {

using crdt::Branch;

Status TextRef::insert(Transaction& txn, std::uint64_t index, std::string_view text) const {
  if (text.empty()) return Status::ok();
  if (index > branch_->length)
    return Status::error(StatusCode::kInvalidArgument, "index out of range");
  std::u16string u;
  if (!encoding::utf8_to_utf16(text, u)) {
    return Status::error(StatusCode::kInvalidArgument, "text is not valid UTF-8");
  }
  crdt::DocImpl& doc = *txn.doc();
  crdt::TextPosition pos = crdt::find_text_position(doc, branch_, index, true);
  Any::Object attrs = pos.current;
  crdt::insert_text(doc, branch_, pos, crdt::make_string_content(std::move(u)), std::move(attrs));
  return Status::ok();
}

Status TextRef::insert(Transaction& txn, std::uint64_t index, std::string_view text,
                       const Any::Object& attributes) const {
  if (text.empty()) return Status::ok();
  if (index > branch_->length)
    return Status::error(StatusCode::kInvalidArgument, "index out of range");
  std::u16string u;
  if (!encoding::utf8_to_utf16(text, u)) {
    return Status::error(StatusCode::kInvalidArgument, "text is not valid UTF-8");
  }
  crdt::DocImpl& doc = *txn.doc();
  crdt::TextPosition pos = crdt::find_text_position(doc, branch_, index, false);
  crdt::insert_text(doc, branch_, pos, crdt::make_string_content(std::move(u)), attributes);
  return Status::ok();
}

Status TextRef::insert_embed(Transaction& txn, std::uint64_t index, Any embed,
                             const Any::Object& attributes) const {
  if (index > branch_->length)
    return Status::error(StatusCode::kInvalidArgument, "index out of range");
  crdt::DocImpl& doc = *txn.doc();
  crdt::TextPosition pos = crdt::find_text_position(doc, branch_, index, false);
  crdt::insert_text(doc, branch_, pos, crdt::make_embed_content(std::move(embed)), attributes);
  return Status::ok();
}

Status TextRef::format(Transaction& txn, std::uint64_t index, std::uint64_t len,
                       const Any::Object& attributes) const {
  if (len == 0) return Status::ok();
  if (index > branch_->length)
    return Status::error(StatusCode::kInvalidArgument, "index out of range");
  crdt::DocImpl& doc = *txn.doc();
  crdt::TextPosition pos = crdt::find_text_position(doc, branch_, index, false);
  if (!pos.right) return Status::ok();
  crdt::format_text(doc, branch_, pos, len, attributes);
  return Status::ok();
}

Status TextRef::remove(Transaction& txn, std::uint64_t index, std::uint64_t len) const {
  if (len == 0) return Status::ok();
  if (index + len > branch_->length) {
    return Status::error(StatusCode::kInvalidArgument, "range out of bounds");
  }
  crdt::DocImpl& doc = *txn.doc();
  crdt::TextPosition pos = crdt::find_text_position(doc, branch_, index, true);
  crdt::delete_text(doc, pos, len);
  return Status::ok();
}

std::uint64_t TextRef::length() const { return branch_->length; }

std::string TextRef::to_string() const {
  std::string out;
  for (const crdt::Item* n = branch_->start; n; n = n->right) {
    if (n->visible() && n->content.kind == crdt::ContentKind::kString) {
      encoding::utf16_to_utf8(n->content.str(), out);
    }
  }
  return out;
}

std::vector<Delta> TextRef::to_delta() const {
  crdt::InsertDeltaBuilder delta;
  for (const crdt::Item* n = branch_->start; n; n = n->right) {
    if (n->deleted()) continue;
    switch (n->content.kind) {
      case crdt::ContentKind::kString: delta.append_text(n->content.str()); break;
      case crdt::ContentKind::kType:
      case crdt::ContentKind::kEmbed: delta.push_values(n->content.values()); break;
      case crdt::ContentKind::kFormat:
        delta.end_run();
        crdt::update_current_attributes(delta.attributes(), n->content.format());
        break;
      default: break;
    }
  }
  return std::move(delta).finish();
}

} // namespace accord
