#pragma once
/// What a shared type holds at a position or key: a plain `Any` value (ContentAny, ContentJSON,
/// ContentBinary, ContentEmbed), a nested shared type (ContentType), or a subdocument
/// (ContentDoc). Also the delta entry used by text/array events and `TextRef::to_delta`.

#include <cstdint>
#include <string>
#include <vector>

#include "accord/any.h"

namespace accord {

namespace crdt {
struct Branch;
} // namespace crdt

class MapRef;
class ArrayRef;
class TextRef;
class XmlFragmentRef;
class XmlElementRef;
class XmlTextRef;

/// The kind of a shared type; the numbers are Yjs's type refs in ContentType.
enum class TypeKind : std::uint8_t {
  kArray = 0,
  kMap = 1,
  kText = 2,
  kXmlElement = 3,
  kXmlFragment = 4,
  kXmlHook = 5,
  kXmlText = 6,
};

/// A light handle to a shared type (root or nested) of a Doc. Copyable, pointer-sized; valid as
/// long as the Doc lives (types are never freed before their doc, even when deleted or GCed).
class TypeRef {
public:
  TypeRef() = default;
  /// Wraps an engine branch (for engine code; users get handles from Doc and other refs).
  explicit TypeRef(crdt::Branch* branch) : branch_(branch) {}

  /// True when this handle refers to a type.
  bool valid() const { return branch_ != nullptr; }
  /// The kind of the type. Requires valid().
  TypeKind kind() const;
  /// True when the item holding this type was deleted (roots are never deleted).
  bool deleted() const;
  /// For XmlElement: the node name; for XmlHook: the hook name; otherwise empty.
  const std::string& name() const;
  /// yjs's toJSON() of this type (Map -> object, Array -> array, Text -> string, Xml -> string).
  Any to_json() const;

  /// Typed views; each requires the matching kind (XmlText counts as Text).
  MapRef as_map() const;
  ArrayRef as_array() const;              ///< see as_map
  TextRef as_text() const;                ///< see as_map (kText or kXmlText)
  XmlFragmentRef as_xml_fragment() const; ///< see as_map (kXmlFragment or kXmlElement)

  /// The engine branch (for engine code).
  crdt::Branch* branch() const { return branch_; }
  /// Identity comparison.
  bool operator==(const TypeRef& other) const { return branch_ == other.branch_; }

protected:
  crdt::Branch* branch_ = nullptr;
};

/// A subdocument stored in a type (ContentDoc): its guid and options, kept and re-encoded as is.
struct SubDoc {
  std::string guid; ///< the subdocument's guid
  Any options;      ///< the options object Yjs encodes with it (autoLoad, meta, ...)
  bool operator==(const SubDoc&) const = default;
};

/// One value held by a shared type.
class Value {
public:
  /// Which alternative is held.
  enum class Kind : std::uint8_t { kAny, kType, kDoc };

  Value() = default;
  Value(Any any) : kind_(Kind::kAny), any_(std::move(any)) {} // NOLINT(google-explicit-constructor)
  Value(TypeRef type) : kind_(Kind::kType), type_(type) {}    // NOLINT(google-explicit-constructor)
  Value(SubDoc doc) : kind_(Kind::kDoc), doc_(std::move(doc)) {} // NOLINT

  Kind kind() const { return kind_; }                   ///< which alternative is held
  bool is_any() const { return kind_ == Kind::kAny; }   ///< kind() == kAny
  bool is_type() const { return kind_ == Kind::kType; } ///< kind() == kType
  bool is_doc() const { return kind_ == Kind::kDoc; }   ///< kind() == kDoc
  const Any& any() const { return any_; }               ///< the plain value (kAny)
  TypeRef type() const { return type_; }                ///< the nested type (kType)
  const SubDoc& doc() const { return doc_; }            ///< the subdocument (kDoc)
  /// As yjs's toJSON would show it: the Any, the type's to_json(), or for a doc an object
  /// {guid}.
  Any to_json() const;

private:
  Kind kind_ = Kind::kAny;
  Any any_;
  TypeRef type_;
  SubDoc doc_;
};

/// One entry of a delta (Quill-style), as Yjs's event.delta / text.toDelta().
struct Delta {
  /// What the entry does.
  enum class Op : std::uint8_t { kInsert, kDelete, kRetain };
  Op op = Op::kInsert;
  /// For kDelete and kRetain: the length in Yjs units (UTF-16 code units for text).
  std::uint64_t len = 0;
  /// For a text insert of characters: the UTF-8 text.
  std::string text;
  /// For an array insert: the inserted values; for a text embed insert: exactly one value.
  std::vector<Value> values;
  /// Formatting attributes (text insert/retain); empty when none.
  Any::Object attributes;
};

} // namespace accord
