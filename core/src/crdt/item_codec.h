#pragma once
/// Update format v1, struct level. A struct starts with an info byte: the low 5 bits are the
/// content ref (0 GC, 10 Skip, else content kind), bit 0x80 = has origin, 0x40 = has right
/// origin, 0x20 = has parent sub. GC and Skip carry a var uint length. An item carries its
/// origin and right origin ids (var uint client, var uint clock) when flagged; with neither, a
/// parent: var uint 1 + root name string, or 0 + the id of the item holding the parent type,
/// then the parent sub string when flagged. Then the content:
///   1 Deleted: var uint length          2 JSON: var uint count + JSON strings ("undefined")
///   3 Binary: var uint8array            4 String: var string (UTF-8)
///   5 Embed: JSON string                6 Format: key string + JSON string
///   7 Type: var uint type ref (+ node name for XmlElement, hook name for XmlHook)
///   8 Any: var uint count + lib0 anys   9 Doc: guid string + lib0 any options

#include <cstdint>

#include "accord/status.h"
#include "crdt/item.h"
#include "crdt/pending.h"
#include "encoding/lib0_reader.h"
#include "encoding/lib0_writer.h"

namespace accord::crdt {

/// Writes `item` (Item or GC) skipping its first `offset` units, as Yjs's struct.write.
void write_struct(encoding::Lib0Writer& w, const Item& item, std::uint64_t offset);
/// Writes a decoded record (for re-encoding pending or merged structs), skipping `offset` units.
void write_record(encoding::Lib0Writer& w, const StructRecord& rec, std::uint64_t offset);
/// Reads one struct of `client` starting at `clock`. Validates the content ref (unknown =
/// kUnsupported), lengths (non-zero, within 53 bits) and same-client references (must point
/// before the struct).
Result<StructRecord> read_struct(encoding::Lib0Reader& r, std::uint64_t client,
                                 std::uint64_t clock);
/// What every decoded struct of `client` at `clock` must satisfy, in both update formats: an
/// item refers only to earlier structs of its own client; a GC or Skip covers at least one
/// clock (an empty item is accepted, as yjs accepts ywasm's); the struct ends within 53 bits.
/// Errors are kCorrupt at offset `at`.
Status check_struct(const StructRecord& rec, std::uint64_t client, std::uint64_t clock,
                    std::size_t at);

} // namespace accord::crdt
