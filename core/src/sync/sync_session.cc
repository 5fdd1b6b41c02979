// The client sync session (see accord/sync_session.h for the protocol it speaks).
#include "accord/sync_session.h"

#include <algorithm>

#include "accord/sync_split.h"
#include "accord/update.h"
#include "accord/update_ops.h"

namespace accord::sync {

/// Per-document state of a session.
struct SyncSession::DocState {
  DocState(std::string name_in, Doc& doc_in, std::uint64_t now)
      : name(std::move(name_in)), doc(&doc_in), awareness(doc_in.client_id()) {
    // Clock 0 without a state: the first real state gets clock 1, which peers accept (they
    // ignore clock 0 from an unknown client, as y-protocols does).
    (void)awareness.set_local_state(std::nullopt, now);
  }

  std::string name;
  Doc* doc;
  SubscriptionId subscription{};
  Awareness awareness;
  /// Local updates not acknowledged yet, oldest first, with ascending sequence numbers.
  std::deque<std::pair<std::uint64_t, Bytes>> outbox;
  std::uint64_t next_seq = 1;
  /// Per sent step 2 / update awaiting a SyncStatus (in send order): the highest outbox
  /// sequence number it carries (0: none).
  std::deque<std::uint64_t> in_flight;
  bool synced = false;
  bool answered_step1 = false; ///< the server's step 1 was answered on this connection
  std::optional<std::string> denied;
};

namespace {
/// Framing bytes besides the payload: document name, type, step, payload length.
std::size_t frame_overhead(std::string_view name) { return name.size() + 10 + 2 + 10; }
/// The frame limit never shrinks below this after 1009 closes.
constexpr std::size_t kMinFrameBytes = 1024;
} // namespace

SyncSession::SyncSession(SyncTransport& transport, SyncTimer& timer, SyncSessionOptions options)
    : transport_(transport), timer_(timer), options_(std::move(options)), rng_(options_.seed) {}

SyncSession::~SyncSession() {
  if (reconnect_timer_) timer_.cancel(*reconnect_timer_);
  if (awareness_timer_) timer_.cancel(*awareness_timer_);
  for (auto& [name, state] : docs_) state->doc->unobserve_update(state->subscription);
}

SyncSession::DocState* SyncSession::find(std::string_view name) {
  auto it = docs_.find(name);
  return it == docs_.end() ? nullptr : it->second.get();
}

const SyncSession::DocState* SyncSession::find(std::string_view name) const {
  auto it = docs_.find(name);
  return it == docs_.end() ? nullptr : it->second.get();
}

Status SyncSession::attach(std::string name, Doc& doc) {
  if (docs_.contains(name)) {
    return Status::error(StatusCode::kAlreadyExists, "document '" + name + "' is attached");
  }
  if (options_.framing == Framing::kYWebsocket && !docs_.empty()) {
    return Status::error(StatusCode::kInvalidArgument,
                         "a y-websocket connection carries one document");
  }
  auto state = std::make_unique<DocState>(std::move(name), doc, timer_.now_ms());
  DocState* raw = state.get();
  raw->subscription = doc.observe_update(
      [this, raw](const std::vector<std::uint8_t>& update, const Origin& origin) {
        if (origin.ptr != this) on_local_update(*raw, update);
      });
  docs_.emplace(raw->name, std::move(state));
  if (state_ == SessionState::kConnected) begin_document(*raw);
  if (!awareness_timer_ && state_ != SessionState::kStopped) schedule_awareness_check();
  return Status::ok();
}

bool SyncSession::detach(std::string_view name) {
  auto it = docs_.find(name);
  if (it == docs_.end()) return false;
  it->second->doc->unobserve_update(it->second->subscription);
  if (state_ == SessionState::kConnected && options_.framing == Framing::kHocuspocus) {
    send(*it->second, close_message(""));
  }
  docs_.erase(it);
  return true;
}

bool SyncSession::terminal() const {
  return state_ == SessionState::kRefused || state_ == SessionState::kOutdated;
}

void SyncSession::start() {
  if (state_ != SessionState::kStopped && !terminal()) return;
  attempt_ = 0;
  state_ = SessionState::kConnecting;
  schedule_awareness_check();
  transport_.open();
}

void SyncSession::stop() {
  const SessionState previous = state_;
  state_ = SessionState::kStopped;
  if (reconnect_timer_) timer_.cancel(*std::exchange(reconnect_timer_, std::nullopt));
  if (awareness_timer_) timer_.cancel(*std::exchange(awareness_timer_, std::nullopt));
  if (previous == SessionState::kConnected || previous == SessionState::kConnecting) {
    transport_.close();
  }
}

void SyncSession::on_open() {
  if (state_ != SessionState::kConnecting) return;
  state_ = SessionState::kConnected;
  ++connections_;
  for (auto& [name, state] : docs_) begin_document(*state);
}

void SyncSession::begin_document(DocState& state) {
  state.synced = false;
  state.answered_step1 = false;
  state.in_flight.clear();
  state.denied.reset();
  if (options_.framing == Framing::kHocuspocus) {
    Message auth = auth_token(options_.token);
    auth.version = client_version_string(options_.protocol);
    send(state, auth);
  }
  send(state, sync_step1(encode_state_vector(*state.doc)));
  if (!state.outbox.empty()) {
    std::vector<UpdateBytes> pending;
    pending.reserve(state.outbox.size());
    for (const auto& [seq, update] : state.outbox) pending.push_back(update);
    auto merged =
        pending.size() == 1 ? Result<UpdateBytes>(pending.front()) : merge_updates(pending);
    if (merged.ok()) {
      send_update(state, SyncStep::kUpdate, *merged, state.outbox.back().first);
    } else {
      last_error_ = merged.status();
    }
  }
  if (state.awareness.local_state()) {
    const std::uint64_t own = state.awareness.client_id();
    send(state, awareness_message(state.awareness.encode_update(std::span(&own, 1))));
  }
}

void SyncSession::send(const DocState& state, const Message& message) {
  transport_.send(encode_for(options_.framing, state.name, message));
}

void SyncSession::send_update(DocState& state, SyncStep step, std::span<const std::uint8_t> update,
                              std::uint64_t covers) {
  const std::size_t overhead = frame_overhead(state.name);
  const std::size_t limit =
      options_.max_frame_bytes > overhead ? options_.max_frame_bytes - overhead : 1;
  auto pieces = split_update(update, limit);
  if (!pieces.ok()) {
    // An update that cannot be split under the limit is sent whole: the server decides.
    last_error_ = pieces.status();
    pieces = std::vector<Bytes>{Bytes(update.begin(), update.end())};
  }
  const bool acked = options_.framing == Framing::kHocuspocus;
  for (std::size_t i = 0; i < pieces->size(); ++i) {
    Message message;
    message.type = MessageType::kSync;
    message.step = step;
    message.payload = std::move((*pieces)[i]);
    send(state, message);
    if (acked) state.in_flight.push_back(i + 1 == pieces->size() ? covers : 0);
  }
  if (!acked) {
    // y-websocket has no acknowledgements: what was sent is all the session can do.
    while (!state.outbox.empty() && state.outbox.front().first <= covers) state.outbox.pop_front();
  }
}

void SyncSession::on_local_update(DocState& state, const std::vector<std::uint8_t>& update) {
  const std::uint64_t seq = state.next_seq++;
  state.outbox.emplace_back(seq, update);
  if (state_ == SessionState::kConnected && !state.denied) {
    send_update(state, SyncStep::kUpdate, update, seq);
  }
}

void SyncSession::acknowledge(DocState& state, bool applied) {
  if (state.in_flight.empty()) return; // an ack of nothing we sent on this connection
  const std::uint64_t covers = state.in_flight.front();
  state.in_flight.pop_front();
  if (!applied) ++refused_;
  const bool had_entries = !state.outbox.empty();
  while (!state.outbox.empty() && state.outbox.front().first <= covers) state.outbox.pop_front();
  if (had_entries && state.outbox.empty() && on_acknowledged) on_acknowledged(state.name);
}

Status SyncSession::fail(Status status) {
  last_error_ = status;
  if (state_ == SessionState::kConnected) transport_.close();
  return status;
}

Status SyncSession::on_message(std::span<const std::uint8_t> bytes) {
  if (state_ != SessionState::kConnected) return Status::ok();
  auto frame = decode_for(options_.framing, bytes);
  if (!frame.ok()) return fail(frame.status().with_context("message from the server"));
  if (frame->message.type == MessageType::kPing) {
    transport_.send(encode_frame("", pong()));
    return Status::ok();
  }
  DocState* state = options_.framing == Framing::kYWebsocket
                        ? (docs_.empty() ? nullptr : docs_.begin()->second.get())
                        : find(frame->document);
  if (state == nullptr) return Status::ok(); // a document detached meanwhile
  return handle(*state, frame->message);
}

Status SyncSession::handle(DocState& state, const Message& message) {
  const std::uint64_t now = timer_.now_ms();
  switch (message.type) {
    case MessageType::kSync:
    case MessageType::kSyncReply:
      switch (message.step) {
        case SyncStep::kStep1: {
          auto update = encode_state_as_update(*state.doc, message.payload);
          if (!update.ok()) return fail(update.status().with_context("server's state vector"));
          const std::uint64_t covers = state.outbox.empty() ? 0 : state.outbox.back().first;
          send_update(state, SyncStep::kStep2, *update, covers);
          state.answered_step1 = true;
          return Status::ok();
        }
        case SyncStep::kStep2:
        case SyncStep::kUpdate: {
          Status applied = apply_update(*state.doc, message.payload, Origin{"sync", this});
          if (!applied.is_ok()) return fail(applied.with_context("update from the server"));
          if (message.step == SyncStep::kStep2 && !state.synced) {
            state.synced = true;
            attempt_ = 0;
            if (on_synced) on_synced(state.name);
          }
          return Status::ok();
        }
      }
      return Status::ok();
    case MessageType::kAwareness: {
      auto change = state.awareness.apply_update(message.payload, now);
      if (!change.ok()) return fail(change.status().with_context("awareness from the server"));
      return Status::ok();
    }
    case MessageType::kQueryAwareness:
      send(state, awareness_message(state.awareness.encode_states()));
      return Status::ok();
    case MessageType::kAuth:
      if (message.auth == AuthType::kPermissionDenied) {
        state.denied = message.text;
        const bool all_denied = std::all_of(docs_.begin(), docs_.end(),
                                            [](const auto& entry) { return entry.second->denied; });
        if (all_denied) {
          end(SessionState::kRefused,
              CloseInfo{kClosePolicyViolation, "access denied: " + message.text, 0});
        }
      } else if (message.auth == AuthType::kToken) {
        send(state, auth_token(options_.token)); // the server asks for the token again
      }
      return Status::ok();
    case MessageType::kSyncStatus: acknowledge(state, message.applied); return Status::ok();
    case MessageType::kStateless:
    case MessageType::kBroadcastStateless:
      if (on_stateless) on_stateless(state.name, message.text);
      return Status::ok();
    case MessageType::kClose:
      state.denied = "closed by the server: " + message.text;
      return Status::ok();
    case MessageType::kPing:
    case MessageType::kPong: return Status::ok();
  }
  return Status::ok();
}

void SyncSession::on_closed(CloseInfo info) {
  if (state_ == SessionState::kStopped || terminal()) return;
  const std::uint64_t now = timer_.now_ms();
  for (auto& [name, state] : docs_) {
    state->synced = false;
    state->in_flight.clear();
    // Peers are unknown while offline (as y-websocket and Hocuspocus do).
    std::vector<std::uint64_t> others;
    for (const auto& [client, json] : state->awareness.states()) {
      if (client != state->awareness.client_id()) others.push_back(client);
    }
    (void)state->awareness.remove_states(others, now);
  }
  state_ = SessionState::kWaiting; // the transport is closed already
  switch (classify_close(info)) {
    case CloseAction::kRefused: return end(SessionState::kRefused, std::move(info));
    case CloseAction::kOutdated: return end(SessionState::kOutdated, std::move(info));
    case CloseAction::kShrinkFrames:
      options_.max_frame_bytes =
          std::max<std::size_t>(kMinFrameBytes, options_.max_frame_bytes / 2);
      break;
    case CloseAction::kReconnect: break;
  }
  last_close_ = info;
  schedule_reconnect();
  if (on_close) on_close(info);
}

void SyncSession::end(SessionState terminal_state, CloseInfo info) {
  const bool open = state_ == SessionState::kConnected || state_ == SessionState::kConnecting;
  state_ = terminal_state;
  if (reconnect_timer_) timer_.cancel(*std::exchange(reconnect_timer_, std::nullopt));
  if (awareness_timer_) timer_.cancel(*std::exchange(awareness_timer_, std::nullopt));
  last_close_ = std::move(info);
  if (open) transport_.close();
  if (on_close) on_close(*last_close_);
}

void SyncSession::schedule_reconnect() {
  const std::uint32_t shift = std::min<std::uint32_t>(attempt_, 20);
  const std::uint64_t base =
      std::min(options_.backoff_max_ms, options_.backoff_initial_ms << shift);
  std::uniform_int_distribution<std::uint64_t> jitter(base / 2, std::max<std::uint64_t>(base, 1));
  const std::uint64_t delay = jitter(rng_);
  ++attempt_;
  reconnect_timer_ = timer_.schedule(delay, [this] {
    reconnect_timer_.reset();
    if (state_ != SessionState::kWaiting) return;
    state_ = SessionState::kConnecting;
    transport_.open();
  });
}

void SyncSession::schedule_awareness_check() {
  if (awareness_timer_) return;
  awareness_timer_ = timer_.schedule(options_.awareness_check_ms, [this] {
    awareness_timer_.reset();
    check_awareness();
    if (state_ != SessionState::kStopped) schedule_awareness_check();
  });
}

void SyncSession::check_awareness() {
  const std::uint64_t now = timer_.now_ms();
  for (auto& [name, state] : docs_) {
    const auto result = state->awareness.check_outdated(now);
    if (result.renewed_local && state_ == SessionState::kConnected) {
      const std::uint64_t own = state->awareness.client_id();
      send(*state, awareness_message(state->awareness.encode_update(std::span(&own, 1))));
    }
  }
}

Status SyncSession::set_awareness(std::string_view name, std::optional<std::string> state_json) {
  DocState* state = find(name);
  if (state == nullptr) {
    return Status::error(StatusCode::kNotFound,
                         "document '" + std::string(name) + "' not attached");
  }
  auto change = state->awareness.set_local_state(std::move(state_json), timer_.now_ms());
  if (!change.ok()) return change.status();
  if (state_ == SessionState::kConnected) {
    const std::uint64_t own = state->awareness.client_id();
    send(*state, awareness_message(state->awareness.encode_update(std::span(&own, 1))));
  }
  return Status::ok();
}

const Awareness* SyncSession::awareness(std::string_view name) const {
  const DocState* state = find(name);
  return state == nullptr ? nullptr : &state->awareness;
}

bool SyncSession::synced(std::string_view name) const {
  const DocState* state = find(name);
  return state != nullptr && state->synced && state->answered_step1 && state->outbox.empty() &&
         state->in_flight.empty();
}

std::size_t SyncSession::outbox_size(std::string_view name) const {
  const DocState* state = find(name);
  return state == nullptr ? 0 : state->outbox.size();
}

std::size_t SyncSession::outbox_total() const {
  std::size_t total = 0;
  for (const auto& [name, state] : docs_) total += state->outbox.size();
  return total;
}

std::optional<std::string> SyncSession::denied(std::string_view name) const {
  const DocState* state = find(name);
  return state == nullptr ? std::nullopt : state->denied;
}

} // namespace accord::sync
