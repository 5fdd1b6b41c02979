// Update format v2 on a document: apply_update_v2 and encode_state_as_update_v2, the v2 twins
// of apply_update / encode_state_as_update in crdt/doc.cc.
#include <algorithm>

#include "accord/update_ops.h"
#include "crdt/apply.h"
#include "crdt/doc_impl.h"
#include "crdt/store_delete_set.h"
#include "update/lazy_struct.h"

namespace accord {

Status apply_update_v2(Doc& doc, std::span<const std::uint8_t> update, Origin origin) {
  ACCORD_ASSIGN_OR_RETURN(crdt::DecodedUpdate decoded,
                          update::decode_update(update, update::UpdateFormat::kV2));
  crdt::DocImpl& d = *doc.impl();
  bool owner = d.begin(std::move(origin), false);
  if (!owner) d.txn().local = false; // joined a local transaction: Yjs marks it remote
  crdt::apply_decoded_update(d, std::move(decoded));
  if (owner) d.end();
  return Status::ok();
}

UpdateBytes encode_state_as_update_v2(const Doc& doc, const StateVector& sv) {
  const crdt::DocImpl& impl = *doc.impl();
  if (!impl.pending.empty() || !impl.pending_ds.empty()) {
    // Yjs merges the state with the pending delete set and the pending structs the peer lacks;
    // the v1 path does the same merge, which is format-independent, so its result re-encoded
    // in v2 (every info byte kept) is the bytes of Yjs's v2 merge.
    auto v2 = convert_update_v1_to_v2_keep_flags(encode_state_as_update(doc, sv));
    if (v2.ok()) return std::move(v2).value();
  }
  const crdt::StructStore& store = impl.store;
  update::UpdateEncoder enc(update::UpdateFormat::kV2);
  update::LazyStructWriter writer(enc);
  // Yjs writeClientsStructs: clients the peer lacks something of, highest client id first.
  std::vector<std::pair<std::uint64_t, std::uint64_t>> sm;
  for (const auto& [client, clock] : sv) {
    if (store.state(client) > clock) sm.emplace_back(client, clock);
  }
  for (const auto& [client, structs] : store.clients()) {
    if (!structs.empty() && !sv.count(client)) sm.emplace_back(client, 0);
  }
  std::sort(sm.begin(), sm.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (auto [client, clock] : sm) {
    const crdt::ClientStructs& structs = *store.get(client);
    clock = std::max(clock, structs.front()->id.clock);
    crdt::ClientStructs::Pos p = structs.find(clock);
    const crdt::Item* first = structs.at(p);
    writer.write(*first, clock - first->id.clock);
    for (p = structs.next(p); structs.valid(p); p = structs.next(p))
      writer.write(*structs.at(p), 0);
  }
  writer.finish();
  crdt::DeleteSet ds = crdt::delete_set_of(store);
  // Store ranges are sorted, non-empty and disjoint: v2 can always encode them.
  (void)update::write_delete_set(enc, ds);
  return enc.finish();
}

Result<UpdateBytes> encode_state_as_update_v2(const Doc& doc,
                                              std::span<const std::uint8_t> encoded_sv) {
  ACCORD_ASSIGN_OR_RETURN(StateVector sv, decode_state_vector(encoded_sv));
  return encode_state_as_update_v2(doc, sv);
}

} // namespace accord
