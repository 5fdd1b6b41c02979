// Awareness states and updates with y-protocols' rules (see accord/awareness.h).
#include "accord/awareness.h"

#include "encoding/json.h"
#include "encoding/lib0_reader.h"
#include "encoding/lib0_writer.h"

namespace accord::sync {

namespace {

constexpr int kMaxStateDepth = 64;

Status check_json(std::string_view text, std::size_t offset) {
  auto parsed = encoding::parse_json(text, kMaxStateDepth);
  if (!parsed.ok()) {
    return Status::error_at(StatusCode::kCorrupt, offset,
                            "awareness state is not JSON: " + parsed.status().message());
  }
  return Status::ok();
}

bool is_null(std::string_view json) {
  // JSON text from a peer may carry whitespace around null.
  const std::size_t first = json.find_first_not_of(" \t\r\n");
  const std::size_t last = json.find_last_not_of(" \t\r\n");
  return first != std::string_view::npos && json.substr(first, last - first + 1) == "null";
}

} // namespace

Result<std::vector<AwarenessEntry>> decode_awareness_update(std::span<const std::uint8_t> bytes) {
  encoding::Lib0Reader r(bytes);
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t count, r.read_var_uint());
  // Each entry takes at least 3 bytes: never reserve more than the input can hold.
  if (count > r.remaining() / 3) {
    return r.error("awareness update claims " + std::to_string(count) + " entries");
  }
  std::vector<AwarenessEntry> entries;
  entries.reserve(count);
  for (std::uint64_t i = 0; i < count; ++i) {
    AwarenessEntry entry;
    ACCORD_ASSIGN_OR_RETURN(entry.client_id, r.read_var_uint());
    ACCORD_ASSIGN_OR_RETURN(entry.clock, r.read_var_uint());
    const std::size_t state_at = r.offset();
    ACCORD_ASSIGN_OR_RETURN(std::string_view state, r.read_var_string());
    if (Status ok = check_json(state, state_at); !ok.is_ok()) return ok;
    entry.state = state;
    entries.push_back(std::move(entry));
  }
  if (!r.at_end()) return r.error("bytes after the last awareness entry");
  return entries;
}

std::vector<std::uint8_t> encode_awareness_update(std::span<const AwarenessEntry> entries) {
  encoding::Lib0Buffer w;
  w.write_var_uint(entries.size());
  for (const AwarenessEntry& entry : entries) {
    w.write_var_uint(entry.client_id);
    w.write_var_uint(entry.clock);
    w.write_var_string(entry.state);
  }
  return w.take();
}

std::optional<std::string> Awareness::local_state() const {
  auto it = states_.find(client_id_);
  if (it == states_.end()) return std::nullopt;
  return it->second;
}

Result<AwarenessChange> Awareness::set_local_state(std::optional<std::string> state_json,
                                                   std::uint64_t now_ms) {
  if (state_json && is_null(*state_json)) state_json.reset();
  if (state_json) {
    if (Status ok = check_json(*state_json, 0); !ok.is_ok()) return ok;
  }
  auto meta = meta_.find(client_id_);
  const std::uint64_t clock = meta == meta_.end() ? 0 : meta->second.clock + 1;
  auto previous = states_.find(client_id_);
  const bool had_state = previous != states_.end();
  AwarenessChange change;
  if (!state_json) {
    if (had_state) states_.erase(previous);
    change.removed.push_back(client_id_);
  } else if (!had_state) {
    states_[client_id_] = *state_json;
    change.added.push_back(client_id_);
  } else {
    if (previous->second != *state_json) change.updated.push_back(client_id_);
    previous->second = *state_json;
  }
  meta_[client_id_] = {clock, now_ms};
  return change;
}

Result<AwarenessChange> Awareness::apply_update(std::span<const std::uint8_t> update,
                                                std::uint64_t now_ms) {
  ACCORD_ASSIGN_OR_RETURN(std::vector<AwarenessEntry> entries, decode_awareness_update(update));
  AwarenessChange change;
  for (AwarenessEntry& entry : entries) {
    auto meta = meta_.find(entry.client_id);
    const bool known = meta != meta_.end();
    const std::uint64_t current_clock = known ? meta->second.clock : 0;
    const bool has_state = states_.contains(entry.client_id);
    const bool removal = is_null(entry.state);
    if (!(current_clock < entry.clock || (current_clock == entry.clock && removal && has_state))) {
      continue;
    }
    std::uint64_t clock = entry.clock;
    bool changed = false;
    if (removal) {
      if (entry.client_id == client_id_ && has_state) {
        ++clock; // a peer thinks we are gone: outbid it with the next broadcast
      } else {
        states_.erase(entry.client_id);
      }
    } else {
      auto& slot = states_[entry.client_id];
      changed = slot != entry.state;
      slot = std::move(entry.state);
    }
    meta_[entry.client_id] = {clock, now_ms};
    if (!known && !removal) {
      change.added.push_back(entry.client_id);
    } else if (known && removal) {
      change.removed.push_back(entry.client_id);
    } else if (!removal && changed) {
      change.updated.push_back(entry.client_id);
    }
  }
  return change;
}

AwarenessChange Awareness::remove_states(std::span<const std::uint64_t> clients,
                                         std::uint64_t now_ms) {
  AwarenessChange change;
  for (const std::uint64_t client : clients) {
    if (states_.erase(client) == 0) continue;
    if (client == client_id_) {
      Meta& meta = meta_[client];
      meta = {meta.clock + 1, now_ms};
    }
    change.removed.push_back(client);
  }
  return change;
}

std::vector<std::uint8_t> Awareness::encode_update(std::span<const std::uint64_t> clients) const {
  std::vector<AwarenessEntry> entries;
  entries.reserve(clients.size());
  for (const std::uint64_t client : clients) {
    auto meta = meta_.find(client);
    if (meta == meta_.end()) continue;
    auto state = states_.find(client);
    entries.push_back(
        {client, meta->second.clock, state == states_.end() ? std::string("null") : state->second});
  }
  return encode_awareness_update(entries);
}

std::vector<std::uint8_t> Awareness::encode_states() const {
  std::vector<std::uint64_t> clients;
  clients.reserve(states_.size());
  for (const auto& [client, state] : states_) clients.push_back(client);
  return encode_update(clients);
}

Awareness::CheckResult Awareness::check_outdated(std::uint64_t now_ms) {
  CheckResult result;
  auto own = meta_.find(client_id_);
  if (states_.contains(client_id_) && own != meta_.end() &&
      kAwarenessOutdatedMs / 2 <= now_ms - own->second.last_updated) {
    own->second = {own->second.clock + 1, now_ms};
    result.renewed_local = true;
  }
  std::vector<std::uint64_t> outdated;
  for (const auto& [client, meta] : meta_) {
    if (client != client_id_ && kAwarenessOutdatedMs <= now_ms - meta.last_updated &&
        states_.contains(client)) {
      outdated.push_back(client);
    }
  }
  result.change = remove_states(outdated, now_ms);
  return result;
}

std::optional<std::uint64_t> Awareness::clock(std::uint64_t client) const {
  auto meta = meta_.find(client);
  if (meta == meta_.end()) return std::nullopt;
  return meta->second.clock;
}

} // namespace accord::sync
