#pragma once
/// Build identity of the core, the same natively and in WebAssembly.

#include <string_view>

namespace accord {

/// The core's semantic version, e.g. "0.1.0". Costs nothing; never fails.
std::string_view version();

/// Where this core was compiled for: "native" or "wasm".
std::string_view build_target();

} // namespace accord
