// accord::Doc and the update v1 entry points (accord/update.h).
#include "accord/doc.h"

#include "accord/update.h"
#include "accord/update_ops.h"
#include "crdt/apply.h"
#include "crdt/doc_impl.h"
#include "crdt/item_codec.h"
#include "crdt/store_delete_set.h"
#include "crdt/update_codec.h"
#include "encoding/lib0_reader.h"
#include "encoding/lib0_writer.h"

namespace accord {

Doc::Doc() : Doc(DocOptions{}) {}
Doc::Doc(DocOptions options) : impl_(std::make_unique<crdt::DocImpl>(std::move(options))) {}
Doc::~Doc() = default;
Doc::Doc(Doc&&) noexcept = default;
Doc& Doc::operator=(Doc&&) noexcept = default;

std::uint64_t Doc::client_id() const { return impl_->client_id; }
const std::string& Doc::guid() const { return impl_->guid; }
bool Doc::gc() const { return impl_->gc; }

MapRef Doc::get_map(std::string_view name) { return MapRef(impl_->get_root(name, TypeKind::kMap)); }
ArrayRef Doc::get_array(std::string_view name) {
  return ArrayRef(impl_->get_root(name, TypeKind::kArray));
}
TextRef Doc::get_text(std::string_view name) {
  return TextRef(impl_->get_root(name, TypeKind::kText));
}
XmlFragmentRef Doc::get_xml_fragment(std::string_view name) {
  return XmlFragmentRef(impl_->get_root(name, TypeKind::kXmlFragment));
}
std::vector<std::string> Doc::root_names() const { return impl_->root_names(); }
std::optional<TypeRef> Doc::root(std::string_view name) const {
  crdt::Branch* b = impl_->find_root(name);
  if (!b) return std::nullopt;
  return TypeRef(b);
}

namespace {
// A root only named by an update's structs, with none of them in it now (an empty item it
// dropped, say): its type is unknown and a reload would not have it, so JSON leaves it out
// (yjs leaves out every root whose type nobody asked for).
bool unknown_and_empty(const crdt::Branch* b) {
  if (b->kind_known || b->start) return false;
  for (const auto& [key, item] : b->map) {
    if (item) return false;
  }
  return true;
}
} // namespace

Any Doc::to_json() const {
  Any::Object obj;
  for (const std::string& name : impl_->root_names()) {
    crdt::Branch* root = impl_->find_root(name);
    if (unknown_and_empty(root)) continue;
    obj.emplace_back(name, TypeRef(root).to_json());
  }
  return Any(std::move(obj));
}

Transaction Doc::transact(Origin origin) {
  bool owner = impl_->begin(std::move(origin), true);
  return Transaction(impl_.get(), owner);
}

SubscriptionId Doc::observe_update(
    std::function<void(const std::vector<std::uint8_t>&, const Origin&)> fn) {
  SubscriptionId id = impl_->next_subscription++;
  impl_->update_observers.emplace_back(id, std::move(fn));
  return id;
}

bool Doc::unobserve_update(SubscriptionId id) {
  auto& v = impl_->update_observers;
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (it->first == id) {
      v.erase(it);
      return true;
    }
  }
  return false;
}

SubscriptionId Doc::observe_after_transaction(std::function<void(const Transaction&)> fn) {
  SubscriptionId id = impl_->next_subscription++;
  impl_->after_txn_observers.emplace_back(id, std::move(fn));
  return id;
}

