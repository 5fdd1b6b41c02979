#pragma once
/// The access rule of accord-server, in one place: documents are named
/// `<team>/<path>`; a principal may read a document when it is a member of the
/// team (any role) and write it when its role there is member or owner. The
/// sync layer authenticates a connection once (`AuthStore::authenticate_any`)
/// and calls `authorize` for every document and operation after that.

#include "auth_store.h"

#include <string>
#include <string_view>

namespace accord::server {

/// What a connection wants to do with a document.
enum class Operation { kRead, kWrite };

/// "read" or "write".
std::string_view operation_name(Operation op);

/// The outcome of an access check. `reason` says why, in words fit for a log
/// line and a close frame (never contains a secret).
struct Decision {
  bool allowed = false;
  std::string reason;
};

/// Checks a document name: 1-512 bytes, `<team>/<path>`, segments non-empty, of
/// [A-Za-z0-9._~@:+=-] (URL-safe without escaping), none "." or "..". Returns the
/// team segment. kInvalidArgument with the reason otherwise.
Result<std::string_view> document_team(std::string_view document);

/// May `principal` perform `op` on `document`? Pure; costs a scan of its teams.
Decision authorize(const Principal& principal, std::string_view document, Operation op);

/// Authenticates `secret` (session token, API token or ticket; a ticket is spent
/// by this call) and authorizes `op` on `document`. Costs one SQLite lookup.
Decision authorize(AuthStore& store, std::string_view secret, std::string_view document,
                   Operation op);

} // namespace accord::server
