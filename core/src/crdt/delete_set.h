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
  /// True when every client's ranges are non-empty and in increasing clock order without overlap
  /// (what update v2 can encode; yjs always writes delete sets so).
  bool ordered() const;
  /// The same deletions sorted, merged and without empty ranges (ordered() afterwards).
  void normalize();
  /// Adds a range (not sorted/merged until sort_and_merge).
  void add(std::uint64_t client, std::uint64_t clock, std::uint64_t len) {
    auto it = clients_.find(client);
    if (it == clients_.end()) {
      it = clients_.emplace(client, std::vector<DeleteRange>{}).first;
      note_new_client(client);
    }
    it->second.push_back({clock, len});
  }
  /// Clients in the order they were first added (Yjs iterates a delete set's clients in this
  /// order, which decides e.g. the order in which an undo restores items), then any clients
  /// added through clients() in ascending order.
  std::vector<std::uint64_t> client_order() const;
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
  /// Equal ranges per client (the order clients were added in does not matter).
  bool operator==(const DeleteSet& other) const { return clients_ == other.clients_; }

private:
  /// Appends `client` to order_, dropping a stale entry left by clients().clear() or erase.
  void note_new_client(std::uint64_t client);

  std::map<std::uint64_t, std::vector<DeleteRange>> clients_;
  std::vector<std::uint64_t> order_;
};

} // namespace accord::crdt
