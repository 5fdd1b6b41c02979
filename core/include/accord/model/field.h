#pragma once
/// Field descriptors: the typed keys of records. A record is a Y.Map; each field is one key of
/// it, so concurrent edits of different fields merge and the same field converges (Yjs map
/// semantics: the last writer by YATA order wins). A descriptor names the key, says how the value
/// is stored and validated, and carries the English and Chinese labels of DOMAIN.md for the UI.
///
/// Storage of each kind in the record map (what other clients, e.g. plain Yjs, see):
///   kString    string                          kInt       number (an integer)
///   kText      a root Y.Text named "<collection>/<record id>/<key>" (co-edited free text; a
///              root type so two devices creating it concurrently merge instead of one winning)
///   kEnum      string: the enum's stable code  kNumber    number (finite)
///   kEnumSet   one key "<key>:<code>" = true per member (so adding different members merges)
///   kBool      boolean                         kDate      string "YYYY-MM-DD"
///   kDateTime  string "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|+HH:MM|-HH:MM)"
///   kRef       string: a record id (of `target`, or a team member's user id)
///   kRefSet    one key "<key>:<id>" = true per member
/// Typed descriptors (StringField, EnumField<E>, ...) let the record API check value types at
/// compile time; FieldInfo is the runtime view used by generic code (import, UI, wasm).

#include <cstdint>
#include <limits>
#include <span>
#include <string_view>

#include "accord/model/enum_info.h"

namespace accord::model {

/// How a field's value is stored and validated (see the file comment).
enum class FieldKind : std::uint8_t {
  kString,
  kText,
  kEnum,
  kEnumSet,
  kInt,
  kNumber,
  kBool,
  kDate,
  kDateTime,
  kRef,
  kRefSet,
};

/// The stable name of a field kind, e.g. "enum_set".
std::string_view field_kind_name(FieldKind kind);

/// The default maximum length of a kString field, in bytes of UTF-8.
inline constexpr std::uint32_t kDefaultMaxStringBytes = 2000;

/// Runtime description of one field.
struct FieldInfo {
  /// All attributes (the typed descriptors below fill them in).
  constexpr FieldInfo(std::string_view k, FieldKind kd, std::string_view e, std::string_view z,
                      const EnumInfo* info = nullptr, double lo = 0, double hi = 0,
                      std::uint32_t max_b = 0, std::string_view tgt = {}, bool sens = false)
      : key(k),
        kind(kd),
        en(e),
        zh(z),
        enum_info(info),
        min(lo),
        max(hi),
        max_bytes(max_b),
        target(tgt),
        sensitive(sens) {}

