// Snapshots: taking, encoding (v1, as yjs's encodeSnapshot), comparing, and restoring a document
// at a snapshot (as yjs's createDocFromSnapshot). Reading types at a snapshot is in
// snapshot_read.cc. The bytes are described in accord/snapshot.h.
#include "accord/snapshot.h"

#include "crdt/doc_impl.h"
#include "crdt/history_util.h"
#include "crdt/item_codec.h"
#include "crdt/update_codec.h"
#include "encoding/lib0_reader.h"
#include "encoding/lib0_writer.h"

namespace accord {

using crdt::ClientStructs;
using crdt::DocImpl;
using crdt::Item;

Snapshot snapshot(const Doc& doc) {
  Snapshot snap;
  const DocImpl& d = *doc.impl();
  snap.state_vector = d.store.state_vector();
  for (const auto& [client, structs] : d.store.clients()) {
    std::vector<IdRange> ranges;
    structs.for_each([&](const Item* s) {
      if (!s->deleted()) return;
      if (!ranges.empty() && ranges.back().clock + ranges.back().len == s->id.clock) {
        ranges.back().len += s->length;
      } else {
        ranges.push_back(IdRange{s->id.clock, s->length});
      }
    });
    if (!ranges.empty()) snap.delete_set.emplace(client, std::move(ranges));
  }
  return snap;
}

std::vector<std::uint8_t> encode_snapshot(const Snapshot& snap) {
  encoding::Lib0Buffer w;
  std::size_t clients = 0;
  for (const auto& [client, ranges] : snap.delete_set) clients += ranges.empty() ? 0 : 1;
  w.write_var_uint(clients);
  for (auto it = snap.delete_set.rbegin(); it != snap.delete_set.rend(); ++it) {
    if (it->second.empty()) continue;
    w.write_var_uint(it->first);
    w.write_var_uint(it->second.size());
    for (const IdRange& r : it->second) {
      w.write_var_uint(r.clock);
      w.write_var_uint(r.len);
    }
  }
  w.write_var_uint(snap.state_vector.size());
  for (auto it = snap.state_vector.rbegin(); it != snap.state_vector.rend(); ++it) {
    w.write_var_uint(it->first);
    w.write_var_uint(it->second);
  }
  return w.take();
}

Result<Snapshot> decode_snapshot(std::span<const std::uint8_t> bytes) {
  encoding::Lib0Reader r(bytes);
  ACCORD_ASSIGN_OR_RETURN(crdt::DeleteSet ds, crdt::DeleteSet::decode(r));
  Snapshot snap;
  for (const auto& [client, ranges] : ds.clients()) {
    auto& out = snap.delete_set[client];
    for (const crdt::DeleteRange& range : ranges) out.push_back(IdRange{range.clock, range.len});
  }
  std::size_t start = r.offset();
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t n, r.read_var_uint());
  if (n > r.remaining() / 2) {
    return encoding::Lib0Reader::error_at(start, "state vector client count exceeds input");
  }
  for (std::uint64_t i = 0; i < n; ++i) {
    ACCORD_ASSIGN_OR_RETURN(std::uint64_t client, r.read_var_uint());
    std::size_t at = r.offset();
    ACCORD_ASSIGN_OR_RETURN(std::uint64_t clock, r.read_var_uint());
    if (clock > encoding::kMaxSafeInteger) {
      return encoding::Lib0Reader::error_at(at, "state vector clock exceeds 53 bits");
    }
    snap.state_vector[client] = clock;
  }
  if (!r.at_end()) return r.error("trailing bytes after the snapshot");
  return snap;
}

bool equal_snapshots(const Snapshot& a, const Snapshot& b) {
  if (a.state_vector != b.state_vector) return false;
  auto non_empty = [](const IdRangeSet& s) {
    std::size_t n = 0;
    for (const auto& [c, r] : s) n += r.empty() ? 0 : 1;
    return n;
  };
  if (non_empty(a.delete_set) != non_empty(b.delete_set)) return false;
  for (const auto& [client, ranges] : a.delete_set) {
    if (ranges.empty()) continue;
    auto it = b.delete_set.find(client);
    if (it == b.delete_set.end() || it->second != ranges) return false;
  }
  return true;
}

Result<bool> snapshot_contains_update(const Snapshot& snap, std::span<const std::uint8_t> update) {
  ACCORD_ASSIGN_OR_RETURN(crdt::DecodedUpdate decoded, crdt::decode_update_v1(update));
  for (const auto& [client, records] : decoded.clients) {
    auto it = snap.state_vector.find(client);
    std::uint64_t known = it == snap.state_vector.end() ? 0 : it->second;
    for (const crdt::StructRecord& rec : records) {
      if (known < rec.id.clock + rec.length) return false;
    }
  }
  crdt::DeleteSet mine = crdt::to_delete_set(snap.delete_set);
  crdt::DeleteSet merged = mine;
  merged.merge_from(decoded.delete_set);
  merged.sort_and_merge();
  return crdt::to_id_ranges(merged) == crdt::to_id_ranges(mine);
}

bool visible_at(const Snapshot& snap, std::uint64_t client, std::uint64_t clock) {
  auto it = snap.state_vector.find(client);
  return it != snap.state_vector.end() && it->second > clock &&
         !crdt::id_ranges_contain(snap.delete_set, client, clock);
}

Result<Doc> create_doc_from_snapshot(Doc& origin, const Snapshot& snap, DocOptions options) {
  DocImpl& d = *origin.impl();
  if (d.gc) {
    return Status::error(StatusCode::kFailedPrecondition,
                         "create_doc_from_snapshot needs a document with gc disabled");
  }
  for (const auto& [client, clock] : snap.state_vector) {
    if (clock > d.store.state(client)) {
      return Status::error(StatusCode::kInvalidArgument,
                           "snapshot has clock " + std::to_string(clock) + " of client " +
                               std::to_string(client) + " beyond the document's state");
    }
  }
  encoding::Lib0Buffer w;
  {
    Transaction txn = origin.transact();
    std::size_t clients = 0;
    for (const auto& [client, clock] : snap.state_vector) clients += clock > 0 ? 1 : 0;
    w.write_var_uint(clients);
    for (auto it = snap.state_vector.rbegin(); it != snap.state_vector.rend(); ++it) {
      // Named copies, not structured bindings: clang 14 (Emscripten) cannot capture those.
      const auto client = it->first;
      const auto clock = it->second;
      if (clock == 0) continue;
      if (clock < d.store.state(client)) d.clean_start(crdt::Id{client, clock});
      const ClientStructs& structs = *d.store.get(client);
      std::vector<const Item*> out;
      structs.for_each([&](const Item* s) {
        if (s->id.clock < clock) out.push_back(s);
      });
      w.write_var_uint(out.size());
      w.write_var_uint(client);
      w.write_var_uint(0);
      for (const Item* s : out) crdt::write_struct(w, *s, 0);
    }
    crdt::to_delete_set(snap.delete_set).encode(w);
    txn.commit();
  }
  std::vector<std::uint8_t> update = w.take();
  Doc restored(std::move(options));
  ACCORD_RETURN_IF_ERROR(apply_update(restored, update, Origin{"snapshot", nullptr}));
  return restored;
}

} // namespace accord
