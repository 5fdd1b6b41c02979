#include "trace_file.h"

#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <string_view>
#include <utility>

#include "encoding/utf.h"

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

// A small JSON reader specialised for the trace files: it keeps startContent, endContent and
// each transaction's patches and skips everything else ("time", "parents", ...). Much faster
// than building a DOM of 260,000 objects, which matters for the replay test under ASan.
class TraceParser {
public:
  TraceParser(std::string_view text, std::string name) : s_(text), name_(std::move(name)) {}

  Status parse(Trace& trace) {
    ACCORD_RETURN_IF_ERROR(expect('{'));
    bool have_end = false;
    bool have_txns = false;
    if (!consume('}')) {
      do {
        std::string key;
        ACCORD_RETURN_IF_ERROR(string(key));
        ACCORD_RETURN_IF_ERROR(expect(':'));
        if (key == "startContent") {
          ACCORD_RETURN_IF_ERROR(string(trace.start_content));
        } else if (key == "endContent") {
          ACCORD_RETURN_IF_ERROR(string(trace.end_content));
          have_end = true;
        } else if (key == "txns") {
          ACCORD_RETURN_IF_ERROR(txns(trace));
          have_txns = true;
        } else {
          ACCORD_RETURN_IF_ERROR(skip_value(0));
        }
      } while (consume(','));
      ACCORD_RETURN_IF_ERROR(expect('}'));
    }
    if (!have_end || !have_txns) return error("not a sequential trace (endContent, txns)");
    return Status::ok();
  }

private:
  Status txns(Trace& trace) {
    ACCORD_RETURN_IF_ERROR(expect('['));
    if (consume(']')) return Status::ok();
    do {
      std::vector<TextOp> ops;
      bool have_patches = false;
      ACCORD_RETURN_IF_ERROR(expect('{'));
      if (!consume('}')) {
        do {
          std::string key;
          ACCORD_RETURN_IF_ERROR(string(key));
          ACCORD_RETURN_IF_ERROR(expect(':'));
          if (key == "patches") {
            ACCORD_RETURN_IF_ERROR(patches(ops));
            have_patches = true;
          } else {
            ACCORD_RETURN_IF_ERROR(skip_value(0));
          }
        } while (consume(','));
        ACCORD_RETURN_IF_ERROR(expect('}'));
      }
      if (!have_patches) return error("transaction without patches");
      trace.patch_count += ops.size();
      trace.txns.push_back(std::move(ops));
    } while (consume(','));
    return expect(']');
  }

  Status patches(std::vector<TextOp>& ops) {
    ACCORD_RETURN_IF_ERROR(expect('['));
    if (consume(']')) return Status::ok();
    do {
      TextOp op;
      ACCORD_RETURN_IF_ERROR(expect('['));
      ACCORD_RETURN_IF_ERROR(number(op.pos));
      ACCORD_RETURN_IF_ERROR(expect(','));
      ACCORD_RETURN_IF_ERROR(number(op.del));
      ACCORD_RETURN_IF_ERROR(expect(','));
      ACCORD_RETURN_IF_ERROR(string(op.ins));
      ACCORD_RETURN_IF_ERROR(expect(']'));
      ops.push_back(std::move(op));
    } while (consume(','));
    return expect(']');
  }

