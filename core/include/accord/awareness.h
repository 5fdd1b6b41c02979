#pragma once
/// Awareness (presence): each client's small JSON state (cursor, name, ...) with a clock, as
/// y-protocols/awareness defines it.
///
/// An awareness update is lib0-encoded: var uint count, then per client var uint client id,
/// var uint clock, var string JSON.stringify(state) ("null" when the client is gone).
///
/// Rules (Yjs): an entry replaces the known one when its clock is higher, or when the clocks are
/// equal and it says null while a state is known. A remote null never removes this client's own
/// state: its clock is bumped instead so the next broadcast wins. Remote states not renewed for
/// 30 s are dropped; the local state is renewed every 15 s. Time is passed in by the caller
/// (milliseconds on any monotonic clock) so tests are deterministic.
///
/// States are kept as the JSON text received (validated as JSON, at most 64 levels deep), so an
/// update re-encodes byte-exactly as y-protocols encodes it.

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "accord/status.h"

namespace accord::sync {

/// After this many ms without renewal a remote state counts as gone (y-protocols' 30 s).
inline constexpr std::uint64_t kAwarenessOutdatedMs = 30000;

/// One entry of an awareness update.
struct AwarenessEntry {
  std::uint64_t client_id = 0;
  std::uint64_t clock = 0;
  std::string state = "null"; ///< JSON text; "null" marks the client as gone
  bool operator==(const AwarenessEntry&) const = default;
};

/// Decodes an awareness update. kCorrupt with the byte offset when the bytes or a state's JSON
/// do not decode, or bytes follow the last entry. O(size).
Result<std::vector<AwarenessEntry>> decode_awareness_update(std::span<const std::uint8_t> bytes);
/// Encodes entries as y-protocols' encodeAwarenessUpdate does. O(size).
std::vector<std::uint8_t> encode_awareness_update(std::span<const AwarenessEntry> entries);

/// Which clients an operation added, changed or removed (y-protocols' "change" event: `updated`
/// lists only states whose JSON text changed).
struct AwarenessChange {
  std::vector<std::uint64_t> added;
  std::vector<std::uint64_t> updated;
  std::vector<std::uint64_t> removed;
  bool empty() const { return added.empty() && updated.empty() && removed.empty(); }
};

/// The awareness states one peer knows. Not thread-safe.
class Awareness {
public:
  /// `client_id` is this peer's own id (the document's client id). Starts without a local
  /// state (y-protocols starts with {}: call set_local_state("{}") for that).
  explicit Awareness(std::uint64_t client_id) : client_id_(client_id) {}

  std::uint64_t client_id() const { return client_id_; }
  /// The local state's JSON text, or nullopt.
  std::optional<std::string> local_state() const;
  /// Sets (or with nullopt removes) the local state and bumps the local clock.
  /// kCorrupt when `state_json` is not JSON.
  Result<AwarenessChange> set_local_state(std::optional<std::string> state_json,
                                          std::uint64_t now_ms);

  /// Applies a remote awareness update with the Yjs rules. On a decoding error nothing changes.
  Result<AwarenessChange> apply_update(std::span<const std::uint8_t> update, std::uint64_t now_ms);
  /// Marks `clients` as gone (removeAwarenessStates); bumps the own clock if it is among them.
  AwarenessChange remove_states(std::span<const std::uint64_t> clients, std::uint64_t now_ms);

  /// An update with the current clock and state (or null) of each of `clients` (which must be
  /// known: unknown ids are skipped).
  std::vector<std::uint8_t> encode_update(std::span<const std::uint64_t> clients) const;
  /// An update with every client that has a state.
  std::vector<std::uint8_t> encode_states() const;

  /// What the periodic check did: whether the local state was renewed (broadcast it), and which
  /// remote states timed out.
  struct CheckResult {
    bool renewed_local = false;
    AwarenessChange change;
  };
  /// The periodic check of y-protocols (run it every 3 s): renews the local state after 15 s,
  /// drops remote states older than 30 s.
  CheckResult check_outdated(std::uint64_t now_ms);

  /// client id -> JSON state of every client with a state.
  const std::map<std::uint64_t, std::string>& states() const { return states_; }
  /// The clock last seen for `client`, or nullopt.
  std::optional<std::uint64_t> clock(std::uint64_t client) const;

private:
  struct Meta {
    std::uint64_t clock = 0;
    std::uint64_t last_updated = 0;
  };
  std::uint64_t client_id_;
  std::map<std::uint64_t, std::string> states_;
  std::map<std::uint64_t, Meta> meta_;
};

} // namespace accord::sync
