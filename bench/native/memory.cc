#include "memory.h"

#include <malloc.h>
#include <unistd.h>

#include <fstream>

#include "accord/doc.h"
#include "accord/update.h"

namespace accord::bench {

std::int64_t heap_in_use() {
  struct mallinfo2 info = mallinfo2();
  return static_cast<std::int64_t>(info.uordblks + info.hblkhd);
}

std::int64_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::int64_t size = 0;
  std::int64_t resident = 0;
  statm >> size >> resident;
  return resident * static_cast<std::int64_t>(sysconf(_SC_PAGESIZE));
}

Result<MemoryFigures> measure_loaded_doc(const std::vector<std::uint8_t>& update,
                                         const std::string& expected) {
  malloc_trim(0);
  const std::int64_t heap0 = heap_in_use();
  const std::int64_t rss0 = resident_bytes();
  DocOptions options;
  options.client_id = 2;
  Doc doc(options);
  ACCORD_RETURN_IF_ERROR(apply_update(doc, update));
  MemoryFigures m;
  m.heap_bytes = heap_in_use() - heap0;
  m.resident_bytes = resident_bytes() - rss0;
  if (doc.get_text("text").to_string() != expected) {
    return Status::error(StatusCode::kInternal, "loaded document differs from the trace");
  }
  return m;
}

} // namespace accord::bench
