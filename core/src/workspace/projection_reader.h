#pragma once
/// Reading projection rows inside a transaction the caller holds (projection.cc implements
/// these; dashboard.cc and search.cc use them).

#include <string_view>
#include <vector>

#include "accord/status.h"
#include "accord/workspace/projection.h"
#include "store/database.h"

namespace accord::workspace::projection {

/// kFailedPrecondition (saying how to build them) unless the tables are at kProjectionVersion.
Status require_tables(store::Database& db);

/// Appends the account rows of `team` to `out`, by account id.
Status read_accounts(store::Database& db, std::string_view team, std::vector<AccountRow>& out);

} // namespace accord::workspace::projection
