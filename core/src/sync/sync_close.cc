// Close codes and client protocol versions (see accord/sync_close.h).
#include "accord/sync_close.h"

namespace accord::sync {

namespace {
constexpr std::string_view kVersionPrefix = "accord/";
} // namespace

std::string client_version_string(std::uint32_t protocol) {
  return std::string(kVersionPrefix) + std::to_string(protocol);
}

std::optional<std::uint32_t> parse_client_protocol(std::string_view version) {
  if (!version.starts_with(kVersionPrefix)) return std::nullopt;
  const std::string_view digits = version.substr(kVersionPrefix.size());
  if (digits.empty() || digits.size() > 9) return 0;
  std::uint32_t protocol = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return 0;
    protocol = protocol * 10 + static_cast<std::uint32_t>(c - '0');
  }
  return protocol;
}

CloseAction classify_close(const CloseInfo& info) {
  if (info.http_status == 401 || info.http_status == 403) return CloseAction::kRefused;
  switch (info.code) {
    case kClosePolicyViolation: return CloseAction::kRefused;
    case kCloseClientTooOld: return CloseAction::kOutdated;
    case kCloseMessageTooBig: return CloseAction::kShrinkFrames;
    default: return CloseAction::kReconnect;
  }
}

} // namespace accord::sync
