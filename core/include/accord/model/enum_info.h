#pragma once
/// Closed vocabularies of the domain (DOMAIN.md) as C++ enums with stable string codes.
///
/// Every enum of the model has a table of entries, one per enumerator in declaration order:
/// the stable code stored in documents (English snake_case, never renamed), and display names in
/// English and Simplified Chinese for the UI. Declaration order is meaningful where the domain
/// orders the values (e.g. relationship type from lowest to highest); analytics rely on it and
/// say so. Codes a newer client wrote that this build does not know are kept as text (see
/// `Coded`), never rewritten.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace accord::model {

/// The language of a display name.
enum class Locale : std::uint8_t { kEnglish, kChinese };

/// One value of a vocabulary: stored code and display names.
struct EnumEntry {
  std::string_view code; ///< stable snake_case code stored in documents
  std::string_view en;   ///< English display name
  std::string_view zh;   ///< Simplified Chinese display name (the term of DOMAIN.md)
};

/// A vocabulary: its name (used in error messages and by the UI) and its entries in order.
struct EnumInfo {
  std::string_view name;              ///< e.g. "stance"
  std::span<const EnumEntry> entries; ///< one per enumerator, in declaration order

  /// The index of `code`, or nullopt when this build does not know it. O(entries).
  std::optional<std::size_t> index_of(std::string_view code) const {
    for (std::size_t i = 0; i < entries.size(); ++i) {
      if (entries[i].code == code) return i;
    }
    return std::nullopt;
  }
  /// "a, b, c": the codes, for error messages.
  std::string code_list() const;
};

/// Specialised for every enum of the model (see ACCORD_MODEL_ENUM) with `static constexpr
/// EnumInfo info`.
template <typename E>
struct EnumTraits;

/// The stable code of `value`.
template <typename E>
constexpr std::string_view code_of(E value) {
  return EnumTraits<E>::info.entries[static_cast<std::size_t>(value)].code;
}

/// The display name of `value` in `locale`.
template <typename E>
constexpr std::string_view display_name(E value, Locale locale) {
  const EnumEntry& e = EnumTraits<E>::info.entries[static_cast<std::size_t>(value)];
  return locale == Locale::kChinese ? e.zh : e.en;
}

/// The enumerator with `code`, or nullopt when unknown. O(entries).
template <typename E>
std::optional<E> parse_enum(std::string_view code) {
  auto i = EnumTraits<E>::info.index_of(code);
  if (!i) return std::nullopt;
  return static_cast<E>(*i);
}

/// All enumerators of E in declaration order.
template <typename E>
std::vector<E> all_values() {
  std::vector<E> out;
  for (std::size_t i = 0; i < EnumTraits<E>::info.entries.size(); ++i) {
    out.push_back(static_cast<E>(i));
  }
  return out;
}

/// An enum field as read from a document: unset, a known value, or a code this build does not
/// know (written by a newer client; kept as is).
template <typename E>
class Coded {
public:
  /// Unset.
  Coded() = default;
  /// A known value.
  explicit Coded(E value) : value_(value), code_(code_of(value)) {}
  /// A code as stored: known or not.
  static Coded from_code(std::string code) {
    Coded c;
    c.value_ = parse_enum<E>(code);
    c.code_ = std::move(code);
    c.set_ = true;
    return c;
  }

  /// True when the field holds any code (known or not).
  bool is_set() const { return set_ || value_.has_value(); }
  /// True when the field holds a code this build does not know.
  bool is_unknown() const { return is_set() && !value_.has_value(); }
  /// The value when set and known.
  std::optional<E> value() const { return value_; }
  /// The stored code ("" when unset).
  const std::string& code() const { return code_; }
  /// True when set to `v`.
  bool operator==(E v) const { return value_ == v; }

private:
  std::optional<E> value_;
  std::string code_;
  bool set_ = false;
};

/// Every vocabulary of the model, for the UI and for tests. Defined in enums.cc.
std::span<const EnumInfo* const> all_enum_infos();

} // namespace accord::model

/// Declares EnumTraits<Type> over the constexpr entry array `entries`.
#define ACCORD_MODEL_ENUM(Type, name_literal, entries)                                 \
  template <>                                                                          \
  struct EnumTraits<Type> {                                                            \
    static constexpr EnumInfo info{name_literal, std::span<const EnumEntry>(entries)}; \
  }
