#pragma once
/// The two update encodings of Yjs behind one reader (Yjs UpdateDecoderV1 / UpdateDecoderV2);
/// see update_encoder.h for the bytes. Never trusts its input: every read is bounds-checked and
/// returns kCorrupt with the byte offset (relative to the whole update) on malformed input.
///
/// Bounded work: v2's run-length columns can describe many values in few bytes, so the decoder
/// keeps a budget proportional to the input size: at most kStructsPerByte structs per input
/// byte (plus kStructSlack), and at most kStringBytesPerByte bytes of cached keys copied out per
/// input byte (plus kStringSlack). Beyond them reads fail with kLimitExceeded.

#include <cstdint>
#include <span>
#include <string>

#include "accord/any.h"
#include "accord/status.h"
#include "crdt/delete_set.h"
#include "crdt/id.h"
#include "encoding/lib0_reader.h"
#include "update/column_codec.h"
#include "update/update_encoder.h"

namespace accord::update {

inline constexpr std::uint64_t kStructsPerByte = 64;     ///< struct budget per input byte
inline constexpr std::uint64_t kStructSlack = 4096;      ///< struct budget, fixed part
inline constexpr std::uint64_t kStringBytesPerByte = 64; ///< key-copy budget per input byte
inline constexpr std::uint64_t kStringSlack = 65536;     ///< key-copy budget, fixed part

/// Reads one update in v1 or v2. Holds views into the input, which must outlive it.
class UpdateDecoder {
public:
  /// A decoder over `bytes`; init() must succeed before any read.
  UpdateDecoder(std::span<const std::uint8_t> bytes, UpdateFormat format);
  UpdateDecoder(const UpdateDecoder&) = delete;
  UpdateDecoder& operator=(const UpdateDecoder&) = delete;

  /// Reads the v2 header (feature flag and the nine columns); nothing for v1.
  Status init();
  UpdateFormat format() const { return format_; } ///< v1 or v2
  /// The rest stream (positions are relative to the whole update).
  encoding::Lib0Reader& rest() { return rest_; }

  Result<std::uint64_t> read_client();              ///< a struct section's client
  Result<std::uint8_t> read_info();                 ///< a struct's info byte
  Result<crdt::Id> read_left_id();                  ///< origin or parent id
  Result<crdt::Id> read_right_id();                 ///< right origin
  Result<bool> read_parent_info();                  ///< true: parent given by root name
  Result<std::string> read_string();                ///< a string, UTF-8
  Result<std::u16string> read_string16();           ///< a string, UTF-16
  Result<std::uint64_t> read_type_ref();            ///< ContentType's type ref
  Result<std::uint64_t> read_len();                 ///< a content length / count
  Result<Any> read_any();                           ///< a lib0 any (rest)
  Result<std::span<const std::uint8_t>> read_buf(); ///< binary content (rest)
  Result<Any> read_json();                          ///< v1: JSON text; v2: lib0 any
  Result<std::string> read_key();                   ///< a cached key
  /// An upper bound on how many more strings can be read (for count checks before reserving).
  std::uint64_t strings_left() const;

  /// Charges one struct against the budget (kLimitExceeded when spent).
  Status charge_struct();
  /// Reads the delete set that ends the update (ranges kept in input order, not merged).
  Result<crdt::DeleteSet> read_delete_set();

private:
  Status charge_string(std::size_t bytes);
  Result<std::uint64_t> read_clock(IntDiffOptRleDecoder& column);

  UpdateFormat format_;
  std::span<const std::uint8_t> bytes_;
  encoding::Lib0Reader rest_;
  std::uint64_t structs_left_;
  std::uint64_t string_bytes_left_;
  std::vector<std::string> keys_;
  IntDiffOptRleDecoder key_clocks_;
  UintOptRleDecoder clients_;
  IntDiffOptRleDecoder left_clocks_;
  IntDiffOptRleDecoder right_clocks_;
  RleU8Decoder infos_;
  StringColumnDecoder strings_;
  RleU8Decoder parent_infos_;
  UintOptRleDecoder type_refs_;
  UintOptRleDecoder lens_;
};

} // namespace accord::update
