#include "update/update_decoder.h"

#include "encoding/any_codec.h"
#include "encoding/json.h"
#include "encoding/utf.h"

namespace accord::update {

using encoding::kMaxSafeInteger;
using encoding::Lib0Reader;

UpdateDecoder::UpdateDecoder(std::span<const std::uint8_t> bytes, UpdateFormat format)
    : format_(format),
      bytes_(bytes),
      rest_(bytes),
      structs_left_(bytes.size() * kStructsPerByte + kStructSlack),
      string_bytes_left_(bytes.size() * kStringBytesPerByte + kStringSlack) {}

Status UpdateDecoder::init() {
  if (format_ == UpdateFormat::kV1) return Status::ok();
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t flag, rest_.read_var_uint());
  (void)flag; // feature flag: currently unused by Yjs, any value accepted as Yjs does
  auto column = [&]() -> Result<std::pair<std::span<const std::uint8_t>, std::size_t>> {
    ACCORD_ASSIGN_OR_RETURN(auto b, rest_.read_var_uint8_array());
    return std::make_pair(b, rest_.offset() - b.size());
  };
  ACCORD_ASSIGN_OR_RETURN(auto kc, column());
  key_clocks_ = IntDiffOptRleDecoder(kc.first, kc.second);
  ACCORD_ASSIGN_OR_RETURN(auto cl, column());
  clients_ = UintOptRleDecoder(cl.first, cl.second);
  ACCORD_ASSIGN_OR_RETURN(auto lc, column());
  left_clocks_ = IntDiffOptRleDecoder(lc.first, lc.second);
  ACCORD_ASSIGN_OR_RETURN(auto rc, column());
  right_clocks_ = IntDiffOptRleDecoder(rc.first, rc.second);
  ACCORD_ASSIGN_OR_RETURN(auto in, column());
  infos_ = RleU8Decoder(in.first, in.second);
  ACCORD_ASSIGN_OR_RETURN(auto st, column());
  ACCORD_RETURN_IF_ERROR(strings_.init(st.first, st.second));
  ACCORD_ASSIGN_OR_RETURN(auto pi, column());
  parent_infos_ = RleU8Decoder(pi.first, pi.second);
  ACCORD_ASSIGN_OR_RETURN(auto tr, column());
  type_refs_ = UintOptRleDecoder(tr.first, tr.second);
  ACCORD_ASSIGN_OR_RETURN(auto ln, column());
  lens_ = UintOptRleDecoder(ln.first, ln.second);
  return Status::ok();
}

Result<std::uint64_t> UpdateDecoder::read_client() {
  if (format_ == UpdateFormat::kV1) return rest_.read_var_uint();
  return clients_.read();
}

Result<std::uint8_t> UpdateDecoder::read_info() {
  if (format_ == UpdateFormat::kV1) return rest_.read_u8();
  return infos_.read();
}

Result<std::uint64_t> UpdateDecoder::read_clock(IntDiffOptRleDecoder& column) {
  std::size_t at = rest_.offset();
  ACCORD_ASSIGN_OR_RETURN(std::int64_t clock, column.read());
  if (clock < 0) return Lib0Reader::error_at(at, "negative clock in id column");
  return static_cast<std::uint64_t>(clock);
}

Result<crdt::Id> UpdateDecoder::read_left_id() {
  if (format_ == UpdateFormat::kV1) {
    ACCORD_ASSIGN_OR_RETURN(std::uint64_t client, rest_.read_var_uint());
    ACCORD_ASSIGN_OR_RETURN(std::uint64_t clock, rest_.read_var_uint());
    return crdt::Id{client, clock};
  }
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t client, clients_.read());
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t clock, read_clock(left_clocks_));
  return crdt::Id{client, clock};
}

Result<crdt::Id> UpdateDecoder::read_right_id() {
  if (format_ == UpdateFormat::kV1) return read_left_id();
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t client, clients_.read());
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t clock, read_clock(right_clocks_));
  return crdt::Id{client, clock};
}

Result<bool> UpdateDecoder::read_parent_info() {
  if (format_ == UpdateFormat::kV1) {
    ACCORD_ASSIGN_OR_RETURN(std::uint64_t v, rest_.read_var_uint());
    return v == 1;
  }
  ACCORD_ASSIGN_OR_RETURN(std::uint8_t v, parent_infos_.read());
  return v == 1;
}

Result<std::string> UpdateDecoder::read_string() {
  if (format_ == UpdateFormat::kV1) {
    ACCORD_ASSIGN_OR_RETURN(std::string_view s, rest_.read_var_string());
    return std::string(s);
  }
  return strings_.read();
}

