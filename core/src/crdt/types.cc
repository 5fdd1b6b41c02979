// The public handles of shared types: TypeRef, MapRef, ArrayRef, XmlFragmentRef, Value.
#include "accord/types.h"

#include "accord/transaction.h"
#include "crdt/doc_impl.h"
#include "crdt/list_ops.h"
#include "crdt/text_ops.h"

namespace accord {

using crdt::Branch;
using crdt::DocImpl;
using crdt::Item;

namespace {

Any last_value_json(const Item* item) {
  auto values = item->content.values();
  if (values.empty()) return Any();
  return values.back().to_json();
}

std::optional<Value> last_value(const Item* item) {
  auto values = item->content.values();
  if (values.empty()) return std::nullopt;
  return values.back();
}

Any list_to_json(const Branch* b) {
  Any::Array out;
  for (const Item* n = b->start; n; n = n->right) {
    if (!n->visible()) continue;
    for (const Value& v : n->content.values()) out.push_back(v.to_json());
  }
  return Any(std::move(out));
}

Any map_to_json(const Branch* b) {
  Any::Object out;
  for (const auto* entry : b->key_order) {
    const Item* item = entry->second;
    if (item && !item->deleted()) out.emplace_back(entry->first, last_value_json(item));
  }
  return Any(std::move(out));
}

Branch* new_nested(Branch* parent, TypeKind kind, std::string name = {}) {
  return parent->doc->new_branch(kind, std::move(name));
}

TypeKind xml_kind(std::string_view node_name) {
  return node_name.empty() ? TypeKind::kXmlFragment : TypeKind::kXmlElement;
}

SubscriptionId add_observer(Branch* b, std::function<void(const Event&)> fn) {
  SubscriptionId id = b->doc->next_subscription++;
  b->observers.emplace_back(id, std::move(fn));
  b->doc->type_observer_count++;
  return id;
}

SubscriptionId add_deep_observer(Branch* b, std::function<void(const std::vector<Event>&)> fn) {
  SubscriptionId id = b->doc->next_subscription++;
  b->deep_observers.emplace_back(id, std::move(fn));
  b->doc->type_observer_count++;
  return id;
}

bool remove_observer(Branch* b, SubscriptionId id) {
  for (auto it = b->observers.begin(); it != b->observers.end(); ++it) {
    if (it->first == id) {
      b->observers.erase(it);
      b->doc->type_observer_count--;
      return true;
    }
  }
  for (auto it = b->deep_observers.begin(); it != b->deep_observers.end(); ++it) {
    if (it->first == id) {
      b->deep_observers.erase(it);
      b->doc->type_observer_count--;
      return true;
    }
  }
  return false;
}

} // namespace

// ---------------------------------------------------------------- TypeRef / Value

TypeKind TypeRef::kind() const { return branch_->kind; }
bool TypeRef::deleted() const {
  return branch_->dead || (branch_->item != nullptr && branch_->item->deleted());
}
const std::string& TypeRef::name() const { return branch_->name; }

namespace {
/// Nested types can be arbitrarily deep in received updates: JSON stops descending here.
constexpr int kMaxJsonDepth = 512;
thread_local int json_depth = 0;
struct DepthGuard {
  DepthGuard() { ++json_depth; }
  ~DepthGuard() { --json_depth; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;
};
} // namespace

Any TypeRef::to_json() const {
  DepthGuard guard;
  if (json_depth > kMaxJsonDepth) return Any::null();
  TypeKind kind = branch_->kind;
  if (!branch_->kind_known) {
    // A root only seen in updates: infer its kind from its content (yjs would need getX()).
    kind = TypeKind::kMap;
    for (const Item* n = branch_->start; n; n = n->right) {
      crdt::ContentKind c = n->content.kind;
      if (c == crdt::ContentKind::kString || c == crdt::ContentKind::kFormat ||
          c == crdt::ContentKind::kEmbed) {
        kind = TypeKind::kText;
        break;
      }
      if (c != crdt::ContentKind::kDeleted) kind = TypeKind::kArray;
    }
  }
  switch (kind) {
    case TypeKind::kMap: return map_to_json(branch_);
    case TypeKind::kArray: return list_to_json(branch_);
    case TypeKind::kText:
    case TypeKind::kXmlText: return Any(TextRef(branch_).to_string());
    case TypeKind::kXmlFragment:
    case TypeKind::kXmlElement:
    case TypeKind::kXmlHook: return Any(crdt::xml_to_string(branch_));
  }
  return Any();
}

MapRef TypeRef::as_map() const { return MapRef(branch_); }
ArrayRef TypeRef::as_array() const { return ArrayRef(branch_); }
TextRef TypeRef::as_text() const { return TextRef(branch_); }
XmlFragmentRef TypeRef::as_xml_fragment() const { return XmlFragmentRef(branch_); }

Any Value::to_json() const {
  switch (kind_) {
    case Kind::kAny: return any_;
    case Kind::kType: return type_.to_json();
    case Kind::kDoc: return Any(Any::Object{{"guid", Any(doc_.guid)}});
  }
  return Any();
}

// ---------------------------------------------------------------- MapRef

void MapRef::set(Transaction& txn, std::string_view key, Any value) const {
  crdt::map_set(*txn.doc(), branch_, key, crdt::content_for_value(std::move(value)));
}

MapRef MapRef::insert_map(Transaction& txn, std::string_view key) const {
  Branch* b = new_nested(branch_, TypeKind::kMap);
  crdt::map_set(*txn.doc(), branch_, key, crdt::make_type_content(b));
  return MapRef(b);
}
ArrayRef MapRef::insert_array(Transaction& txn, std::string_view key) const {
  Branch* b = new_nested(branch_, TypeKind::kArray);
  crdt::map_set(*txn.doc(), branch_, key, crdt::make_type_content(b));
  return ArrayRef(b);
}
TextRef MapRef::insert_text(Transaction& txn, std::string_view key) const {
  Branch* b = new_nested(branch_, TypeKind::kText);
  crdt::map_set(*txn.doc(), branch_, key, crdt::make_type_content(b));
  return TextRef(b);
}
XmlFragmentRef MapRef::insert_xml(Transaction& txn, std::string_view key,
                                  std::string_view node_name) const {
  Branch* b = new_nested(branch_, xml_kind(node_name), std::string(node_name));
  crdt::map_set(*txn.doc(), branch_, key, crdt::make_type_content(b));
  return XmlFragmentRef(b);
}
void MapRef::set_doc(Transaction& txn, std::string_view key, SubDoc doc) const {
  crdt::map_set(*txn.doc(), branch_, key, crdt::make_doc_content(std::move(doc)));
}
void MapRef::remove(Transaction& txn, std::string_view key) const {
  Item* item = branch_->map_get(key);
  if (item) txn.doc()->delete_item(item);
}
std::optional<Value> MapRef::get(std::string_view key) const {
  Item* item = branch_->map_get(key);
  if (!item || item->deleted()) return std::nullopt;
  return last_value(item);
}
bool MapRef::contains(std::string_view key) const {
  Item* item = branch_->map_get(key);
  return item && !item->deleted();
}
std::vector<std::string> MapRef::keys() const {
  std::vector<std::string> out;
  out.reserve(branch_->key_order.size());
  for (const auto* entry : branch_->key_order) {
    const Item* item = entry->second;
    if (item && !item->deleted()) out.push_back(entry->first);
  }
  return out;
}
std::vector<std::string> MapRef::keys_with_prefix(std::string_view prefix) const {
  std::vector<std::string> out;
  for (const auto* entry : branch_->key_order) {
    const Item* item = entry->second;
    if (item && !item->deleted() && entry->first.starts_with(prefix)) out.push_back(entry->first);
  }
  return out;
}
std::size_t MapRef::size() const { return keys().size(); }
Any MapRef::to_json() const { return map_to_json(branch_); }
SubscriptionId MapRef::observe(std::function<void(const Event&)> fn) const {
  return add_observer(branch_, std::move(fn));
}
SubscriptionId MapRef::observe_deep(std::function<void(const std::vector<Event>&)> fn) const {
  return add_deep_observer(branch_, std::move(fn));
}
bool MapRef::unobserve(SubscriptionId id) const { return remove_observer(branch_, id); }

// ---------------------------------------------------------------- ArrayRef

Status ArrayRef::insert(Transaction& txn, std::uint64_t index, std::vector<Any> values) const {
  std::vector<crdt::ListElement> els(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) els[i].value = std::move(values[i]);
  return crdt::list_insert(*txn.doc(), branch_, index, els);
}

namespace {
// Yjs typeListPushGenerics: inserts after the very last item, deleted or not (starting from the
// marker with the highest index and walking to the end).
void push_elements(Transaction& txn, Branch* branch, std::vector<crdt::ListElement>& els) {
  Item* n = branch->start;
  std::uint64_t best = 0;
  for (const crdt::SearchMarker& m : branch->markers) {
    if (m.index > best) {
      best = m.index;
      n = m.p;
    }
  }
  if (n) {
    while (n->right) n = n->right;
  }
  crdt::list_insert_after(*txn.doc(), branch, n, els);
}

template <typename Ref>
Ref array_push_type(Transaction& txn, Branch* parent, TypeKind kind) {
  Branch* b = new_nested(parent, kind);
  std::vector<crdt::ListElement> els(1);
  els[0].kind = crdt::ListElement::Kind::kType;
  els[0].type = b;
  push_elements(txn, parent, els);
  return Ref(b);
}
} // namespace

void ArrayRef::push(Transaction& txn, std::vector<Any> values) const {
  std::vector<crdt::ListElement> els(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) els[i].value = std::move(values[i]);
  push_elements(txn, branch_, els);
}
MapRef ArrayRef::push_map(Transaction& txn) const {
  return array_push_type<MapRef>(txn, branch_, TypeKind::kMap);
}
ArrayRef ArrayRef::push_array(Transaction& txn) const {
  return array_push_type<ArrayRef>(txn, branch_, TypeKind::kArray);
}
TextRef ArrayRef::push_text(Transaction& txn) const {
  return array_push_type<TextRef>(txn, branch_, TypeKind::kText);
}

namespace {
template <typename Ref>
Ref array_insert_type(Transaction& txn, Branch* parent, std::uint64_t index, TypeKind kind,
                      std::string name = {}) {
  Branch* b = new_nested(parent, kind, std::move(name));
  std::vector<crdt::ListElement> els(1);
  els[0].kind = crdt::ListElement::Kind::kType;
  els[0].type = b;
  if (!crdt::list_insert(*txn.doc(), parent, index, els).is_ok()) return Ref();
  return Ref(b);
}
} // namespace

MapRef ArrayRef::insert_map(Transaction& txn, std::uint64_t index) const {
  return array_insert_type<MapRef>(txn, branch_, index, TypeKind::kMap);
}
ArrayRef ArrayRef::insert_array(Transaction& txn, std::uint64_t index) const {
  return array_insert_type<ArrayRef>(txn, branch_, index, TypeKind::kArray);
}
TextRef ArrayRef::insert_text(Transaction& txn, std::uint64_t index) const {
  return array_insert_type<TextRef>(txn, branch_, index, TypeKind::kText);
}
XmlFragmentRef ArrayRef::insert_xml(Transaction& txn, std::uint64_t index,
                                    std::string_view node_name) const {
  return array_insert_type<XmlFragmentRef>(txn, branch_, index, xml_kind(node_name),
                                           std::string(node_name));
}
Status ArrayRef::insert_doc(Transaction& txn, std::uint64_t index, SubDoc doc) const {
  std::vector<crdt::ListElement> els(1);
  els[0].kind = crdt::ListElement::Kind::kDoc;
  els[0].doc = std::move(doc);
  return crdt::list_insert(*txn.doc(), branch_, index, els);
}
Status ArrayRef::remove(Transaction& txn, std::uint64_t index, std::uint64_t len) const {
  return crdt::list_delete(*txn.doc(), branch_, index, len);
}
std::uint64_t ArrayRef::length() const { return branch_->length; }
std::optional<Value> ArrayRef::get(std::uint64_t index) const {
  return crdt::list_get(*branch_->doc, branch_, index);
}
std::vector<Value> ArrayRef::to_vector() const {
  std::vector<Value> out;
  for (const Item* n = branch_->start; n; n = n->right) {
    if (!n->visible()) continue;
    for (Value& v : n->content.values()) out.push_back(std::move(v));
  }
  return out;
}
Any ArrayRef::to_json() const { return list_to_json(branch_); }
SubscriptionId ArrayRef::observe(std::function<void(const Event&)> fn) const {
  return add_observer(branch_, std::move(fn));
}
SubscriptionId ArrayRef::observe_deep(std::function<void(const std::vector<Event>&)> fn) const {
  return add_deep_observer(branch_, std::move(fn));
}
bool ArrayRef::unobserve(SubscriptionId id) const { return remove_observer(branch_, id); }

// ---------------------------------------------------------------- XmlFragmentRef

std::uint64_t XmlFragmentRef::length() const { return branch_->length; }
std::vector<Value> XmlFragmentRef::children() const { return ArrayRef(branch_).to_vector(); }
Any::Object XmlFragmentRef::attributes() const { return map_to_json(branch_).as_object(); }

// ---------------------------------------------------------------- TextRef observers

SubscriptionId TextRef::observe(std::function<void(const Event&)> fn) const {
  return add_observer(branch_, std::move(fn));
}
SubscriptionId TextRef::observe_deep(std::function<void(const std::vector<Event>&)> fn) const {
  return add_deep_observer(branch_, std::move(fn));
}
bool TextRef::unobserve(SubscriptionId id) const { return remove_observer(branch_, id); }

} // namespace accord
