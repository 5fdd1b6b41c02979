#pragma once
/// lib0 binary encoding, writer side (lib0/encoding.js). The bytes:
/// - var uint: little-endian groups of 7 bits, high bit set on every byte but the last;
/// - var int: first byte holds a continue bit (0x80), a sign bit (0x40) and 6 value bits, then
///   7-bit groups as var uint (lib0 has a negative zero: sign bit with value 0);
/// - float32/float64/bigint64: big-endian IEEE 754 / two's complement;
/// - var string / var uint8array: var uint byte length, then the bytes (UTF-8 for strings).
/// Appends to a std::vector<uint8_t>; never fails.

#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

namespace accord::encoding {

/// Appends lib0-encoded values to a byte vector.
class Lib0Writer {
public:
  Lib0Writer() = default;
  /// Writes into `out` (appending); the writer does not own it.
  explicit Lib0Writer(std::vector<std::uint8_t>* out) : out_(out) {}

  void write_u8(std::uint8_t b) { out_->push_back(b); } ///< one raw byte
  /// Unsigned variable-length integer (values up to 2^64-1 encode; Yjs uses up to 2^53-1).
  void write_var_uint(std::uint64_t v) {
    while (v > 0x7f) {
      out_->push_back(static_cast<std::uint8_t>(0x80 | (v & 0x7f)));
      v >>= 7;
    }
    out_->push_back(static_cast<std::uint8_t>(v));
  }
  /// Signed variable-length integer; `negative` forces the sign bit (lib0's -0).
  void write_var_int(std::int64_t v, bool negative_zero = false) {
    bool neg = v < 0 || negative_zero;
    std::uint64_t n =
        v < 0 ? static_cast<std::uint64_t>(-(v + 1)) + 1 : static_cast<std::uint64_t>(v);
    out_->push_back(
        static_cast<std::uint8_t>((n > 0x3f ? 0x80 : 0) | (neg ? 0x40 : 0) | (n & 0x3f)));
    n >>= 6;
    while (n > 0) {
      out_->push_back(static_cast<std::uint8_t>((n > 0x7f ? 0x80 : 0) | (n & 0x7f)));
      n >>= 7;
    }
  }
  /// Big-endian float32.
  void write_float32(float f) {
    std::uint32_t u;
    std::memcpy(&u, &f, 4);
    for (int i = 3; i >= 0; --i) out_->push_back(static_cast<std::uint8_t>(u >> (i * 8)));
  }
  /// Big-endian float64.
  void write_float64(double d) {
    std::uint64_t u;
    std::memcpy(&u, &d, 8);
    for (int i = 7; i >= 0; --i) out_->push_back(static_cast<std::uint8_t>(u >> (i * 8)));
  }
  /// Big-endian two's complement 64-bit integer.
  void write_bigint64(std::int64_t v) {
    auto u = static_cast<std::uint64_t>(v);
    for (int i = 7; i >= 0; --i) out_->push_back(static_cast<std::uint8_t>(u >> (i * 8)));
  }
  /// Raw bytes without a length.
  void write_bytes(std::span<const std::uint8_t> b) {
    out_->insert(out_->end(), b.begin(), b.end());
  }
  /// Length-prefixed bytes.
  void write_var_uint8_array(std::span<const std::uint8_t> b) {
    write_var_uint(b.size());
    write_bytes(b);
  }
  /// Length-prefixed UTF-8 string (the caller guarantees valid UTF-8).
  void write_var_string(std::string_view s) {
    write_var_uint(s.size());
    out_->insert(out_->end(), s.begin(), s.end());
  }

  /// The vector written to.
  std::vector<std::uint8_t>& bytes() { return *out_; }

private:
  std::vector<std::uint8_t>* out_ = nullptr;
};

/// A Lib0Writer that owns its buffer.
class Lib0Buffer : public Lib0Writer {
public:
  Lib0Buffer() : Lib0Writer(&buf_) {}
  Lib0Buffer(const Lib0Buffer&) = delete;
  Lib0Buffer& operator=(const Lib0Buffer&) = delete;
  /// Moves the written bytes out.
  std::vector<std::uint8_t> take() { return std::move(buf_); }

private:
  std::vector<std::uint8_t> buf_;
};

} // namespace accord::encoding
