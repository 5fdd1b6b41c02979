#pragma once
/// The checks every client message passes before the sync layer sees it: framing,
/// document opening, authentication and write permission. Per socket.
///
/// Wire format (all lib0 primitives, see frame_reader.h):
///   /y/<doc> (y-websocket):  varUint type, body
///   /sync   (Hocuspocus):    varString document, varUint type, body
/// Types and bodies: 0 Sync and (Hocuspocus only) 4 SyncReply: varUint step
/// (0 step 1, 1 step 2, 2 update) + varUint8Array; 1 Awareness: varUint8Array;
/// 2 Auth: varUint 0 (token) + varString token [+ varString provider version];
/// 3 QueryAwareness: empty;
/// 5 Stateless: varString; 7 Close: anything. 6 BroadcastStateless and
/// 8 SyncStatus only travel server -> client. Nothing may follow a body.
///
/// On /sync a document is opened by an Auth message (answered with Hocuspocus's
/// Authenticated "read-write"/"readonly" or PermissionDenied + reason) or, once
/// the socket is authenticated, by its first message. Writes (step 2, update,
/// awareness, stateless) from a viewer are dropped, never delivered.

#include "auth_store.h"
#include "authorizer.h"
#include "config.h"
#include "message_handler.h"

#include <accord/sync_message.h>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace accord::server {

// The message type codes are the core codec's (core/include/accord/sync_message.h).
using accord::sync::MessageType;
using accord::sync::SyncStep;
using AuthMessageType = accord::sync::AuthType;

/// A client message that passed the gate. Views point into the received bytes.
struct InboundMessage {
  std::string_view document;
  MessageType type = MessageType::kSync;
  SyncStep step = SyncStep::kStep1; ///< for kSync / kSyncReply
  /// The body: state vector or update bytes, awareness update, stateless string.
  std::span<const std::uint8_t> payload;
  bool read_only = false; ///< the socket may only read this document
};

/// What to do with one received message.
struct GateResult {
  enum class Action {
    kDeliver, ///< hand `message` to the sync layer
    kDrop,    ///< ignore it (`reason` says why; e.g. a viewer's write)
    kHandled, ///< the gate answered it itself (Auth)
    kClose,   ///< close the socket with `close`
  };
  Action action = Action::kDrop;
  InboundMessage message;
  std::string reason;
  CloseRequest close;
};

/// Per-socket gate state: which documents are open and with what access.
class ProtocolGate {
public:
  /// `store` authenticates Auth messages; `limits` bounds open documents.
  ProtocolGate(AuthStore& store, const Limits& limits) : store_(store), limits_(limits) {}

  /// Decodes and checks one binary message from `connection`. Costs one pass over
  /// the framing bytes, plus one SQLite lookup for an Auth message with a new token.
  GateResult admit(Connection& connection, std::span<const std::uint8_t> bytes);

  /// Documents this socket has open.
  std::size_t open_documents() const { return documents_.size(); }

  /// Encodes a Hocuspocus Auth reply: varString document, varUint 2, varUint
  /// `type`, varString `text` (the scope or the denial reason).
  static std::vector<std::uint8_t> encode_auth_reply(std::string_view document,
                                                     AuthMessageType type, std::string_view text);

private:
  GateResult handle_auth(Connection& connection, std::string_view document, std::string_view token,
                         std::string_view version);
  /// Opens `document` for the socket's principal; nullopt on success.
  std::optional<std::string> open_document(Connection& connection, std::string_view document);

  AuthStore& store_;
  const Limits& limits_;
  std::map<std::string, bool, std::less<>> documents_; ///< document -> read_only
  std::vector<std::uint8_t> secret_digest_;            ///< of the secret that authenticated
};

} // namespace accord::server
