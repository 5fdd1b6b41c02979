#pragma once
/// Record ids. New records get a UUIDv7 printed as text ("0190b6f4-7a2c-7d3e-8f01-...": 48 bits
/// of Unix milliseconds, then random bits): time-ordered, so lists sort by creation, and random
/// enough that two offline devices never pick the same id. Ids from elsewhere (imports, user ids)
/// are accepted when they are 1-64 characters of [A-Za-z0-9_.-]: no ':' (the separator of set
/// keys) and no '/' (the separator of record paths).

#include <cstdint>
#include <random>
#include <string>
#include <string_view>

#include "accord/status.h"

namespace accord::model {

/// A UUIDv7 string for `unix_ms` with random bits drawn from `rng`.
std::string make_uuid_v7(std::int64_t unix_ms, std::mt19937_64& rng);

/// Ok when `id` is a valid record or user id; kInvalidArgument naming `what` otherwise.
Status validate_id(std::string_view id, std::string_view what);

} // namespace accord::model
