#include "encoding/lib0_reader.h"

#include <cstring>

#include "encoding/utf.h"

namespace accord::encoding {

Status Lib0Reader::eof_at(std::size_t at, const char* what) const {
  return error_at(at, std::string("unexpected end of input reading ") + what);
}

Status Lib0Reader::too_large(std::size_t at) const {
  return error_at(at, "var uint exceeds 53 bits");
}

Result<std::uint32_t> Lib0Reader::read_var_u32() {
  std::size_t start = pos_;
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t v, read_var_uint());
  if (v > 0xffffffffu) return error_at(start, "value exceeds 32 bits");
  return static_cast<std::uint32_t>(v);
}

Result<VarInt> Lib0Reader::read_var_int() {
  std::size_t start = pos_;
  if (pos_ >= data_.size()) return eof("a var int");
  std::uint8_t r = data_[pos_++];
  VarInt out;
  out.negative = (r & 0x40) != 0;
  std::uint64_t num = r & 0x3f;
  unsigned shift = 6;
  if (r & 0x80) {
    for (;;) {
      if (pos_ >= data_.size()) return eof_at(start, "a var int");
      r = data_[pos_++];
      if (shift >= 55 || (shift == 48 && (r & 0x7f) > 0x1f)) {
        return error_at(start, "var int exceeds 53 bits");
      }
      num |= static_cast<std::uint64_t>(r & 0x7f) << shift;
      if (r < 0x80) break;
      shift += 7;
    }
  }
  out.value = out.negative ? -static_cast<std::int64_t>(num) : static_cast<std::int64_t>(num);
  return out;
}

Result<float> Lib0Reader::read_float32() {
  ACCORD_ASSIGN_OR_RETURN(auto b, read_bytes(4));
  std::uint32_t u = 0;
  for (std::uint8_t x : b) u = (u << 8) | x;
  float f;
  std::memcpy(&f, &u, 4);
  return f;
}

Result<double> Lib0Reader::read_float64() {
  ACCORD_ASSIGN_OR_RETURN(auto b, read_bytes(8));
  std::uint64_t u = 0;
  for (std::uint8_t x : b) u = (u << 8) | x;
  double d;
  std::memcpy(&d, &u, 8);
  return d;
}

Result<std::int64_t> Lib0Reader::read_bigint64() {
  ACCORD_ASSIGN_OR_RETURN(auto b, read_bytes(8));
  std::uint64_t u = 0;
  for (std::uint8_t x : b) u = (u << 8) | x;
  return static_cast<std::int64_t>(u);
}

Result<std::span<const std::uint8_t>> Lib0Reader::read_bytes(std::size_t n) {
  if (n > remaining()) {
    return error("length " + std::to_string(n) + " exceeds the " + std::to_string(remaining()) +
                 " bytes left");
  }
  auto out = data_.subspan(pos_, n);
  pos_ += n;
  return out;
}

Result<std::span<const std::uint8_t>> Lib0Reader::read_var_uint8_array() {
  std::size_t start = pos_;
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t len, read_var_uint());
  if (len > remaining()) {
    return error_at(start, "byte array length " + std::to_string(len) + " exceeds the " +
                               std::to_string(remaining()) + " bytes left");
  }
  return read_bytes(static_cast<std::size_t>(len));
}

Result<std::string_view> Lib0Reader::read_var_string() {
  std::size_t start = pos_;
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t len, read_var_uint());
  if (len > remaining()) {
    return error_at(start, "string length " + std::to_string(len) + " exceeds the " +
                               std::to_string(remaining()) + " bytes left");
  }
  std::string_view s(reinterpret_cast<const char*>(data_.data() + pos_),
                     static_cast<std::size_t>(len));
  if (!is_valid_utf8(s)) return error_at(start, "string is not valid UTF-8");
  pos_ += static_cast<std::size_t>(len);
  return s;
}

} // namespace accord::encoding
