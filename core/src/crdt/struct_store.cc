#include "crdt/struct_store.h"

#include <algorithm>

namespace accord::crdt {

std::size_t ClientStructs::size() const {
  std::size_t n = 0;
  for (const auto& c : chunks_) n += c.size();
  return n;
}

ClientStructs::Pos ClientStructs::find(std::uint64_t clock) const {
  // Binary search the chunk whose first struct starts at or before `clock`.
  std::size_t lo = 0, hi = chunks_.size();
  while (hi - lo > 1) {
    std::size_t mid = (lo + hi) / 2;
    if (chunks_[mid].front()->id.clock <= clock) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  const auto& c = chunks_[lo];
  std::size_t l = 0, r = c.size();
  while (r - l > 1) {
    std::size_t mid = (l + r) / 2;
    if (c[mid]->id.clock <= clock) {
      l = mid;
    } else {
      r = mid;
    }
  }
  return Pos{static_cast<std::uint32_t>(lo), static_cast<std::uint32_t>(l)};
}

void ClientStructs::push_back(Item* item) {
  if (chunks_.empty() || chunks_.back().size() >= kChunk) {
    chunks_.emplace_back();
    chunks_.back().reserve(kChunk);
  }
  chunks_.back().push_back(item);
}

void ClientStructs::split_chunk(std::size_t c) {
  auto& full = chunks_[c];
  std::vector<Item*> tail(full.begin() + static_cast<std::ptrdiff_t>(full.size() / 2), full.end());
  full.resize(full.size() / 2);
  chunks_.insert(chunks_.begin() + static_cast<std::ptrdiff_t>(c) + 1, std::move(tail));
}

void ClientStructs::insert_after(Pos p, Item* item) {
  auto& c = chunks_[p.chunk];
  c.insert(c.begin() + p.idx + 1, item);
  if (c.size() > 2 * kChunk) split_chunk(p.chunk);
}

void ClientStructs::erase(Pos p) {
  auto& c = chunks_[p.chunk];
  c.erase(c.begin() + p.idx);
  if (c.empty()) chunks_.erase(chunks_.begin() + p.chunk);
}

std::map<std::uint64_t, std::uint64_t> StructStore::state_vector() const {
  std::map<std::uint64_t, std::uint64_t> sv;
  for (const auto& [client, structs] : clients_) {
    if (!structs.empty()) sv[client] = structs.state();
  }
  return sv;
}

} // namespace accord::crdt
