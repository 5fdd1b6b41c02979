#pragma once
/// Why a sync connection ended, and what a client session does about it.
///
/// accord-server ends a WebSocket with one of these close codes (RFC 6455 section 7.4) and a
/// reason of at most 123 bytes:
///
///   1000 normal, 1001 going away (shutdown), 1011 internal error, 1013 try again later,
///   1006 (never sent: no close frame arrived, e.g. a network failure or a crashed server)
///        -> the session reconnects with backoff
///   1007 invalid payload: a message or update the server could not decode or apply
///        -> reported; the session reconnects with backoff
///   1009 message too big: a frame over the server's --max-frame-bytes
///        -> reported; the session halves its own frame limit (not below 1 KiB) and reconnects,
///           so its catch-ups are split into frames the server accepts
///   1008 policy violation: authentication or access refused, or a limit the client passed
///        (documents per socket, message rate, document size)
///        -> terminal: the session stops reconnecting and reports SessionState::kRefused
///   4426 client too old (4000-4999 are application codes; 426 mirrors HTTP's "Upgrade
///        Required"): the client's sync protocol is older than the server's minimum
///        -> terminal: SessionState::kOutdated; the UI asks the user to update
///
/// A native transport also sees an upgrade the server refused over HTTP: 401 (no or bad
/// credential) and 403 (origin or team refused) count as 1008. Browsers cannot see that status
/// (the WebSocket API reports 1006), which is why /sync authenticates inside the protocol.
///
/// Client protocol version: an Accord client sends "accord/<protocol>" as the version string
/// that follows the token in a Hocuspocus Auth message (where @hocuspocus/provider 3+ puts its
/// own version). A server started with --min-client-protocol N closes a socket whose Accord
/// version is below N with 4426 and the reason "client protocol <p> is older than the minimum
/// <N>: update Accord". Other version strings (stock providers) are not checked.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace accord::sync {

inline constexpr std::uint16_t kCloseNormal = 1000;
inline constexpr std::uint16_t kCloseGoingAway = 1001;
inline constexpr std::uint16_t kCloseAbnormal = 1006;
inline constexpr std::uint16_t kCloseInvalidPayload = 1007;
inline constexpr std::uint16_t kClosePolicyViolation = 1008;
inline constexpr std::uint16_t kCloseMessageTooBig = 1009;
inline constexpr std::uint16_t kCloseInternalError = 1011;
inline constexpr std::uint16_t kCloseTryAgainLater = 1013;
inline constexpr std::uint16_t kCloseClientTooOld = 4426;

/// The sync protocol this build of Accord speaks.
inline constexpr std::uint32_t kSyncProtocolVersion = 1;

/// "accord/<protocol>": the version string an Accord client puts in its Auth messages.
std::string client_version_string(std::uint32_t protocol);
/// The protocol of an "accord/<n>" version string; nullopt for any other string (a stock
/// provider's version, or none). "accord/" followed by anything but digits is protocol 0.
std::optional<std::uint32_t> parse_client_protocol(std::string_view version);

/// How a transport ended, as far as it knows.
struct CloseInfo {
  std::uint16_t code = kCloseAbnormal; ///< the close frame's code; 1006 when none arrived
  std::string reason;                  ///< the close frame's reason (may be empty)
  /// The HTTP status of a refused WebSocket upgrade (0: none, or not visible to the transport).
  std::uint16_t http_status = 0;
};

/// What a session does after a close.
enum class CloseAction : std::uint8_t {
  kReconnect,    ///< back off and reconnect
  kShrinkFrames, ///< halve the frame limit, then back off and reconnect
  kRefused,      ///< stop: access or policy refusal
  kOutdated,     ///< stop: the server needs a newer client
};

/// The action for `info` (see the file comment).
CloseAction classify_close(const CloseInfo& info);

} // namespace accord::sync
