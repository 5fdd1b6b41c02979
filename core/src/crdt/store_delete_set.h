#pragma once
/// The delete set of everything a struct store holds deleted (Yjs createDeleteSetFromStructStore):
/// per client, one range per run of consecutive deleted structs. Both update encoders write it
/// after the structs of a full-state update.

#include "crdt/delete_set.h"
#include "crdt/struct_store.h"

namespace accord::crdt {

/// Runs of deleted structs per client, in the store's client order.
DeleteSet delete_set_of(const StructStore& store);

} // namespace accord::crdt
