#include "js_values.h"

#include <emscripten/bind.h>

#include <cmath>
#include <string>

namespace accord::wasm {

using emscripten::val;

val ok(val value) {
  val out = val::object();
  out.set("ok", true);
  out.set("value", std::move(value));
  return out;
}

namespace {

// The text between `prefix` and the next quote, or "".
std::string quoted_after(std::string_view message, std::string_view prefix) {
  const std::size_t at = message.find(prefix);
  if (at == std::string_view::npos) return {};
  const std::size_t begin = at + prefix.size();
  const std::size_t end = message.find('\'', begin);
  if (end == std::string_view::npos) return {};
  return std::string(message.substr(begin, end - begin));
}

// The record path of a model message: the word before ": field '".
std::string record_of(std::string_view message) {
  const std::size_t at = message.find(": field '");
  if (at == std::string_view::npos) return {};
  const std::size_t space = message.rfind(' ', at);
  const std::size_t begin = space == std::string_view::npos ? 0 : space + 1;
  return std::string(message.substr(begin, at - begin));
}

} // namespace

val error(const Status& status) {
  val out = val::object();
  out.set("ok", false);
  out.set("code", std::string(code_name(status.code())));
  out.set("message", status.message());
  const std::string field = quoted_after(status.message(), "field '");
  if (!field.empty()) out.set("field", field);
  const std::string record = record_of(status.message());
  if (!record.empty()) out.set("record", record);
  return out;
}

val invalid(std::string_view message) {
  return error(Status::error(StatusCode::kInvalidArgument, std::string(message)));
}

val to_bytes(std::span<const std::uint8_t> data) {
  return val(emscripten::typed_memory_view(data.size(), data.data())).call<val>("slice");
}

std::vector<std::uint8_t> from_bytes(const val& array) {
  return emscripten::convertJSArrayToNumberVector<std::uint8_t>(array);
}

val to_js(const Any& value) {
  switch (value.kind()) {
    case Any::Kind::kUndefined: return val::undefined();
    case Any::Kind::kNull: return val::null();
    case Any::Kind::kBool: return val(value.as_bool());
    case Any::Kind::kNumber: return val(value.as_number());
    case Any::Kind::kBigInt: return val(static_cast<double>(value.as_bigint()));
    case Any::Kind::kString: return val(value.as_string());
    case Any::Kind::kBytes: return to_bytes(value.as_bytes());
    case Any::Kind::kArray: {
      val out = val::array();
      for (const Any& item : value.as_array()) out.call<void>("push", to_js(item));
      return out;
    }
    case Any::Kind::kObject: {
      val out = val::object();
      for (const auto& [key, item] : value.as_object()) out.set(key, to_js(item));
      return out;
    }
  }
  return val::undefined();
}

namespace {

Result<Any> convert(const val& value, const std::string& where, int depth) {
  if (depth > 64) {
    return Status::error(StatusCode::kLimitExceeded, where + ": nested deeper than 64 levels");
  }
  if (value.isUndefined()) return Any();
  if (value.isNull()) return Any::null();
  const std::string type = value.typeOf().as<std::string>();
  if (type == "boolean") return Any(value.as<bool>());
  if (type == "number") {
    const double d = value.as<double>();
    if (!std::isfinite(d)) {
      return Status::error(StatusCode::kInvalidArgument, where + ": not a finite number");
    }
    return Any(d);
  }
  if (type == "string") return Any(value.as<std::string>());
  if (type != "object") {
    return Status::error(StatusCode::kInvalidArgument,
                         where + ": a " + type + " is not a JSON-like value");
  }
  if (value.instanceof (val::global("Uint8Array"))) return Any::bytes(from_bytes(value));
  if (value.isArray()) {
    Any::Array items;
    const auto length = value["length"].as<std::size_t>();
    items.reserve(length);
    for (std::size_t i = 0; i < length; ++i) {
      auto item = convert(value[i], where + "[" + std::to_string(i) + "]", depth + 1);
      if (!item.ok()) return item.status();
      items.push_back(std::move(item).value());
    }
    return Any(std::move(items));
  }
  Any::Object fields;
  const val keys = val::global("Object").call<val>("keys", value);
  const auto length = keys["length"].as<std::size_t>();
  for (std::size_t i = 0; i < length; ++i) {
    const std::string key = keys[i].as<std::string>();
    auto item = convert(value[key], where + "." + key, depth + 1);
    if (!item.ok()) return item.status();
    fields.emplace_back(key, std::move(item).value());
  }
  return Any(std::move(fields));
}

} // namespace

Result<Any> from_js(const val& value, std::string_view where) {
  return convert(value, std::string(where), 0);
}

} // namespace accord::wasm
