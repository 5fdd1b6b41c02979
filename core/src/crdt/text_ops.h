#pragma once
/// Y.Text operations with Yjs's formatting semantics: formatting lives in ContentFormat items
/// (key/value markers in the list; a null value ends an attribute). Insert, format and delete
/// walk an ItemTextListPosition and add/remove format markers exactly where Yjs does
/// (minimizeAttributeChanges, insertAttributes, insertNegatedAttributes, cleanupFormattingGap).

#include <cstdint>
#include <string>

#include "accord/any.h"
#include "crdt/doc_impl.h"

namespace accord::crdt {

/// A position between `left` and `right` with the attributes active there.
struct TextPosition {
  Item* left = nullptr;
  Item* right = nullptr;
  std::uint64_t index = 0;
  Any::Object current;
  /// Moves past `right` (Yjs ItemTextListPosition.forward).
  void forward();
};

/// Attribute map helpers on insertion-ordered objects.
const Any* attr_get(const Any::Object& attrs, std::string_view key);
void attr_set(Any::Object& attrs, std::string_view key, Any value);
void attr_erase(Any::Object& attrs, std::string_view key);
/// Yjs equalAttrs: primitives by value, flat objects key by key. `a` null means undefined.
bool equal_attrs(const Any* a, const Any& b);
/// Yjs updateCurrentAttributes.
void update_current_attributes(Any::Object& current, const FormatPayload& f);

/// Finds the position at `index` (Yjs findPosition).
TextPosition find_text_position(DocImpl& doc, Branch* text, std::uint64_t index, bool use_marker);
/// Inserts `content` at `pos` with `attributes` (Yjs insertText).
void insert_text(DocImpl& doc, Branch* text, TextPosition& pos, Content content,
                 Any::Object attributes);
/// Formats `length` units from `pos` (Yjs formatText).
void format_text(DocImpl& doc, Branch* text, TextPosition& pos, std::uint64_t length,
                 const Any::Object& attributes);
/// Deletes `length` units from `pos` (Yjs deleteText).
void delete_text(DocImpl& doc, TextPosition& pos, std::uint64_t length);
/// Yjs cleanupYTextAfterTransaction: removes redundant formats after remote changes.
void cleanup_text_after_transaction(DocImpl& doc, TxnState& t);
/// The XML string of an Xml type (as yjs's toString()).
std::string xml_to_string(const Branch* b);

} // namespace accord::crdt
