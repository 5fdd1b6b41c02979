#include "driver_session.h"

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "accord/doc.h"
#include "accord/update.h"
#include "accord/update_ops.h"

namespace accord::interop {

namespace {

using Bytes = std::vector<std::uint8_t>;

Status invalid(std::string message) {
  return Status::error(StatusCode::kInvalidArgument, std::move(message));
}

/// One document of a session with its roots and the updates it emitted during the current step.
struct Peer {
  std::unique_ptr<Doc> doc;
  std::vector<std::pair<std::string, TypeRef>> roots;
  std::vector<Bytes> emitted;

  Peer(std::uint64_t client, bool gc, const Json& root_specs) {
    DocOptions options;
    options.client_id = client;
    options.gc = gc;
    doc = std::make_unique<Doc>(std::move(options));
    for (const Json& r : root_specs) {
      const std::string name = r.at("name").get<std::string>();
      const std::string kind = r.at("kind").get<std::string>();
      TypeRef t = kind == "map"     ? TypeRef(doc->get_map(name))
                  : kind == "array" ? TypeRef(doc->get_array(name))
                                    : TypeRef(doc->get_text(name));
      roots.emplace_back(name, t);
    }
    doc->observe_update([this](const Bytes& update, const Origin&) { emitted.push_back(update); });
  }

  Result<TypeRef> root(const std::string& name) const {
    for (const auto& [n, t] : roots) {
      if (n == name) return t;
    }
    return invalid("no root named " + name);
  }

