#pragma once
/// lib0 binary decoding, reader side (lib0/decoding.js); see lib0_writer.h for the bytes.
/// Bounds-checked: every read returns a Result whose error is kCorrupt with the byte offset
/// where the bad value starts and a reason. Var uints are limited to 53 bits (as lib0, which
/// works in JS numbers). Length-prefixed reads check the length against the bytes left before
/// touching memory, so they never allocate more than the input size.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "accord/status.h"

namespace accord::encoding {

/// The largest integer a JS number holds exactly (2^53-1), lib0's var uint limit.
inline constexpr std::uint64_t kMaxSafeInteger = (std::uint64_t{1} << 53) - 1;

/// A signed var int as lib0 reads it: magnitude and sign (lib0 has negative zero).
struct VarInt {
  std::int64_t value = 0;
  bool negative = false; ///< sign bit set (true also for -0)
};

/// Reads lib0-encoded values from a byte span it does not own.
class Lib0Reader {
public:
  explicit Lib0Reader(std::span<const std::uint8_t> data) : data_(data) {}

  std::size_t offset() const { return pos_; }                   ///< bytes consumed so far
  std::size_t remaining() const { return data_.size() - pos_; } ///< bytes left
  bool at_end() const { return pos_ >= data_.size(); }          ///< nothing left

  /// One raw byte.
  Result<std::uint8_t> read_u8() {
    if (pos_ >= data_.size()) return eof("a byte");
    return data_[pos_++];
  }
  /// Unsigned var int, at most 2^53-1.
  Result<std::uint64_t> read_var_uint() {
    std::size_t start = pos_;
    std::uint64_t num = 0;
    unsigned shift = 0;
    while (pos_ < data_.size()) {
      std::uint8_t r = data_[pos_++];
      if (shift >= 56 || (shift == 49 && (r & 0x7f) > 0x0f)) return too_large(start);
      num |= static_cast<std::uint64_t>(r & 0x7f) << shift;
      if (r < 0x80) return num;
      shift += 7;
    }
    return eof_at(start, "a var uint");
  }
  /// A var uint that must fit in 32 bits (lengths, counts, type refs).
  Result<std::uint32_t> read_var_u32();
  /// Signed var int (magnitude at most 2^53-1).
  Result<VarInt> read_var_int();
  Result<float> read_float32();         ///< big-endian float32
  Result<double> read_float64();        ///< big-endian float64
  Result<std::int64_t> read_bigint64(); ///< big-endian int64
  /// Length-prefixed bytes (a view into the input).
  Result<std::span<const std::uint8_t>> read_var_uint8_array();
  /// Length-prefixed UTF-8 string, validated (kCorrupt on invalid UTF-8); a view into the input.
  Result<std::string_view> read_var_string();
  /// `n` raw bytes (a view into the input).
  Result<std::span<const std::uint8_t>> read_bytes(std::size_t n);

  /// An error at the current offset.
  Status error(std::string reason) const { return error_at(pos_, std::move(reason)); }
  /// An error at `offset`.
  static Status error_at(std::size_t offset, std::string reason) {
    return Status::error_at(StatusCode::kCorrupt, offset, std::move(reason));
  }

private:
  Status eof(const char* what) const { return eof_at(pos_, what); }
  Status eof_at(std::size_t at, const char* what) const;
  Status too_large(std::size_t at) const;

  std::span<const std::uint8_t> data_;
  std::size_t pos_ = 0;
};

} // namespace accord::encoding
