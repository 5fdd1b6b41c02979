#include "encoding/json.h"

#include "encoding/utf.h"

#include <cstdlib>
#include <string>

namespace accord::encoding {
namespace {

class JsonParser {
public:
  JsonParser(std::string_view s, int max_depth) : s_(s), max_depth_(max_depth) {}

  Result<Any> parse_document() {
    ACCORD_ASSIGN_OR_RETURN(Any v, parse_value(0));
    skip_ws();
    if (pos_ != s_.size()) return fail("trailing characters");
    return v;
  }

private:
  Status fail(const std::string& why) const {
    return Status::error_at(StatusCode::kCorrupt, pos_, "invalid JSON: " + why);
  }
  void skip_ws() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\n' || s_[pos_] == '\r' || s_[pos_] == '\t')) {
      ++pos_;
    }
  }
  bool consume(std::string_view word) {
    if (s_.substr(pos_, word.size()) == word) {
      pos_ += word.size();
      return true;
    }
    return false;
  }

  Result<Any> parse_value(int depth) {
    skip_ws();
    if (pos_ >= s_.size()) return fail("unexpected end");
    char c = s_[pos_];
    if (c == '{' || c == '[') {
      if (depth >= max_depth_) {
        return Status::error_at(StatusCode::kLimitExceeded, pos_, "JSON nested too deeply");
      }
      return c == '{' ? parse_object(depth) : parse_array(depth);
    }
    if (c == '"') {
      ACCORD_ASSIGN_OR_RETURN(std::string str, parse_string());
      return Any(std::move(str));
    }
    if (consume("true")) return Any(true);
    if (consume("false")) return Any(false);
    if (consume("null")) return Any::null();
    return parse_number();
  }

  Result<Any> parse_number() {
    std::size_t start = pos_;
    if (pos_ < s_.size() && s_[pos_] == '-') ++pos_;
    std::size_t digits = pos_;
    while (pos_ < s_.size() &&
           ((s_[pos_] >= '0' && s_[pos_] <= '9') || s_[pos_] == '.' || s_[pos_] == 'e' ||
            s_[pos_] == 'E' || s_[pos_] == '+' || s_[pos_] == '-')) {
      ++pos_;
    }
    if (digits == pos_) return fail("unexpected character");
    std::string num(s_.substr(start, pos_ - start));
    char* end = nullptr;
    double d = std::strtod(num.c_str(), &end);
    if (end != num.c_str() + num.size()) return fail("bad number");
    return Any(d);
  }

  Result<unsigned> parse_hex4() {
    if (pos_ + 4 > s_.size()) return fail("short \\u escape");
    unsigned v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = s_[pos_++];
      v <<= 4;
      if (c >= '0' && c <= '9') {
        v |= static_cast<unsigned>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        v |= static_cast<unsigned>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        v |= static_cast<unsigned>(c - 'A' + 10);
      } else {
        return fail("bad \\u escape");
      }
    }
    return v;
  }

  Result<std::string> parse_string() {
    ++pos_; // opening quote
    std::string out;
    while (true) {
      if (pos_ >= s_.size()) return fail("unterminated string");
      char c = s_[pos_++];
      if (c == '"') return out;
      if (static_cast<unsigned char>(c) < 0x20) return fail("control character in string");
      if (c != '\\') {
        out.push_back(c);
        continue;
      }
      if (pos_ >= s_.size()) return fail("unterminated escape");
      char e = s_[pos_++];
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
          ACCORD_ASSIGN_OR_RETURN(unsigned cp, parse_hex4());
          if (cp >= 0xd800 && cp <= 0xdbff && s_.substr(pos_, 2) == "\\u") {
            std::size_t save = pos_;
            pos_ += 2;
            ACCORD_ASSIGN_OR_RETURN(unsigned lo, parse_hex4());
            if (lo >= 0xdc00 && lo <= 0xdfff) {
              cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            } else {
              pos_ = save;
            }
          }
          if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
          append_utf8(static_cast<char32_t>(cp), out);
          break;
        }
        default: return fail("bad escape");
      }
    }
  }

  Result<Any> parse_array(int depth) {
    ++pos_;
    Any::Array arr;
    skip_ws();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return Any(std::move(arr));
    }
    while (true) {
      ACCORD_ASSIGN_OR_RETURN(Any v, parse_value(depth + 1));
      arr.push_back(std::move(v));
      skip_ws();
      if (pos_ >= s_.size()) return fail("unterminated array");
      char c = s_[pos_++];
      if (c == ']') return Any(std::move(arr));
      if (c != ',') return fail("expected , or ]");
    }
  }

  Result<Any> parse_object(int depth) {
    ++pos_;
    Any::Object obj;
    skip_ws();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      return Any(std::move(obj));
    }
    while (true) {
      skip_ws();
      if (pos_ >= s_.size() || s_[pos_] != '"') return fail("expected key");
      ACCORD_ASSIGN_OR_RETURN(std::string key, parse_string());
      skip_ws();
      if (pos_ >= s_.size() || s_[pos_++] != ':') return fail("expected :");
      ACCORD_ASSIGN_OR_RETURN(Any v, parse_value(depth + 1));
      bool replaced = false;
      for (auto& [k, old] : obj) {
        if (k == key) {
          old = std::move(v);
          replaced = true;
          break;
        }
      }
      if (!replaced) obj.emplace_back(std::move(key), std::move(v));
      skip_ws();
      if (pos_ >= s_.size()) return fail("unterminated object");
      char c = s_[pos_++];
      if (c == '}') return Any(std::move(obj));
      if (c != ',') return fail("expected , or }");
    }
  }

  std::string_view s_;
  int max_depth_;
  std::size_t pos_ = 0;
};

} // namespace

Result<Any> parse_json(std::string_view text, int max_depth) {
  return JsonParser(text, max_depth).parse_document();
}

} // namespace accord::encoding
