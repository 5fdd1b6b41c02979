#pragma once
/// Forward migrations of the document schema. A document's meta map says which schema version
/// wrote it (no meta: version 0, e.g. records written by a plain Yjs client or a prototype
/// importer). migrate() runs the steps from the document's version up to the target, each in an
/// Edit (journaled), then sets the schema version. Steps must be deterministic and idempotent:
/// two devices may migrate the same document concurrently and their writes must agree.
/// A document written by a newer schema is left as it is (its unknown fields and codes are kept
/// by every edit) and reported as newer.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "accord/doc.h"
#include "accord/model/edit.h"
#include "accord/status.h"

namespace accord::model {

/// One step from `from_version` to `from_version + 1`.
struct Migration {
  std::int64_t from_version = 0;      ///< the version the step upgrades from
  std::string description;            ///< what it does, for logs
  std::function<Status(Edit&)> apply; ///< the change (must not set schema_version itself)
};

/// The steps this build knows. 0 -> 1: writes the meta (kind inferred from the root names:
/// "visits" -> visit log; "settings", "members" or "accounts" -> team index; otherwise an
/// account; id = the document guid).
std::vector<Migration> builtin_migrations();

/// What migrate() did.
struct MigrationReport {
  std::int64_t from_version = 0;     ///< version found
  std::int64_t to_version = 0;       ///< version now
  bool newer_than_supported = false; ///< the document is newer than `target`: left untouched
};

/// Upgrades `doc` to `target` with `steps`. kFailedPrecondition when a step is missing; the
/// error of a failing step otherwise (steps before it stay applied: each is its own Edit).
Result<MigrationReport> migrate(Doc& doc, const Actor& actor, std::int64_t now_ms,
                                std::span<const Migration> steps, std::int64_t target);
/// migrate() with the built-in steps up to kSchemaVersion.
Result<MigrationReport> migrate(Doc& doc, const Actor& actor, std::int64_t now_ms);

} // namespace accord::model
