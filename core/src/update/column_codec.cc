#include "update/column_codec.h"

#include "encoding/utf.h"

namespace accord::update {

using encoding::kMaxSafeInteger;
using encoding::Lib0Writer;

void RleU8Encoder::write(std::uint8_t v) {
  if (count_ > 0 && s_ == v) {
    ++count_;
    return;
  }
  Lib0Writer w(&buf_);
  if (count_ > 0) w.write_var_uint(count_ - 1);
  count_ = 1;
  w.write_u8(v);
  s_ = v;
}

void UintOptRleEncoder::write(std::uint64_t v) {
  if (s_ == v) {
    ++count_;
    return;
  }
  flush();
  count_ = 1;
  s_ = v;
}

void UintOptRleEncoder::flush() {
  if (count_ == 0) return;
  Lib0Writer w(&buf_);
  // A run of one is a positive var int; a longer run is negative (lib0's -0 for 0) + count.
  if (count_ == 1) {
    w.write_var_int(static_cast<std::int64_t>(s_));
  } else {
    w.write_var_int(-static_cast<std::int64_t>(s_), true);
    w.write_var_uint(count_ - 2);
  }
}

std::vector<std::uint8_t> UintOptRleEncoder::finish() {
  flush();
  count_ = 0;
  return std::move(buf_);
}

void IntDiffOptRleEncoder::write(std::int64_t v) {
  // As lib0: the initial state is diff 0 with count 0, so a leading 0 opens that run.
  if (diff_ == v - s_) {
    s_ = v;
    ++count_;
    return;
  }
  flush();
  count_ = 1;
  diff_ = v - s_;
  s_ = v;
}

void IntDiffOptRleEncoder::flush() {
  if (count_ == 0) return;
  Lib0Writer w(&buf_);
  w.write_var_int(diff_ * 2 + (count_ == 1 ? 0 : 1));
  if (count_ > 1) w.write_var_uint(count_ - 2);
}

std::vector<std::uint8_t> IntDiffOptRleEncoder::finish() {
  flush();
  count_ = 0;
  return std::move(buf_);
}

void StringColumnEncoder::write(std::string_view utf8) {
  std::size_t before = all_.size();
  encoding::utf8_to_utf16(utf8, all_);
  lens_.write(all_.size() - before);
}

void StringColumnEncoder::write16(std::u16string_view s) {
  all_.append(s);
  lens_.write(s.size());
}

std::vector<std::uint8_t> StringColumnEncoder::finish() {
  std::vector<std::uint8_t> out;
  Lib0Writer w(&out);
  w.write_var_string(encoding::utf16_to_utf8(all_));
  w.write_bytes(lens_.finish());
  return out;
}

Status ColumnReader::rebase(const Status& st) const {
  if (st.is_ok()) return st;
  return Status::error_at(st.code(), base_ + st.offset().value_or(0), st.message());
}

Result<std::uint8_t> RleU8Decoder::read() {
  if (count_ == 0 && !forever_) {
    auto v = r_.read_u8();
    if (!v.ok()) return rebase(v.status());
    s_ = *v;
    if (r_.at_end()) {
      forever_ = true;
    } else {
      auto c = r_.read_var_uint();
      if (!c.ok()) return rebase(c.status());
      count_ = *c + 1;
    }
  }
  if (!forever_) --count_;
  return s_;
}

Result<std::uint64_t> UintOptRleDecoder::read() {
  if (count_ == 0) {
    std::size_t at = r_.offset();
    auto v = r_.read_var_int();
    if (!v.ok()) return rebase(v.status());
    count_ = 1;
    s_ = static_cast<std::uint64_t>(v->negative ? -v->value : v->value);
    if (v->negative) {
      auto c = r_.read_var_uint();
      if (!c.ok()) return rebase(c.status());
      if (*c > kMaxSafeInteger - 2) {
        return Status::error_at(StatusCode::kCorrupt, base_ + at, "run length exceeds 53 bits");
      }
      count_ = *c + 2;
    }
  }
  --count_;
  return s_;
}

Result<std::int64_t> IntDiffOptRleDecoder::read() {
  std::size_t at = r_.offset();
  if (count_ == 0) {
    auto v = r_.read_var_int();
    if (!v.ok()) return rebase(v.status());
    bool has_count = (v->value & 1) != 0;
    diff_ = v->value >> 1; // floor division by 2, as lib0's Math.floor(diff / 2)
    count_ = 1;
    if (has_count) {
      auto c = r_.read_var_uint();
      if (!c.ok()) return rebase(c.status());
      if (*c > kMaxSafeInteger - 2) {
        return Status::error_at(StatusCode::kCorrupt, base_ + at, "run length exceeds 53 bits");
      }
      count_ = *c + 2;
    }
  }
  std::int64_t next = s_ + diff_;
  auto limit = static_cast<std::int64_t>(kMaxSafeInteger);
  if (next > limit || next < -limit) {
    return Status::error_at(StatusCode::kCorrupt, base_ + at, "value exceeds 53 bits");
  }
  s_ = next;
  --count_;
  return s_;
}

Status StringColumnDecoder::init(std::span<const std::uint8_t> bytes, std::size_t base) {
  encoding::Lib0Reader r(bytes);
  base_ = base;
  auto s = r.read_var_string();
  if (!s.ok()) {
    return Status::error_at(s.status().code(), base + s.status().offset().value_or(0),
                            s.status().message());
  }
  all_.clear();
  encoding::utf8_to_utf16(*s, all_);
  pos_ = 0;
  lens_ = UintOptRleDecoder(bytes.subspan(r.offset()), base + r.offset());
  return Status::ok();
}

Result<std::u16string_view> StringColumnDecoder::read16() {
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t len, lens_.read());
  if (len > all_.size() - pos_) {
    return Status::error_at(StatusCode::kCorrupt, base_, "string length exceeds string column");
  }
  std::u16string_view out(all_.data() + pos_, static_cast<std::size_t>(len));
  pos_ += static_cast<std::size_t>(len);
  return out;
}

Result<std::string> StringColumnDecoder::read() {
  ACCORD_ASSIGN_OR_RETURN(std::u16string_view s, read16());
  return encoding::utf16_to_utf8(s);
}

} // namespace accord::update
