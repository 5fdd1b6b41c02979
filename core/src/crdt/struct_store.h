#pragma once
/// The struct store: per client, its structs (Items and GC structs) sorted by clock and
/// contiguous (each starts where the previous ends). Stored in chunks so that splitting an item
/// in the middle of a long history inserts in O(chunk) rather than O(structs).

#include <cstdint>
#include <map>
#include <unordered_map>
#include <vector>

#include "crdt/item.h"

namespace accord::crdt {

/// The structs of one client, chunked. Positions are (chunk, index) pairs. Each chunk keeps the
/// clocks of its structs beside the pointers so lookups by clock touch no item.
class ClientStructs {
public:
  /// A position in the sequence.
  struct Pos {
    std::uint32_t chunk = 0;
    std::uint32_t idx = 0;
    bool operator==(const Pos&) const = default;
  };

  bool empty() const { return chunks_.empty(); }
  /// Number of structs. O(chunks).
  std::size_t size() const;
  Item* back() const { return chunks_.back().items.back(); }
  Item* front() const { return chunks_.front().items.front(); }
  /// The next clock of this client (end of the last struct).
  std::uint64_t state() const {
    if (chunks_.empty()) return 0;
    const Item* b = chunks_.back().items.back();
    return b->id.clock + b->length;
  }
  Item* at(Pos p) const { return chunks_[p.chunk].items[p.idx]; }
  Pos begin_pos() const { return Pos{0, 0}; }
  Pos last_pos() const {
    return Pos{static_cast<std::uint32_t>(chunks_.size() - 1),
               static_cast<std::uint32_t>(chunks_.back().items.size() - 1)};
  }
  /// The position after `p`; valid() false past the end.
  Pos next(Pos p) const {
    if (p.idx + 1 < chunks_[p.chunk].items.size()) return Pos{p.chunk, p.idx + 1};
    return Pos{p.chunk + 1, 0};
  }
  /// The position before `p` (requires p != begin).
  Pos prev(Pos p) const {
    if (p.idx > 0) return Pos{p.chunk, p.idx - 1};
    return Pos{p.chunk - 1, static_cast<std::uint32_t>(chunks_[p.chunk - 1].items.size() - 1)};
  }
  bool valid(Pos p) const { return p.chunk < chunks_.size(); }
  bool is_begin(Pos p) const { return p.chunk == 0 && p.idx == 0; }

  /// The position of the struct containing `clock` (Yjs findIndexSS). Requires clock < state().
  Pos find(std::uint64_t clock) const;
  /// Appends a struct (must start at state()).
  void push_back(Item* item);
  /// Inserts `item` right after position `p` (item's clock must follow at(p)).
  void insert_after(Pos p, Item* item);
  /// Removes the struct at `p`.
  void erase(Pos p);

  /// Calls fn(Item*) for every struct in order.
  template <typename Fn>
  void for_each(Fn&& fn) const {
    for (const auto& c : chunks_) {
      for (Item* it : c.items) fn(it);
    }
  }

private:
  struct Chunk {
    std::vector<Item*> items;
    std::vector<std::uint64_t> clocks;
  };
  static constexpr std::size_t kChunk = 256;
  void split_chunk(std::size_t c);
  std::vector<Chunk> chunks_;
  std::vector<std::uint64_t> first_clocks_;
};

/// All clients' structs.
class StructStore {
public:
  /// The next clock of `client` (0 when unknown).
  std::uint64_t state(std::uint64_t client) const {
    auto it = clients_.find(client);
    return it == clients_.end() ? 0 : it->second.state();
  }
  /// Client -> state for every client.
  std::map<std::uint64_t, std::uint64_t> state_vector() const;
  /// The structs of `client`, or null.
  ClientStructs* get(std::uint64_t client) {
    auto it = clients_.find(client);
    return it == clients_.end() ? nullptr : &it->second;
  }
  const ClientStructs* get(std::uint64_t client) const {
    auto it = clients_.find(client);
    return it == clients_.end() ? nullptr : &it->second;
  }
  /// Appends a struct to its client's list (must start at the client's state).
  void add(Item* item) { clients_[item->id.client].push_back(item); }
  /// The struct containing `id` (must exist).
  Item* find(Id id) const {
    return clients_.at(id.client).at(clients_.at(id.client).find(id.clock));
  }
  std::unordered_map<std::uint64_t, ClientStructs>& clients() { return clients_; }
  const std::unordered_map<std::uint64_t, ClientStructs>& clients() const { return clients_; }

private:
  std::unordered_map<std::uint64_t, ClientStructs> clients_;
};

} // namespace accord::crdt
