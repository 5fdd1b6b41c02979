#include "protocol_gate.h"

#include "frame_reader.h"
#include "secrets.h"

namespace accord::server {

namespace {

GateResult close_with(CloseCode code, std::string reason) {
  GateResult result;
  result.action = GateResult::Action::kClose;
  result.close = {code, std::move(reason)};
  return result;
}

GateResult corrupt(const Status& status) {
  return close_with(CloseCode::kInvalidPayload, "malformed message: " + status.to_string());
}

void write_var_uint(std::vector<std::uint8_t>& out, std::uint64_t value) {
  while (value > 0x7f) {
    out.push_back(static_cast<std::uint8_t>(0x80 | (value & 0x7f)));
    value >>= 7;
  }
  out.push_back(static_cast<std::uint8_t>(value));
}

void write_var_string(std::vector<std::uint8_t>& out, std::string_view text) {
  write_var_uint(out, text.size());
  out.insert(out.end(), text.begin(), text.end());
}

bool is_write(MessageType type, SyncStep step) {
  switch (type) {
    case MessageType::kSync:
    case MessageType::kSyncReply: return step != SyncStep::kStep1;
    case MessageType::kAwareness:
    case MessageType::kStateless: return true;
    default: return false;
  }
}

} // namespace

std::vector<std::uint8_t> ProtocolGate::encode_auth_reply(std::string_view document,
                                                          AuthMessageType type,
                                                          std::string_view text) {
  std::vector<std::uint8_t> out;
  write_var_string(out, document);
  write_var_uint(out, static_cast<std::uint8_t>(MessageType::kAuth));
  write_var_uint(out, static_cast<std::uint8_t>(type));
  write_var_string(out, text);
  return out;
}

std::optional<std::string> ProtocolGate::open_document(Connection& connection,
                                                       std::string_view document) {
  const Principal* principal = connection.principal();
  if (principal == nullptr) return std::string("not authenticated");
  const Decision read = authorize(*principal, document, Operation::kRead);
  if (!read.allowed) return read.reason;
  if (documents_.find(document) == documents_.end() &&
      documents_.size() >= limits_.max_documents_per_socket) {
    return std::string("more than ") + std::to_string(limits_.max_documents_per_socket) +
           " documents on one socket";
  }
  const bool read_only = !authorize(*principal, document, Operation::kWrite).allowed;
  documents_.insert_or_assign(std::string(document), read_only);
  return std::nullopt;
}

GateResult ProtocolGate::handle_auth(Connection& connection, std::string_view document,
                                     std::string_view token, std::string_view version) {
  if (const auto protocol = accord::sync::parse_client_protocol(version);
      protocol && *protocol < limits_.min_client_protocol) {
    return close_with(CloseCode::kClientTooOld, "client protocol " + std::to_string(*protocol) +
                                                    " is older than the minimum " +
                                                    std::to_string(limits_.min_client_protocol) +
                                                    ": update Accord");
  }
  GateResult result;
  result.action = GateResult::Action::kHandled;
  const auto deny = [&](std::string reason) {
    connection.send(encode_auth_reply(document, AuthMessageType::kPermissionDenied, reason));
    result.reason = std::move(reason);
    return result;
  };
  if (!document_team(document).ok()) return deny(document_team(document).status().message());
  // The provider repeats the socket's token for every document; a ticket can be
  // spent only once, so a repeat of the secret that authenticated is not re-checked.
  const std::vector<std::uint8_t> digest = token_digest(token);
  if (connection.principal() == nullptr || digest != secret_digest_) {
    auto principal = store_.authenticate_any(token);
    if (!principal.ok()) return deny(principal.status().message());
    if (connection.principal() != nullptr &&
        connection.principal()->user_id != principal->user_id) {
      return close_with(CloseCode::kPolicyViolation, "a socket carries one user");
    }
    connection.set_principal(std::move(principal).value());
    secret_digest_ = digest;
  }
  if (auto refused = open_document(connection, document)) {
    if (refused->starts_with("more than")) return close_with(CloseCode::kPolicyViolation, *refused);
    return deny(std::move(*refused));
  }
  const bool read_only = documents_.find(document)->second;
  connection.send(encode_auth_reply(document, AuthMessageType::kAuthenticated,
                                    read_only ? "readonly" : "read-write"));
  return result;
}

GateResult ProtocolGate::admit(Connection& connection, std::span<const std::uint8_t> bytes) {
  FrameReader reader(bytes);
  GateResult result;
  InboundMessage& message = result.message;
  const bool multiplexed = connection.endpoint() == Endpoint::kMultiplexed;
  if (multiplexed) {
    auto document = reader.read_var_string();
    if (!document.ok()) return corrupt(document.status());
    message.document = document.value();
  } else {
    message.document = connection.document();
  }
  auto type = reader.read_var_uint();
  if (!type.ok()) return corrupt(type.status());
  if (type.value() > static_cast<std::uint8_t>(MessageType::kSyncStatus) ||
      (!multiplexed && type.value() > static_cast<std::uint8_t>(MessageType::kQueryAwareness))) {
    return close_with(CloseCode::kInvalidPayload,
                      "unknown message type " + std::to_string(type.value()));
  }
  message.type = static_cast<MessageType>(type.value());

  switch (message.type) {
    case MessageType::kSync:
    case MessageType::kSyncReply: {
      auto step = reader.read_var_uint();
      if (!step.ok()) return corrupt(step.status());
      if (step.value() > 2) {
        return close_with(CloseCode::kInvalidPayload,
                          "unknown sync step " + std::to_string(step.value()));
      }
      message.step = static_cast<SyncStep>(step.value());
      auto payload = reader.read_var_bytes();
      if (!payload.ok()) return corrupt(payload.status());
      message.payload = payload.value();
      break;
    }
    case MessageType::kAwareness: {
      auto payload = reader.read_var_bytes();
      if (!payload.ok()) return corrupt(payload.status());
      message.payload = payload.value();
      break;
    }
    case MessageType::kAuth: {
      if (!multiplexed) {
        result.reason = "y-websocket clients do not send auth messages";
        return result;
      }
      auto auth_type = reader.read_var_uint();
      if (!auth_type.ok()) return corrupt(auth_type.status());
      if (auth_type.value() != static_cast<std::uint8_t>(AuthMessageType::kToken)) {
        return close_with(CloseCode::kPolicyViolation, "clients send only token auth messages");
      }
      auto token = reader.read_var_string();
      if (!token.ok()) return corrupt(token.status());
      std::string_view version;
      if (!reader.at_end()) {
        // Hocuspocus 3+ providers append their version after the token; Accord's is
        // "accord/<protocol>".
        auto read_version = reader.read_var_string();
        if (!read_version.ok()) return corrupt(read_version.status());
        version = read_version.value();
      }
      if (!reader.at_end()) return close_with(CloseCode::kInvalidPayload, "bytes after the token");
      return handle_auth(connection, message.document, token.value(), version);
    }
    case MessageType::kQueryAwareness: break;
    case MessageType::kStateless: {
      auto payload = reader.read_var_string();
      if (!payload.ok()) return corrupt(payload.status());
      message.payload =
          std::span(reinterpret_cast<const std::uint8_t*>(payload->data()), payload->size());
      break;
    }
    case MessageType::kClose:
      message.payload = bytes.subspan(reader.offset());
      reader = FrameReader({});
      break;
    case MessageType::kBroadcastStateless:
    case MessageType::kSyncStatus:
    case MessageType::kPing: // refused above with the other codes past kSyncStatus
    case MessageType::kPong:
      return close_with(CloseCode::kPolicyViolation,
                        "message type " + std::to_string(type.value()) + " is server-to-client");
  }
  if (!reader.at_end()) {
    return close_with(CloseCode::kInvalidPayload,
                      std::to_string(reader.remaining()) + " unexpected bytes after the message");
  }

  auto open = documents_.find(message.document);
  if (open == documents_.end()) {
    if (message.type == MessageType::kClose) {
      result.reason = "close of a document that is not open";
      return result;
    }
    if (auto refused = open_document(connection, message.document)) {
      return close_with(CloseCode::kPolicyViolation, "cannot open document: " + *refused);
    }
    open = documents_.find(message.document);
  }
  message.read_only = open->second;
  if (message.type == MessageType::kClose) documents_.erase(open);
  if (message.read_only && is_write(message.type, message.step)) {
    result.reason = "read-only access: write dropped";
    return result;
  }
  result.action = GateResult::Action::kDeliver;
  return result;
}

} // namespace accord::server
