// UUIDv7 record ids and id validation.
#include "accord/model/ids.h"

namespace accord::model {

std::string make_uuid_v7(std::int64_t unix_ms, std::mt19937_64& rng) {
  std::uint8_t b[16];
  const auto ms = static_cast<std::uint64_t>(unix_ms < 0 ? 0 : unix_ms);
  for (int i = 0; i < 6; ++i) b[i] = static_cast<std::uint8_t>(ms >> (40 - 8 * i));
  const std::uint64_t r1 = rng();
  const std::uint64_t r2 = rng();
  for (int i = 0; i < 2; ++i) b[6 + i] = static_cast<std::uint8_t>(r1 >> (8 * i));
  for (int i = 0; i < 8; ++i) b[8 + i] = static_cast<std::uint8_t>(r2 >> (8 * i));
  b[6] = static_cast<std::uint8_t>(0x70 | (b[6] & 0x0f)); // version 7
  b[8] = static_cast<std::uint8_t>(0x80 | (b[8] & 0x3f)); // RFC 9562 variant
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.reserve(36);
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 15]);
  }
  return out;
}

Status validate_id(std::string_view id, std::string_view what) {
  if (id.empty() || id.size() > 64) {
    return Status::error(StatusCode::kInvalidArgument,
                         std::string(what) + ": an id must be 1 to 64 characters");
  }
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '.' || c == '-';
    if (!ok) {
      return Status::error(StatusCode::kInvalidArgument,
                           std::string(what) + ": '" + std::string(id) +
                               "' is not an id (allowed: letters, digits, '_', '.', '-')");
    }
  }
  return Status::ok();
}

} // namespace accord::model
