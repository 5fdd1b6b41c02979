#include "case_file.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace accord::bench {

namespace {

// ordered_json keeps object keys in file order, as JS objects (and so yjs) do.
using json = nlohmann::ordered_json;

// JSON value to Any. Integers and floats both become numbers (doubles), as in JS.
Any to_any(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return Any::null();
    case json::value_t::boolean: return Any(j.get<bool>());
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return Any(j.get<double>());
    case json::value_t::string: return Any(j.get<std::string>());
    case json::value_t::array: {
      Any::Array a;
      for (const auto& e : j) a.push_back(to_any(e));
      return Any(std::move(a));
    }
    case json::value_t::object: {
      Any::Object o;
      for (const auto& [k, v] : j.items()) o.emplace_back(k, to_any(v));
      return Any(std::move(o));
    }
    default: return Any();
  }
}

Result<CaseOp> to_op(CaseType type, const json& j) {
  CaseOp op;
  if (!j.is_array()) return Status::error(StatusCode::kCorrupt, "operation is not an array");
  if (type == CaseType::kText && j.size() == 3 && j[2].is_string()) {
    op.text = TextOp{j[0].get<std::uint64_t>(), j[1].get<std::uint64_t>(), j[2].get<std::string>()};
  } else if (type == CaseType::kArray && j.size() == 2 && j[1].is_array()) {
    op.pos = j[0].get<std::uint64_t>();
    for (const auto& v : j[1]) op.values.push_back(to_any(v));
  } else if (type == CaseType::kMap && j.size() == 2 && j[0].is_string()) {
    op.key = j[0].get<std::string>();
    op.value = to_any(j[1]);
  } else {
    return Status::error(StatusCode::kCorrupt, "operation does not match its case's type");
  }
  return op;
}

Status to_ops(CaseType type, const json& list, std::vector<CaseOp>& out) {
  if (!list.is_array()) return Status::error(StatusCode::kCorrupt, "ops is not an array");
  out.reserve(list.size());
  for (const auto& j : list) {
    auto op = to_op(type, j);
    if (!op.ok()) return op.status();
    out.push_back(std::move(*op));
  }
  return Status::ok();
}

Result<Case> to_case(const json& j) {
  Case c;
  c.id = j.value("id", "");
  c.group = j.value("group", "");
  c.title = j.value("title", "");
  const std::string type = j.value("type", "");
  c.type = type == "text" ? CaseType::kText : type == "array" ? CaseType::kArray : CaseType::kMap;
  if (c.group == "B2") {
    c.init = j.value("init", "");
    if (j.contains("expectedLength") && j["expectedLength"].is_number()) {
      c.expected_length = j["expectedLength"].get<std::int64_t>();
    }
    ACCORD_RETURN_IF_ERROR(to_ops(c.type, j["ops1"], c.ops));
    ACCORD_RETURN_IF_ERROR(to_ops(c.type, j["ops2"], c.ops2));
  } else {
    ACCORD_RETURN_IF_ERROR(to_ops(c.type, j["ops"], c.ops));
    if (j.contains("expected")) c.expected = to_any(j["expected"]);
    c.clients = j.value("clients", std::size_t{0});
  }
  return c;
}

} // namespace

Result<std::vector<Case>> load_cases(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(StatusCode::kNotFound, "cannot read " + path);
  std::stringstream buffer;
  buffer << in.rdbuf();
  json root = json::parse(buffer.str(), nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded() || !root.contains("cases") || !root["cases"].is_array()) {
    return Status::error(StatusCode::kCorrupt, path + ": not a cases file");
  }
  std::vector<Case> cases;
  for (const auto& j : root["cases"]) {
    if (!j.is_object()) return Status::error(StatusCode::kCorrupt, path + ": case not an object");
    auto c = to_case(j);
    if (!c.ok()) return c.status().with_context(path);
    cases.push_back(std::move(*c));
  }
  return cases;
}

} // namespace accord::bench
