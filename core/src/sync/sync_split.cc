// Splits a v1 update into pieces under a size limit (see accord/sync_split.h). Uses the update
// codec's decoded form (crdt/update_codec.h): structs per client plus a delete set.
#include "accord/sync_split.h"

#include "crdt/item_codec.h"
#include "crdt/pending.h"
#include "crdt/update_codec.h"
#include "encoding/lib0_writer.h"

namespace accord::sync {

namespace {

using Bytes = std::vector<std::uint8_t>;

/// Bytes of one struct in a v1 update.
std::size_t record_size(const crdt::StructRecord& record) {
  encoding::Lib0Buffer w;
  crdt::write_record(w, record, 0);
  return w.bytes().size();
}

Bytes encode(const crdt::DecodedUpdate& update) {
  encoding::Lib0Buffer w;
  crdt::write_decoded_update(w, update);
  return w.take();
}

/// Worst case of the per-piece framing: client count, struct count, client id, first clock
/// (var uints of at most 10 bytes each) and an empty delete set (1 byte).
constexpr std::size_t kPieceOverhead = 4 * 10 + 1;

} // namespace

Result<std::vector<Bytes>> split_update(std::span<const std::uint8_t> update,
                                        std::size_t max_bytes) {
  std::vector<Bytes> pieces;
  if (update.size() <= max_bytes) {
    pieces.emplace_back(update.begin(), update.end());
    return pieces;
  }
  ACCORD_ASSIGN_OR_RETURN(crdt::DecodedUpdate decoded, crdt::decode_update_v1(update));
  if (max_bytes <= kPieceOverhead) {
    return Status::error(StatusCode::kLimitExceeded, "frame limit too small to split an update");
  }
  const std::size_t budget = max_bytes - kPieceOverhead;

  crdt::DecodedUpdate piece;
  std::size_t piece_bytes = 0;
  const auto flush = [&] {
    if (piece.clients.empty()) return;
    pieces.push_back(encode(piece));
    piece = {};
    piece_bytes = 0;
  };
  for (auto& [client, records] : decoded.clients) {
    for (crdt::StructRecord& record : records) {
      const std::size_t size = record_size(record);
      if (size > budget) {
        return Status::error(StatusCode::kLimitExceeded, "one struct of " + std::to_string(size) +
                                                             " bytes is over the frame limit of " +
                                                             std::to_string(max_bytes));
      }
      // A piece holds one client's run, so a new client starts a new piece.
      const bool other_client = !piece.clients.empty() && !piece.clients.contains(client);
      if (other_client || piece_bytes + size > budget) flush();
      auto& run = piece.clients[client];
      // A run never starts with a skip: its clock is only a gap marker.
      if (run.empty() && record.kind == crdt::ContentKind::kSkip) continue;
      run.push_back(std::move(record));
      piece_bytes += size;
    }
  }
  // The delete set rides along with the last piece when it fits, else alone.
  encoding::Lib0Buffer ds;
  decoded.delete_set.encode(ds);
  if (ds.bytes().size() > max_bytes - 1) {
    return Status::error(
        StatusCode::kLimitExceeded,
        "the delete set alone is over the frame limit of " + std::to_string(max_bytes));
  }
  if (piece_bytes + ds.bytes().size() > budget) flush();
  piece.delete_set = std::move(decoded.delete_set);
  if (!piece.clients.empty() || !piece.delete_set.empty()) pieces.push_back(encode(piece));
  return pieces;
}

} // namespace accord::sync
