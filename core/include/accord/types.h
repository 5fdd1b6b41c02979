#pragma once
/// Handles to the shared types: MapRef (Y.Map), ArrayRef (Y.Array), TextRef (Y.Text / XmlText),
/// XmlFragmentRef (Y.XmlFragment / XmlElement). Reads take no transaction; every mutation takes
/// the open Transaction of the type's Doc. Indexes and lengths count Yjs units: one per array
/// element, one per UTF-16 code unit in text.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/any.h"
#include "accord/events.h"
#include "accord/status.h"
#include "accord/value.h"

namespace accord {

class Transaction;

/// Y.Map: string keys to values; last writer (by YATA order) wins.
class MapRef : public TypeRef {
public:
  MapRef() = default;
  /// Wraps an engine branch of kind kMap.
  explicit MapRef(crdt::Branch* b) : TypeRef(b) {}

  /// Sets `key` to `value` (bytes become ContentBinary, others ContentAny). O(1) amortized.
  void set(Transaction& txn, std::string_view key, Any value) const;
  /// Sets `key` to a new empty nested type and returns it.
  MapRef insert_map(Transaction& txn, std::string_view key) const;
  ArrayRef insert_array(Transaction& txn, std::string_view key) const; ///< see insert_map
  TextRef insert_text(Transaction& txn, std::string_view key) const;   ///< see insert_map
  /// Sets `key` to a new XmlElement with `node_name` (or XmlFragment when empty).
  XmlFragmentRef insert_xml(Transaction& txn, std::string_view key,
                            std::string_view node_name) const;
  /// Sets `key` to a subdocument.
  void set_doc(Transaction& txn, std::string_view key, SubDoc doc) const;
  /// Deletes `key` (no-op when absent).
  void remove(Transaction& txn, std::string_view key) const;

  /// The current value under `key`, or nullopt.
  std::optional<Value> get(std::string_view key) const;
  /// True when `key` has a live value.
  bool contains(std::string_view key) const;
  /// Live keys (unordered, as Yjs's internal Map iteration order is insertion order of the key).
  std::vector<std::string> keys() const;
  /// The live keys that start with `prefix`, in the order of keys(); copies only those.
  std::vector<std::string> keys_with_prefix(std::string_view prefix) const;
  /// Number of live keys. O(keys).
  std::size_t size() const;
  /// yjs's toJSON(): an object of the live keys.
  Any to_json() const;

  /// Calls `fn` after every transaction that changed this map (Yjs observe). Returns an id for
  /// unobserve().
  SubscriptionId observe(std::function<void(const Event&)> fn) const;
  /// Calls `fn` with the events of this type and all nested types (Yjs observeDeep).
  SubscriptionId observe_deep(std::function<void(const std::vector<Event>&)> fn) const;
  /// Removes an observer added by observe/observe_deep; false when unknown.
  bool unobserve(SubscriptionId id) const;
};

/// Y.Array: an ordered list of values.
class ArrayRef : public TypeRef {
public:
  ArrayRef() = default;
  /// Wraps an engine branch of kind kArray.
  explicit ArrayRef(crdt::Branch* b) : TypeRef(b) {}

  /// Inserts `values` at `index` (<= length(), else kInvalidArgument and nothing changes).
  /// Consecutive plain values form one ContentAny item; bytes become ContentBinary.
  Status insert(Transaction& txn, std::uint64_t index, std::vector<Any> values) const;
  /// Appends `values` at the end: after the very last item, deleted or not, as yjs's push
  /// (not at index length(), whose left neighbour is the last live item). O(items after the
  /// last search marker).
  void push(Transaction& txn, std::vector<Any> values) const;
  /// Appends a new empty nested type as push does and returns it (yjs push([new Y.Map()])).
  MapRef push_map(Transaction& txn) const;
  ArrayRef push_array(Transaction& txn) const; ///< see push_map
  TextRef push_text(Transaction& txn) const;   ///< see push_map
  /// Inserts a new empty nested type at `index` and returns it (invalid ref if out of range).
  MapRef insert_map(Transaction& txn, std::uint64_t index) const;
  ArrayRef insert_array(Transaction& txn, std::uint64_t index) const; ///< see insert_map
  TextRef insert_text(Transaction& txn, std::uint64_t index) const;   ///< see insert_map
  /// Inserts a new XmlElement (or XmlFragment when `node_name` is empty) at `index`.
  XmlFragmentRef insert_xml(Transaction& txn, std::uint64_t index,
                            std::string_view node_name) const;
  /// Inserts a subdocument at `index`.
  Status insert_doc(Transaction& txn, std::uint64_t index, SubDoc doc) const;
  /// Deletes `len` elements from `index` (kInvalidArgument when out of range; nothing changes).
  Status remove(Transaction& txn, std::uint64_t index, std::uint64_t len = 1) const;

