#pragma once
/// `Any`: the JSON-like value type of Yjs (lib0's "any"): undefined, null, bool, number (double),
/// bigint (int64), string, bytes, array and object with insertion-ordered keys. It is what
/// Map/Array store as plain values and what `to_json()` returns. Encoded with lib0's
/// writeAny/readAny (see core/src/encoding/any_codec.h).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace accord {

/// A JSON-like value with value semantics (copying copies deeply).
class Any {
public:
  /// The kinds of value, in lib0's vocabulary.
  enum class Kind : std::uint8_t {
    kUndefined,
    kNull,
    kBool,
    kNumber,
    kBigInt,
    kString,
    kBytes,
    kArray,
    kObject
  };
  /// A list of values.
  using Array = std::vector<Any>;
  /// Key/value pairs in insertion order (as a JS object's string keys).
  using Object = std::vector<std::pair<std::string, Any>>;
  /// Raw bytes (a JS Uint8Array).
  using Bytes = std::vector<std::uint8_t>;

  /// `undefined`.
  Any() = default;
  /// A boolean.
  Any(bool b) : v_(b) {} // NOLINT(google-explicit-constructor)
  /// A number (JS numbers are doubles).
  Any(double d) : v_(d) {} // NOLINT(google-explicit-constructor)
  /// A number from an int (stored as a double, as in JS).
  Any(int i) : v_(static_cast<double>(i)) {} // NOLINT(google-explicit-constructor)
  /// A string (UTF-8).
  Any(const char* s) : v_(std::string(s)) {} // NOLINT(google-explicit-constructor)
  /// A string (UTF-8).
  Any(std::string s) : v_(std::move(s)) {} // NOLINT(google-explicit-constructor)
  /// A string (UTF-8).
  Any(std::string_view s) : v_(std::string(s)) {} // NOLINT(google-explicit-constructor)
  /// An array.
  Any(Array a) : v_(std::move(a)) {} // NOLINT(google-explicit-constructor)
  /// An object.
  Any(Object o) : v_(std::move(o)) {} // NOLINT(google-explicit-constructor)

  /// `null`.
  static Any null() {
    Any a;
    a.v_ = nullptr;
    return a;
  }
  /// `undefined` (same as `Any()`).
  static Any undefined() { return Any(); }
  /// A bigint (lib0 encodes it as a signed 64-bit integer).
  static Any bigint(std::int64_t v) {
    Any a;
    a.v_ = v;
    return a;
  }
  /// Bytes (a Uint8Array). In Map/Array these become ContentBinary, as in Yjs.
  static Any bytes(Bytes b) {
    Any a;
    a.v_ = std::move(b);
    return a;
  }

  /// Which kind of value this is.
  Kind kind() const { return static_cast<Kind>(v_.index()); }
  bool is_undefined() const { return kind() == Kind::kUndefined; } ///< kind() == kUndefined
  bool is_null() const { return kind() == Kind::kNull; }           ///< kind() == kNull
  bool is_bool() const { return kind() == Kind::kBool; }           ///< kind() == kBool
  bool is_number() const { return kind() == Kind::kNumber; }       ///< kind() == kNumber
  bool is_bigint() const { return kind() == Kind::kBigInt; }       ///< kind() == kBigInt
  bool is_string() const { return kind() == Kind::kString; }       ///< kind() == kString
  bool is_bytes() const { return kind() == Kind::kBytes; }         ///< kind() == kBytes
  bool is_array() const { return kind() == Kind::kArray; }         ///< kind() == kArray
  bool is_object() const { return kind() == Kind::kObject; }       ///< kind() == kObject

  /// The value; call only when the kind matches (std::bad_variant_access otherwise).
  bool as_bool() const { return std::get<bool>(v_); }
  double as_number() const { return std::get<double>(v_); }                  ///< see as_bool
  std::int64_t as_bigint() const { return std::get<std::int64_t>(v_); }      ///< see as_bool
  const std::string& as_string() const { return std::get<std::string>(v_); } ///< see as_bool
  const Bytes& as_bytes() const { return std::get<Bytes>(v_); }              ///< see as_bool
  const Array& as_array() const { return std::get<Array>(v_); }              ///< see as_bool
  const Object& as_object() const { return std::get<Object>(v_); }           ///< see as_bool
  Array& as_array() { return std::get<Array>(v_); }                          ///< see as_bool
  Object& as_object() { return std::get<Object>(v_); }                       ///< see as_bool

  /// For an object: the value under `key`, or nullptr (also when this is not an object). O(n).
  const Any* find(std::string_view key) const;

  /// Deep equality; numbers compare as doubles (NaN != NaN), object keys in order.
  bool operator==(const Any& other) const { return v_ == other.v_; }

  /// JSON text as JSON.stringify would print it (undefined -> null inside arrays, dropped from
  /// objects; bigint printed as a number; bytes as an object of indexes like Uint8Array).
  std::string to_json_string() const;

  /// A copy with the keys of every object sorted, deeply. Yjs lists map keys in the order a
  /// peer first saw them, which differs between peers and across a reload: compare documents
  /// on this form. O(n log n) per object.
  Any with_sorted_keys() const;

private:
  std::variant<std::monostate, std::nullptr_t, bool, double, std::int64_t, std::string, Bytes,
               Array, Object>
      v_;
};

} // namespace accord
