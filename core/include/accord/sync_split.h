#pragma once
/// Splitting one large v1 update into several smaller v1 updates, so that a catch-up never
/// exceeds a peer's frame limit. Applying all pieces (in any order: structs whose dependencies
/// arrive later wait as pending structs) has the same effect as applying the original update.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "accord/status.h"

namespace accord::sync {

/// Splits `update` into v1 updates of at most `max_bytes` each (the input itself when it fits).
/// Structs keep their order; each piece holds a clock-contiguous run of one client's structs;
/// the delete set travels in the last piece (or alone). kCorrupt when `update` does not decode;
/// kLimitExceeded when one struct, or the delete set, alone is larger than `max_bytes`.
/// Cost: one decode and one encode of the update.
Result<std::vector<std::vector<std::uint8_t>>> split_update(std::span<const std::uint8_t> update,
                                                            std::size_t max_bytes);

} // namespace accord::sync
