#pragma once
/// The two update encodings of Yjs behind one writer (Yjs UpdateEncoderV1 / UpdateEncoderV2).
///
/// v1: every value goes, in call order, into one lib0 byte stream (the "rest").
/// v2: values are split by meaning into columns, each compressed with a lib0 column codec (see
/// column_codec.h), and the update is: var uint 0 (feature flag), then nine length-prefixed
/// columns in this order: key clocks (IntDiffOptRle), clients (UintOptRle), left clocks
/// (IntDiffOptRle), right clocks (IntDiffOptRle), infos (RleU8), strings (String), parent infos
/// (RleU8), type refs (UintOptRle), lengths (UintOptRle); then the rest stream, unprefixed, to
/// the end. The rest holds struct counts, first clocks, Skip lengths, Any values (ContentAny,
/// ContentDoc options, and Embed/Format values, which v1 writes as JSON text), binary content
/// and the delete set. In a v2 delete set, clocks are written as differences from the end of
/// the previous range of the same client, and lengths minus one.
/// Map keys of ContentFormat and XML node names go through the key cache: a key clock (always a
/// new one, as Yjs writes them) and the string.

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "accord/any.h"
#include "crdt/id.h"
#include "encoding/lib0_writer.h"
#include "update/column_codec.h"

namespace accord::update {

/// Which wire format.
enum class UpdateFormat : std::uint8_t { kV1, kV2 };

/// Writes one update in v1 or v2. Not copyable (the rest writer points into it).
class UpdateEncoder {
public:
  explicit UpdateEncoder(UpdateFormat format) : format_(format) {}
  UpdateEncoder(const UpdateEncoder&) = delete;
  UpdateEncoder& operator=(const UpdateEncoder&) = delete;

  UpdateFormat format() const { return format_; } ///< v1 or v2
  /// The rest stream (both formats).
  encoding::Lib0Writer rest() { return encoding::Lib0Writer(&rest_); }
  /// Moves the rest stream out, leaving it empty (the lazy writer's per-client fragments).
  std::vector<std::uint8_t> take_rest() { return std::move(rest_); }

  void write_client(std::uint64_t client);       ///< a struct section's client
  void write_info(std::uint8_t info);            ///< a struct's info byte
  void write_left_id(crdt::Id id);               ///< origin or parent id
  void write_right_id(crdt::Id id);              ///< right origin
  void write_parent_info(bool is_root_key);      ///< parent given by root name (true) or id
  void write_string(std::string_view utf8);      ///< a string (UTF-8)
  void write_string16(std::u16string_view s);    ///< a string (UTF-16; lone surrogates: U+FFFD)
  void write_type_ref(std::uint64_t ref);        ///< ContentType's type ref
  void write_len(std::uint64_t len);             ///< a content length / count
  void write_any(const Any& value);              ///< a lib0 any (rest)
  void write_buf(std::span<const std::uint8_t>); ///< binary content (rest)
  void write_json(const Any& value);             ///< v1: JSON text; v2: lib0 any
  void write_key(std::string_view key);          ///< a cached key (Format key, XML names)

  void reset_ds_cur_val() { ds_curr_ = 0; } ///< start of a client's delete ranges
  void write_ds_clock(std::uint64_t clock); ///< a delete range's clock
  /// A delete range's length (v2 cannot write 0: the caller checks).
  void write_ds_len(std::uint64_t len);

  /// The update's bytes. Call once, at the end.
  std::vector<std::uint8_t> finish();

private:
  UpdateFormat format_;
  std::vector<std::uint8_t> rest_;
  std::uint64_t ds_curr_ = 0;
  std::uint64_t key_clock_ = 0;
  IntDiffOptRleEncoder key_clocks_;
  UintOptRleEncoder clients_;
  IntDiffOptRleEncoder left_clocks_;
  IntDiffOptRleEncoder right_clocks_;
  RleU8Encoder infos_;
  StringColumnEncoder strings_;
  RleU8Encoder parent_infos_;
  UintOptRleEncoder type_refs_;
  UintOptRleEncoder lens_;
};

} // namespace accord::update
