// Benchmark bindings: `BenchDoc`, one accord::Doc with its root Y.Text "text", Y.Array "array"
// and Y.Map "map", exposed to JS with the calls bench/lib/adapters.mjs makes on yjs and ywasm
// (insert/delete per call, explicit begin/commit of a transaction, v1 update observer, encode
// and apply of whole-document updates), plus `replayTrace`, which runs a whole editing trace
// inside wasm with no JS call per edit. Only the benchmark module (accord-bench.cjs) has them.
// Errors never cross as C++ exceptions: a failed call throws a JS Error with the status text.
#include <emscripten/bind.h>
#include <emscripten/val.h>
#include <malloc.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "accord/doc.h"
#include "accord/update.h"

namespace {

using accord::Any;
using emscripten::val;

[[noreturn]] void throw_js(const std::string& message) {
  val::global("Error").new_(message).throw_();
}

void check(const accord::Status& st) {
  if (!st.is_ok()) throw_js(st.to_string());
}

val to_uint8array(const std::vector<std::uint8_t>& bytes) {
  return val::global("Uint8Array").new_(emscripten::typed_memory_view(bytes.size(), bytes.data()));
}

Any to_any(const val& v) {
  if (v.isNumber()) return Any(v.as<double>());
  if (v.isString()) return Any(v.as<std::string>());
  if (v.isNull()) return Any::null();
  if (v.isUndefined()) return Any();
  if (v.typeOf().as<std::string>() == "boolean") return Any(v.as<bool>());
  if (v.isArray()) {
    Any::Array a;
    const auto n = v["length"].as<std::size_t>();
    a.reserve(n);
    for (std::size_t i = 0; i < n; ++i) a.push_back(to_any(v[i]));
    return Any(std::move(a));
  }
  Any::Object o;
  val keys = val::global("Object").call<val>("keys", v);
  const auto n = keys["length"].as<std::size_t>();
  for (std::size_t i = 0; i < n; ++i) {
    auto key = keys[i].as<std::string>();
    o.emplace_back(key, to_any(v[key]));
  }
  return Any(std::move(o));
}

val to_val(const Any& a) {
  switch (a.kind()) {
    case Any::Kind::kUndefined: return val::undefined();
    case Any::Kind::kNull: return val::null();
    case Any::Kind::kBool: return val(a.as_bool());
    case Any::Kind::kNumber: return val(a.as_number());
    case Any::Kind::kBigInt: return val(static_cast<double>(a.as_bigint()));
    case Any::Kind::kString: return val(a.as_string());
    case Any::Kind::kBytes: return to_uint8array(a.as_bytes());
    case Any::Kind::kArray: {
      val out = val::array();
      for (const Any& e : a.as_array()) out.call<void>("push", to_val(e));
      return out;
    }
    case Any::Kind::kObject: {
      val out = val::object();
      for (const auto& [k, v] : a.as_object()) out.set(k, to_val(v));
      return out;
    }
  }
  return val::undefined();
}

accord::DocOptions options(double client_id) {
  accord::DocOptions o;
  o.client_id = static_cast<std::uint64_t>(client_id);
  return o;
}

class BenchDoc {
public:
  explicit BenchDoc(double client_id)
      : doc_(options(client_id)),
        text_(doc_.get_text("text")),
        array_(doc_.get_array("array")),
        map_(doc_.get_map("map")) {}

  void on_update(val fn) {
    doc_.observe_update([fn](const std::vector<std::uint8_t>& update, const accord::Origin&) {
      fn(to_uint8array(update));
    });
  }

  void begin() {
    if (!txn_) txn_.emplace(doc_.transact());
  }
  void commit() {
    if (!txn_) return;
    txn_->commit();
    txn_.reset();
  }

