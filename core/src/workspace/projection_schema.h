#pragma once
/// The projection tables' schema (listed in accord/workspace/projection.h) and its versions.
/// The tables are derived data, so moving to another version drops them and creates the
/// tables of kProjectionVersion, and the caller rebuilds the rows from the documents.

#include "accord/status.h"
#include "store/database.h"

namespace accord::workspace::projection_schema {

/// The version stored in the file: 0 when the projection tables are absent, -1 when some of
/// them are missing (dropped by hand, a damaged file). O(1).
Result<int> stored_version(store::Database& db);

/// Creates the tables of kProjectionVersion when the stored version differs (dropping what
/// there is), inside the caller's write transaction. Returns true when it (re)created them:
/// every row must then be rebuilt.
Result<bool> ensure(store::Database& db);

} // namespace accord::workspace::projection_schema
