#include "fuzz_invariants.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "accord/types.h"
#include "accord/update.h"
#include "crdt/doc_impl.h"

namespace accord::fuzz {
namespace {

std::size_t read_type(TypeRef type, int depth);

std::size_t read_value(const Value& v, int depth) {
  if (v.is_type()) return read_type(v.type(), depth + 1);
  if (v.is_doc()) return v.doc().guid.size();
  return v.any().to_json_string().size();
}

std::size_t read_type(TypeRef type, int depth) {
  // Nesting in a decoded doc is bounded by the input size; cap the walk anyway.
  if (depth > 64) return 0;
  std::size_t n = type.to_json().to_json_string().size();
  switch (type.kind()) {
    case TypeKind::kMap: {
      MapRef m = type.as_map();
      for (const auto& k : m.keys()) {
        if (auto v = m.get(k)) n += read_value(*v, depth);
      }
      n += m.size();
      break;
    }
    case TypeKind::kArray: {
      ArrayRef a = type.as_array();
      for (const Value& v : a.to_vector()) n += read_value(v, depth);
      if (a.length() > 0 && !a.get(a.length() - 1).has_value()) invariant_failed("array get(last)");
      break;
    }
    case TypeKind::kText:
    case TypeKind::kXmlText: {
      TextRef t = type.as_text();
      n += t.to_string().size() + t.length();
      for (const Delta& d : t.to_delta()) {
        n += d.text.size() + d.attributes.size();
        for (const Value& v : d.values) n += read_value(v, depth);
      }
      break;
    }
    case TypeKind::kXmlFragment:
    case TypeKind::kXmlElement: {
      XmlFragmentRef x = type.as_xml_fragment();
      for (const Value& v : x.children()) n += read_value(v, depth);
      n += x.attributes().size() + x.length();
      break;
    }
    default: break;
  }
  return n;
}

Any canonical(const Any& a) { return a.with_sorted_keys(); }

// Deep equality where a NaN equals a NaN (a stored NaN reloads as NaN; Any's == follows IEEE).
bool same(const Any& a, const Any& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Any::Kind::kNumber:
      return a.as_number() == b.as_number() ||
             (std::isnan(a.as_number()) && std::isnan(b.as_number()));
    case Any::Kind::kArray: {
      const auto& x = a.as_array();
      const auto& y = b.as_array();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!same(x[i], y[i])) return false;
      }
      return true;
    }
    case Any::Kind::kObject: {
      const auto& x = a.as_object();
      const auto& y = b.as_object();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (x[i].first != y[i].first || !same(x[i].second, y[i].second)) return false;
      }
      return true;
    }
    default: return a == b;
  }
}

// The documents' JSON agree, key order aside.
bool same_json(const Doc& a, const Doc& b) {
  return same(canonical(a.to_json()), canonical(b.to_json()));
}

const char* kind_ok(StatusCode c) {
  switch (c) {
    case StatusCode::kCorrupt:
    case StatusCode::kUnsupported:
    case StatusCode::kLimitExceeded: return nullptr;
    default: return "apply_update failed with a code other than corrupt/unsupported/limit_exceeded";
  }
}

} // namespace

