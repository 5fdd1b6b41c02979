#include "accord/version.h"

namespace accord {

std::string_view version() { return ACCORD_VERSION_STRING; }

std::string_view build_target() {
#ifdef __EMSCRIPTEN__
  return "wasm";
#else
  return "native";
#endif
}

} // namespace accord
