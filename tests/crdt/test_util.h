#pragma once
// Helpers shared by the CRDT tests: hex, fixture loading.
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "accord/any.h"
#include "encoding/json.h"

namespace accord::testing {

inline std::string hex(const std::vector<std::uint8_t>& b) {
  static const char* k = "0123456789abcdef";
  std::string s;
  for (auto x : b) {
    s.push_back(k[x >> 4]);
    s.push_back(k[x & 15]);
  }
  return s;
}

inline std::vector<std::uint8_t> unhex(const std::string& s) {
  std::vector<std::uint8_t> out;
  for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
    out.push_back(static_cast<std::uint8_t>(std::stoi(s.substr(i, 2), nullptr, 16)));
  }
  return out;
}

inline std::string source_dir() {
  const char* d = std::getenv("ACCORD_SOURCE_DIR");
  return d ? d : ".";
}

/// Loads a JSON fixture relative to the source tree.
inline Any load_fixture(const std::string& rel) {
  std::ifstream in(source_dir() + "/" + rel);
  std::stringstream ss;
  ss << in.rdbuf();
  auto parsed = encoding::parse_json(ss.str());
  return parsed.ok() ? parsed.value() : Any();
}

} // namespace accord::testing
