#include "crdt/struct_store.h"

#include <algorithm>

namespace accord::crdt {

std::size_t ClientStructs::size() const {
  std::size_t n = 0;
  for (const auto& c : chunks_) n += c.items.size();
  return n;
}

namespace {
// Index of the last element <= clock in a sorted vector (the first is <= clock).
std::size_t last_le(const std::vector<std::uint64_t>& v, std::uint64_t clock) {
  auto it = std::upper_bound(v.begin(), v.end(), clock);
  return static_cast<std::size_t>(it - v.begin()) - 1;
}
} // namespace

ClientStructs::Pos ClientStructs::find(std::uint64_t clock) const {
  std::size_t c = chunks_.size() - 1;
  if (first_clocks_[c] > clock) c = last_le(first_clocks_, clock);
  const auto& clocks = chunks_[c].clocks;
  std::size_t i = clocks.back() <= clock ? clocks.size() - 1 : last_le(clocks, clock);
  return Pos{static_cast<std::uint32_t>(c), static_cast<std::uint32_t>(i)};
}

void ClientStructs::push_back(Item* item) {
  if (chunks_.empty() || chunks_.back().items.size() >= kChunk) {
    chunks_.emplace_back();
    chunks_.back().items.reserve(kChunk);
    chunks_.back().clocks.reserve(kChunk);
    first_clocks_.push_back(item->id.clock);
  }
  chunks_.back().items.push_back(item);
  chunks_.back().clocks.push_back(item->id.clock);
}

void ClientStructs::split_chunk(std::size_t c) {
  Chunk tail;
  auto& full = chunks_[c];
  std::size_t half = full.items.size() / 2;
  tail.items.assign(full.items.begin() + static_cast<std::ptrdiff_t>(half), full.items.end());
  tail.clocks.assign(full.clocks.begin() + static_cast<std::ptrdiff_t>(half), full.clocks.end());
  full.items.resize(half);
  full.clocks.resize(half);
  std::uint64_t first = tail.clocks.front();
  chunks_.insert(chunks_.begin() + static_cast<std::ptrdiff_t>(c) + 1, std::move(tail));
  first_clocks_.insert(first_clocks_.begin() + static_cast<std::ptrdiff_t>(c) + 1, first);
}

void ClientStructs::insert_after(Pos p, Item* item) {
  auto& c = chunks_[p.chunk];
  c.items.insert(c.items.begin() + p.idx + 1, item);
  c.clocks.insert(c.clocks.begin() + p.idx + 1, item->id.clock);
  if (c.items.size() > 2 * kChunk) split_chunk(p.chunk);
}

void ClientStructs::erase(Pos p) {
  auto& c = chunks_[p.chunk];
  c.items.erase(c.items.begin() + p.idx);
  c.clocks.erase(c.clocks.begin() + p.idx);
  if (c.items.empty()) {
    chunks_.erase(chunks_.begin() + p.chunk);
    first_clocks_.erase(first_clocks_.begin() + p.chunk);
  } else if (p.idx == 0) {
    first_clocks_[p.chunk] = c.clocks.front();
  }
}

std::map<std::uint64_t, std::uint64_t> StructStore::state_vector() const {
  std::map<std::uint64_t, std::uint64_t> sv;
  for (const auto& [client, structs] : clients_) {
    if (!structs.empty()) sv[client] = structs.state();
  }
  return sv;
}

} // namespace accord::crdt
