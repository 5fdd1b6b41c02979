#pragma once
// Reading test knobs from the environment: seeds to replay a randomized test, iteration counts.
#include <cstdint>
#include <cstdlib>

namespace accord::testing {

/// The unsigned integer in environment variable `name`, or `fallback` when it is not set.
inline std::uint64_t env_u64(const char* name, std::uint64_t fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::strtoull(value, nullptr, 10) : fallback;
}

} // namespace accord::testing
