#pragma once
/// lib0's writeAny/readAny for accord::Any, byte-exact. One tag byte, then the value:
/// 127 undefined, 126 null, 125 integer (var int; integers with |n| <= 2^31-1), 124 float32
/// (when the number survives a float32 round trip), 123 float64, 122 bigint64, 121 false,
/// 120 true, 119 string, 118 object (var uint count, then key string + value), 117 array
/// (count, values), 116 Uint8Array (var uint8array).

#include "accord/any.h"
#include "accord/status.h"
#include "encoding/lib0_reader.h"
#include "encoding/lib0_writer.h"

namespace accord::encoding {

/// Nesting limit of arrays/objects accepted by read_any (kLimitExceeded beyond).
inline constexpr int kMaxAnyDepth = 64;

/// Appends `value` as lib0's writeAny does.
void write_any(Lib0Writer& w, const Any& value);
/// Reads one value as lib0's readAny. kCorrupt on bad tags/truncation, kLimitExceeded when
/// nested deeper than `max_depth`.
Result<Any> read_any(Lib0Reader& r, int max_depth = kMaxAnyDepth);

} // namespace accord::encoding
