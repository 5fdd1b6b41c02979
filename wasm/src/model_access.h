#pragma once
// What the model bindings share: the actor of an edit from JS ({user, device, now}), the
// schema of a collection by name, and the check that an edit reached the store.

#include <emscripten/val.h>

#include <string_view>

#include "accord/local_document.h"
#include "accord/model/edit.h"
#include "accord/model/field.h"
#include "accord/status.h"

namespace accord::wasm {

/// Who edits and when: {user: string, device: string, now: Unix ms}.
struct EditContext {
  model::Actor actor;
  std::int64_t now_ms = 0;
};

/// The edit context of a JS object; kInvalidArgument naming the missing member.
Result<EditContext> edit_context(const emscripten::val& actor);

/// The record kind of `collection`; kInvalidArgument naming it when unknown.
Result<const model::RecordSchema*> schema_of(std::string_view collection);

/// Ok when every update of `local` is durable in the store, else the save error.
Status saved(const LocalDocument& local);

} // namespace accord::wasm
