#include "encoding/any_codec.h"

#include <cmath>

namespace accord::encoding {

void write_any(Lib0Writer& w, const Any& value) {
  switch (value.kind()) {
    case Any::Kind::kUndefined: w.write_u8(127); break;
    case Any::Kind::kNull: w.write_u8(126); break;
    case Any::Kind::kBool: w.write_u8(value.as_bool() ? 120 : 121); break;
    case Any::Kind::kNumber: {
      double d = value.as_number();
      if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) <= 2147483647.0) {
        w.write_u8(125);
        w.write_var_int(static_cast<std::int64_t>(d), std::signbit(d));
      } else if (std::isnan(d) || static_cast<double>(static_cast<float>(d)) != d) {
        w.write_u8(123);
        w.write_float64(d);
      } else {
        w.write_u8(124);
        w.write_float32(static_cast<float>(d));
      }
      break;
    }
    case Any::Kind::kBigInt:
      w.write_u8(122);
      w.write_bigint64(value.as_bigint());
      break;
    case Any::Kind::kString:
      w.write_u8(119);
      w.write_var_string(value.as_string());
      break;
    case Any::Kind::kBytes:
      w.write_u8(116);
      w.write_var_uint8_array(value.as_bytes());
      break;
    case Any::Kind::kArray:
      w.write_u8(117);
      w.write_var_uint(value.as_array().size());
      for (const Any& v : value.as_array()) write_any(w, v);
      break;
    case Any::Kind::kObject:
      w.write_u8(118);
      w.write_var_uint(value.as_object().size());
      for (const auto& [k, v] : value.as_object()) {
        w.write_var_string(k);
        write_any(w, v);
      }
      break;
  }
}

Result<Any> read_any(Lib0Reader& r, int max_depth) {
  std::size_t start = r.offset();
  ACCORD_ASSIGN_OR_RETURN(std::uint8_t tag, r.read_u8());
  switch (tag) {
    case 127: return Any();
    case 126: return Any::null();
    case 125: {
      ACCORD_ASSIGN_OR_RETURN(VarInt v, r.read_var_int());
      double d = static_cast<double>(v.value);
      if (v.negative && v.value == 0) d = -0.0;
      return Any(d);
    }
    case 124: {
      ACCORD_ASSIGN_OR_RETURN(float f, r.read_float32());
      return Any(static_cast<double>(f));
    }
    case 123: {
      ACCORD_ASSIGN_OR_RETURN(double d, r.read_float64());
      return Any(d);
    }
    case 122: {
      ACCORD_ASSIGN_OR_RETURN(std::int64_t v, r.read_bigint64());
      return Any::bigint(v);
    }
    case 121: return Any(false);
    case 120: return Any(true);
    case 119: {
      ACCORD_ASSIGN_OR_RETURN(std::string_view s, r.read_var_string());
      return Any(s);
    }
    case 118: {
      if (max_depth <= 0) {
        return Status::error_at(StatusCode::kLimitExceeded, start, "value nested too deeply");
      }
      ACCORD_ASSIGN_OR_RETURN(std::uint64_t n, r.read_var_uint());
      if (n > r.remaining() / 2) return Lib0Reader::error_at(start, "object size exceeds input");
      Any::Object obj;
      obj.reserve(static_cast<std::size_t>(n));
      for (std::uint64_t i = 0; i < n; ++i) {
        ACCORD_ASSIGN_OR_RETURN(std::string_view key, r.read_var_string());
        ACCORD_ASSIGN_OR_RETURN(Any v, read_any(r, max_depth - 1));
        obj.emplace_back(std::string(key), std::move(v));
      }
      return Any(std::move(obj));
    }
    case 117: {
      if (max_depth <= 0) {
        return Status::error_at(StatusCode::kLimitExceeded, start, "value nested too deeply");
      }
      ACCORD_ASSIGN_OR_RETURN(std::uint64_t n, r.read_var_uint());
      if (n > r.remaining()) return Lib0Reader::error_at(start, "array size exceeds input");
      Any::Array arr;
      arr.reserve(static_cast<std::size_t>(n));
      for (std::uint64_t i = 0; i < n; ++i) {
        ACCORD_ASSIGN_OR_RETURN(Any v, read_any(r, max_depth - 1));
        arr.push_back(std::move(v));
      }
      return Any(std::move(arr));
    }
    case 116: {
      ACCORD_ASSIGN_OR_RETURN(auto b, r.read_var_uint8_array());
      return Any::bytes(Any::Bytes(b.begin(), b.end()));
    }
    default: return Lib0Reader::error_at(start, "unknown any tag " + std::to_string(tag));
  }
}

} // namespace accord::encoding
