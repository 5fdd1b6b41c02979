#include "frame_reader.h"

namespace accord::server {

Result<std::uint64_t> FrameReader::read_var_uint() {
  const std::size_t start = offset_;
  std::uint64_t value = 0;
  for (unsigned shift = 0;; shift += 7) {
    if (offset_ >= bytes_.size()) {
      return Status::error_at(StatusCode::kCorrupt, start, "truncated varUint");
    }
    const std::uint8_t byte = bytes_[offset_++];
    const std::uint64_t bits = byte & 0x7f;
    if (shift >= 53 ? (bits != 0 || (byte & 0x80) != 0) : (bits >> (53 - shift)) != 0) {
      return Status::error_at(StatusCode::kCorrupt, start, "varUint larger than 2^53");
    }
    if (shift < 53) value |= bits << shift;
    if ((byte & 0x80) == 0) return value;
  }
}

Result<std::span<const std::uint8_t>> FrameReader::read_var_bytes() {
  const std::size_t start = offset_;
  ACCORD_ASSIGN_OR_RETURN(const std::uint64_t length, read_var_uint());
  if (length > remaining()) {
    return Status::error_at(StatusCode::kCorrupt, start,
                            "length " + std::to_string(length) + " exceeds the " +
                                std::to_string(remaining()) + " bytes left");
  }
  const auto out = bytes_.subspan(offset_, static_cast<std::size_t>(length));
  offset_ += static_cast<std::size_t>(length);
  return out;
}

Result<std::string_view> FrameReader::read_var_string() {
  const std::size_t start = offset_;
  ACCORD_ASSIGN_OR_RETURN(const auto bytes, read_var_bytes());
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  if (!is_valid_utf8(text)) {
    return Status::error_at(StatusCode::kCorrupt, start, "string is not valid UTF-8");
  }
  return text;
}

bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    std::uint32_t code = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xe0) == 0xc0) {
      extra = 1;
      code = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      extra = 2;
      code = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      extra = 3;
      code = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= text.size()) return false; // truncated sequence
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xc0) != 0x80) return false;
      code = (code << 6) | (next & 0x3f);
    }
    static constexpr std::uint32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};
    if (code < kMinimum[extra] || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

} // namespace accord::server
