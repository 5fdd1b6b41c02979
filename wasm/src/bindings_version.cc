// Bindings of accord/version.h.
#include "accord/version.h"

#include <emscripten/bind.h>

#include <string>

namespace {

std::string version() { return std::string(accord::version()); }
std::string build_target() { return std::string(accord::build_target()); }

} // namespace

EMSCRIPTEN_BINDINGS(accord_version) {
  emscripten::function("version", &version);
  emscripten::function("buildTarget", &build_target);
}
