#pragma once
/// Streaming access to the structs of an update without a document (Yjs LazyStructReader /
/// LazyStructWriter). The structs part of an update is: var uint number of sections, then per
/// section: var uint struct count, the client, var uint first clock, and the structs, each
/// starting where the previous one ended. The writer produces the same layout from structs
/// given one at a time (a new section whenever the client changes), so merge, diff and format
/// conversion need memory only for the current struct and the output.

#include <cstdint>
#include <span>
#include <vector>

#include "accord/status.h"
#include "crdt/delete_set.h"
#include "crdt/item.h"
#include "crdt/pending.h"
#include "update/update_decoder.h"
#include "update/update_encoder.h"

namespace accord::update {

/// Reads an update's structs one at a time, in the order they are written.
class LazyStructReader {
public:
  /// Reads from `d` (after d.init()). With `filter_skips`, Skip structs are passed over; with
  /// `keep_flags`, info bytes survive a read/write round trip (see read_struct).
  LazyStructReader(UpdateDecoder& d, bool filter_skips, bool keep_flags = false)
      : d_(d), filter_skips_(filter_skips), keep_flags_(keep_flags) {}
  /// Reads the section count and the first struct.
  Status init();
  /// The current struct, or null after the last one.
  crdt::StructRecord* curr() { return has_ ? &cur_ : nullptr; }
  /// Moves to the next struct. After the last, the decoder is at the delete set.
  Status next();

private:
  Status read_one();
  UpdateDecoder& d_;
  bool filter_skips_;
  bool keep_flags_;
  bool has_ = false;
  std::uint64_t sections_left_ = 0;
  std::uint64_t structs_left_ = 0;
  std::uint64_t client_ = 0;
  std::uint64_t clock_ = 0;
  crdt::StructRecord cur_;
};

/// Writes structs one at a time into an encoder, grouping them into sections.
class LazyStructWriter {
public:
  explicit LazyStructWriter(UpdateEncoder& e) : e_(e) {}
  /// Writes a decoded struct skipping its first `offset` units.
  void write(const crdt::StructRecord& rec, std::uint64_t offset);
  /// Writes a document struct skipping its first `offset` units.
  void write(const crdt::Item& item, std::uint64_t offset);
  /// Writes the section count and the sections into the encoder's rest stream. Call once,
  /// before writing the delete set.
  void finish();

private:
  void begin(std::uint64_t client, std::uint64_t clock);
  void flush();
  struct Section {
    std::uint64_t written = 0;
    std::vector<std::uint8_t> rest;
  };
  UpdateEncoder& e_;
  std::uint64_t client_ = 0;
  std::uint64_t written_ = 0;
  std::vector<Section> sections_;
};

/// Writes a delete set (clients in descending order, ranges as stored). kInvalidArgument when
/// v2 must write an empty or descending range (Yjs throws there too).
Status write_delete_set(UpdateEncoder& e, const crdt::DeleteSet& ds);

/// Decodes a whole update into memory (what apply needs). A client appearing in two sections
/// is kCorrupt, as in the v1 engine decoder; empty sections are dropped.
Result<crdt::DecodedUpdate> decode_update(std::span<const std::uint8_t> bytes, UpdateFormat format);

} // namespace accord::update