  /// Number of elements. O(1).
  std::uint64_t length() const;
  /// The element at `index`, or nullopt when out of range.
  std::optional<Value> get(std::uint64_t index) const;
  /// All elements.
  std::vector<Value> to_vector() const;
  /// yjs's toJSON(): an array.
  Any to_json() const;

  /// See MapRef::observe (events carry an array delta).
  SubscriptionId observe(std::function<void(const Event&)> fn) const;
  /// See MapRef::observe_deep.
  SubscriptionId observe_deep(std::function<void(const std::vector<Event>&)> fn) const;
  /// See MapRef::unobserve.
  bool unobserve(SubscriptionId id) const;
};

/// Y.Text (also XmlText): rich text with formatting attributes and embeds.
class TextRef : public TypeRef {
public:
  TextRef() = default;
  /// Wraps an engine branch of kind kText or kXmlText.
  explicit TextRef(crdt::Branch* b) : TypeRef(b) {}

  /// Inserts UTF-8 `text` at UTF-16 `index`, taking the formatting at the position (Yjs
  /// insert(index, text)). kInvalidArgument when out of range or not valid UTF-8; nothing
  /// changes then. Cost: O(distance from the nearest search marker) + O(log structs).
  Status insert(Transaction& txn, std::uint64_t index, std::string_view text) const;
  /// Inserts with exactly `attributes` as formatting (Yjs insert(index, text, attributes)):
  /// attributes active at the position but not listed are ended around the text.
  Status insert(Transaction& txn, std::uint64_t index, std::string_view text,
                const Any::Object& attributes) const;
  /// Inserts an embed (ContentEmbed; an object, or a nested type's JSON) at `index`.
  Status insert_embed(Transaction& txn, std::uint64_t index, Any embed,
                      const Any::Object& attributes = {}) const;
  /// Applies `attributes` to [index, index+len) (null values remove an attribute).
  Status format(Transaction& txn, std::uint64_t index, std::uint64_t len,
                const Any::Object& attributes) const;
  /// Deletes `len` UTF-16 code units from `index`.
  Status remove(Transaction& txn, std::uint64_t index, std::uint64_t len) const;

  /// Length in UTF-16 code units. O(1).
  std::uint64_t length() const;
  /// The text without formatting or embeds, as UTF-8 (lone surrogates become U+FFFD).
  std::string to_string() const;
  /// The content as a delta of inserts with attributes (Yjs toDelta()).
  std::vector<Delta> to_delta() const;

  /// See MapRef::observe (events carry a text delta with attributes).
  SubscriptionId observe(std::function<void(const Event&)> fn) const;
  /// See MapRef::observe_deep.
  SubscriptionId observe_deep(std::function<void(const std::vector<Event>&)> fn) const;
  /// See MapRef::unobserve.
  bool unobserve(SubscriptionId id) const;
};

/// Y.XmlFragment / Y.XmlElement: decoded, integrated and re-encoded faithfully; exposed
/// generically (children as values, attributes of an element as a map).
class XmlFragmentRef : public TypeRef {
public:
  XmlFragmentRef() = default;
  /// Wraps an engine branch of kind kXmlFragment or kXmlElement.
  explicit XmlFragmentRef(crdt::Branch* b) : TypeRef(b) {}
  /// Number of children.
  std::uint64_t length() const;
  /// The children.
  std::vector<Value> children() const;
  /// Attributes (XmlElement), as the live map keys: name -> value.
  Any::Object attributes() const;
};

} // namespace accord
