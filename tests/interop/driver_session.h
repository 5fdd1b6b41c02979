#pragma once
/// Executes the interop harness's session scripts on Accord documents (the
/// script format is described in tests/interop/session.mjs) and produces the
/// same artifacts the Node side records from yjs: per step the updates the
/// affected peer emitted, the sync payload sent, its state vector, its
/// encode_state_as_update and its view; per peer at the end the same plus the
/// toJSON of every root. Bytes are lower-case hex.

#include "driver_values.h"

namespace accord::interop {

/// Runs a whole session script. Returns {"ok": true, "steps": [...], "final": [...]} or, when an
/// operation fails or the script is malformed, {"ok": false, "error": "...", "step": n, "steps":
/// [the steps done so far]}. With `v2`, steps also carry "updates_v2" and final states
/// "state_v2" (update format v2). Cost: proportional to the session (every step re-encodes the
/// affected peer's state).
Json run_session(const Json& script, bool v2);

/// Loads updates (hex, in order) into a fresh document with the given roots and gc option:
/// {"roots": [...], "gc": bool, "updates": [...]} (v1) or {..., "updates_v2": [...]} (v2)
/// -> {"ok": true, "sv", "state", "view", "json"} or {"ok": false, "error", "update": index of the
/// update that failed}.
Json load_updates(const Json& request);

} // namespace accord::interop
