#pragma once
/// The sync wire protocol: y-protocols messages as y-websocket frames them, and the Hocuspocus
/// framing that multiplexes documents on one socket. Pure codec, no I/O.
///
/// The bytes (all lib0 primitives: var uint, var string = var uint length + UTF-8, var bytes =
/// var uint length + bytes):
///
///   y-websocket frame (/y/<doc>):  var uint type, body
///   Hocuspocus frame  (/sync):     var string document, var uint type, body
///                                  or the single byte 9 (Ping) / 10 (Pong), no document
///
///   type 0 Sync, 4 SyncReply   var uint step (0 step 1, 1 step 2, 2 update), var bytes
///                              (step 1: an encoded state vector; step 2 and update: a v1 update)
///   type 1 Awareness           var bytes: an awareness update (see awareness.h)
///   type 2 Auth                Hocuspocus: var uint 0 Token + var string token [+ var string
///                              provider version]; 1 PermissionDenied + var string reason;
///                              2 Authenticated + var string scope ("read-write"/"readonly").
///                              y-websocket (y-protocols/auth): var uint 0 + var string reason
///                              (permission denied).
///   type 3 QueryAwareness      empty body
///   type 5 Stateless,          var string payload
///   type 6 BroadcastStateless
///   type 7 Close               var string reason (may be absent)
///   type 8 SyncStatus          var uint 1 (the update is stored) or 0 (refused)
///
/// SyncReply (4) is a Sync message whose step 1 must not be answered with another step 1.
/// Decoding checks every length against the bytes left, rejects unknown types and steps and
/// trailing bytes, and reports errors as kCorrupt / kUnsupported with the byte offset.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "accord/status.h"

namespace accord::sync {

/// Bytes on the wire.
using Bytes = std::vector<std::uint8_t>;

/// Top-level message types (y-protocols 0-3, Hocuspocus 4-10).
enum class MessageType : std::uint8_t {
  kSync = 0,
  kAwareness = 1,
  kAuth = 2,
  kQueryAwareness = 3,
  kSyncReply = 4,
  kStateless = 5,
  kBroadcastStateless = 6,
  kClose = 7,
  kSyncStatus = 8,
  kPing = 9,
  kPong = 10,
};

/// The sub-types of a Sync / SyncReply message.
enum class SyncStep : std::uint8_t { kStep1 = 0, kStep2 = 1, kUpdate = 2 };

/// Hocuspocus Auth sub-types. (y-protocols/auth has only 0 = permission denied.)
enum class AuthType : std::uint8_t { kToken = 0, kPermissionDenied = 1, kAuthenticated = 2 };

/// Which framing a socket speaks.
enum class Framing : std::uint8_t {
  kYWebsocket, ///< one document per socket, no document prefix
  kHocuspocus, ///< each frame prefixed by its document name
};

/// One decoded message. Only the fields of its type are meaningful.
struct Message {
  MessageType type = MessageType::kSync;
  SyncStep step = SyncStep::kStep1; ///< kSync / kSyncReply
  /// kSync/kSyncReply: state vector or update bytes; kAwareness: awareness update.
  Bytes payload;
  AuthType auth = AuthType::kToken; ///< kAuth (Hocuspocus sub-type)
  /// kAuth: token, reason or scope; kStateless/kBroadcastStateless: payload; kClose: reason.
  std::string text;
  std::string version;  ///< kAuth token: the provider version Hocuspocus 3+ appends (may be empty)
  bool applied = false; ///< kSyncStatus
};

/// A message with the document it is for (empty for y-websocket frames and Ping/Pong).
struct Frame {
  std::string document;
  Message message;
};

/// Encodes `message` as a y-websocket frame (no document prefix). An Auth message encodes as
/// y-protocols/auth's permission-denied (var uint 0 + reason). Cost O(payload).
Bytes encode_message(const Message& message);
/// Decodes one y-websocket frame (types 0-3 only). kCorrupt with offset on malformed or trailing
/// bytes, kUnsupported with offset on an unknown type or step.
Result<Message> decode_message(std::span<const std::uint8_t> bytes);

/// Encodes `message` for `document` with Hocuspocus framing (Ping/Pong as their single byte).
Bytes encode_frame(std::string_view document, const Message& message);
/// Decodes one Hocuspocus frame. Errors as decode_message.
Result<Frame> decode_frame(std::span<const std::uint8_t> bytes);

/// Encodes with the framing of `framing` (`document` ignored for y-websocket).
Bytes encode_for(Framing framing, std::string_view document, const Message& message);
/// Decodes with the framing of `framing`; y-websocket frames get an empty document.
Result<Frame> decode_for(Framing framing, std::span<const std::uint8_t> bytes);

/// Message builders.
Message sync_step1(std::span<const std::uint8_t> state_vector);
Message sync_step2(std::span<const std::uint8_t> update);
Message sync_update(std::span<const std::uint8_t> update);
Message awareness_message(std::span<const std::uint8_t> awareness_update);
Message auth_token(std::string_view token);
Message auth_authenticated(std::string_view scope);
Message auth_permission_denied(std::string_view reason);
Message sync_status(bool applied);
Message query_awareness();
Message stateless(std::string_view payload);
Message close_message(std::string_view reason);
Message ping();
Message pong();

/// A short name of a message type for logs ("sync", "awareness", ...).
std::string_view type_name(MessageType type);

} // namespace accord::sync
