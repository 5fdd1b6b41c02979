#include "crdt/store_delete_set.h"

namespace accord::crdt {

DeleteSet delete_set_of(const StructStore& store) {
  DeleteSet ds;
  for (const auto& entry : store.clients()) {
    // Named copies, not structured bindings: clang 14 (Emscripten) cannot capture those.
    const std::uint64_t client = entry.first;
    const ClientStructs& structs = entry.second;
    bool in_run = false;
    structs.for_each([&](const Item* s) {
      if (s->deleted()) {
        if (in_run) {
          ds.clients()[client].back().len += s->length;
        } else {
          ds.add(client, s->id.clock, s->length);
          in_run = true;
        }
      } else {
        in_run = false;
      }
    });
  }
  return ds;
}

} // namespace accord::crdt