  void text_insert(double pos, const std::string& s) {
    in_txn([&](accord::Transaction& t) { return text_.insert(t, index(pos), s); });
  }
  void text_delete(double pos, double len) {
    in_txn([&](accord::Transaction& t) { return text_.remove(t, index(pos), index(len)); });
  }
  void array_insert(double pos, const val& values) {
    std::vector<Any> items;
    const auto n = values["length"].as<std::size_t>();
    items.reserve(n);
    for (std::size_t i = 0; i < n; ++i) items.push_back(to_any(values[i]));
    in_txn([&](accord::Transaction& t) { return array_.insert(t, index(pos), std::move(items)); });
  }
  void map_set(const std::string& key, const val& value) {
    Any v = to_any(value);
    in_txn([&](accord::Transaction& t) {
      map_.set(t, key, std::move(v));
      return accord::Status::ok();
    });
  }

  std::string text() const { return text_.to_string(); }
  val array() const { return to_val(array_.to_json()); }
  val map() const { return to_val(map_.to_json()); }

  val encode() const { return to_uint8array(accord::encode_state_as_update(doc_)); }
  void apply(const val& update) {
    auto bytes = emscripten::convertJSArrayToNumberVector<std::uint8_t>(update);
    check(accord::apply_update(doc_, bytes));
  }

  /// Replays a trace inside wasm: patch i deletes dels[i] at positions[i], then inserts the
  /// next lengths[i] UTF-8 bytes of `texts`; each patch is its own transaction.
  void replay_trace(const val& positions, const val& dels, const std::string& texts,
                    const val& lengths) {
    auto pos = emscripten::convertJSArrayToNumberVector<std::uint32_t>(positions);
    auto del = emscripten::convertJSArrayToNumberVector<std::uint32_t>(dels);
    auto len = emscripten::convertJSArrayToNumberVector<std::uint32_t>(lengths);
    std::size_t offset = 0;
    std::string_view all(texts);
    for (std::size_t i = 0; i < pos.size(); ++i) {
      accord::Transaction txn = doc_.transact();
      if (del[i] > 0) check(text_.remove(txn, pos[i], del[i]));
      if (len[i] > 0) check(text_.insert(txn, pos[i], all.substr(offset, len[i])));
      offset += len[i];
      txn.commit();
    }
  }

private:
  static std::uint64_t index(double d) { return static_cast<std::uint64_t>(d); }

  template <typename Fn>
  void in_txn(Fn&& fn) {
    if (txn_) {
      check(fn(*txn_));
      return;
    }
    accord::Transaction t = doc_.transact();
    accord::Status st = fn(t);
    t.commit();
    check(st);
  }

  accord::Doc doc_;
  accord::TextRef text_;
  accord::ArrayRef array_;
  accord::MapRef map_;
  std::optional<accord::Transaction> txn_;
};

/// Bytes the module's malloc has handed out and not taken back.
double malloc_in_use() { return static_cast<double>(mallinfo().uordblks); }
/// Size of the wasm linear memory in bytes.
double wasm_memory_bytes() { return static_cast<double>(__builtin_wasm_memory_size(0)) * 65536.0; }

} // namespace

EMSCRIPTEN_BINDINGS(accord_bench) {
  emscripten::class_<BenchDoc>("BenchDoc")
      .constructor<double>()
      .function("onUpdate", &BenchDoc::on_update)
      .function("begin", &BenchDoc::begin)
      .function("commit", &BenchDoc::commit)
      .function("textInsert", &BenchDoc::text_insert)
      .function("textDelete", &BenchDoc::text_delete)
      .function("arrayInsert", &BenchDoc::array_insert)
      .function("mapSet", &BenchDoc::map_set)
      .function("text", &BenchDoc::text)
      .function("array", &BenchDoc::array)
      .function("map", &BenchDoc::map)
      .function("encode", &BenchDoc::encode)
      .function("apply", &BenchDoc::apply)
      .function("replayTrace", &BenchDoc::replay_trace);
  emscripten::function("mallocInUse", &malloc_in_use);
  emscripten::function("wasmMemoryBytes", &wasm_memory_bytes);
}
