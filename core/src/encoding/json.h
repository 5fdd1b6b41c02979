#pragma once
/// JSON text <-> Any, as JSON.parse / JSON.stringify. Yjs v1 encodes ContentEmbed,
/// ContentFormat values and ContentJSON elements as JSON strings, so reading them needs a parser
/// that never trusts its input (depth limit, no allocation beyond the input size).

#include <string_view>

#include "accord/any.h"
#include "accord/status.h"

namespace accord::encoding {

/// Parses one JSON value (surrounding whitespace allowed). kCorrupt on malformed text,
/// kLimitExceeded when nested deeper than `max_depth`. Numbers become doubles.
Result<Any> parse_json(std::string_view text, int max_depth = 64);

} // namespace accord::encoding
