#include "crdt/delete_set.h"

#include <algorithm>

namespace accord::crdt {

void DeleteSet::sort_and_merge() {
  for (auto& [client, dels] : clients_) {
    std::sort(dels.begin(), dels.end(),
              [](const DeleteRange& a, const DeleteRange& b) { return a.clock < b.clock; });
    std::size_t j = 1;
    for (std::size_t i = 1; i < dels.size(); ++i) {
      DeleteRange& left = dels[j - 1];
      const DeleteRange& right = dels[i];
      if (left.clock + left.len >= right.clock) {
        left.len = std::max(left.len, right.clock + right.len - left.clock);
      } else {
        dels[j++] = right;
      }
    }
    if (!dels.empty()) dels.resize(j);
  }
}

bool DeleteSet::ordered() const {
  for (const auto& [client, dels] : clients_) {
    std::uint64_t end = 0;
    for (const DeleteRange& r : dels) {
      if (r.len == 0 || r.clock < end) return false;
      end = r.clock + r.len;
    }
  }
  return true;
}

void DeleteSet::normalize() {
  for (auto& [client, dels] : clients_) {
    std::erase_if(dels, [](const DeleteRange& r) { return r.len == 0; });
  }
  sort_and_merge();
}

bool DeleteSet::contains(std::uint64_t client, std::uint64_t clock) const {
  auto it = clients_.find(client);
  if (it == clients_.end()) return false;
  const auto& dels = it->second;
  auto pos = std::upper_bound(dels.begin(), dels.end(), clock,
                              [](std::uint64_t c, const DeleteRange& r) { return c < r.clock; });
  if (pos == dels.begin()) return false;
  --pos;
  return clock < pos->clock + pos->len;
}

void DeleteSet::encode(encoding::Lib0Writer& w) const {
  w.write_var_uint(clients_.size());
  for (auto it = clients_.rbegin(); it != clients_.rend(); ++it) {
    w.write_var_uint(it->first);
    w.write_var_uint(it->second.size());
    for (const DeleteRange& r : it->second) {
      w.write_var_uint(r.clock);
      w.write_var_uint(r.len);
    }
  }
}

Result<DeleteSet> DeleteSet::decode(encoding::Lib0Reader& r) {
  DeleteSet ds;
  std::size_t start = r.offset();
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t num_clients, r.read_var_uint());
  if (num_clients > r.remaining() / 2) {
    return encoding::Lib0Reader::error_at(start, "delete set client count exceeds input");
  }
  for (std::uint64_t i = 0; i < num_clients; ++i) {
    ACCORD_ASSIGN_OR_RETURN(std::uint64_t client, r.read_var_uint());
    std::size_t at = r.offset();
    ACCORD_ASSIGN_OR_RETURN(std::uint64_t n, r.read_var_uint());
    if (n > r.remaining() / 2) {
      return encoding::Lib0Reader::error_at(at, "delete range count exceeds input");
    }
    if (n == 0) continue;
    if (!ds.clients_.count(client)) ds.note_new_client(client);
    auto& dels = ds.clients_[client];
    dels.reserve(dels.size() + static_cast<std::size_t>(n));
    for (std::uint64_t k = 0; k < n; ++k) {
      std::size_t range_at = r.offset();
      ACCORD_ASSIGN_OR_RETURN(std::uint64_t clock, r.read_var_uint());
      ACCORD_ASSIGN_OR_RETURN(std::uint64_t len, r.read_var_uint());
      if (clock + len > encoding::kMaxSafeInteger) {
        return encoding::Lib0Reader::error_at(range_at, "delete range exceeds 53 bits");
      }
      dels.push_back({clock, len});
    }
  }
  return ds;
}

void DeleteSet::merge_from(const DeleteSet& other) {
  for (std::uint64_t client : other.client_order()) {
    const auto& dels = other.clients_.at(client);
    if (!clients_.count(client)) note_new_client(client);
    auto& mine = clients_[client];
    mine.insert(mine.end(), dels.begin(), dels.end());
  }
}

void DeleteSet::note_new_client(std::uint64_t client) {
  order_.erase(std::remove(order_.begin(), order_.end(), client), order_.end());
  order_.push_back(client);
}

std::vector<std::uint64_t> DeleteSet::client_order() const {
  std::vector<std::uint64_t> out;
  out.reserve(clients_.size());
  for (std::uint64_t c : order_) {
    if (clients_.count(c) && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  }
  if (out.size() != clients_.size()) {
    for (const auto& [c, r] : clients_) {
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
    }
  }
  return out;
}

} // namespace accord::crdt
