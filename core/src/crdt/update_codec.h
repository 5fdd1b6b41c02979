#pragma once
/// Update format v1, update level: var uint number of clients, then per client (descending
/// client id) var uint struct count, var uint client, var uint first clock, the structs (see
/// item_codec.h); then the delete set (see delete_set.h).

#include <cstdint>
#include <map>
#include <span>

#include "accord/status.h"
#include "crdt/pending.h"
#include "crdt/struct_store.h"
#include "encoding/lib0_writer.h"

namespace accord::crdt {

/// Writes the structs of `store` that a peer at `sv` lacks (Yjs writeClientsStructs).
void write_client_structs(encoding::Lib0Writer& w, const StructStore& store,
                          const std::map<std::uint64_t, std::uint64_t>& sv);
/// Writes the structs of each (client, clock) of `from` from that clock on; `from` lists each
/// client once, with structs past `clock`, in descending order of client (as Yjs writes them).
void write_client_structs_from(encoding::Lib0Writer& w, const StructStore& store,
                               std::span<const std::pair<std::uint64_t, std::uint64_t>> from);
/// Decodes a whole v1 update into memory. Never trusts input: kCorrupt/kUnsupported/
/// kLimitExceeded with the byte offset.
Result<DecodedUpdate> decode_update_v1(std::span<const std::uint8_t> bytes);
/// Encodes decoded structs and a delete set as a v1 update.
void write_decoded_update(encoding::Lib0Writer& w, const DecodedUpdate& update);

} // namespace accord::crdt
