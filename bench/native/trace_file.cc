#include "trace_file.h"

#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

namespace accord::bench {

Result<std::string> read_gzip_file(const std::string& path) {
  if (!std::filesystem::exists(path)) {
    return Status::error(StatusCode::kNotFound, "no such file: " + path);
  }
  gzFile file = gzopen(path.c_str(), "rb");
  if (file == nullptr) return Status::error(StatusCode::kIoError, "cannot open " + path);
  std::string out;
  char buf[1 << 16];
  for (;;) {
    int n = gzread(file, buf, sizeof buf);
    if (n < 0) {
      gzclose(file);
      return Status::error(StatusCode::kCorrupt, "not valid gzip: " + path);
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  gzclose(file);
  return out;
}

namespace {

// True when the UTF-8 text has a 4-byte sequence (a character outside the BMP).
bool has_non_bmp(const std::string& s) {
  for (unsigned char c : s) {
    if (c >= 0xF0) return true;
  }
  return false;
}

Status corrupt(const std::string& name, const std::string& what) {
  return Status::error(StatusCode::kCorrupt, name + ": " + what);
}

} // namespace

Result<Trace> load_trace(const std::string& dir, const std::string& name) {
  auto text = read_gzip_file(dir + "/" + name + ".json.gz");
  if (!text.ok()) return text.status();
  nlohmann::json json = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) return corrupt(name, "not JSON");
  if (!json.contains("endContent") || !json["endContent"].is_string() || !json.contains("txns") ||
      !json["txns"].is_array()) {
    return corrupt(name, "not a sequential trace (endContent, txns)");
  }
  Trace trace;
  trace.name = name;
  if (json.contains("startContent") && json["startContent"].is_string()) {
    trace.start_content = json["startContent"].get<std::string>();
  }
  trace.end_content = json["endContent"].get<std::string>();
  trace.txns.reserve(json["txns"].size());
  for (const auto& txn : json["txns"]) {
    if (!txn.is_object() || !txn.contains("patches") || !txn["patches"].is_array()) {
      return corrupt(name, "transaction without patches");
    }
    std::vector<TextOp> ops;
    ops.reserve(txn["patches"].size());
    for (const auto& p : txn["patches"]) {
      if (!p.is_array() || p.size() != 3 || !p[0].is_number_unsigned() ||
          !p[1].is_number_unsigned() || !p[2].is_string()) {
        return corrupt(name, "patch is not [pos, delCount, insText]");
      }
      TextOp op{p[0].get<std::uint64_t>(), p[1].get<std::uint64_t>(), p[2].get<std::string>()};
      if (has_non_bmp(op.ins)) {
        return Status::error(StatusCode::kUnsupported,
                             name + ": text outside the BMP (UTF-16 conversion not implemented)");
      }
      ops.push_back(std::move(op));
    }
    trace.patch_count += ops.size();
    trace.txns.push_back(std::move(ops));
  }
  return trace;
}

std::string traces_dir(const std::string& source_dir) {
  if (const char* env = std::getenv("ACCORD_TRACES"); env != nullptr && *env != '\0') return env;
  return source_dir + "/../shared/traces";
}

} // namespace accord::bench
