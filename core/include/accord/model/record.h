#pragma once
/// `RecordRef`: a typed view of one record (a Y.Map in a document) through its schema. Getters
/// return "unset" (nullopt, an empty Coded, an empty set) for absent fields, never a default.
/// Setters validate (type, range, enum code, date syntax, id syntax, reference target) and
/// return a Status naming the record, the field and the reason; on error nothing changes. Every
/// successful set adds a change journal entry to the Edit (who, when, old and new value). Keys
/// this build does not know (fields of newer clients) and unknown enum codes are never touched.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/any.h"
#include "accord/doc.h"
#include "accord/model/dates.h"
#include "accord/model/edit.h"
#include "accord/model/field.h"
#include "accord/status.h"
#include "accord/types.h"

namespace accord::model {

/// A record of a document, read and written through its schema. Cheap to copy; valid while the
/// Doc lives.
class RecordRef {
public:
  /// Wraps the record map `map` with id `id` of kind `schema` in `doc` (see documents.h for
  /// getting records).
  RecordRef(Doc* doc, MapRef map, const RecordSchema* schema, std::string id)
      : doc_(doc), map_(map), schema_(schema), id_(std::move(id)) {}

  /// The record id (for singletons, the collection name).
  const std::string& id() const { return id_; }
  /// The record kind.
  const RecordSchema& schema() const { return *schema_; }
  /// The underlying Y.Map.
  MapRef map() const { return map_; }
  /// "<collection>/<id>" (the collection alone for singletons): the key of its journal entries.
  std::string path() const;
  /// True when archived (soft-deleted; kept so concurrent edits are not lost).
  bool archived() const;

  // ---- typed getters (absent -> unset)
  std::optional<std::string> get(const StringField& f) const; ///< the string, or unset
  std::optional<std::string> get(const TextField& f) const;   ///< the text, or unset
  std::optional<std::int64_t> get(const IntField& f) const;   ///< the integer, or unset
  std::optional<double> get(const NumberField& f) const;      ///< the number, or unset
  std::optional<bool> get(const BoolField& f) const;          ///< the flag, or unset
  std::optional<Date> get(const DateField& f) const;          ///< the date, or unset/invalid
  /// The moment in Unix milliseconds, or unset/invalid.
  std::optional<std::int64_t> get(const DateTimeField& f) const;
  std::optional<std::string> get(const RefField& f) const;  ///< the referenced id, or unset
  std::vector<std::string> get(const RefSetField& f) const; ///< the ids (sorted)
  /// The stored code (known, unknown to this build, or unset).
  template <typename E>
  Coded<E> get(const EnumField<E>& f) const {
    auto code = get_code(f);
    return code ? Coded<E>::from_code(std::move(*code)) : Coded<E>();
  }
  /// The known members (sorted by enum order); unknown codes are in codes().
  template <typename E>
  std::vector<E> get(const EnumSetField<E>& f) const {
    std::vector<E> out;
    for (const auto& c : set_members(f)) {
      if (auto v = parse_enum<E>(c)) out.push_back(*v);
    }
    std::sort(out.begin(), out.end());
    return out;
  }
  /// Every member code of a set field, known or not (sorted).
  std::vector<std::string> set_members(const FieldInfo& f) const;
  /// The stored code of an enum field, or unset.
  std::optional<std::string> get_code(const FieldInfo& f) const;
  /// The Y.Text of a text field (created empty on first use). For co-editing: edit it through
  /// Edit::txn() and call note_text_edit.
  TextRef text(const TextField& f) const;

  // ---- typed setters (validate; journal; on error nothing changes)
  Status set(Edit& e, const StringField& f, std::string_view v) const;     ///< max bytes, UTF-8
  Status set(Edit& e, const IntField& f, std::int64_t v) const;            ///< range
  Status set(Edit& e, const NumberField& f, double v) const;               ///< finite, range
  Status set(Edit& e, const BoolField& f, bool v) const;                   ///< any
  Status set(Edit& e, const DateField& f, std::string_view iso) const;     ///< YYYY-MM-DD
  Status set(Edit& e, const DateTimeField& f, std::string_view iso) const; ///< with offset
  /// Id syntax; for targets in the same document, that the record exists (kNotFound).
  Status set(Edit& e, const RefField& f, std::string_view id) const;
  /// Sets an enum field.
  template <typename E>
  Status set(Edit& e, const EnumField<E>& f, E v) const {
    return set_value(e, f.key, Any(std::string(code_of(v))));
  }
  /// Adds a member to a set.
  template <typename E>
  Status add(Edit& e, const EnumSetField<E>& f, E v) const {
    return add_member(e, f, code_of(v));
  }
  /// Removes a member from a set (no-op when absent).
  template <typename E>
  Status remove(Edit& e, const EnumSetField<E>& f, E v) const {
    return remove_member(e, f, code_of(v));
  }
  /// Adds a reference to a ref set (validated as set(RefField)).
  Status add(Edit& e, const RefSetField& f, std::string_view id) const;
  /// Removes a reference from a ref set.
  Status remove(Edit& e, const RefSetField& f, std::string_view id) const;
  /// Replaces the whole text of a text field (a diff would be kinder to concurrent editors:
  /// only the changed middle is replaced, so edits elsewhere in the text survive).
  Status set_text(Edit& e, const TextField& f, std::string_view text) const;
  /// Journals a direct edit of text(f) made through e.txn().
  void note_text_edit(Edit& e, const TextField& f) const;
  /// Unsets a field (a set loses all members; a text becomes empty).
  Status clear(Edit& e, const FieldInfo& f) const;
  /// Archives or restores the record.
  Status set_archived(Edit& e, bool archived) const;

  // ---- generic access by key (import, UI, wasm)
  /// Sets field `key` from a JSON-like value: a string for string/text/enum/date/date-time/ref
  /// (a code for enums), a number for int/number, a bool, an array of codes/ids for sets (the set
  /// becomes exactly those, except that members unknown to this build are kept), null to unset.
  /// kInvalidArgument for unknown keys, wrong types and invalid values.
  Status set_value(Edit& e, std::string_view key, const Any& value) const;
  /// A field's value as JSON-like Any (sets as sorted arrays, text as a string, undefined when
  /// unset).
  Any get_value(const FieldInfo& f) const;
  /// All known fields that are set, plus every unknown key as stored (for export), plus "id".
  Any to_json() const;

  /// Adds a member code to a set field (validated against the field's vocabulary or id syntax).
  Status add_member(Edit& e, const FieldInfo& f, std::string_view member) const;
  /// Removes a member code from a set field.
  Status remove_member(Edit& e, const FieldInfo& f, std::string_view member) const;

private:
  Status check_edit(const Edit& e) const;
  Status invalid(const FieldInfo& f, std::string_view why) const;
  Status validate(const FieldInfo& f, const Any& value) const;
  Status check_ref(const FieldInfo& f, std::string_view id) const;
  void write(Edit& e, std::string_view key, Any value) const;
  std::string text_root_name(const FieldInfo& f) const;

  Doc* doc_;
  MapRef map_;
  const RecordSchema* schema_;
  std::string id_;
};

} // namespace accord::model
