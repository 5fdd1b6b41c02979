#include "update/update_encoder.h"

#include "encoding/any_codec.h"
#include "encoding/utf.h"

namespace accord::update {

void UpdateEncoder::write_client(std::uint64_t client) {
  if (format_ == UpdateFormat::kV1) {
    rest().write_var_uint(client);
  } else {
    clients_.write(client);
  }
}

void UpdateEncoder::write_info(std::uint8_t info) {
  if (format_ == UpdateFormat::kV1) {
    rest().write_u8(info);
  } else {
    infos_.write(info);
  }
}

void UpdateEncoder::write_left_id(crdt::Id id) {
  if (format_ == UpdateFormat::kV1) {
    rest().write_var_uint(id.client);
    rest().write_var_uint(id.clock);
  } else {
    clients_.write(id.client);
    left_clocks_.write(static_cast<std::int64_t>(id.clock));
  }
}

void UpdateEncoder::write_right_id(crdt::Id id) {
  if (format_ == UpdateFormat::kV1) {
    rest().write_var_uint(id.client);
    rest().write_var_uint(id.clock);
  } else {
    clients_.write(id.client);
    right_clocks_.write(static_cast<std::int64_t>(id.clock));
  }
}

void UpdateEncoder::write_parent_info(bool is_root_key) {
  if (format_ == UpdateFormat::kV1) {
    rest().write_var_uint(is_root_key ? 1 : 0);
  } else {
    parent_infos_.write(is_root_key ? 1 : 0);
  }
}

void UpdateEncoder::write_string(std::string_view utf8) {
  if (format_ == UpdateFormat::kV1) {
    rest().write_var_string(utf8);
  } else {
    strings_.write(utf8);
  }
}

void UpdateEncoder::write_string16(std::u16string_view s) {
  if (format_ == UpdateFormat::kV1) {
    rest().write_var_string(encoding::utf16_to_utf8(s));
  } else {
    strings_.write16(s);
  }
}

void UpdateEncoder::write_type_ref(std::uint64_t ref) {
  if (format_ == UpdateFormat::kV1) {
    rest().write_var_uint(ref);
  } else {
    type_refs_.write(ref);
  }
}

void UpdateEncoder::write_len(std::uint64_t len) {
  if (format_ == UpdateFormat::kV1) {
    rest().write_var_uint(len);
  } else {
    lens_.write(len);
  }
}

void UpdateEncoder::write_any(const Any& value) {
  encoding::Lib0Writer w = rest();
  encoding::write_any(w, value);
}

void UpdateEncoder::write_buf(std::span<const std::uint8_t> b) { rest().write_var_uint8_array(b); }

void UpdateEncoder::write_json(const Any& value) {
  if (format_ == UpdateFormat::kV1) {
    rest().write_var_string(value.to_json_string());
  } else {
    write_any(value);
  }
}

void UpdateEncoder::write_key(std::string_view key) {
  if (format_ == UpdateFormat::kV1) {
    rest().write_var_string(key);
  } else {
    // Yjs never reuses a cached key when writing (its cache is disabled): always a new clock.
    key_clocks_.write(static_cast<std::int64_t>(key_clock_++));
    strings_.write(key);
  }
}

void UpdateEncoder::write_ds_clock(std::uint64_t clock) {
  if (format_ == UpdateFormat::kV1) {
    rest().write_var_uint(clock);
  } else {
    rest().write_var_uint(clock - ds_curr_);
    ds_curr_ = clock;
  }
}

void UpdateEncoder::write_ds_len(std::uint64_t len) {
  if (format_ == UpdateFormat::kV1) {
    rest().write_var_uint(len);
  } else {
    rest().write_var_uint(len - 1);
    ds_curr_ += len;
  }
}

std::vector<std::uint8_t> UpdateEncoder::finish() {
  if (format_ == UpdateFormat::kV1) return std::move(rest_);
  std::vector<std::uint8_t> out;
  encoding::Lib0Writer w(&out);
  w.write_var_uint(0);
  w.write_var_uint8_array(key_clocks_.finish());
  w.write_var_uint8_array(clients_.finish());
  w.write_var_uint8_array(left_clocks_.finish());
  w.write_var_uint8_array(right_clocks_.finish());
  w.write_var_uint8_array(infos_.bytes());
  w.write_var_uint8_array(strings_.finish());
  w.write_var_uint8_array(parent_infos_.bytes());
  w.write_var_uint8_array(type_refs_.finish());
  w.write_var_uint8_array(lens_.finish());
  w.write_bytes(rest_);
  return out;
}

} // namespace accord::update
