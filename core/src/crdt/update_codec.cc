#include "crdt/update_codec.h"

#include <algorithm>
#include <vector>

#include "crdt/item_codec.h"

namespace accord::crdt {

using encoding::Lib0Reader;

void write_client_structs(encoding::Lib0Writer& w, const StructStore& store,
                          const std::map<std::uint64_t, std::uint64_t>& sv) {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> sm;
  for (const auto& [client, clock] : sv) {
    if (store.state(client) > clock) sm.emplace_back(client, clock);
  }
  for (const auto& [client, structs] : store.clients()) {
    if (!structs.empty() && !sv.count(client)) sm.emplace_back(client, 0);
  }
  std::sort(sm.begin(), sm.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  write_client_structs_from(w, store, sm);
}

void write_client_structs_from(encoding::Lib0Writer& w, const StructStore& store,
                               std::span<const std::pair<std::uint64_t, std::uint64_t>> from) {
  w.write_var_uint(from.size());
  for (auto [client, clock] : from) {
    const ClientStructs& structs = *store.get(client);
    clock = std::max(clock, structs.front()->id.clock);
    ClientStructs::Pos start = structs.find(clock);
    std::size_t count = 0;
    for (ClientStructs::Pos p = start; structs.valid(p); p = structs.next(p)) ++count;
    w.write_var_uint(count);
    w.write_var_uint(client);
    w.write_var_uint(clock);
    const Item* first = structs.at(start);
    write_struct(w, *first, clock - first->id.clock);
    for (ClientStructs::Pos p = structs.next(start); structs.valid(p); p = structs.next(p)) {
      write_struct(w, *structs.at(p), 0);
    }
  }
}

Result<DecodedUpdate> decode_update_v1(std::span<const std::uint8_t> bytes) {
  Lib0Reader r(bytes);
  DecodedUpdate out;
  std::size_t at = r.offset();
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t num_clients, r.read_var_uint());
  if (num_clients > r.remaining()) return Lib0Reader::error_at(at, "client count exceeds input");
  for (std::uint64_t i = 0; i < num_clients; ++i) {
    std::size_t cat = r.offset();
    ACCORD_ASSIGN_OR_RETURN(std::uint64_t n, r.read_var_uint());
    if (n > r.remaining()) return Lib0Reader::error_at(cat, "struct count exceeds input");
    ACCORD_ASSIGN_OR_RETURN(std::uint64_t client, r.read_var_uint());
    ACCORD_ASSIGN_OR_RETURN(std::uint64_t clock, r.read_var_uint());
    if (out.clients.count(client)) {
      return Lib0Reader::error_at(cat, "client " + std::to_string(client) + " appears twice");
    }
    auto& refs = out.clients[client];
    refs.reserve(static_cast<std::size_t>(n));
    for (std::uint64_t k = 0; k < n; ++k) {
      ACCORD_ASSIGN_OR_RETURN(StructRecord rec, read_struct(r, client, clock));
      clock += rec.length;
      refs.push_back(std::move(rec));
    }
    if (refs.empty()) out.clients.erase(client);
  }
  ACCORD_ASSIGN_OR_RETURN(out.delete_set, DeleteSet::decode(r));
  return out;
}

void write_decoded_update(encoding::Lib0Writer& w, const DecodedUpdate& update) {
  w.write_var_uint(update.clients.size());
  for (auto it = update.clients.rbegin(); it != update.clients.rend(); ++it) {
    w.write_var_uint(it->second.size());
    w.write_var_uint(it->first);
    w.write_var_uint(it->second.empty() ? 0 : it->second.front().id.clock);
    for (const StructRecord& rec : it->second) write_record(w, rec, 0);
  }
  update.delete_set.encode(w);
}

} // namespace accord::crdt
