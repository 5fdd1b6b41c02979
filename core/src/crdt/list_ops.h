#pragma once
/// List operations shared by Array, XmlFragment and Text embeds: Yjs's typeListInsertGenerics,
/// typeListInsertGenericsAfter, typeListDelete and typeListGet, and map operations
/// (typeMapSet, typeMapDelete).

#include <cstdint>
#include <vector>

#include "accord/any.h"
#include "accord/status.h"
#include "crdt/doc_impl.h"

namespace accord::crdt {

/// One element to insert: a plain value, a new nested type or a subdocument.
struct ListElement {
  enum class Kind : std::uint8_t { kAny, kType, kDoc } kind = Kind::kAny;
  Any value;
  Branch* type = nullptr;
  SubDoc doc;
};

/// Creates a local item with the next id of the doc's client.
Item* make_local_item(DocImpl& doc, Item* left, Item* right, Branch* parent,
                      const std::string* parent_sub, Content content);
/// Inserts `elements` after `left` (null: at the start) in `parent`.
void list_insert_after(DocImpl& doc, Branch* parent, Item* left,
                       std::vector<ListElement>& elements);
/// Inserts at `index`; kInvalidArgument when index > length.
Status list_insert(DocImpl& doc, Branch* parent, std::uint64_t index,
                   std::vector<ListElement>& elements);
/// Deletes `len` elements from `index`; kInvalidArgument when out of range (nothing changes).
Status list_delete(DocImpl& doc, Branch* parent, std::uint64_t index, std::uint64_t len);
/// The element at `index`.
std::optional<Value> list_get(DocImpl& doc, Branch* parent, std::uint64_t index);
/// Sets a map key to a new item with `content`.
void map_set(DocImpl& doc, Branch* parent, std::string_view key, Content content);
/// Content for a plain value as Yjs picks it: bytes -> Binary, everything else -> Any.
Content content_for_value(Any value);

} // namespace accord::crdt
