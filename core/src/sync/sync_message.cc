// Encoding and decoding of sync frames; the byte layout is described in
// accord/sync_message.h.
#include "accord/sync_message.h"

#include "encoding/lib0_reader.h"
#include "encoding/lib0_writer.h"

namespace accord::sync {

namespace {

using encoding::Lib0Reader;
using encoding::Lib0Writer;

constexpr std::uint64_t kLastType = static_cast<std::uint64_t>(MessageType::kPong);

void write_body(Lib0Writer& w, const Message& m, Framing framing) {
  w.write_var_uint(static_cast<std::uint8_t>(m.type));
  switch (m.type) {
    case MessageType::kSync:
    case MessageType::kSyncReply:
      w.write_var_uint(static_cast<std::uint8_t>(m.step));
      w.write_var_uint8_array(m.payload);
      break;
    case MessageType::kAwareness: w.write_var_uint8_array(m.payload); break;
    case MessageType::kAuth:
      if (framing == Framing::kYWebsocket) {
        w.write_var_uint(0); // y-protocols/auth: permission denied
        w.write_var_string(m.text);
        break;
      }
      w.write_var_uint(static_cast<std::uint8_t>(m.auth));
      w.write_var_string(m.text);
      if (m.auth == AuthType::kToken && !m.version.empty()) w.write_var_string(m.version);
      break;
    case MessageType::kQueryAwareness:
    case MessageType::kPing:
    case MessageType::kPong: break;
    case MessageType::kStateless:
    case MessageType::kBroadcastStateless: w.write_var_string(m.text); break;
    case MessageType::kClose:
      // The provider sends Close without a reason; an empty reason is left out the same way.
      if (!m.text.empty()) w.write_var_string(m.text);
      break;
    case MessageType::kSyncStatus: w.write_var_uint(m.applied ? 1 : 0); break;
  }
}

Status unsupported(std::size_t offset, std::string what) {
  return Status::error_at(StatusCode::kUnsupported, offset, std::move(what));
}

/// Reads type and body; `framing` decides which types exist and how Auth reads.
Result<Message> read_body(Lib0Reader& r, Framing framing) {
  Message m;
  const std::size_t type_at = r.offset();
  ACCORD_ASSIGN_OR_RETURN(std::uint64_t type, r.read_var_uint());
  const std::uint64_t last = framing == Framing::kYWebsocket
                                 ? static_cast<std::uint64_t>(MessageType::kQueryAwareness)
                                 : kLastType;
  if (type > last) return unsupported(type_at, "unknown message type " + std::to_string(type));
  m.type = static_cast<MessageType>(type);
  switch (m.type) {
    case MessageType::kSync:
    case MessageType::kSyncReply: {
      const std::size_t step_at = r.offset();
      ACCORD_ASSIGN_OR_RETURN(std::uint64_t step, r.read_var_uint());
      if (step > 2) return unsupported(step_at, "unknown sync step " + std::to_string(step));
      m.step = static_cast<SyncStep>(step);
      ACCORD_ASSIGN_OR_RETURN(auto payload, r.read_var_uint8_array());
      m.payload.assign(payload.begin(), payload.end());
      break;
    }
    case MessageType::kAwareness: {
      ACCORD_ASSIGN_OR_RETURN(auto payload, r.read_var_uint8_array());
      m.payload.assign(payload.begin(), payload.end());
      break;
    }
    case MessageType::kAuth: {
      const std::size_t auth_at = r.offset();
      ACCORD_ASSIGN_OR_RETURN(std::uint64_t auth, r.read_var_uint());
      if (framing == Framing::kYWebsocket) {
        if (auth != 0) return unsupported(auth_at, "unknown auth type " + std::to_string(auth));
        m.auth = AuthType::kPermissionDenied;
      } else {
        if (auth > 2) return unsupported(auth_at, "unknown auth type " + std::to_string(auth));
        m.auth = static_cast<AuthType>(auth);
      }
      ACCORD_ASSIGN_OR_RETURN(std::string_view text, r.read_var_string());
      m.text = text;
      if (m.auth == AuthType::kToken && !r.at_end()) {
        ACCORD_ASSIGN_OR_RETURN(std::string_view version, r.read_var_string());
        m.version = version;
      }
      break;
    }
    case MessageType::kQueryAwareness:
    case MessageType::kPing:
    case MessageType::kPong: break;
    case MessageType::kStateless:
    case MessageType::kBroadcastStateless: {
      ACCORD_ASSIGN_OR_RETURN(std::string_view text, r.read_var_string());
      m.text = text;
      break;
    }
    case MessageType::kClose:
      if (!r.at_end()) {
        ACCORD_ASSIGN_OR_RETURN(std::string_view text, r.read_var_string());
        m.text = text;
      }
      break;
    case MessageType::kSyncStatus: {
      const std::size_t status_at = r.offset();
      ACCORD_ASSIGN_OR_RETURN(std::uint64_t applied, r.read_var_uint());
      if (applied > 1) return r.error_at(status_at, "sync status is neither 0 nor 1");
      m.applied = applied == 1;
      break;
    }
  }
  if (!r.at_end()) {
    return r.error(std::to_string(r.remaining()) + " unexpected bytes after the message");
  }
  return m;
}

} // namespace

Bytes encode_message(const Message& message) {
  Bytes out;
  Lib0Writer w(&out);
  write_body(w, message, Framing::kYWebsocket);
  return out;
}

Result<Message> decode_message(std::span<const std::uint8_t> bytes) {
  Lib0Reader r(bytes);
  return read_body(r, Framing::kYWebsocket);
}

Bytes encode_frame(std::string_view document, const Message& message) {
  Bytes out;
  if (message.type == MessageType::kPing || message.type == MessageType::kPong) {
    out.push_back(static_cast<std::uint8_t>(message.type));
    return out;
  }
  Lib0Writer w(&out);
  w.write_var_string(document);
  write_body(w, message, Framing::kHocuspocus);
  return out;
}

Result<Frame> decode_frame(std::span<const std::uint8_t> bytes) {
  Frame frame;
  // A var string of length 9 or 10 cannot fit in one byte, so these are unambiguous.
  if (bytes.size() == 1 && (bytes[0] == static_cast<std::uint8_t>(MessageType::kPing) ||
                            bytes[0] == static_cast<std::uint8_t>(MessageType::kPong))) {
    frame.message.type = static_cast<MessageType>(bytes[0]);
    return frame;
  }
  Lib0Reader r(bytes);
  ACCORD_ASSIGN_OR_RETURN(std::string_view document, r.read_var_string());
  frame.document = document;
  ACCORD_ASSIGN_OR_RETURN(frame.message, read_body(r, Framing::kHocuspocus));
  return frame;
}

Bytes encode_for(Framing framing, std::string_view document, const Message& message) {
  return framing == Framing::kHocuspocus ? encode_frame(document, message)
                                         : encode_message(message);
}

Result<Frame> decode_for(Framing framing, std::span<const std::uint8_t> bytes) {
  if (framing == Framing::kHocuspocus) return decode_frame(bytes);
  Frame frame;
  ACCORD_ASSIGN_OR_RETURN(frame.message, decode_message(bytes));
  return frame;
}

namespace {
Message with_payload(MessageType type, SyncStep step, std::span<const std::uint8_t> payload) {
  Message m;
  m.type = type;
  m.step = step;
  m.payload.assign(payload.begin(), payload.end());
  return m;
}
Message with_text(MessageType type, std::string_view text) {
  Message m;
  m.type = type;
  m.text = text;
  return m;
}
} // namespace

Message sync_step1(std::span<const std::uint8_t> state_vector) {
  return with_payload(MessageType::kSync, SyncStep::kStep1, state_vector);
}
Message sync_step2(std::span<const std::uint8_t> update) {
  return with_payload(MessageType::kSync, SyncStep::kStep2, update);
}
Message sync_update(std::span<const std::uint8_t> update) {
  return with_payload(MessageType::kSync, SyncStep::kUpdate, update);
}
Message awareness_message(std::span<const std::uint8_t> awareness_update) {
  return with_payload(MessageType::kAwareness, SyncStep::kStep1, awareness_update);
}
Message auth_token(std::string_view token) {
  Message m = with_text(MessageType::kAuth, token);
  m.auth = AuthType::kToken;
  return m;
}
Message auth_authenticated(std::string_view scope) {
  Message m = with_text(MessageType::kAuth, scope);
  m.auth = AuthType::kAuthenticated;
  return m;
}
Message auth_permission_denied(std::string_view reason) {
  Message m = with_text(MessageType::kAuth, reason);
  m.auth = AuthType::kPermissionDenied;
  return m;
}
Message sync_status(bool applied) {
  Message m;
  m.type = MessageType::kSyncStatus;
  m.applied = applied;
  return m;
}
Message query_awareness() {
  Message m;
  m.type = MessageType::kQueryAwareness;
  return m;
}
Message stateless(std::string_view payload) { return with_text(MessageType::kStateless, payload); }
Message close_message(std::string_view reason) { return with_text(MessageType::kClose, reason); }
Message ping() {
  Message m;
  m.type = MessageType::kPing;
  return m;
}
Message pong() {
  Message m;
  m.type = MessageType::kPong;
  return m;
}

std::string_view type_name(MessageType type) {
  switch (type) {
    case MessageType::kSync: return "sync";
    case MessageType::kAwareness: return "awareness";
    case MessageType::kAuth: return "auth";
    case MessageType::kQueryAwareness: return "query-awareness";
    case MessageType::kSyncReply: return "sync-reply";
    case MessageType::kStateless: return "stateless";
    case MessageType::kBroadcastStateless: return "broadcast-stateless";
    case MessageType::kClose: return "close";
    case MessageType::kSyncStatus: return "sync-status";
    case MessageType::kPing: return "ping";
    case MessageType::kPong: return "pong";
  }
  return "unknown";
}

} // namespace accord::sync
