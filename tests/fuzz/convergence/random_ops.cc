#include "random_ops.h"

#include <algorithm>
#include <cstdint>

#include "accord/status.h"
#include "accord/types.h"
#include "encoding/utf.h"

namespace accord::fuzz {
namespace {

// Pieces of text: one UTF-16 unit each, except the emoji (a surrogate pair), which comes last.
const std::vector<std::string> kTextPieces = {
    "a", "b", "c", "x", "y", "z", " ", "\n", "\xc3\xa9", "\xe4\xb8\xad", "\xf0\x9f\x98\x80"};
const std::vector<std::string> kBmpPieces(kTextPieces.begin(), kTextPieces.end() - 1);
const std::vector<std::string> kKeys = {"k0", "k1", "k2", "k3", "k4"};

struct Ctx {
  FuzzRng& rng;
  const OpMix& mix;
  std::vector<std::string>* trace;
  std::size_t type_count;
  std::string error;

  void log(const std::string& line) {
    if (trace != nullptr) trace->push_back(line);
  }
  void check(const Status& s, const std::string& what) {
    if (!s.is_ok() && error.empty()) error = what + ": " + s.to_string();
  }
  bool may_nest() const { return type_count < mix.max_types; }
};

std::string random_text(FuzzRng& rng, bool surrogates = true) {
  std::string s;
  const std::uint64_t n = rng.between(1, 4);
  for (std::uint64_t i = 0; i < n; ++i) s += rng.one_of(surrogates ? kTextPieces : kBmpPieces);
  return s;
}

Any random_any(FuzzRng& rng, int depth) {
  switch (rng.between(0, depth > 0 ? 7 : 9)) {
    case 0: return Any(static_cast<int>(rng.between(0, 1000)));
    case 1: return Any(static_cast<double>(rng.between(0, 1000)) / 8.0 - 50.0);
    case 2: return Any(random_text(rng));
    case 3: return Any(rng.coin());
    case 4: return Any::null();
    case 5: return Any::bigint(static_cast<std::int64_t>(rng.between(0, 1U << 20)) - (1 << 19));
    case 6:
    case 7: return Any(random_text(rng) + "!");
    case 8: {
      Any::Object o;
      const std::uint64_t n = rng.between(0, 2);
      for (std::uint64_t i = 0; i < n; ++i)
        o.emplace_back("f" + std::to_string(i), random_any(rng, depth + 1));
      return Any(std::move(o));
    }
    default: {
      Any::Array a;
      const std::uint64_t n = rng.between(0, 2);
      for (std::uint64_t i = 0; i < n; ++i) a.push_back(random_any(rng, depth + 1));
      return Any(std::move(a));
    }
  }
}

// A value for Map.set / Array.insert: plain Any, sometimes bytes (ContentBinary).
Any random_value(FuzzRng& rng) {
  if (rng.percent(8)) {
    Any::Bytes b(rng.between(0, 4));
    for (auto& x : b) x = static_cast<std::uint8_t>(rng.next());
    return Any::bytes(std::move(b));
  }
  return random_any(rng, 0);
}

Any::Object random_attributes(FuzzRng& rng, bool allow_null) {
  Any::Object attrs;
  auto value = [&](Any on) { return allow_null && rng.percent(40) ? Any::null() : on; };
  if (rng.coin()) attrs.emplace_back("bold", value(Any(true)));
  if (rng.coin()) attrs.emplace_back("italic", value(Any(true)));
  if (attrs.empty() || rng.percent(30)) {
    attrs.emplace_back("color", value(Any(rng.coin() ? "#f00" : "#0a0")));
  }
  return attrs;
}

std::string describe(const Any::Object& attrs) { return Any(attrs).to_json_string(); }

void edit_map(Ctx& c, Transaction& txn, MapRef m, const std::string& name) {
  const std::string& key = c.rng.one_of(kKeys);
  const std::uint64_t op = c.rng.between(0, 9);
  if (op <= 4) {
    Any v = random_value(c.rng);
    c.log(name + ".set(" + key + ", " + v.to_json_string() + ")");
    m.set(txn, key, std::move(v));
  } else if (op <= 6) {
    c.log(name + ".delete(" + key + ")");
    m.remove(txn, key);
  } else if (c.may_nest()) {
    ++c.type_count;
    if (op == 7) {
      c.log(name + ".set(" + key + ", new Map)");
      m.insert_map(txn, key);
    } else if (op == 8) {
      c.log(name + ".set(" + key + ", new Array)");
      m.insert_array(txn, key);
    } else {
      c.log(name + ".set(" + key + ", new Text)");
      m.insert_text(txn, key);
    }
  }
}

void edit_array(Ctx& c, Transaction& txn, ArrayRef a, const std::string& name) {
  const std::uint64_t len = a.length();
  const std::uint64_t op = c.rng.between(0, 9);
  if (op <= 3 || (op <= 6 && len == 0)) {
    const std::uint64_t at = c.rng.between(0, len);
    std::vector<Any> values;
    const std::uint64_t n = c.rng.between(1, 3);
    for (std::uint64_t i = 0; i < n; ++i) values.push_back(random_value(c.rng));
    c.log(name + ".insert(" + std::to_string(at) + ", " + Any(values).to_json_string() + ")");
    c.check(a.insert(txn, at, std::move(values)), name + ".insert");
  } else if (op <= 6) {
    const std::uint64_t at = c.rng.between(0, len - 1);
    const std::uint64_t n = c.rng.between(1, std::min<std::uint64_t>(3, len - at));
    c.log(name + ".delete(" + std::to_string(at) + ", " + std::to_string(n) + ")");
    c.check(a.remove(txn, at, n), name + ".delete");
  } else if (op == 7) {
    std::vector<Any> values{random_value(c.rng)};
    c.log(name + ".push(" + Any(values).to_json_string() + ")");
    a.push(txn, std::move(values));
  } else if (c.may_nest()) {
    ++c.type_count;
    const std::uint64_t at = c.rng.between(0, len);
    const char* kinds[] = {"Map", "Array", "Text"};
    const std::uint64_t k = c.rng.between(0, 2);
    c.log(name + ".insert(" + std::to_string(at) + ", [new " + kinds[k] + "])");
    TypeRef made = k == 0   ? TypeRef(a.insert_map(txn, at))
                   : k == 1 ? TypeRef(a.insert_array(txn, at))
                            : TypeRef(a.insert_text(txn, at));
    if (!made.valid() && c.error.empty()) c.error = name + ".insert nested type returned invalid";
  }
}

// Which text positions fall between the two halves of a surrogate pair: an edit there makes
// yjs split the pair into two U+FFFD on the peers that split the item, and not on the others
// (yjs issue 248; yjs 13.6.33 diverges on such sessions exactly as Accord does), so the edits
// keep to code point boundaries as an editor does. mid[i]: position i splits a pair.
std::vector<bool> mid_pair_positions(TextRef t) {
  std::u16string units;
  for (const Delta& d : t.to_delta()) {
    if (d.values.empty()) {
      (void)encoding::utf8_to_utf16(d.text, units);
    } else {
      units.push_back(u'E'); // an embed
    }
  }
  std::vector<bool> mid(units.size() + 1, false);
  for (std::size_t i = 1; i < units.size(); ++i) {
    mid[i] = units[i - 1] >= 0xd800 && units[i - 1] <= 0xdbff && units[i] >= 0xdc00 &&
             units[i] <= 0xdfff;
  }
  return mid;
}

void edit_text(Ctx& c, Transaction& txn, TextRef t, const std::string& name) {
  const std::uint64_t len = t.length();
  const std::vector<bool> mid = mid_pair_positions(t);
  // Moves a position off the middle of a surrogate pair (to the pair's start).
  auto whole = [&mid](std::uint64_t at) { return at < mid.size() && mid[at] ? at - 1 : at; };
  // An end position off the middle of a pair (past the pair).
  auto whole_end = [&mid](std::uint64_t at) { return at < mid.size() && mid[at] ? at + 1 : at; };
  std::uint64_t op = c.rng.between(0, 9);
  if (len == 0 && op >= 5 && op <= 8) op = 0; // nothing to delete or format: insert instead
  if (op <= 2) {
    const std::uint64_t at = whole(c.rng.between(0, len));
    const std::string s = random_text(c.rng, c.mix.surrogates);
    c.log(name + ".insert(" + std::to_string(at) + ", " + Any(s).to_json_string() + ")");
    c.check(t.insert(txn, at, s), name + ".insert");
  } else if (op <= 4) {
    const std::uint64_t at = whole(c.rng.between(0, len));
    const std::string s = random_text(c.rng, c.mix.surrogates);
    const Any::Object attrs = random_attributes(c.rng, false);
    c.log(name + ".insert(" + std::to_string(at) + ", " + Any(s).to_json_string() + ", " +
          describe(attrs) + ")");
    c.check(t.insert(txn, at, s, attrs), name + ".insert with attributes");
  } else if (op <= 6) {
    const std::uint64_t at = whole(c.rng.between(0, len - 1));
    const std::uint64_t n =
        whole_end(at + c.rng.between(1, std::min<std::uint64_t>(4, len - at))) - at;
    c.log(name + ".delete(" + std::to_string(at) + ", " + std::to_string(n) + ")");
    c.check(t.remove(txn, at, n), name + ".delete");
  } else if (op <= 8) {
    const std::uint64_t at = whole(c.rng.between(0, len - 1));
    const std::uint64_t n = whole_end(at + c.rng.between(1, len - at)) - at;
    const Any::Object attrs = random_attributes(c.rng, true);
    c.log(name + ".format(" + std::to_string(at) + ", " + std::to_string(n) + ", " +
          describe(attrs) + ")");
    c.check(t.format(txn, at, n, attrs), name + ".format");
  } else {
    const std::uint64_t at = whole(c.rng.between(0, len));
    Any embed(Any::Object{{"image", Any(c.rng.coin() ? "a.png" : "b.png")}});
    const Any::Object attrs = c.rng.coin() ? random_attributes(c.rng, false) : Any::Object{};
    c.log(name + ".insertEmbed(" + std::to_string(at) + ", " + embed.to_json_string() + ", " +
          describe(attrs) + ")");
    c.check(t.insert_embed(txn, at, std::move(embed), attrs), name + ".insertEmbed");
  }
}

void edit_type(Ctx& c, Transaction& txn, TypeRef type, const std::string& name) {
  switch (type.kind()) {
    case TypeKind::kMap: edit_map(c, txn, type.as_map(), name); break;
    case TypeKind::kArray: edit_array(c, txn, type.as_array(), name); break;
    case TypeKind::kText:
    case TypeKind::kXmlText: edit_text(c, txn, type.as_text(), name); break;
    default: break;
  }
}

void collect(TypeRef type, std::vector<TypeRef>& out) {
  out.push_back(type);
  auto visit = [&](const Value& v) {
    if (v.is_type() && !v.type().deleted()) collect(v.type(), out);
  };
  if (type.kind() == TypeKind::kMap) {
    MapRef m = type.as_map();
    std::vector<std::string> keys = m.keys();
    std::sort(keys.begin(), keys.end());
    for (const auto& k : keys) {
      if (auto v = m.get(k)) visit(*v);
    }
  } else if (type.kind() == TypeKind::kArray) {
    for (const Value& v : type.as_array().to_vector()) visit(v);
  }
}

} // namespace

std::vector<TypeRef> live_types(Doc& doc) {
  std::vector<TypeRef> out;
  collect(doc.get_map(kMapRoot), out);
  collect(doc.get_array(kArrayRoot), out);
  collect(doc.get_text(kTextRoot), out);
  return out;
}

std::string random_transaction(Doc& doc, FuzzRng& rng, const OpMix& mix,
                               std::vector<std::string>* trace) {
  const std::vector<TypeRef> types = live_types(doc);
  Ctx c{rng, mix, trace, types.size(), {}};
  const std::uint64_t ops = rng.between(1, 3);
  const unsigned total = mix.map + mix.array + mix.text + mix.nested;
  if (trace != nullptr) trace->push_back("peer " + std::to_string(doc.client_id()) + " transact:");
  doc.transact([&](Transaction& txn) {
    for (std::uint64_t i = 0; i < ops; ++i) {
      std::uint64_t pick = rng.between(0, total - 1);
      if (pick < mix.map) {
        edit_map(c, txn, doc.get_map(kMapRoot), "  map");
      } else if ((pick -= mix.map) < mix.array) {
        edit_array(c, txn, doc.get_array(kArrayRoot), "  array");
      } else if ((pick -= mix.array) < mix.text) {
        edit_text(c, txn, doc.get_text(kTextRoot), "  text");
      } else {
        // Types may have been deleted by an earlier edit of this transaction: re-collect.
        const std::vector<TypeRef> now = live_types(doc);
        const std::size_t at =
            now.size() > 3 ? 3 + rng.index(now.size() - 3) : rng.index(now.size());
        edit_type(c, txn, now[at], "  type#" + std::to_string(at));
      }
    }
  });
  return c.error;
}

} // namespace accord::fuzz
