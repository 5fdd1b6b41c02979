#include "convergence_check.h"

#include <algorithm>
#include <sstream>

#include "accord/types.h"
#include "accord/update.h"
#include "crdt/doc_impl.h"
#include "crdt/update_codec.h"
#include "random_ops.h"

namespace accord::fuzz {
namespace {

std::string hex(const std::vector<std::uint8_t>& b) {
  static const char* k = "0123456789abcdef";
  std::string s;
  for (auto x : b) {
    s.push_back(k[x >> 4]);
    s.push_back(k[x & 15]);
  }
  return s;
}

void render_type(TypeRef type, std::ostringstream& out);

void render_value(const Value& v, std::ostringstream& out) {
  if (v.is_type()) {
    render_type(v.type(), out);
  } else if (v.is_doc()) {
    out << "doc(" << v.doc().guid << ")";
  } else {
    out << v.any().to_json_string();
  }
}

void render_type(TypeRef type, std::ostringstream& out) {
  switch (type.kind()) {
    case TypeKind::kMap: {
      MapRef m = type.as_map();
      std::vector<std::string> keys = m.keys();
      std::sort(keys.begin(), keys.end());
      out << "Map{";
      for (const auto& k : keys) {
        out << k << ":";
        if (auto v = m.get(k)) render_value(*v, out);
        out << ",";
      }
      out << "}";
      break;
    }
    case TypeKind::kArray: {
      out << "Array[";
      for (const Value& v : type.as_array().to_vector()) {
        render_value(v, out);
        out << ",";
      }
      out << "]";
      break;
    }
    case TypeKind::kText:
    case TypeKind::kXmlText: {
      out << "Text<";
      for (const Delta& d : type.as_text().to_delta()) {
        out << "{";
        if (d.op != Delta::Op::kInsert) out << "op" << static_cast<int>(d.op) << " len " << d.len;
        if (!d.values.empty()) {
          for (const Value& v : d.values) render_value(v, out);
        } else {
          out << Any(d.text).to_json_string();
        }
        if (!d.attributes.empty()) out << " " << Any(d.attributes).to_json_string();
        out << "}";
      }
      out << ">";
      break;
    }
    default: out << type.to_json().to_json_string(); break;
  }
}

// Yjs's toJSON lists map keys in the order each peer first saw them (Yjs's tests compare
// objects regardless of key order).
Any canonical(const Any& a) { return a.with_sorted_keys(); }

std::string json_of(const Doc& doc) { return canonical(doc.to_json()).to_json_string(); }

std::string pending_state(Doc& doc) {
  const crdt::DocImpl& impl = *doc.impl();
  std::string s;
  if (!impl.pending.empty())
    s += "pending structs of " + std::to_string(impl.pending.clients.size()) + " client(s); ";
  if (!impl.pending_ds.empty()) s += "a pending delete set; ";
  return s;
}

// An encoded state with adjacent GC structs merged. A peer merges structs only where a
// transaction touched them, so under out-of-order delivery and duplicates two converged peers
// may hold GC 0:10+6 against GC 0:10+1, 0:11+1, 0:12+4 (yjs 13.6.33 ends with the same
// difference on the same messages): their states are compared in this form when their bytes
// differ.
std::vector<std::uint8_t> merged(const std::vector<std::uint8_t>& state) {
  auto decoded = crdt::decode_update_v1(state);
  if (!decoded.ok()) return state;
  crdt::DecodedUpdate u = std::move(decoded).value();
  for (auto& [client, recs] : u.clients) {
    std::vector<crdt::StructRecord> out;
    for (auto& r : recs) {
      if (!out.empty() && r.kind == crdt::ContentKind::kGC &&
          out.back().kind == crdt::ContentKind::kGC) {
        out.back().length += r.length;
      } else {
        out.push_back(std::move(r));
      }
    }
    recs = std::move(out);
  }
  encoding::Lib0Buffer w;
  crdt::write_decoded_update(w, u);
  return w.take();
}

std::string sv_string(const StateVector& sv) {
  std::ostringstream out;
  for (const auto& [client, clock] : sv) out << client << ":" << clock << " ";
  return out.str();
}

} // namespace

std::string render_rich(Doc& doc) {
  std::ostringstream out;
  render_type(doc.get_map(kMapRoot), out);
  out << "|";
  render_type(doc.get_array(kArrayRoot), out);
  out << "|";
  render_type(doc.get_text(kTextRoot), out);
  return out.str();
}

std::vector<std::unique_ptr<Doc>> rebuild_from_updates(const TestNetwork& net, bool gc,
                                                       FuzzRng& rng, std::string& error) {
  std::vector<std::unique_ptr<Doc>> out;
  for (std::size_t i = 0; i < net.size(); ++i) {
    auto doc = std::make_unique<Doc>(DocOptions::with_client_id(1000 + i, gc));
    std::vector<std::vector<std::uint8_t>> updates = net.peer(i).emitted;
    for (std::size_t k = updates.size(); k > 1; --k)
      std::swap(updates[k - 1], updates[rng.index(k)]);
    for (const auto& u : updates) {
      Status s = apply_update(*doc, u);
      if (!s.is_ok() && error.empty()) {
        error = "rebuilding peer " + std::to_string(i) + " from its updates: " + s.to_string() +
                " (update " + hex(u) + ")";
      }
    }
    out.push_back(std::move(doc));
  }
  return out;
}

std::string compare_docs(const std::vector<Doc*>& docs, const std::vector<std::string>& labels,
                         std::size_t rebuilt_from) {
  // Every peer of applyRandomTests defines the three roots; a Doc lists only roots it defined
  // or received (as Y.Doc's share), so define them on all before comparing.
  for (Doc* d : docs) {
    (void)d->get_map(kMapRoot);
    (void)d->get_array(kArrayRoot);
    (void)d->get_text(kTextRoot);
  }
  for (std::size_t i = 0; i < docs.size(); ++i) {
    std::string p = pending_state(*docs[i]);
    if (!p.empty()) return labels[i] + " still has " + p;
  }
  Doc& ref = *docs[0];
  const std::string ref_json = json_of(ref);
  const std::string ref_rich = render_rich(ref);
  const StateVector ref_sv = state_vector(ref);
  const std::vector<std::uint8_t> ref_state = encode_state_as_update(ref);
  for (std::size_t i = 1; i < docs.size(); ++i) {
    Doc& d = *docs[i];
    const std::string vs = labels[i] + " vs " + labels[0] + ": ";
    const std::string json = json_of(d);
    if (json != ref_json) return vs + "JSON differs:\n  " + json + "\n  " + ref_json;
    const std::string rich = render_rich(d);
    if (rich != ref_rich) return vs + "rich content differs:\n  " + rich + "\n  " + ref_rich;
    const StateVector sv = state_vector(d);
    if (sv != ref_sv)
      return vs + "state vectors differ: " + sv_string(sv) + " / " + sv_string(ref_sv);
    if (i >= rebuilt_from) continue;
    const std::vector<std::uint8_t> state = encode_state_as_update(d);
    if (state != ref_state && merged(state) != merged(ref_state)) {
      return vs + "encoded states differ:\n  " + hex(state) + "\n  " + hex(ref_state);
    }
  }
  // The converged state loads into a fresh doc and re-encodes to the same bytes.
  Doc fresh(DocOptions::with_client_id(999, ref.gc()));
  (void)fresh.get_map(kMapRoot);
  (void)fresh.get_array(kArrayRoot);
  (void)fresh.get_text(kTextRoot);
  Status s = apply_update(fresh, ref_state);
  if (!s.is_ok()) return "the converged state does not apply to a fresh doc: " + s.to_string();
  if (merged(encode_state_as_update(fresh)) != merged(ref_state)) {
    return "the converged state re-encodes differently after loading:\n  " +
           hex(encode_state_as_update(fresh)) + "\n  " + hex(ref_state);
  }
  if (json_of(fresh) != ref_json) return "the loaded state's JSON differs";
  return {};
}

} // namespace accord::fuzz