  Json checkpoint(bool with_json, bool v2 = false) const {
    Json out = Json::object();
    out["sv"] = to_hex(encode_state_vector(*doc));
    out["state"] = to_hex(encode_state_as_update(*doc));
    if (v2) out["state_v2"] = to_hex(encode_state_as_update_v2(*doc));
    Json view = Json::object();
    for (const auto& [n, t] : roots) view[n] = view_of(t);
    out["view"] = std::move(view);
    if (with_json) {
      Json json = Json::object();
      for (const auto& [n, t] : roots) json[n] = tagged(t.to_json());
      out["json"] = std::move(json);
    }
    return out;
  }
};

/// The shared type at `path` = [root, key or index, ...].
Result<TypeRef> resolve(const Peer& peer, const Json& path) {
  if (!path.is_array() || path.empty()) return invalid("empty path");
  ACCORD_ASSIGN_OR_RETURN(TypeRef t, peer.root(path[0].get<std::string>()));
  for (std::size_t i = 1; i < path.size(); ++i) {
    std::optional<Value> next;
    if (t.kind() == TypeKind::kMap && path[i].is_string()) {
      next = t.as_map().get(path[i].get<std::string>());
    } else if (t.kind() == TypeKind::kArray && path[i].is_number_unsigned()) {
      next = t.as_array().get(path[i].get<std::uint64_t>());
    }
    if (!next || !next->is_type())
      return invalid("path " + path.dump() + " broken at segment " + std::to_string(i));
    t = next->type();
  }
  return t;
}

/// Inserts the values of an array op at `index`: runs of plain values in one call, nested types
/// one by one (as yjs's insert does with a mixed list).
Status insert_values(Transaction& txn, ArrayRef array, std::uint64_t index, const Json& values) {
  std::vector<Any> run;
  auto flush = [&]() -> Status {
    if (run.empty()) return Status::ok();
    const std::uint64_t n = run.size();
    ACCORD_RETURN_IF_ERROR(array.insert(txn, index, std::move(run)));
    run.clear();
    index += n;
    return Status::ok();
  };
  for (const Json& v : values) {
    if (!is_type_tag(v)) {
      ACCORD_ASSIGN_OR_RETURN(Any a, to_any(v));
      run.push_back(std::move(a));
      continue;
    }
    ACCORD_RETURN_IF_ERROR(flush());
    const std::string kind = v.at("$type").get<std::string>();
    TypeRef made = kind == "map"     ? TypeRef(array.insert_map(txn, index))
                   : kind == "array" ? TypeRef(array.insert_array(txn, index))
                                     : TypeRef(array.insert_text(txn, index));
    if (!made.valid())
      return invalid("inserting a nested " + kind + " at " + std::to_string(index) + " failed");
    ++index;
  }
  return flush();
}

/// yjs's push appends after the last item. Plain values go through push(); a nested type goes
/// to index length() (the API has no push for nested types; see the interop report).
Status push_values(Transaction& txn, ArrayRef array, const Json& values) {
  std::vector<Any> run;
  for (const Json& v : values) {
    if (!is_type_tag(v)) {
      ACCORD_ASSIGN_OR_RETURN(Any a, to_any(v));
      run.push_back(std::move(a));
      continue;
    }
    if (!run.empty()) array.push(txn, std::exchange(run, {}));
    const std::string kind = v.at("$type").get<std::string>();
    if (kind == "map") {
      (void)array.push_map(txn);
    } else if (kind == "array") {
      (void)array.push_array(txn);
    } else if (kind == "text") {
      (void)array.push_text(txn);
    } else {
      return invalid("unknown type tag " + kind);
    }
  }
  if (!run.empty()) array.push(txn, std::move(run));
  return Status::ok();
}

Result<Any::Object> attrs_of(const Json& op) {
  const Json& a = op.at("attrs");
  if (a.is_null()) return Any::Object{};
  return to_object(a);
}

Status apply_op(Peer& peer, Transaction& txn, const Json& op) {
  const std::string name = op.at("op").get<std::string>();
  ACCORD_ASSIGN_OR_RETURN(TypeRef t, resolve(peer, op.at("path")));
  const std::string want = name.substr(0, name.find('_'));
  const bool kind_ok = (want == "map" && t.kind() == TypeKind::kMap) ||
                       (want == "array" && t.kind() == TypeKind::kArray) ||
                       (want == "text" && t.kind() == TypeKind::kText);
  if (!kind_ok) return invalid("op " + name + " on a type of another kind");

  if (name == "map_set") {
    const MapRef map = t.as_map();
    const std::string key = op.at("key").get<std::string>();
    const Json& value = op.at("value");
    if (is_type_tag(value)) {
      const std::string kind = value.at("$type").get<std::string>();
      if (kind == "map")
        (void)map.insert_map(txn, key);
      else if (kind == "array")
        (void)map.insert_array(txn, key);
      else
        (void)map.insert_text(txn, key);
      return Status::ok();
    }
    ACCORD_ASSIGN_OR_RETURN(Any a, to_any(value));
    map.set(txn, key, std::move(a));
    return Status::ok();
  }
  if (name == "map_delete") {
    t.as_map().remove(txn, op.at("key").get<std::string>());
    return Status::ok();
  }
  if (name == "array_insert") {
    return insert_values(txn, t.as_array(), op.at("index").get<std::uint64_t>(), op.at("values"));
  }
  if (name == "array_push") return push_values(txn, t.as_array(), op.at("values"));
  if (name == "array_delete") {
    return t.as_array().remove(txn, op.at("index").get<std::uint64_t>(),
                               op.at("length").get<std::uint64_t>());
  }
  if (name == "text_insert") {
    const std::uint64_t index = op.at("index").get<std::uint64_t>();
    const std::string text = op.at("text").get<std::string>();
    // attrs null: take the formatting at the position; an object (even {}): exactly these.
    if (op.at("attrs").is_null()) return t.as_text().insert(txn, index, text);
    ACCORD_ASSIGN_OR_RETURN(Any::Object attrs, to_object(op.at("attrs")));
    return t.as_text().insert(txn, index, text, attrs);
  }
  if (name == "text_embed") {
    ACCORD_ASSIGN_OR_RETURN(Any::Object attrs, attrs_of(op));
    ACCORD_ASSIGN_OR_RETURN(Any embed, to_any(op.at("embed")));
    return t.as_text().insert_embed(txn, op.at("index").get<std::uint64_t>(), std::move(embed),
                                    attrs);
  }
  if (name == "text_format") {
    ACCORD_ASSIGN_OR_RETURN(Any::Object attrs, attrs_of(op));
    return t.as_text().format(txn, op.at("index").get<std::uint64_t>(),
                              op.at("length").get<std::uint64_t>(), attrs);
  }
  if (name == "text_delete") {
    return t.as_text().remove(txn, op.at("index").get<std::uint64_t>(),
                              op.at("length").get<std::uint64_t>());
  }
  return invalid("unknown op " + name);
}

Json hex_list(const std::vector<Bytes>& list) {
  Json out = Json::array();
  for (const Bytes& b : list) out.push_back(to_hex(b));
  return out;
}

/// The v2 form of a transaction's v1 updates (what yjs's 'updateV2' event gives), or an error.
Result<Json> v2_list(const std::vector<Bytes>& list) {
  Json out = Json::array();
  for (const Bytes& b : list) {
    ACCORD_ASSIGN_OR_RETURN(UpdateBytes v2, convert_update_v1_to_v2_keep_flags(b));
    out.push_back(to_hex(v2));
  }
  return out;
}

} // namespace

Json run_session(const Json& script, bool v2) {
  std::vector<std::unique_ptr<Peer>> peers;
  for (const Json& spec : script.at("peers")) {
    peers.push_back(std::make_unique<Peer>(spec.at("client").get<std::uint64_t>(),
                                           spec.at("gc").get<bool>(), script.at("roots")));
  }
  auto peer_at = [&](const Json& index) -> Peer& { return *peers.at(index.get<std::size_t>()); };
  std::vector<std::vector<Bytes>> emitted_by_step;
  Json steps = Json::array();
  auto failed = [&](std::size_t s, const Status& status) {
    Json out = Json::object();
    out["ok"] = false;
    out["step"] = s;
    out["error"] = "step " + std::to_string(s) + ": " + status.to_string();
    out["steps"] = std::move(steps);
    return out;
  };

  const Json& script_steps = script.at("steps");
  for (std::size_t s = 0; s < script_steps.size(); ++s) {
    const Json& step = script_steps[s];
    Peer* peer = nullptr;
    std::vector<Bytes> sent;
    if (step.contains("txn")) {
      peer = &peer_at(step.at("txn"));
      peer->emitted.clear();
      Transaction txn = peer->doc->transact();
      const Json& ops = step.at("ops");
      for (std::size_t j = 0; j < ops.size(); ++j) {
        Status st = apply_op(*peer, txn, ops[j]);
        if (!st.is_ok()) {
          txn.commit();
          return failed(s, st.with_context("op " + std::to_string(j)));
        }
      }
      txn.commit();
    } else {
      const std::string mode = step.at("sync").get<std::string>();
      peer = &peer_at(step.at("to"));
      peer->emitted.clear();
      if (mode == "full" || mode == "diff") {
        Peer& from = peer_at(step.at("from"));
        Bytes payload;
        if (mode == "full") {
          payload = encode_state_as_update(*from.doc);
        } else {
          const Bytes sv = encode_state_vector(*peer->doc);
          auto r = encode_state_as_update(*from.doc, std::span<const std::uint8_t>(sv));
          if (!r.ok()) return failed(s, r.status().with_context("encode_state_as_update(diff)"));
          payload = std::move(r).value();
        }
        sent.push_back(payload);
        Status st = apply_update(*peer->doc, payload);
        if (!st.is_ok()) return failed(s, st.with_context("apply_update(" + mode + ")"));
      } else if (mode == "updates") {
        for (const Json& id : step.at("ids")) {
          const std::size_t us = id.at(0).get<std::size_t>();
          const std::size_t k = id.at(1).get<std::size_t>();
          if (us >= emitted_by_step.size() || k >= emitted_by_step[us].size()) {
            return failed(s, invalid("update [" + std::to_string(us) + "," + std::to_string(k) +
                                     "] was never emitted"));
          }
          const Bytes update = emitted_by_step[us][k];
          Status st = apply_update(*peer->doc, update);
          if (!st.is_ok())
            return failed(s, st.with_context("apply_update(update " + id.dump() + ")"));
        }
      } else {
        return failed(s, invalid("unknown sync mode " + mode));
      }
    }
    emitted_by_step.push_back(peer->emitted);
    Json rec = peer->checkpoint(false);
    std::size_t index = 0;
    for (std::size_t i = 0; i < peers.size(); ++i) {
      if (peers[i].get() == peer) index = i;
    }
    rec["peer"] = index;
    rec["updates"] = hex_list(peer->emitted);
    rec["sent"] = hex_list(sent);
    if (v2) {
      auto list = v2_list(peer->emitted);
      if (!list.ok()) return failed(s, list.status().with_context("convert_update_v1_to_v2"));
      rec["updates_v2"] = std::move(list).value();
    }
    steps.push_back(std::move(rec));
  }

  Json final_states = Json::array();
  for (const auto& p : peers) final_states.push_back(p->checkpoint(true, v2));
  Json out = Json::object();
  out["ok"] = true;
  out["steps"] = std::move(steps);
  out["final"] = std::move(final_states);
  return out;
}

Json load_updates(const Json& request) {
  // 1001: a client id no session uses (tests/interop/yjs_peer.mjs LOADER_CLIENT).
  Peer peer(1001, request.value("gc", true), request.at("roots"));
  const bool v2 = request.contains("updates_v2");
  const Json& updates = request.at(v2 ? "updates_v2" : "updates");
  for (std::size_t i = 0; i < updates.size(); ++i) {
    auto bytes = from_hex(updates[i].get<std::string>());
    Status st = !bytes.ok() ? bytes.status()
                : v2        ? apply_update_v2(*peer.doc, *bytes)
                            : apply_update(*peer.doc, *bytes);
    if (!st.is_ok()) {
      Json out = Json::object();
      out["ok"] = false;
      out["update"] = i;
      out["error"] = "update " + std::to_string(i) + ": " + st.to_string();
      return out;
    }
  }
  Json out = peer.checkpoint(true);
  out["ok"] = true;
  return out;
}

} // namespace accord::interop
