#pragma once
/// Delete sets: per client, sorted and merged ranges [clock, clock+len) of deleted units.
/// Encoded (v1) as: var uint number of clients, then per client (descending client id, as Yjs
/// sorts them): var uint client, var uint number of ranges, then (var uint clock, var uint len)
/// per range.

#include <cstdint>
#include <map>
#include <vector>

#include "accord/status.h"
#include "encoding/lib0_reader.h"
#include "encoding/lib0_writer.h"

namespace accord::crdt {

/// A deleted range of one client.
struct DeleteRange {
  std::uint64_t clock = 0;
  std::uint64_t len = 0;
  bool operator==(const DeleteRange&) const = default;
};

/// Deleted ranges by client.
class DeleteSet {
public:
  /// Adds a range (not sorted/merged until sort_and_merge).
  void add(std::uint64_t client, std::uint64_t clock, std::uint64_t len) {
    clients_[client].push_back({clock, len});
  }
  /// Sorts each client's ranges and merges overlapping/adjacent ones (Yjs sortAndMergeDeleteSet).
  void sort_and_merge();
  /// True when the unit (client, clock) is in the set (requires sort_and_merge first).
  bool contains(std::uint64_t client, std::uint64_t clock) const;
  bool empty() const { return clients_.empty(); } ///< no clients
  /// Clients (ascending) with their ranges.
  const std::map<std::uint64_t, std::vector<DeleteRange>>& clients() const { return clients_; }
  std::map<std::uint64_t, std::vector<DeleteRange>>& clients() { return clients_; }
  /// Writes the v1 encoding (clients descending).
  void encode(encoding::Lib0Writer& w) const;
  /// Reads the v1 encoding; ranges are kept as read (not sorted). Rejects clocks/lengths beyond
  /// 53 bits and counts beyond the input.
  static Result<DeleteSet> decode(encoding::Lib0Reader& r);
  /// Adds all ranges of `other`.
  void merge_from(const DeleteSet& other);
  bool operator==(const DeleteSet&) const = default;

private:
  std::map<std::uint64_t, std::vector<DeleteRange>> clients_;
};

} // namespace accord::crdt