void invariant_failed(std::string_view what) {
  std::fprintf(stderr, "fuzz invariant failed: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

std::size_t read_everything(Doc& doc) {
  std::size_t n = doc.to_json().to_json_string().size();
  for (const std::string& name : doc.root_names()) {
    if (auto root = doc.root(name)) n += read_type(*root, 0);
  }
  return n;
}

void check_reloads(Doc& doc) {
  const std::vector<std::uint8_t> state = encode_state_as_update(doc);
  Doc fresh(DocOptions::with_client_id(424242, doc.gc()));
  Status s = apply_update(fresh, state);
  if (!s.is_ok()) invariant_failed("the doc's own encoded state does not apply: " + s.to_string());
  const crdt::DocImpl& impl = *doc.impl();
  if (!impl.pending.empty() || !impl.pending_ds.empty()) {
    // The encoded state carries the pending structs and deletes too (as yjs's does), and a fresh
    // doc may integrate some that this doc keeps waiting (yjs 13.6.33 does the same on the same
    // bytes; tests/fuzz/README.md): the reload must then be a fixed point of encode + apply.
    const std::vector<std::uint8_t> again = encode_state_as_update(fresh);
    Doc second(DocOptions::with_client_id(424243, doc.gc()));
    Status s2 = apply_update(second, again);
    if (!s2.is_ok()) invariant_failed("a reloaded state does not apply: " + s2.to_string());
    if (!same_json(second, fresh)) {
      invariant_failed("reloading a reload changes the JSON: " + second.to_json().to_json_string() +
                       " vs " + fresh.to_json().to_json_string());
    }
    return;
  }
  if (!same_json(fresh, doc)) {
    invariant_failed("reloaded JSON differs: " + fresh.to_json().to_json_string() + " vs " +
                     doc.to_json().to_json_string());
  }
  if (state_vector(fresh) != state_vector(doc)) invariant_failed("reloaded state vector differs");
}

Status apply_and_check(Doc& doc, std::span<const std::uint8_t> update) {
  const std::vector<std::uint8_t> before = encode_state_as_update(doc);
  const std::string before_json = doc.to_json().to_json_string();
  Status s = apply_update(doc, update);
  if (!s.is_ok()) {
    if (const char* bad = kind_ok(s.code()))
      invariant_failed(std::string(bad) + ": " + s.to_string());
    if (s.message().empty()) invariant_failed("apply_update error without a message");
    if (!s.offset().has_value())
      invariant_failed("apply_update error without an offset: " + s.to_string());
    if (*s.offset() > update.size())
      invariant_failed("error offset beyond the input: " + s.to_string());
    if (encode_state_as_update(doc) != before) {
      invariant_failed("a failed apply_update changed the encoded state: " + s.to_string());
    }
    if (doc.to_json().to_json_string() != before_json) {
      invariant_failed("a failed apply_update changed the JSON: " + s.to_string());
    }
    return s;
  }
  (void)read_everything(doc);
  check_reloads(doc);
  return s;
}

const std::vector<std::uint8_t>& content_state() {
  static const std::vector<std::uint8_t> state = [] {
    Doc a(DocOptions::with_client_id(0));
    Doc b(DocOptions::with_client_id(1));
    Doc c(DocOptions::with_client_id(2));
    a.transact([&](Transaction& t) {
      MapRef m = a.get_map("map");
      m.set(t, "k0", Any("zero"));
      m.set(t, "k1", Any(Any::Object{{"f0", Any(1)}, {"f1", Any::null()}}));
      ArrayRef nested = m.insert_array(t, "k2");
      nested.push(t, {Any(1), Any(true), Any::bytes({1, 2, 3})});
      (void)a.get_text("text").insert(t, 0, "hello w\xc3\xb6rld \xf0\x9f\x98\x80");
    });
    (void)apply_update(b, encode_state_as_update(a));
    b.transact([&](Transaction& t) {
      TextRef text = b.get_text("text");
      (void)text.format(t, 0, 5, {{"bold", Any(true)}});
      (void)text.insert_embed(t, 6, Any(Any::Object{{"image", Any("a.png")}}));
      ArrayRef arr = b.get_array("array");
      arr.push(t, {Any("x"), Any(2.5)});
      MapRef inner = arr.insert_map(t, 1);
      inner.set(t, "k3", Any::bigint(-7));
      (void)inner.insert_text(t, "k4").insert(t, 0, "\xe4\xb8\xad\xe6\x96\x87");
    });
    (void)apply_update(c, encode_state_as_update(b));
    c.transact([&](Transaction& t) {
      (void)c.get_text("text").remove(t, 2, 3);
      (void)c.get_array("array").remove(t, 0, 1);
      c.get_map("map").remove(t, "k0");
      c.get_map("map").set(t, "k1", Any("replaced"));
    });
    (void)apply_update(a, encode_state_as_update(c));
    return encode_state_as_update(a);
  }();
  return state;
}

} // namespace accord::fuzz
