#include "model_access.h"

#include <cmath>
#include <string>

#include "accord/model/documents.h"

namespace accord::wasm {

using emscripten::val;

Result<EditContext> edit_context(const val& actor) {
  if (actor.isUndefined() || actor.isNull()) {
    return Status::error(StatusCode::kInvalidArgument, "missing actor {user, device, now}");
  }
  const val user = actor["user"];
  const val device = actor["device"];
  const val now = actor["now"];
  if (!user.isString() || !device.isString() || !now.isNumber()) {
    return Status::error(StatusCode::kInvalidArgument,
                         "actor must be {user: string, device: string, now: number}");
  }
  const double now_ms = now.as<double>();
  if (!std::isfinite(now_ms) || now_ms < 0) {
    return Status::error(StatusCode::kInvalidArgument, "actor.now must be Unix milliseconds");
  }
  EditContext context;
  context.actor = model::Actor{user.as<std::string>(), device.as<std::string>()};
  context.now_ms = static_cast<std::int64_t>(now_ms);
  return context;
}

Result<const model::RecordSchema*> schema_of(std::string_view collection) {
  const model::RecordSchema* schema = model::find_schema(collection);
  if (schema == nullptr) {
    return Status::error(StatusCode::kInvalidArgument,
                         "unknown collection '" + std::string(collection) + "'");
  }
  return schema;
}

Status saved(const LocalDocument& local) { return local.save_status(); }

} // namespace accord::wasm