bool Doc::unobserve_after_transaction(SubscriptionId id) {
  auto& v = impl_->after_txn_observers;
  for (auto it = v.begin(); it != v.end(); ++it) {
    if (it->first == id) {
      v.erase(it);
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------- update v1

StateVector state_vector(const Doc& doc) { return doc.impl()->store.state_vector(); }

std::vector<std::uint8_t> encode_state_vector(const StateVector& sv) {
  encoding::Lib0Buffer w;
  w.write_var_uint(sv.size());
  for (auto it = sv.rbegin(); it != sv.rend(); ++it) {
    w.write_var_uint(it->first);
    w.write_var_uint(it->second);
  }
  return w.take();
}

std::vector<std::uint8_t> encode_state_vector(const Doc& doc) {
  return encode_state_vector(state_vector(doc));
}

Result<StateVector> decode_state_vector(std::span<const std::uint8_t> bytes) {
  encoding::Lib0Reader r(bytes);
  StateVector sv;
  std::size_t at = r.offset();
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t n, r.read_var_uint());
  if (n > r.remaining() / 2) {
    return encoding::Lib0Reader::error_at(at, "state vector size exceeds input");
  }
  for (std::uint64_t i = 0; i < n; ++i) {
    ACCORD_ASSIGN_OR_RETURN(std::uint64_t client, r.read_var_uint());
    ACCORD_ASSIGN_OR_RETURN(std::uint64_t clock, r.read_var_uint());
    sv[client] = clock;
  }
  return sv;
}

namespace {

std::vector<std::uint8_t> encode_store_as_update(const Doc& doc, const StateVector& sv) {
  const crdt::DocImpl& d = *doc.impl();
  encoding::Lib0Buffer w;
  crdt::write_client_structs(w, d.store, sv);
  crdt::DeleteSet ds = crdt::delete_set_of(d.store);
  ds.encode(w);
  return w.take();
}

/// Pending structs as a v1 update: per client from its first pending clock, gaps as Skip.
std::vector<std::uint8_t> encode_pending_structs(const crdt::PendingStructs& pending) {
  encoding::Lib0Buffer w;
  w.write_var_uint(pending.clients.size());
  for (auto it = pending.clients.rbegin(); it != pending.clients.rend(); ++it) {
    const auto& refs = it->second;
    // Count structs first (records plus skips for gaps; overlaps are cut).
    std::size_t count = 0;
    std::uint64_t clock = refs.front().id.clock;
    for (const crdt::StructRecord& r : refs) {
      if (r.id.clock + r.length <= clock) continue;
      if (r.id.clock > clock) ++count;
      ++count;
      clock = r.id.clock + r.length;
    }
    w.write_var_uint(count);
    w.write_var_uint(it->first);
    clock = refs.front().id.clock;
    w.write_var_uint(clock);
    for (const crdt::StructRecord& r : refs) {
      if (r.id.clock + r.length <= clock) continue;
      if (r.id.clock > clock) {
        w.write_u8(10);
        w.write_var_uint(r.id.clock - clock);
        clock = r.id.clock;
      }
      crdt::write_record(w, r, clock - r.id.clock);
      clock = r.id.clock + r.length;
    }
  }
  w.write_var_uint(0);
  return w.take();
}

} // namespace

std::vector<std::uint8_t> encode_state_as_update(const Doc& doc, const StateVector& sv) {
  std::vector<std::uint8_t> base = encode_store_as_update(doc, sv);
  const crdt::DocImpl& d = *doc.impl();
  if (d.pending.empty() && d.pending_ds.empty()) return base;
  // As Yjs: merge the doc's state with the pending delete set and the pending structs the peer
  // lacks, so that nothing received is withheld from a peer.
  std::vector<UpdateBytes> parts;
  parts.push_back(std::move(base));
  if (!d.pending_ds.empty()) {
    encoding::Lib0Buffer w;
    w.write_var_uint(0);
    d.pending_ds.encode(w);
    parts.push_back(w.take());
  }
  if (!d.pending.empty()) {
    auto diff = diff_update(encode_pending_structs(d.pending), encode_state_vector(sv));
    if (diff.ok()) parts.push_back(std::move(diff).value());
  }
  auto merged = merge_updates(parts);
  return merged.ok() ? std::move(merged).value() : std::move(parts[0]);
}

Result<std::vector<std::uint8_t>> encode_state_as_update(const Doc& doc,
                                                         std::span<const std::uint8_t> encoded_sv) {
  ACCORD_ASSIGN_OR_RETURN(StateVector sv, decode_state_vector(encoded_sv));
  return encode_state_as_update(doc, sv);
}

Status apply_update(Doc& doc, std::span<const std::uint8_t> update, Origin origin) {
  ACCORD_ASSIGN_OR_RETURN(crdt::DecodedUpdate decoded, crdt::decode_update_v1(update));
  crdt::DocImpl& d = *doc.impl();
  bool owner = d.begin(std::move(origin), false);
  if (!owner) {
    // Joined a local transaction: Yjs sets transaction.local = false for it.
    d.txn().local = false;
  }
  crdt::apply_decoded_update(d, std::move(decoded));
  if (owner) d.end();
  return Status::ok();
}

} // namespace accord
