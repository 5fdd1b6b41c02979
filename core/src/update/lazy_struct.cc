#include "update/lazy_struct.h"

#include "update/struct_codec.h"

namespace accord::update {

using encoding::Lib0Reader;

Status LazyStructReader::init() {
  std::size_t at = d_.rest().offset();
  ACCORD_ASSIGN_OR_RETURN(sections_left_, d_.rest().read_var_uint());
  if (sections_left_ > d_.rest().remaining()) {
    return Lib0Reader::error_at(at, "client count exceeds input");
  }
  return next();
}

Status LazyStructReader::read_one() {
  while (structs_left_ == 0) {
    if (sections_left_ == 0) {
      has_ = false;
      return Status::ok();
    }
    --sections_left_;
    ACCORD_ASSIGN_OR_RETURN(structs_left_, d_.rest().read_var_uint());
    ACCORD_ASSIGN_OR_RETURN(client_, d_.read_client());
    ACCORD_ASSIGN_OR_RETURN(clock_, d_.rest().read_var_uint());
  }
  --structs_left_;
  ACCORD_ASSIGN_OR_RETURN(cur_, read_struct(d_, client_, clock_, keep_flags_));
  clock_ += cur_.length;
  has_ = true;
  return Status::ok();
}

Status LazyStructReader::next() {
  do {
    ACCORD_RETURN_IF_ERROR(read_one());
  } while (filter_skips_ && has_ && cur_.kind == crdt::ContentKind::kSkip);
  return Status::ok();
}

void LazyStructWriter::flush() {
  if (written_ > 0) {
    sections_.push_back(Section{written_, e_.take_rest()});
    written_ = 0;
  }
}

void LazyStructWriter::begin(std::uint64_t client, std::uint64_t clock) {
  if (written_ > 0 && client_ != client) flush();
  if (written_ == 0) {
    client_ = client;
    e_.write_client(client);
    e_.rest().write_var_uint(clock);
  }
}

void LazyStructWriter::write(const crdt::StructRecord& rec, std::uint64_t offset) {
  begin(rec.id.client, rec.id.clock + offset);
  write_record(e_, rec, offset);
  ++written_;
}

void LazyStructWriter::write(const crdt::Item& item, std::uint64_t offset) {
  begin(item.id.client, item.id.clock + offset);
  write_item(e_, item, offset);
  ++written_;
}

void LazyStructWriter::finish() {
  flush();
  encoding::Lib0Writer w = e_.rest();
  w.write_var_uint(sections_.size());
  for (const Section& s : sections_) {
    w.write_var_uint(s.written);
    w.write_bytes(s.rest);
  }
  sections_.clear();
}

Status write_delete_set(UpdateEncoder& e, const crdt::DeleteSet& ds) {
  const auto& clients = ds.clients();
  e.rest().write_var_uint(clients.size());
  for (auto it = clients.rbegin(); it != clients.rend(); ++it) {
    e.reset_ds_cur_val();
    e.rest().write_var_uint(it->first);
    e.rest().write_var_uint(it->second.size());
    std::uint64_t end = 0;
    for (const crdt::DeleteRange& r : it->second) {
      if (e.format() == UpdateFormat::kV2 && (r.len == 0 || r.clock < end)) {
        return Status::error(StatusCode::kInvalidArgument,
                             "delete set has an empty or out-of-order range, which update v2 "
                             "cannot encode");
      }
      e.write_ds_clock(r.clock);
      e.write_ds_len(r.len);
      end = r.clock + r.len;
    }
  }
  return Status::ok();
}

Result<crdt::DecodedUpdate> decode_update(std::span<const std::uint8_t> bytes,
                                          UpdateFormat format) {
  UpdateDecoder d(bytes, format);
  ACCORD_RETURN_IF_ERROR(d.init());
  crdt::DecodedUpdate out;
  Lib0Reader& r = d.rest();
  std::size_t at = r.offset();
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t sections, r.read_var_uint());
  if (sections > r.remaining()) return Lib0Reader::error_at(at, "client count exceeds input");
  for (std::uint64_t i = 0; i < sections; ++i) {
    std::size_t sat = r.offset();
    ACCORD_ASSIGN_OR_RETURN(std::uint64_t n, r.read_var_uint());
    ACCORD_ASSIGN_OR_RETURN(std::uint64_t client, d.read_client());
    ACCORD_ASSIGN_OR_RETURN(std::uint64_t clock, r.read_var_uint());
    if (out.clients.count(client)) {
      return Lib0Reader::error_at(sat, "client " + std::to_string(client) + " appears twice");
    }
    auto& refs = out.clients[client];
    for (std::uint64_t k = 0; k < n; ++k) {
      ACCORD_ASSIGN_OR_RETURN(crdt::StructRecord rec, read_struct(d, client, clock));
      clock += rec.length;
      refs.push_back(std::move(rec));
    }
    if (refs.empty()) out.clients.erase(client);
  }
  ACCORD_ASSIGN_OR_RETURN(out.delete_set, d.read_delete_set());
  return out;
}

} // namespace accord::update
