#pragma once
/// The driver commands of the interop harness for the update-level operations of
/// core/include/accord/update_ops.h (v2 runs and loads are in driver_session.h):
///   {"cmd": "merge_updates", "updates": [hex]}         -> {"ok", "update"} (Y.mergeUpdates)
///   {"cmd": "diff_update", "update": hex, "sv": hex}   -> {"ok", "update"} (Y.diffUpdate)
///   {"cmd": "state_vector_from_update", "update": hex} -> {"ok", "sv"}
///                                                       (Y.encodeStateVectorFromUpdate)
/// Errors of the core come back as {"ok": false, "error": "<code> at byte n: reason"}.

#include "driver_values.h"

namespace accord::interop {

/// merge_updates of v1 updates. O(total size).
Json merge_updates_command(const Json& request);
/// diff_update of a v1 update against an encoded state vector. O(update size).
Json diff_update_command(const Json& request);
/// encode_state_vector_from_update of a v1 update. O(update size).
Json state_vector_from_update_command(const Json& request);

} // namespace accord::interop
