#pragma once
/// Item content kinds, numbered as Yjs's content refs (the low 5 bits of a struct's info byte):
/// 0 GC (not content), 1 Deleted, 2 JSON, 3 Binary, 4 String, 5 Embed, 6 Format, 7 Type, 8 Any,
/// 9 Doc, 10 Skip (not content). See item_codec.h for the bytes of each.

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "accord/any.h"
#include "accord/value.h"

namespace accord::crdt {

struct Branch;

/// Content refs as on the wire.
enum class ContentKind : std::uint8_t {
  kGC = 0,
  kDeleted = 1,
  kJson = 2,
  kBinary = 3,
  kString = 4,
  kEmbed = 5,
  kFormat = 6,
  kType = 7,
  kAny = 8,
  kDoc = 9,
  kSkip = 10,
};

/// A formatting attribute (ContentFormat).
struct FormatPayload {
  std::string key;
  Any value;
};

/// The content of an item. Payload per kind:
/// Deleted/GC/Skip: none (the item's length); JSON: vector<std::string> raw JSON texts ("undefined"
/// for undefined); Binary/Embed: unique_ptr<Any>; String: u16string; Format: unique_ptr<Format>;
/// Type: Branch*; Any: vector<Any>; Doc: unique_ptr<SubDoc>.
struct Content {
  using Payload = std::variant<std::monostate, std::u16string, std::vector<Any>,
                               std::vector<std::string>, std::unique_ptr<Any>,
                               std::unique_ptr<FormatPayload>, Branch*, std::unique_ptr<SubDoc>>;
  ContentKind kind = ContentKind::kDeleted;
  Payload payload;

  /// Countable content takes index space in its parent (everything but Deleted and Format).
  bool countable() const { return kind != ContentKind::kDeleted && kind != ContentKind::kFormat; }

  std::u16string& str() { return std::get<std::u16string>(payload); }                  ///< kString
  const std::u16string& str() const { return std::get<std::u16string>(payload); }      ///< kString
  std::vector<Any>& anys() { return std::get<std::vector<Any>>(payload); }             ///< kAny
  const std::vector<Any>& anys() const { return std::get<std::vector<Any>>(payload); } ///< kAny
  std::vector<std::string>& json() {
    return std::get<std::vector<std::string>>(payload);
  } ///< kJson
  const std::vector<std::string>& json() const {
    return std::get<std::vector<std::string>>(payload);
  }                                                                             ///< kJson
  const Any& value() const { return *std::get<std::unique_ptr<Any>>(payload); } ///< Binary/Embed
  const FormatPayload& format() const {
    return *std::get<std::unique_ptr<FormatPayload>>(payload);
  }                                                                                 ///< kFormat
  Branch* type() const { return std::get<Branch*>(payload); }                       ///< kType
  const SubDoc& doc() const { return *std::get<std::unique_ptr<SubDoc>>(payload); } ///< kDoc

  /// A deep copy (types are not copied: the caller handles kType).
  Content clone() const;
  /// Splits at `offset` units: this keeps [0, offset), returns [offset, len). Strings replace a
  /// split surrogate pair's halves with U+FFFD, as Yjs. Requires a splittable kind.
  Content split(std::uint64_t offset);
  /// Appends `right` if the kinds merge (Deleted, JSON, String, Any); false otherwise.
  bool merge(Content& right);
  /// The values the content holds (for reading), one per unit of length (strings: one string per
  /// UTF-16 code unit, as yjs's getContent; deleted and format content: none).
  std::vector<Value> values() const;
};

/// Makes content of a kind.
Content make_string_content(std::u16string s);
Content make_any_content(std::vector<Any> values);
Content make_deleted_content();
Content make_binary_content(Any bytes);
Content make_embed_content(Any embed);
Content make_format_content(std::string key, Any value);
Content make_type_content(Branch* type);
Content make_doc_content(SubDoc doc);
Content make_json_content(std::vector<std::string> json);

} // namespace accord::crdt
