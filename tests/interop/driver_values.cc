#include "driver_values.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "accord/types.h"

namespace accord::interop {

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

Status invalid(std::string message) {
  return Status::error(StatusCode::kInvalidArgument, std::move(message));
}

} // namespace

std::string to_hex(std::span<const std::uint8_t> bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (std::uint8_t b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

Result<std::vector<std::uint8_t>> from_hex(std::string_view hex) {
  if (hex.size() % 2 != 0) return invalid("hex string of odd length");
  std::vector<std::uint8_t> out(hex.size() / 2);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const int hi = hex_digit(hex[2 * i]);
    const int lo = hex_digit(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return invalid("not a hex digit");
    out[i] = static_cast<std::uint8_t>(hi * 16 + lo);
  }
  return out;
}

bool is_type_tag(const Json& v) { return v.is_object() && v.size() == 1 && v.contains("$type"); }

Result<Any> to_any(const Json& v) {
  switch (v.type()) {
    case Json::value_t::null: return Any::null();
    case Json::value_t::boolean: return Any(v.get<bool>());
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: return Any(v.get<double>());
    case Json::value_t::string: return Any(v.get<std::string>());
    case Json::value_t::array: {
      Any::Array out;
      out.reserve(v.size());
      for (const Json& x : v) {
        ACCORD_ASSIGN_OR_RETURN(Any a, to_any(x));
        out.push_back(std::move(a));
      }
      return Any(std::move(out));
    }
    case Json::value_t::object: {
      if (v.size() == 1 && v.contains("$bigint")) {
        const std::string s = v["$bigint"].get<std::string>();
        std::int64_t n = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
        if (ec != std::errc() || end != s.data() + s.size()) return invalid("bad $bigint " + s);
        return Any::bigint(n);
      }
      if (v.size() == 1 && v.contains("$bytes")) {
        ACCORD_ASSIGN_OR_RETURN(auto bytes, from_hex(v["$bytes"].get<std::string>()));
        return Any::bytes(std::move(bytes));
      }
      if (is_type_tag(v)) return invalid("a shared type cannot be nested in an Any value");
      ACCORD_ASSIGN_OR_RETURN(Any::Object obj, to_object(v));
      return Any(std::move(obj));
    }
    default: return invalid("unsupported JSON value " + v.dump());
  }
}

Result<Any::Object> to_object(const Json& v) {
  if (!v.is_object()) return invalid("expected an object, got " + v.dump());
  Any::Object out;
  out.reserve(v.size());
  for (const auto& [key, x] : v.items()) {
    ACCORD_ASSIGN_OR_RETURN(Any a, to_any(x));
    out.emplace_back(key, std::move(a));
  }
  return out;
}

Json tagged(const Any& any) {
  switch (any.kind()) {
    case Any::Kind::kUndefined: return Json{{"$undefined", true}};
    case Any::Kind::kNull: return nullptr;
    case Any::Kind::kBool: return any.as_bool();
    case Any::Kind::kNumber: return any.as_number();
    case Any::Kind::kBigInt: return Json{{"$bigint", std::to_string(any.as_bigint())}};
    case Any::Kind::kString: return any.as_string();
    case Any::Kind::kBytes: return Json{{"$bytes", to_hex(any.as_bytes())}};
    case Any::Kind::kArray: {
      Json out = Json::array();
      for (const Any& x : any.as_array()) out.push_back(tagged(x));
      return out;
    }
    case Any::Kind::kObject: {
      Json out = Json::object();
      for (const auto& [k, x] : any.as_object()) out[k] = tagged(x);
      return out;
    }
  }
  return nullptr;
}

Json view_of(const Value& value) {
  if (value.is_type()) return view_of(value.type());
  if (value.is_doc()) return Json{{"$doc", value.doc().guid}};
  return tagged(value.any());
}

Json view_of(TypeRef type) {
  switch (type.kind()) {
    case TypeKind::kMap: {
      const MapRef map = type.as_map();
      std::vector<std::string> keys = map.keys();
      std::sort(keys.begin(), keys.end());
      Json entries = Json::object();
      for (const std::string& k : keys) {
        auto v = map.get(k);
        if (v) entries[k] = view_of(*v);
      }
      return Json{{"$map", std::move(entries)}};
    }
    case TypeKind::kArray: {
      Json items = Json::array();
      for (const Value& v : type.as_array().to_vector()) items.push_back(view_of(v));
      return Json{{"$array", std::move(items)}};
    }
    case TypeKind::kText:
    case TypeKind::kXmlText: {
      Json delta = Json::array();
      for (const Delta& d : type.as_text().to_delta()) {
        Json entry = Json::object();
        if (!d.values.empty()) {
          entry["insert"] = Json{{"$embed", view_of(d.values.front())}};
        } else {
          entry["insert"] = d.text;
        }
        if (!d.attributes.empty()) entry["attributes"] = tagged(Any(d.attributes));
        delta.push_back(std::move(entry));
      }
      return Json{{"$text", std::move(delta)}};
    }
    default: return Json{{"$xml", tagged(type.to_json())}};
  }
}

} // namespace accord::interop
