#pragma once
/// Structs (Items, GC, Skip) in either update format, written and read through UpdateEncoder /
/// UpdateDecoder, as Yjs's Item.write / GC.write / Skip.write and its struct readers. The
/// fields, in order: info byte (low 5 bits: content ref, 0 GC, 10 Skip; 0x80 origin, 0x40 right
/// origin, 0x20 parent sub); for GC a length, for Skip a var uint length in the rest stream;
/// for an item its origin and right origin ids when flagged, and with neither its parent (root
/// name or the id of the item holding the parent type) and parent sub; then the content (see
/// crdt/item_codec.h for the content kinds).

#include <cstdint>

#include "accord/status.h"
#include "crdt/item.h"
#include "crdt/pending.h"
#include "update/update_decoder.h"
#include "update/update_encoder.h"

namespace accord::update {

/// Reads one struct of `client` starting at `clock` (charging the decoder's struct budget).
/// Validates as the v1 engine decoder does: known content refs (kUnsupported otherwise), length
/// non-zero and within 53 bits, same-client references before the struct itself.
/// An item with an origin may still carry the parent-sub flag (0x20) although no parent sub
/// follows (Yjs sets it for map entries). Yjs's lazy reader drops it; with
/// `keep_parent_sub_flag` it is kept as an empty parent_sub, so that writing the record again
/// reproduces the info byte.
Result<crdt::StructRecord> read_struct(UpdateDecoder& d, std::uint64_t client, std::uint64_t clock,
                                       bool keep_parent_sub_flag = false);
/// Writes a decoded struct skipping its first `offset` units (as Yjs's write(encoder, offset)).
void write_record(UpdateEncoder& e, const crdt::StructRecord& rec, std::uint64_t offset);
/// Writes a struct of a document's store skipping its first `offset` units.
void write_item(UpdateEncoder& e, const crdt::Item& item, std::uint64_t offset);

} // namespace accord::update