  Status number(std::uint64_t& out) {
    skip_ws();
    if (i_ >= s_.size() || s_[i_] < '0' || s_[i_] > '9') return error("expected a count");
    out = 0;
    while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') {
      if (out > (std::uint64_t{1} << 53)) return error("count too large");
      out = out * 10 + static_cast<std::uint64_t>(s_[i_++] - '0');
    }
    return Status::ok();
  }

  // Reads a JSON string into `out` as UTF-8 (escapes decoded, surrogate pairs joined).
  Status string(std::string& out) {
    ACCORD_RETURN_IF_ERROR(expect('"'));
    out.clear();
    while (i_ < s_.size() && s_[i_] != '"') {
      char c = s_[i_++];
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (i_ >= s_.size()) break;
      char e = s_[i_++];
      switch (e) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          std::uint32_t cp = 0;
          ACCORD_RETURN_IF_ERROR(hex4(cp));
          if (cp >= 0xD800 && cp < 0xDC00 && s_.substr(i_, 2) == "\\u") {
            i_ += 2;
            std::uint32_t low = 0;
            ACCORD_RETURN_IF_ERROR(hex4(low));
            if (low < 0xDC00 || low >= 0xE000) return error("unpaired surrogate");
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          } else if (cp >= 0xD800 && cp < 0xE000) {
            return error("unpaired surrogate");
          }
          encoding::append_utf8(static_cast<char32_t>(cp), out);
          break;
        }
        default: return error("bad escape");
      }
    }
    return expect_raw('"');
  }

  Status hex4(std::uint32_t& out) {
    if (i_ + 4 > s_.size()) return error("truncated \\u escape");
    for (int k = 0; k < 4; ++k) {
      char h = s_[i_++];
      std::uint32_t v = h >= '0' && h <= '9'   ? static_cast<std::uint32_t>(h - '0')
                        : h >= 'a' && h <= 'f' ? static_cast<std::uint32_t>(h - 'a' + 10)
                        : h >= 'A' && h <= 'F' ? static_cast<std::uint32_t>(h - 'A' + 10)
                                               : 16;
      if (v == 16) return error("bad \\u escape");
      out = out * 16 + v;
    }
    return Status::ok();
  }

  // Skips any JSON value (nesting limited to 64 levels).
  Status skip_value(int depth) {
    if (depth > 64) return error("nested too deeply");
    skip_ws();
    if (i_ >= s_.size()) return error("truncated");
    char c = s_[i_];
    if (c == '"') {
      std::string ignored;
      return string(ignored);
    }
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++i_;
      if (consume(close)) return Status::ok();
      do {
        if (c == '{') {
          std::string key;
          ACCORD_RETURN_IF_ERROR(string(key));
          ACCORD_RETURN_IF_ERROR(expect(':'));
        }
        ACCORD_RETURN_IF_ERROR(skip_value(depth + 1));
      } while (consume(','));
      return expect(close);
    }
    // A number, true, false or null: skip its characters.
    const std::size_t start = i_;
    while (i_ < s_.size() && s_[i_] != ',' && s_[i_] != '}' && s_[i_] != ']' && s_[i_] != ' ' &&
           s_[i_] != '\n' && s_[i_] != '\r' && s_[i_] != '\t') {
      ++i_;
    }
    return i_ > start ? Status::ok() : error("expected a value");
  }

  void skip_ws() {
    while (i_ < s_.size() &&
           (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) {
      ++i_;
    }
  }
  bool consume(char c) {
    skip_ws();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  Status expect(char c) {
    skip_ws();
    return expect_raw(c);
  }
  Status expect_raw(char c) {
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return Status::ok();
    }
    return error(std::string("expected '") + c + "'");
  }
  Status error(const std::string& what) const {
    return Status::error_at(StatusCode::kCorrupt, i_, name_ + ": " + what);
  }

  std::string_view s_;
  std::string name_;
  std::size_t i_ = 0;
};

// True when the UTF-8 text has a 4-byte sequence (a character outside the BMP).
bool has_non_bmp(const std::string& s) {
  for (unsigned char c : s) {
    if (c >= 0xF0) return true;
  }
  return false;
}

} // namespace

Result<Trace> load_trace(const std::string& dir, const std::string& name) {
  auto text = read_gzip_file(dir + "/" + name + ".json.gz");
  if (!text.ok()) return text.status();
  Trace trace;
  trace.name = name;
  ACCORD_RETURN_IF_ERROR(TraceParser(*text, name).parse(trace));
  for (const auto& txn : trace.txns) {
    for (const TextOp& op : txn) {
      if (has_non_bmp(op.ins)) {
        return Status::error(StatusCode::kUnsupported,
                             name + ": text outside the BMP (UTF-16 conversion not implemented)");
      }
    }
  }
  return trace;
}

std::string traces_dir(const std::string& source_dir) {
  if (const char* env = std::getenv("ACCORD_TRACES"); env != nullptr && *env != '\0') return env;
  return source_dir + "/../shared/traces";
}

} // namespace accord::bench
