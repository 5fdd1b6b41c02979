// Bindings of accord/sync_session.h: the client sync session, with the transport and the timer
// provided by JS. The host object given to sessionCreate carries bytes and time:
//   open(), send(Uint8Array), close()       the socket (a browser WebSocket, or ws in Node)
//   now() -> ms, schedule(delayMs, id), cancel(id)   a monotonic clock and timers; when a timer
//                                            fires the host calls sessionFire(handle, id)
//   synced(name), acknowledged(name)         notifications (the host must not call back into
//                                            the session from inside them: defer)
// and reports socket events with sessionOnOpen / sessionOnMessage / sessionOnClosed (with the
// close code and reason), never from inside open/send/close (the session's contract). A message
// that does not decode closes the connection and is returned as an error; the session reconnects
// with backoff.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "accord/sync_session.h"
#include "js_values.h"
#include "registry.h"

namespace accord::wasm {
namespace {

using emscripten::val;

class JsTransport final : public sync::SyncTransport {
public:
  explicit JsTransport(val host) : host_(std::move(host)) {}
  void open() override { host_.call<void>("open"); }
  void send(sync::Bytes message) override { host_.call<void>("send", to_bytes(message)); }
  void close() override { host_.call<void>("close"); }

private:
  val host_;
};

class JsTimer final : public sync::SyncTimer {
public:
  explicit JsTimer(val host) : host_(std::move(host)) {}
  std::uint64_t now_ms() override { return static_cast<std::uint64_t>(host_.call<double>("now")); }
  std::uint64_t schedule(std::uint64_t delay_ms, std::function<void()> fn) override {
    const std::uint64_t id = next_++;
    pending_[id] = std::move(fn);
    host_.call<void>("schedule", static_cast<double>(delay_ms), static_cast<double>(id));
    return id;
  }
  void cancel(std::uint64_t id) override {
    if (pending_.erase(id) > 0) host_.call<void>("cancel", static_cast<double>(id));
  }
  /// Runs the timer `id` (ignored when cancelled or already run).
  void fire(std::uint64_t id) {
    auto it = pending_.find(id);
    if (it == pending_.end()) return;
    std::function<void()> fn = std::move(it->second);
    pending_.erase(it);
    fn();
  }

private:
  val host_;
  std::map<std::uint64_t, std::function<void()>> pending_;
  std::uint64_t next_ = 1;
};

struct JsSession {
  JsSession(val host, sync::SyncSessionOptions options)
      : transport(host), timer(host), session(transport, timer, std::move(options)) {}
  ~JsSession() {
    for (const auto& [name, document] : attached) count_attachment(document, -1);
  }
  JsTransport transport;
  JsTimer timer;
  sync::SyncSession session;
  std::map<std::string, int, std::less<>> attached; ///< name -> document handle
  int close_code = 0;                               ///< of the last closed socket (0: none)
  std::string close_reason;                         ///< of the last closed socket
};

std::map<int, std::unique_ptr<JsSession>>& sessions() {
  static std::map<int, std::unique_ptr<JsSession>> table;
  return table;
}

Result<JsSession*> find_session(int handle) {
  auto it = sessions().find(handle);
  if (it == sessions().end()) {
    return Status::error(StatusCode::kInvalidArgument,
                         "unknown session handle " + std::to_string(handle));
  }
  return it->second.get();
}

// options: {token: string, seed?: number, framing?: 'hocuspocus' | 'y-websocket',
//           maxFrameBytes?: number}
val session_create(val host, const val& options) {
  sync::SyncSessionOptions o;
  if (!options["token"].isString()) return invalid("session options need a token string");
  o.token = options["token"].as<std::string>();
  if (options["seed"].isNumber()) o.seed = static_cast<std::uint64_t>(options["seed"].as<double>());
  if (options["maxFrameBytes"].isNumber()) {
    o.max_frame_bytes = static_cast<std::size_t>(options["maxFrameBytes"].as<double>());
  }
  if (options["framing"].isString()) {
    const std::string framing = options["framing"].as<std::string>();
    if (framing == "y-websocket") {
      o.framing = sync::Framing::kYWebsocket;
    } else if (framing != "hocuspocus") {
      return invalid("unknown framing '" + framing + "' (hocuspocus or y-websocket)");
    }
  }
  static int next = 1;
  const int handle = next++;
  auto session = std::make_unique<JsSession>(host, std::move(o));
  session->session.on_synced = [host](std::string_view name) {
    host.call<void>("synced", std::string(name));
  };
  session->session.on_acknowledged = [host](std::string_view name) {
    host.call<void>("acknowledged", std::string(name));
  };
  sessions()[handle] = std::move(session);
  return ok(val(handle));
}

val session_destroy(int handle) {
  if (sessions().erase(handle) == 0) return error(find_session(handle).status());
  return ok();
}

val session_attach(int handle, const std::string& name, int document) {
  auto s = find_session(handle);
  if (!s.ok()) return error(s.status());
  auto local = find_document(document);
  if (!local.ok()) return error(local.status());
  Status attached = (*s)->session.attach(name, (*local)->doc());
  if (!attached.is_ok()) return error(attached);
  (*s)->attached[name] = document;
  count_attachment(document, 1);
  return ok();
}

val session_detach(int handle, const std::string& name) {
  auto s = find_session(handle);
  if (!s.ok()) return error(s.status());
  const bool detached = (*s)->session.detach(name);
  if (auto it = (*s)->attached.find(name); it != (*s)->attached.end()) {
    count_attachment(it->second, -1);
    (*s)->attached.erase(it);
  }
  return ok(val(detached));
}

val session_start(int handle) {
  auto s = find_session(handle);
  if (!s.ok()) return error(s.status());
  (*s)->session.start();
  return ok();
}

val session_stop(int handle) {
  auto s = find_session(handle);
  if (!s.ok()) return error(s.status());
  (*s)->session.stop();
  return ok();
}

val session_on_open(int handle) {
  auto s = find_session(handle);
  if (!s.ok()) return error(s.status());
  (*s)->session.on_open();
  return ok();
}

val session_on_message(int handle, const val& message) {
  auto s = find_session(handle);
  if (!s.ok()) return error(s.status());
  Status handled = (*s)->session.on_message(from_bytes(message));
  return handled.is_ok() ? ok() : error(handled);
}

// The socket closed with WebSocket close `code` and `reason` (1006 and "" when it never
// opened or dropped); kept for sessionStatus's lastClose.
val session_on_closed(int handle, int code, const std::string& reason) {
  auto s = find_session(handle);
  if (!s.ok()) return error(s.status());
  (*s)->close_code = code;
  (*s)->close_reason = reason;
  (*s)->session.on_closed(
      sync::CloseInfo{static_cast<std::uint16_t>(code), reason, /*http_status=*/0});
  return ok();
}

val session_fire(int handle, double timer_id) {
  auto s = find_session(handle);
  if (!s.ok()) return error(s.status());
  (*s)->timer.fire(static_cast<std::uint64_t>(timer_id));
  return ok();
}

// state_json: JSON text, or null to clear this client's state.
val session_set_awareness(int handle, const std::string& name, const val& state_json) {
  auto s = find_session(handle);
  if (!s.ok()) return error(s.status());
  std::optional<std::string> state;
  if (state_json.isString()) state = state_json.as<std::string>();
  Status set = (*s)->session.set_awareness(name, std::move(state));
  return set.is_ok() ? ok() : error(set);
}

// {clientId, states: [{clientId, state (JSON text)}]} of document `name`, or null.
val session_awareness(int handle, const std::string& name) {
  auto s = find_session(handle);
  if (!s.ok()) return error(s.status());
  const sync::Awareness* awareness = (*s)->session.awareness(name);
  if (awareness == nullptr) return ok(val::null());
  val states = val::array();
  for (const auto& [client, state] : awareness->states()) {
    val item = val::object();
    item.set("clientId", static_cast<double>(client));
    item.set("state", state);
    states.call<void>("push", item);
  }
  val out = val::object();
  out.set("clientId", static_cast<double>(awareness->client_id()));
  out.set("states", states);
  return ok(out);
}

const char* state_name(sync::SessionState state) {
  switch (state) {
    case sync::SessionState::kStopped: return "stopped";
    case sync::SessionState::kConnecting: return "connecting";
    case sync::SessionState::kConnected: return "connected";
    case sync::SessionState::kWaiting: return "waiting";
    case sync::SessionState::kRefused: return "refused";
    case sync::SessionState::kOutdated: return "outdated";
  }
  return "stopped";
}

val session_status(int handle) {
  auto s = find_session(handle);
  if (!s.ok()) return error(s.status());
  const sync::SyncSession& session = (*s)->session;
  val out = val::object();
  out.set("state", std::string(state_name(session.state())));
  out.set("outboxTotal", static_cast<double>(session.outbox_total()));
  out.set("connections", static_cast<double>(session.connections()));
  out.set("refused", static_cast<double>(session.refused()));
  if ((*s)->close_code == 0) {
    out.set("lastClose", val::null());
  } else {
    val close = val::object();
    close.set("code", (*s)->close_code);
    close.set("reason", (*s)->close_reason);
    out.set("lastClose", close);
  }
  if (session.last_error().is_ok()) {
    out.set("lastError", val::null());
  } else {
    out.set("lastError", error(session.last_error()));
  }
  return ok(out);
}

val session_document_status(int handle, const std::string& name) {
  auto s = find_session(handle);
  if (!s.ok()) return error(s.status());
  const sync::SyncSession& session = (*s)->session;
  val out = val::object();
  out.set("synced", session.synced(name));
  out.set("outbox", static_cast<double>(session.outbox_size(name)));
  const auto denied = session.denied(name);
  out.set("denied", denied ? val(*denied) : val::null());
  return ok(out);
}

} // namespace
} // namespace accord::wasm

EMSCRIPTEN_BINDINGS(accord_sync) {
  using namespace accord::wasm;
  emscripten::function("sessionCreate", &session_create);
  emscripten::function("sessionDestroy", &session_destroy);
  emscripten::function("sessionAttach", &session_attach);
  emscripten::function("sessionDetach", &session_detach);
  emscripten::function("sessionStart", &session_start);
  emscripten::function("sessionStop", &session_stop);
  emscripten::function("sessionOnOpen", &session_on_open);
  emscripten::function("sessionOnMessage", &session_on_message);
  emscripten::function("sessionOnClosed", &session_on_closed);
  emscripten::function("sessionFire", &session_fire);
  emscripten::function("sessionSetAwareness", &session_set_awareness);
  emscripten::function("sessionAwareness", &session_awareness);
  emscripten::function("sessionStatus", &session_status);
  emscripten::function("sessionDocumentStatus", &session_document_status);
}
