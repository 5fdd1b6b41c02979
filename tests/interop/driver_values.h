#pragma once
/// Value conversions of the interop driver: the tagged JSON of session scripts
/// (tests/interop/values.mjs) to accord::Any, and Accord documents back to the
/// tagged "view" the Node harness compares with yjs (tests/interop/yjs_peer.mjs).
///
/// Tagged JSON: null/bool/string as themselves, every number is a JS number (a
/// double), {"$bigint": "decimal"}, {"$bytes": "hex"}, arrays, objects (key order
/// kept: the driver reads scripts with nlohmann::ordered_json), and
/// {"$type": "map"|"array"|"text"} for a new nested shared type. A view is
/// {"$map": {...}}, {"$array": [...]} or {"$text": [{"insert": "text" |
/// {"$embed": any}, "attributes": {...}}]} for shared types.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "accord/any.h"
#include "accord/status.h"
#include "accord/types.h"
#include "accord/value.h"

namespace accord::interop {

using Json = nlohmann::ordered_json;

/// Lower-case hex of `bytes`.
std::string to_hex(std::span<const std::uint8_t> bytes);
/// Bytes of a hex string; kInvalidArgument on odd length or a non-hex digit.
Result<std::vector<std::uint8_t>> from_hex(std::string_view hex);

/// True when `v` is {"$type": ...}, a new nested type rather than a value.
bool is_type_tag(const Json& v);
/// A tagged script value as an Any; kInvalidArgument for a $type tag or a malformed tag.
Result<Any> to_any(const Json& v);
/// An object of tagged values (formatting attributes) as an Any::Object.
Result<Any::Object> to_object(const Json& v);

/// The tagged JSON of an Any (bytes as {"$bytes"}, bigint as {"$bigint"}).
Json tagged(const Any& any);
/// The view of a value held by a shared type (nested types spelled out).
Json view_of(const Value& value);
/// The view of a shared type.
Json view_of(TypeRef type);

} // namespace accord::interop
