#include "accord/any.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace accord {
namespace {

void append_json_string(const std::string& s, std::string& out) {
  out.push_back('"');
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20) {
          static const char* kHex = "0123456789abcdef";
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 15]);
        } else {
          out.push_back(ch);
        }
    }
  }
  out.push_back('"');
}

// Appends a finite, non-zero double as JavaScript's Number.prototype.toString prints it (what
// JSON.stringify prints): the shortest digits that read back as the same double, in fixed
// notation for decimal exponents -7 < n <= 21, exponential otherwise. Uses snprintf/strtod, not
// std::to_chars, which Emscripten 3.1.6's libc++ lacks for floating point.
void append_js_number(double d, std::string& out) {
  if (d < 0) {
    out.push_back('-');
    d = -d;
  }
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  // buf is "D.DDDDe+XX" (or "De+XX"): collect the digits and the exponent.
  std::string digits;
  const char* p = buf;
  for (; *p != 'e'; ++p) {
    if (*p != '.') digits.push_back(*p);
  }
  const int exponent = std::atoi(p + 1);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  const int k = static_cast<int>(digits.size());
  const int n = exponent + 1; // value = 0.digits * 10^n
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out.append(digits, 0, static_cast<std::size_t>(n));
    out.push_back('.');
    out.append(digits, static_cast<std::size_t>(n), std::string::npos);
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out.push_back(digits[0]);
    if (k > 1) {
      out.push_back('.');
      out.append(digits, 1, std::string::npos);
    }
    out += n - 1 >= 0 ? "e+" : "e-";
    out += std::to_string(n - 1 >= 0 ? n - 1 : 1 - n);
  }
}

void append_json(const Any& a, std::string& out) {
  switch (a.kind()) {
    case Any::Kind::kUndefined:
    case Any::Kind::kNull: out += "null"; break;
    case Any::Kind::kBool: out += a.as_bool() ? "true" : "false"; break;
    case Any::Kind::kNumber: {
      double d = a.as_number();
      if (!std::isfinite(d)) {
        out += "null";
      } else if (d == 0) {
        out += "0";
      } else {
        append_js_number(d, out);
      }
      break;
    }
    case Any::Kind::kBigInt: out += std::to_string(a.as_bigint()); break;
    case Any::Kind::kString: append_json_string(a.as_string(), out); break;
    case Any::Kind::kBytes: {
      out.push_back('{');
      const auto& b = a.as_bytes();
      for (std::size_t i = 0; i < b.size(); ++i) {
        if (i) out.push_back(',');
        // Appended piece by piece: GCC 12 at -O3 reports a false -Wrestrict on
        // `"\"" + std::to_string(i)`, which breaks the release build.
        out.push_back('"');
        out += std::to_string(i);
        out += "\":";
        out += std::to_string(b[i]);
      }
      out.push_back('}');
      break;
    }
    case Any::Kind::kArray: {
      out.push_back('[');
      bool first = true;
      for (const Any& v : a.as_array()) {
        if (!first) out.push_back(',');
        first = false;
        append_json(v, out);
      }
      out.push_back(']');
      break;
    }
    case Any::Kind::kObject: {
      out.push_back('{');
      bool first = true;
      for (const auto& [k, v] : a.as_object()) {
        if (v.is_undefined()) continue;
        if (!first) out.push_back(',');
        first = false;
        append_json_string(k, out);
        out.push_back(':');
        append_json(v, out);
      }
      out.push_back('}');
      break;
    }
  }
}

} // namespace

const Any* Any::find(std::string_view key) const {
  if (!is_object()) return nullptr;
  for (const auto& [k, v] : as_object()) {
    if (k == key) return &v;
  }
  return nullptr;
}

Any Any::with_sorted_keys() const {
  if (is_array()) {
    Array out;
    out.reserve(as_array().size());
    for (const Any& element : as_array()) out.push_back(element.with_sorted_keys());
    return Any(std::move(out));
  }
  if (!is_object()) return *this;
  Object out;
  out.reserve(as_object().size());
  for (const auto& [key, element] : as_object()) out.emplace_back(key, element.with_sorted_keys());
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return Any(std::move(out));
}

std::string Any::to_json_string() const {
  std::string out;
  append_json(*this, out);
  return out;
}

} // namespace accord
