// Forward schema migrations (see migration.h).
#include "accord/model/migration.h"

#include <algorithm>

#include "accord/model/documents.h"

namespace accord::model {

namespace {

// 0 -> 1: a document without meta gets one; its kind is inferred from its root names.
Status write_meta_v1(Edit& e) {
  Doc& doc = e.doc();
  DocumentKind kind = DocumentKind::kAccount;
  for (const auto& name : doc.root_names()) {
    if (name == "visits") kind = DocumentKind::kVisitLog;
    if (name == "settings" || name == "members" || name == "accounts") {
      kind = DocumentKind::kTeamIndex;
    }
  }
  MapRef meta = doc.get_map(kMetaRoot);
  if (!meta.contains("kind")) meta.set(e.txn(), "kind", Any(document_kind_code(kind)));
  if (!meta.contains("id")) meta.set(e.txn(), "id", Any(doc.guid()));
  e.record_change(kMetaRoot, "*", Any(), Any(document_kind_code(kind)));
  return Status::ok();
}

} // namespace

std::vector<Migration> builtin_migrations() {
  std::vector<Migration> steps;
  steps.push_back(
      Migration{0, "write the meta map (kind inferred from the root names)", write_meta_v1});
  return steps;
}

Result<MigrationReport> migrate(Doc& doc, const Actor& actor, std::int64_t now_ms,
                                std::span<const Migration> steps, std::int64_t target) {
  MigrationReport report;
  auto meta = read_meta(doc);
  if (!meta.ok() && meta.status().code() != StatusCode::kNotFound) return meta.status();
  std::int64_t version = meta.ok() ? meta->schema_version : 0;
  report.from_version = version;
  if (version > target) {
    report.to_version = version;
    report.newer_than_supported = true;
    return report;
  }
  while (version < target) {
    auto step = std::find_if(steps.begin(), steps.end(),
                             [&](const Migration& m) { return m.from_version == version; });
    if (step == steps.end() || !step->apply) {
      return Status::error(StatusCode::kFailedPrecondition,
                           "no migration from schema version " + std::to_string(version));
    }
    Edit e(doc, actor, now_ms);
    Status s = step->apply(e);
    if (!s.is_ok()) {
      return s.with_context("migration from version " + std::to_string(version));
    }
    MapRef m = doc.get_map(kMetaRoot);
    const Any next(static_cast<double>(version + 1));
    m.set(e.txn(), "schema_version", next);
    e.record_change(kMetaRoot, "schema_version", Any(static_cast<double>(version)), next);
    e.commit();
    ++version;
  }
  report.to_version = version;
  return report;
}

Result<MigrationReport> migrate(Doc& doc, const Actor& actor, std::int64_t now_ms) {
  const std::vector<Migration> steps = builtin_migrations();
  return migrate(doc, actor, now_ms, steps, kSchemaVersion);
}

} // namespace accord::model
