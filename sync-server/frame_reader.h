#pragma once
/// A bounds-checked reader of the lib0 primitives that frame y-protocols
/// messages: varUint (7 bits a byte, least significant group first, high bit =
/// more follows, at most 53 bits as in lib0), varString (varUint byte length +
/// UTF-8) and varUint8Array (varUint length + bytes). It only frames; the CRDT
/// payloads inside are left to the sync layer. Never reads past the end.

#include "accord/status.h"

#include <cstdint>
#include <span>
#include <string_view>

namespace accord::server {

/// Reads lib0 primitives from a span. Errors are kCorrupt with the offset.
class FrameReader {
public:
  explicit FrameReader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

  /// A varUint of at most 53 bits.
  Result<std::uint64_t> read_var_uint();
  /// A varString; the view points into the input. Checks UTF-8 well-formedness.
  Result<std::string_view> read_var_string();
  /// A varUint8Array; the span points into the input.
  Result<std::span<const std::uint8_t>> read_var_bytes();

  std::size_t offset() const { return offset_; }
  std::size_t remaining() const { return bytes_.size() - offset_; }
  bool at_end() const { return offset_ == bytes_.size(); }

private:
  std::span<const std::uint8_t> bytes_;
  std::size_t offset_ = 0;
};

/// True when `text` is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid_utf8(std::string_view text);

} // namespace accord::server
