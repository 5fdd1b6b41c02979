#include "driver_update_ops.h"

#include <vector>

#include "accord/update_ops.h"

namespace accord::interop {
namespace {

Json error(const Status& st) {
  Json out = Json::object();
  out["ok"] = false;
  out["error"] = st.to_string();
  return out;
}

Result<std::vector<std::uint8_t>> bytes_of(const Json& request, const char* field) {
  if (!request.contains(field) || !request.at(field).is_string()) {
    return Status::error(StatusCode::kInvalidArgument, std::string("expected hex in ") + field);
  }
  return from_hex(request.at(field).get<std::string>());
}

Json answer(const Result<UpdateBytes>& r, const char* field) {
  if (!r.ok()) return error(r.status());
  Json out = Json::object();
  out["ok"] = true;
  out[field] = to_hex(*r);
  return out;
}

} // namespace

Json merge_updates_command(const Json& request) {
  std::vector<UpdateBytes> updates;
  if (!request.contains("updates") || !request.at("updates").is_array()) {
    return error(Status::error(StatusCode::kInvalidArgument, "expected updates: [hex]"));
  }
  for (const Json& u : request.at("updates")) {
    if (!u.is_string()) return error(Status::error(StatusCode::kInvalidArgument, "not hex"));
    auto b = from_hex(u.get<std::string>());
    if (!b.ok()) return error(b.status());
    updates.push_back(std::move(*b));
  }
  return answer(merge_updates(updates), "update");
}

Json diff_update_command(const Json& request) {
  auto update = bytes_of(request, "update");
  if (!update.ok()) return error(update.status());
  auto sv = bytes_of(request, "sv");
  if (!sv.ok()) return error(sv.status());
  return answer(diff_update(*update, *sv), "update");
}

Json state_vector_from_update_command(const Json& request) {
  auto update = bytes_of(request, "update");
  if (!update.ok()) return error(update.status());
  return answer(encode_state_vector_from_update(*update), "sv");
}

} // namespace accord::interop