Result<std::u16string> UpdateDecoder::read_string16() {
  if (format_ == UpdateFormat::kV1) {
    ACCORD_ASSIGN_OR_RETURN(std::string_view s, rest_.read_var_string());
    std::u16string out;
    encoding::utf8_to_utf16(s, out);
    return out;
  }
  ACCORD_ASSIGN_OR_RETURN(std::u16string_view s, strings_.read16());
  return std::u16string(s);
}

Result<std::uint64_t> UpdateDecoder::read_type_ref() {
  if (format_ == UpdateFormat::kV1) return rest_.read_var_uint();
  return type_refs_.read();
}

Result<std::uint64_t> UpdateDecoder::read_len() {
  if (format_ == UpdateFormat::kV1) return rest_.read_var_uint();
  return lens_.read();
}

Result<Any> UpdateDecoder::read_any() { return encoding::read_any(rest_); }

Result<std::span<const std::uint8_t>> UpdateDecoder::read_buf() {
  return rest_.read_var_uint8_array();
}

Result<Any> UpdateDecoder::read_json() {
  if (format_ == UpdateFormat::kV2) return read_any();
  std::size_t at = rest_.offset();
  ACCORD_ASSIGN_OR_RETURN(std::string_view s, rest_.read_var_string());
  auto parsed = encoding::parse_json(s);
  if (!parsed.ok()) return Status::error_at(parsed.status().code(), at, parsed.status().message());
  return std::move(parsed).value();
}

Result<std::string> UpdateDecoder::read_key() {
  if (format_ == UpdateFormat::kV1) return read_string();
  std::size_t at = rest_.offset();
  ACCORD_ASSIGN_OR_RETURN(std::int64_t clock, key_clocks_.read());
  if (clock < 0) return Lib0Reader::error_at(at, "negative key clock");
  if (static_cast<std::uint64_t>(clock) < keys_.size()) {
    const std::string& key = keys_[static_cast<std::size_t>(clock)];
    ACCORD_RETURN_IF_ERROR(charge_string(key.size()));
    return key;
  }
  ACCORD_ASSIGN_OR_RETURN(std::string key, strings_.read());
  keys_.push_back(key);
  return key;
}

std::uint64_t UpdateDecoder::strings_left() const {
  return format_ == UpdateFormat::kV1 ? rest_.remaining() : strings_.remaining();
}

Status UpdateDecoder::charge_struct() {
  if (structs_left_ == 0) {
    return Status::error_at(StatusCode::kLimitExceeded, rest_.offset(),
                            "update describes more structs than its size allows");
  }
  --structs_left_;
  return Status::ok();
}

Status UpdateDecoder::charge_string(std::size_t bytes) {
  if (bytes > string_bytes_left_) {
    return Status::error_at(StatusCode::kLimitExceeded, rest_.offset(),
                            "cached keys expand beyond the update's size allowance");
  }
  string_bytes_left_ -= bytes;
  return Status::ok();
}

Result<crdt::DeleteSet> UpdateDecoder::read_delete_set() {
  crdt::DeleteSet ds;
  std::size_t start = rest_.offset();
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t num_clients, rest_.read_var_uint());
  if (num_clients > rest_.remaining() / 2) {
    return Lib0Reader::error_at(start, "delete set client count exceeds input");
  }
  for (std::uint64_t i = 0; i < num_clients; ++i) {
    std::uint64_t curr = 0; // v2: ranges are relative to the previous range's end
    ACCORD_ASSIGN_OR_RETURN(std::uint64_t client, rest_.read_var_uint());
    std::size_t at = rest_.offset();
    ACCORD_ASSIGN_OR_RETURN(std::uint64_t n, rest_.read_var_uint());
    if (n > rest_.remaining() / 2)
      return Lib0Reader::error_at(at, "delete range count exceeds input");
    if (n == 0) continue;
    auto& dels = ds.clients()[client];
    dels.reserve(dels.size() + static_cast<std::size_t>(n));
    for (std::uint64_t k = 0; k < n; ++k) {
      std::size_t range_at = rest_.offset();
      ACCORD_ASSIGN_OR_RETURN(std::uint64_t a, rest_.read_var_uint());
      ACCORD_ASSIGN_OR_RETURN(std::uint64_t b, rest_.read_var_uint());
      std::uint64_t clock = a;
      std::uint64_t len = b;
      if (format_ == UpdateFormat::kV2) {
        clock = curr + a;
        len = b + 1;
        if (clock > kMaxSafeInteger || len > kMaxSafeInteger) {
          return Lib0Reader::error_at(range_at, "delete range exceeds 53 bits");
        }
        curr = clock + len;
      }
      if (clock + len > kMaxSafeInteger) {
        return Lib0Reader::error_at(range_at, "delete range exceeds 53 bits");
      }
      dels.push_back({clock, len});
    }
  }
  return ds;
}

} // namespace accord::update
