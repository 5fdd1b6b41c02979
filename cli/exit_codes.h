#pragma once
// Exit codes of `accord` (documented in `accord --help` and the README).

namespace accord::cli {

inline constexpr int kExitOk = 0;       // done
inline constexpr int kExitUsage = 1;    // bad command line
inline constexpr int kExitBadInput = 2; // an input file is malformed or invalid: nothing written
inline constexpr int kExitStore = 3;    // the local store failed (I/O, corrupt, newer version)
inline constexpr int kExitNotFound = 4; // no workspace, or no such account or record
inline constexpr int kExitSync = 5;     // the server could not be reached or refused us

/// The epilog of `accord --help`.
inline constexpr const char* kExitCodeHelp =
    "Exit codes: 0 ok, 1 usage error, 2 bad input (nothing written), 3 store error, "
    "4 workspace/account/record not found, 5 sync failed.";

} // namespace accord::cli