  std::string_view key;                ///< the map key (snake_case, stable)
  FieldKind kind = FieldKind::kString; ///< storage and validation
  std::string_view en;                 ///< English label
  std::string_view zh;                 ///< Chinese label (DOMAIN.md term)
  const EnumInfo* enum_info = nullptr; ///< kEnum / kEnumSet: the vocabulary
  double min = 0;                      ///< kInt / kNumber: inclusive minimum
  double max = 0;                      ///< kInt / kNumber: inclusive maximum
  std::uint32_t max_bytes = 0;         ///< kString: maximum UTF-8 bytes
  std::string_view target;             ///< kRef / kRefSet: target collection ("" = a user id)
  bool sensitive = false;              ///< visible to the account team only
};

/// Short text (a name, a title): valid UTF-8, at most `max_bytes`.
struct StringField : FieldInfo {
  constexpr StringField(std::string_view k, std::string_view e, std::string_view z,
                        std::uint32_t max_b = kDefaultMaxStringBytes, bool sens = false)
      : FieldInfo(k, FieldKind::kString, e, z, nullptr, 0, 0, max_b, {}, sens) {}
};

/// Long free text co-edited as a Y.Text.
struct TextField : FieldInfo {
  constexpr TextField(std::string_view k, std::string_view e, std::string_view z)
      : FieldInfo(k, FieldKind::kText, e, z) {}
};

/// One value of enum E, stored as its code.
template <typename E>
struct EnumField : FieldInfo {
  constexpr EnumField(std::string_view k, std::string_view e, std::string_view z)
      : FieldInfo(k, FieldKind::kEnum, e, z, &EnumTraits<E>::info) {}
};

/// A set of values of enum E.
template <typename E>
struct EnumSetField : FieldInfo {
  constexpr EnumSetField(std::string_view k, std::string_view e, std::string_view z)
      : FieldInfo(k, FieldKind::kEnumSet, e, z, &EnumTraits<E>::info) {}
};

/// An integer within [min, max].
struct IntField : FieldInfo {
  constexpr IntField(std::string_view k, std::string_view e, std::string_view z, double lo,
                     double hi)
      : FieldInfo(k, FieldKind::kInt, e, z, nullptr, lo, hi) {}
};

/// A finite number within [min, max].
struct NumberField : FieldInfo {
  constexpr NumberField(std::string_view k, std::string_view e, std::string_view z, double lo,
                        double hi)
      : FieldInfo(k, FieldKind::kNumber, e, z, nullptr, lo, hi) {}
};

/// A yes/no answer.
struct BoolField : FieldInfo {
  constexpr BoolField(std::string_view k, std::string_view e, std::string_view z)
      : FieldInfo(k, FieldKind::kBool, e, z) {}
};

/// A calendar date (ISO-8601 "YYYY-MM-DD").
struct DateField : FieldInfo {
  constexpr DateField(std::string_view k, std::string_view e, std::string_view z)
      : FieldInfo(k, FieldKind::kDate, e, z) {}
};

/// A moment (ISO-8601 date and time with an offset).
struct DateTimeField : FieldInfo {
  constexpr DateTimeField(std::string_view k, std::string_view e, std::string_view z)
      : FieldInfo(k, FieldKind::kDateTime, e, z) {}
};

/// A reference to a record of collection `target` (or, when empty, a team member's user id).
struct RefField : FieldInfo {
  constexpr RefField(std::string_view k, std::string_view e, std::string_view z,
                     std::string_view tgt)
      : FieldInfo(k, FieldKind::kRef, e, z, nullptr, 0, 0, 0, tgt) {}
};

/// A set of references (see RefField).
struct RefSetField : FieldInfo {
  constexpr RefSetField(std::string_view k, std::string_view e, std::string_view z,
                        std::string_view tgt)
      : FieldInfo(k, FieldKind::kRefSet, e, z, nullptr, 0, 0, 0, tgt) {}
};

/// Money and volumes: non-negative amounts up to 10^15.
inline constexpr double kMaxAmount = 1e15;
/// Percentages.
inline constexpr double kMaxPercent = 100;

/// Fields every record has, written by add_record.
namespace common {
inline constexpr BoolField kArchived{"archived", "Archived", "已归档"};
inline constexpr DateTimeField kCreatedAt{"created_at", "Created at", "创建时间"};
inline constexpr RefField kCreatedBy{"created_by", "Created by", "创建人", ""};
} // namespace common

/// Which document a record kind lives in (DESIGN.md "Documents").
enum class DocumentKind : std::uint8_t { kTeamIndex, kAccount, kVisitLog };

/// The stable code of a document kind ("team_index", "account", "visit_log").
std::string_view document_kind_code(DocumentKind kind);

/// A kind of record: where it lives and which fields it has.
struct RecordSchema {
  std::string_view collection; ///< root map name (the record itself if singleton)
  std::string_view en;         ///< English name of the record kind
  std::string_view zh;         ///< Chinese name
  DocumentKind document = DocumentKind::kAccount; ///< the document holding it
  bool singleton = false;                         ///< one record per document (the root map is it)
  std::span<const FieldInfo* const> fields;       ///< its own fields (common ones come on top)

  /// The field with `key` (own or common), or nullptr. O(fields).
  const FieldInfo* find(std::string_view key) const;
};

} // namespace accord::model
