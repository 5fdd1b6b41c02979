#pragma once
/// Memory held by a loaded document, measured natively. The primary figure is the growth of
/// the bytes malloc reports in use (glibc mallinfo2: uordblks + hblkhd), which counts every live
/// allocation of the Doc, chunk overhead included, and nothing freed. The process's resident set
/// growth is reported beside it; it depends on what the allocator had cached before, so it is
/// only meaningful in a fresh process, which is how main.cc measures (a child per measurement).

#include <cstdint>
#include <string>
#include <vector>

#include "accord/status.h"

namespace accord::bench {

/// Bytes malloc has handed out and not taken back.
std::int64_t heap_in_use();
/// The process's resident set size in bytes (from /proc/self/statm).
std::int64_t resident_bytes();

/// What loading one document cost.
struct MemoryFigures {
  std::int64_t heap_bytes = 0;     ///< growth of heap_in_use()
  std::int64_t resident_bytes = 0; ///< growth of resident_bytes()
};

/// Applies `update` to a fresh Doc, checks its text "text" equals `expected`, and returns what
/// the Doc holds while alive. Call it early in a fresh process.
Result<MemoryFigures> measure_loaded_doc(const std::vector<std::uint8_t>& update,
                                         const std::string& expected);

} // namespace accord::bench
