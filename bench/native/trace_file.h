#pragma once
/// Reading the editing traces of ../shared/traces (josephg/editing-traces, gzip-compressed JSON):
/// `{startContent, endContent, txns: [{time, patches: [[pos, delCount, insText], ...]}]}`.
/// Positions count Unicode code points; Accord, like Yjs, counts UTF-16 code units. The two agree
/// for text without characters outside the BMP, which is all the sequential traces contain; a
/// trace with such characters is rejected (kUnsupported) rather than replayed at wrong positions.
/// Used by the native benchmark and by the replay check in tests/bench_check.

#include <cstdint>
#include <string>
#include <vector>

#include "accord/status.h"

namespace accord::bench {

/// One edit: delete `del` units at `pos`, then insert `ins` (UTF-8) at `pos`.
struct TextOp {
  std::uint64_t pos = 0;
  std::uint64_t del = 0;
  std::string ins;
};

/// A sequential trace: every transaction's patches in order.
struct Trace {
  std::string name;
  std::string start_content;
  std::string end_content;
  std::vector<std::vector<TextOp>> txns;
  std::size_t patch_count = 0;
};

/// Reads and gunzips the whole file at `path`. kNotFound / kCorrupt on failure.
Result<std::string> read_gzip_file(const std::string& path);

/// Loads the trace `<dir>/<name>.json.gz`. kNotFound when missing, kCorrupt when it is not a
/// sequential trace, kUnsupported when it contains characters outside the BMP.
Result<Trace> load_trace(const std::string& dir, const std::string& name);

/// The traces directory: $ACCORD_TRACES, else `<source_dir>/../shared/traces`.
std::string traces_dir(const std::string& source_dir);

} // namespace accord::bench
