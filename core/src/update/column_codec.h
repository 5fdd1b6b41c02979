#pragma once
/// lib0's column codecs, as update format v2 uses them (lib0/encoding.js, lib0/decoding.js).
/// Each column is its own byte string; the bytes of each codec:
/// - RleU8 (RleEncoder with writeUint8): a value byte, then a var uint "repeat count - 1"
///   before the next different value. The count of the last run is not written: a decoder that
///   finds no count repeats the last value forever.
/// - UintOptRle: runs of unsigned values. A run of one value v is var int v; a longer run is
///   var int -v (negative sign bit, also for v = 0: lib0's negative zero) then var uint count-2.
/// - IntDiffOptRle: runs of equal differences between consecutive values (starting from 0).
///   Each run is var int (diff * 2 + has_count), then var uint count-2 when has_count.
/// - String: all strings concatenated and written as one var string (UTF-8), followed by the
///   UintOptRle column of their lengths in UTF-16 code units.
/// Decoders never trust their input: reads past the end, values beyond 53 bits and lengths
/// beyond the string are kCorrupt errors with the offset of the column in the whole update.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "accord/status.h"
#include "encoding/lib0_reader.h"
#include "encoding/lib0_writer.h"

namespace accord::update {

/// RleEncoder(writeUint8).
class RleU8Encoder {
public:
  /// Appends one value.
  void write(std::uint8_t v);
  /// The column bytes (the last run's count is left implicit, as lib0 does).
  const std::vector<std::uint8_t>& bytes() const { return buf_; }

private:
  std::vector<std::uint8_t> buf_;
  std::uint8_t s_ = 0;
  std::uint64_t count_ = 0;
};

/// UintOptRleEncoder.
class UintOptRleEncoder {
public:
  /// Appends one value (at most 2^53-1).
  void write(std::uint64_t v);
  /// Flushes the pending run and returns the column bytes. Call once.
  std::vector<std::uint8_t> finish();

private:
  void flush();
  std::vector<std::uint8_t> buf_;
  std::uint64_t s_ = 0;
  std::uint64_t count_ = 0;
};

/// IntDiffOptRleEncoder.
class IntDiffOptRleEncoder {
public:
  /// Appends one value.
  void write(std::int64_t v);
  /// Flushes the pending run and returns the column bytes. Call once.
  std::vector<std::uint8_t> finish();

private:
  void flush();
  std::vector<std::uint8_t> buf_;
  std::int64_t s_ = 0;
  std::int64_t diff_ = 0;
  std::uint64_t count_ = 0;
};

/// StringEncoder: strings kept as UTF-16 and converted once, so that lone surrogates behave
/// exactly as lib0's single TextEncoder call over the concatenation.
class StringColumnEncoder {
public:
  /// Appends a UTF-8 string.
  void write(std::string_view utf8);
  /// Appends a UTF-16 string.
  void write16(std::u16string_view s);
  /// The column bytes. Call once.
  std::vector<std::uint8_t> finish();

private:
  std::u16string all_;
  UintOptRleEncoder lens_;
};

/// Shared state of the column decoders: the column bytes and where they start in the update.
class ColumnReader {
public:
  ColumnReader() = default;
  /// Reads `bytes`, which start at `base` bytes into the whole update (for error offsets).
  ColumnReader(std::span<const std::uint8_t> bytes, std::size_t base) : r_(bytes), base_(base) {}

protected:
  /// `st` with its offset moved from column-relative to update-relative.
  Status rebase(const Status& st) const;
  encoding::Lib0Reader r_{std::span<const std::uint8_t>()};
  std::size_t base_ = 0;
};

/// RleDecoder(readUint8).
class RleU8Decoder : public ColumnReader {
public:
  using ColumnReader::ColumnReader;
  /// The next value.
  Result<std::uint8_t> read();

private:
  std::uint8_t s_ = 0;
  std::uint64_t count_ = 0;
  bool forever_ = false;
};

/// UintOptRleDecoder.
class UintOptRleDecoder : public ColumnReader {
public:
  using ColumnReader::ColumnReader;
  /// The next value.
  Result<std::uint64_t> read();

private:
  std::uint64_t s_ = 0;
  std::uint64_t count_ = 0;
};

/// IntDiffOptRleDecoder. Values stay within +-2^53 (kCorrupt beyond).
class IntDiffOptRleDecoder : public ColumnReader {
public:
  using ColumnReader::ColumnReader;
  /// The next value.
  Result<std::int64_t> read();

private:
  std::int64_t s_ = 0;
  std::int64_t diff_ = 0;
  std::uint64_t count_ = 0;
};

/// StringDecoder: the concatenated string (as UTF-16) and the lengths column.
class StringColumnDecoder {
public:
  StringColumnDecoder() = default;
  /// Reads the var string at the head of `bytes` (kCorrupt when truncated or not UTF-8).
  Status init(std::span<const std::uint8_t> bytes, std::size_t base);
  /// The next string, UTF-16. kCorrupt when its length runs past the concatenation.
  Result<std::u16string_view> read16();
  /// The next string as UTF-8.
  Result<std::string> read();
  /// UTF-16 units not read yet.
  std::size_t remaining() const { return all_.size() - pos_; }

private:
  std::u16string all_;
  std::size_t pos_ = 0;
  std::size_t base_ = 0;
  UintOptRleDecoder lens_;
};

} // namespace accord::update
