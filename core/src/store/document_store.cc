#include "accord/document_store.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <utility>

#include "accord/update_ops.h"
#include "crdt/doc_impl.h"
#include "store/checksum.h"
#include "store/database.h"
#include "store/schema.h"

namespace accord {

using store::Database;
using store::TransactionGuard;

namespace {

constexpr std::size_t kMaxDocumentName = 1024;

std::string hex32(std::uint32_t value) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "0x%08x", value);
  return buffer;
}

std::string quoted(std::string_view document) { return "document '" + std::string(document) + "'"; }

/// A stored blob that does not decode or apply: kCorrupt naming where it is, keeping the offset.
Status corrupt_row(std::string_view document, const std::string& row, const Status& cause) {
  std::string message = quoted(document) + ": " + row + ": " + cause.message();
  if (cause.offset()) {
    return Status::error_at(StatusCode::kCorrupt, *cause.offset(), std::move(message));
  }
  return Status::error(StatusCode::kCorrupt, std::move(message));
}

/// Checks a stored CRC (column `crc_index` of the row) against the blob.
Status check_crc(const store::Statement& row, int crc_index, std::span<const std::uint8_t> blob,
                 std::string_view document, const std::string& what) {
  if (row.column_is_null(crc_index)) {
    return Status::error(StatusCode::kCorrupt, quoted(document) + ": " + what + ": no checksum");
  }
  const auto stored = static_cast<std::uint32_t>(row.column_int(crc_index));
  const std::uint32_t computed = store::crc32(blob);
  if (stored != computed) {
    return Status::error(StatusCode::kCorrupt, quoted(document) + ": " + what +
                                                   ": checksum mismatch (stored " + hex32(stored) +
                                                   ", computed " + hex32(computed) + ")");
  }
  return Status::ok();
}

/// Per-client maximum of two state vectors; true when `into` changed.
bool merge_state_vector(StateVector& into, const StateVector& from) {
  bool changed = false;
  for (const auto& [client, clock] : from) {
    auto [it, inserted] = into.emplace(client, clock);
    if (inserted) {
      changed = true;
    } else if (clock > it->second) {
      it->second = clock;
      changed = true;
    }
  }
  return changed;
}

/// Whether `outer` is at or past `inner` for every client.
bool covers(const StateVector& outer, const StateVector& inner) {
  for (const auto& [client, clock] : inner) {
    if (clock == 0) continue;
    auto it = outer.find(client);
    if (it == outer.end() || it->second < clock) return false;
  }
  return true;
}

/// The JSON text of a doc with sorted keys (NaN and -0 print as JSON does, so equal docs match).
std::string canonical_json(const Doc& doc) {
  return doc.to_json().with_sorted_keys().to_json_string();
}

} // namespace

Status validate_document_name(std::string_view document) {
  if (document.empty()) {
    return Status::error(StatusCode::kInvalidArgument, "document name is empty");
  }
  if (document.size() > kMaxDocumentName) {
    return Status::error(StatusCode::kInvalidArgument,
                         "document name is " + std::to_string(document.size()) +
                             " bytes, the limit is " + std::to_string(kMaxDocumentName));
  }
  if (document.find('\0') != std::string_view::npos) {
    return Status::error(StatusCode::kInvalidArgument, "document name contains a NUL byte");
  }
  return Status::ok();
}

bool doc_has_pending(const Doc& doc) {
  const crdt::DocImpl* impl = doc.impl();
  return !impl->pending.empty() || !impl->pending_ds.empty();
}

struct DocumentStore::Impl {
  std::string path;
  StoreOptions options;
  std::unique_ptr<Database> db;

  /// The id of a document, nullopt when it does not exist.
  Result<std::optional<std::int64_t>> find_id(std::string_view document) {
    ACCORD_ASSIGN_OR_RETURN(auto stmt, db->prepare("SELECT id FROM documents WHERE name = ?1"));
    stmt->bind(1, document);
    ACCORD_ASSIGN_OR_RETURN(const bool row, stmt->step());
    if (!row) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(stmt->column_int(0));
  }

  /// The id of a document that must exist: kNotFound naming it otherwise.
  Result<std::int64_t> stored_id(std::string_view document) {
    ACCORD_ASSIGN_OR_RETURN(auto found, find_id(document));
    if (!found) return Status::error(StatusCode::kNotFound, quoted(document) + " is not stored");
    return *found;
  }

  /// The id of a document, created when missing (inside a write transaction).
  Result<std::int64_t> ensure_id(std::string_view document) {
    ACCORD_ASSIGN_OR_RETURN(auto found, find_id(document));
    if (found) return *found;
    ACCORD_ASSIGN_OR_RETURN(auto insert, db->prepare("INSERT INTO documents(name) VALUES (?1)"));
    insert->bind(1, document);
    ACCORD_RETURN_IF_ERROR(insert->run());
    return db->last_insert_rowid();
  }

  /// Size limit, then a scratch apply (the update decodes and integrates).
  Status validate_update(std::span<const std::uint8_t> update, bool already_applied) const {
    if (update.size() > options.max_update_bytes) {
      return Status::error(StatusCode::kLimitExceeded,
                           "update is " + std::to_string(update.size()) + " bytes, the limit is " +
                               std::to_string(options.max_update_bytes));
    }
    if (already_applied) return Status::ok();
    Doc scratch(DocOptions::with_client_id(0, false));
    return apply_update(scratch, update).with_context("update rejected");
  }

  /// Inserts a validated update into the log (and the outbox when local).
  Result<AppendResult> insert(std::int64_t id, std::span<const std::uint8_t> update,
                              UpdateSource source) {
    const auto crc = static_cast<std::int64_t>(store::crc32(update));
    AppendResult result;
    {
      ACCORD_ASSIGN_OR_RETURN(
          auto stmt,
          db->prepare(
              "INSERT INTO updates(document_id, local, data, crc) VALUES (?1, ?2, ?3, ?4)"));
      stmt->bind(1, id);
      stmt->bind(2, source == UpdateSource::kLocal ? 1 : 0);
      stmt->bind_blob(3, update);
      stmt->bind(4, crc);
      ACCORD_RETURN_IF_ERROR(stmt->run());
      result.log_seq = static_cast<std::uint64_t>(db->last_insert_rowid());
    }
    if (source == UpdateSource::kLocal) {
      ACCORD_ASSIGN_OR_RETURN(
          auto stmt, db->prepare("INSERT INTO outbox(document_id, data, crc) VALUES (?1, ?2, ?3)"));
      stmt->bind(1, id);
      stmt->bind_blob(2, update);
      stmt->bind(3, crc);
      ACCORD_RETURN_IF_ERROR(stmt->run());
      result.outbox_seq = static_cast<std::uint64_t>(db->last_insert_rowid());
    }
    return result;
  }

  /// Reads the rows of a document (inside the caller's transaction), checksums verified.
  Result<StoredDocument> read_rows(std::string_view document, std::int64_t* id_out) {
    StoredDocument stored;
    std::int64_t id = 0;
    {
      ACCORD_ASSIGN_OR_RETURN(
          auto stmt,
          db->prepare("SELECT id, snapshot, snapshot_crc FROM documents WHERE name = ?1"));
      stmt->bind(1, document);
      ACCORD_ASSIGN_OR_RETURN(const bool row, stmt->step());
      if (!row) return stored;
      stored.exists = true;
      id = stmt->column_int(0);
      if (!stmt->column_is_null(1)) {
        stored.snapshot = stmt->column_blob(1);
        ACCORD_RETURN_IF_ERROR(check_crc(*stmt, 2, stored.snapshot, document, "snapshot"));
      }
    }
    if (id_out != nullptr) *id_out = id;
    ACCORD_ASSIGN_OR_RETURN(
        auto stmt,
        db->prepare(
            "SELECT seq, local, data, crc FROM updates WHERE document_id = ?1 ORDER BY seq"));
    stmt->bind(1, id);
    for (;;) {
      ACCORD_ASSIGN_OR_RETURN(const bool row, stmt->step());
      if (!row) break;
      LogEntry entry;
      entry.seq = static_cast<std::uint64_t>(stmt->column_int(0));
      entry.source = stmt->column_int(1) != 0 ? UpdateSource::kLocal : UpdateSource::kRemote;
      entry.update = stmt->column_blob(2);
      ACCORD_RETURN_IF_ERROR(
          check_crc(*stmt, 3, entry.update, document, "log row " + std::to_string(entry.seq)));
      stored.log.push_back(std::move(entry));
    }
    return stored;
  }

  /// Applies stored rows to `doc`, naming the failing row.
  static Result<LoadInfo> apply_rows(std::string_view document, const StoredDocument& stored,
                                     Doc& doc, const Origin& origin) {
    LoadInfo info;
    if (!stored.exists) return info;
    info.exists = true;
    if (!stored.snapshot.empty()) {
      Status status = apply_update(doc, stored.snapshot, origin);
      if (!status.is_ok()) return corrupt_row(document, "snapshot", status);
    }
    for (const LogEntry& entry : stored.log) {
      Status status = apply_update(doc, entry.update, origin);
      if (!status.is_ok()) {
        return corrupt_row(document, "log row " + std::to_string(entry.seq), status);
      }
      info.last_log_seq = entry.seq;
      ++info.log_rows;
    }
    info.has_pending = doc_has_pending(doc);
    return info;
  }

  /// The stored server state vector of document `id`.
  Result<StateVector> read_server_sv(std::string_view document, std::int64_t id) {
    ACCORD_ASSIGN_OR_RETURN(auto stmt,
                            db->prepare("SELECT server_state_vector FROM documents WHERE id = ?1"));
    stmt->bind(1, id);
    ACCORD_ASSIGN_OR_RETURN(const bool row, stmt->step());
    if (!row || stmt->column_is_null(0)) return StateVector{};
    const std::vector<std::uint8_t> bytes = stmt->column_blob(0);
    Result<StateVector> sv = decode_state_vector(bytes);
    if (!sv.ok()) return corrupt_row(document, "server state vector", sv.status());
    return sv;
  }

  /// Merges `sv` into the stored server state vector of document `id`.
  Status merge_server_sv(std::string_view document, std::int64_t id, const StateVector& sv) {
    if (sv.empty()) return Status::ok();
    ACCORD_ASSIGN_OR_RETURN(StateVector stored, read_server_sv(document, id));
    if (!merge_state_vector(stored, sv)) return Status::ok();
    ACCORD_ASSIGN_OR_RETURN(
        auto stmt, db->prepare("UPDATE documents SET server_state_vector = ?1 WHERE id = ?2"));
    stmt->bind_blob(1, encode_state_vector(stored));
    stmt->bind(2, id);
    return stmt->run();
  }

  /// Replaces the snapshot of `id` and deletes its log rows up to `up_to_seq`.
  Status write_compaction(std::int64_t id, std::span<const std::uint8_t> snapshot,
                          std::uint64_t up_to_seq) {
    {
      ACCORD_ASSIGN_OR_RETURN(
          auto stmt,
          db->prepare("UPDATE documents SET snapshot = ?1, snapshot_crc = ?2 WHERE id = ?3"));
      stmt->bind_blob(1, snapshot);
      stmt->bind(2, static_cast<std::int64_t>(store::crc32(snapshot)));
      stmt->bind(3, id);
      ACCORD_RETURN_IF_ERROR(stmt->run());
    }
    ACCORD_ASSIGN_OR_RETURN(
        auto stmt, db->prepare("DELETE FROM updates WHERE document_id = ?1 AND seq <= ?2"));
    stmt->bind(1, id);
    stmt->bind(2, static_cast<std::int64_t>(up_to_seq));
    return stmt->run();
  }

  /// With verify_compaction: `snapshot` must reload to the state of `doc`.
  Status verify_snapshot(std::string_view document, std::span<const std::uint8_t> snapshot,
                         const Doc& doc) const {
    if (!options.verify_compaction) return Status::ok();
    Doc fresh(DocOptions::with_client_id(0, doc.gc()));
    Status status = apply_update(fresh, snapshot);
    if (!status.is_ok() || doc_has_pending(fresh) || state_vector(fresh) != state_vector(doc) ||
        canonical_json(fresh) != canonical_json(doc)) {
      return Status::error(StatusCode::kInternal,
                           quoted(document) +
                               ": compaction not written: the new snapshot does not reload to the "
                               "same state" +
                               (status.is_ok() ? std::string() : " (" + status.to_string() + ")"));
    }
    return Status::ok();
  }
};

DocumentStore::DocumentStore(std::string path, StoreOptions options, std::unique_ptr<Database> db)
    : impl_(std::make_unique<Impl>()) {
  impl_->path = std::move(path);
  impl_->options = options;
  impl_->db = std::move(db);
}

DocumentStore::~DocumentStore() = default;

Result<std::unique_ptr<DocumentStore>> DocumentStore::open(const std::string& path,
                                                           StoreOptions options) {
  ACCORD_ASSIGN_OR_RETURN(auto db, Database::open(path, options.create_if_missing));
  db->set_busy_timeout(options.busy_timeout_ms);
  ACCORD_ASSIGN_OR_RETURN(const std::string mode, db->query_text("PRAGMA journal_mode = WAL"));
  if (mode != "wal" && mode != "memory") {
    return Status::error(StatusCode::kIoError,
                         "opening " + path + ": WAL journal mode unavailable (got '" + mode + "')");
  }
  // 8 MiB of page cache (SQLite default: 2 MiB): a large import then fits without spilling
  // pages to the WAL before its commit.
  ACCORD_RETURN_IF_ERROR(
      db->exec("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -8192"));
  ACCORD_ASSIGN_OR_RETURN(const std::int64_t fk, db->query_int("PRAGMA foreign_keys"));
  if (fk != 1) {
    return Status::error(StatusCode::kUnsupported,
                         "opening " + path + ": SQLite was built without foreign keys");
  }
  ACCORD_RETURN_IF_ERROR(store::migrate(*db, kSchemaVersion).with_context("opening " + path));
  return std::unique_ptr<DocumentStore>(new DocumentStore(path, options, std::move(db)));
}

const std::string& DocumentStore::path() const { return impl_->path; }

const StoreOptions& DocumentStore::options() const { return impl_->options; }

Result<AppendResult> DocumentStore::append_remote(std::string_view document,
                                                  std::span<const std::uint8_t> update) {
  const AppendEntry entry{document, update, UpdateSource::kRemote, false};
  ACCORD_ASSIGN_OR_RETURN(auto results, append_batch(std::span(&entry, 1)));
  return results.front();
}

Result<AppendResult> DocumentStore::append_local(std::string_view document,
                                                 std::span<const std::uint8_t> update) {
  const AppendEntry entry{document, update, UpdateSource::kLocal, false};
  ACCORD_ASSIGN_OR_RETURN(auto results, append_batch(std::span(&entry, 1)));
  return results.front();
}

Result<std::vector<AppendResult>> DocumentStore::append_batch(
    std::span<const AppendEntry> entries) {
  return append_batch(entries, nullptr);
}

Status DocumentStore::write_derived(const std::function<Status(store::Database&)>& work) {
  TransactionGuard txn(*impl_->db, TransactionGuard::Mode::kWrite);
  ACCORD_RETURN_IF_ERROR(txn.status());
  ACCORD_RETURN_IF_ERROR(work(*impl_->db));
  return txn.commit();
}

Status DocumentStore::read_derived(const std::function<Status(store::Database&)>& work) {
  TransactionGuard txn(*impl_->db, TransactionGuard::Mode::kRead);
  ACCORD_RETURN_IF_ERROR(txn.status());
  ACCORD_RETURN_IF_ERROR(work(*impl_->db));
  return txn.commit();
}

Result<std::vector<AppendResult>> DocumentStore::append_batch(
    std::span<const AppendEntry> entries, const std::function<Status(store::Database&)>& also) {
  const bool single = entries.size() == 1;
  auto context = [&](std::size_t i) {
    return (single ? std::string() : "entry " + std::to_string(i) + " (") +
           quoted(entries[i].document) + (single ? "" : ")");
  };
  for (std::size_t i = 0; i < entries.size(); ++i) {
    ACCORD_RETURN_IF_ERROR(validate_document_name(entries[i].document).with_context(context(i)));
    ACCORD_RETURN_IF_ERROR(impl_->validate_update(entries[i].update, entries[i].already_applied)
                               .with_context(context(i)));
  }
  std::vector<AppendResult> results;
  if (entries.empty() && !also) return results;
  results.reserve(entries.size());
  TransactionGuard txn(*impl_->db, TransactionGuard::Mode::kWrite);
  ACCORD_RETURN_IF_ERROR(txn.status());
  std::map<std::string_view, std::int64_t> ids;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const AppendEntry& entry = entries[i];
    auto it = ids.find(entry.document);
    if (it == ids.end()) {
      ACCORD_ASSIGN_OR_RETURN(const std::int64_t id, impl_->ensure_id(entry.document));
      it = ids.emplace(entry.document, id).first;
    }
    ACCORD_ASSIGN_OR_RETURN(AppendResult result,
                            impl_->insert(it->second, entry.update, entry.source));
    results.push_back(result);
  }
  if (also) ACCORD_RETURN_IF_ERROR(also(*impl_->db));
  ACCORD_RETURN_IF_ERROR(txn.commit());
  return results;
}

Result<StoredDocument> DocumentStore::read(std::string_view document) {
  ACCORD_RETURN_IF_ERROR(validate_document_name(document));
  TransactionGuard txn(*impl_->db, TransactionGuard::Mode::kRead);
  ACCORD_RETURN_IF_ERROR(txn.status());
  ACCORD_ASSIGN_OR_RETURN(StoredDocument stored, impl_->read_rows(document, nullptr));
  ACCORD_RETURN_IF_ERROR(txn.commit());
  return stored;
}

Result<LoadInfo> DocumentStore::load_into(std::string_view document, Doc& doc, Origin origin) {
  ACCORD_ASSIGN_OR_RETURN(const StoredDocument stored, read(document));
  return Impl::apply_rows(document, stored, doc, origin);
}

Result<LoadedDocument> DocumentStore::load(std::string_view document) {
  Doc scratch(DocOptions::with_client_id(0, impl_->options.gc_on_compact));
  ACCORD_ASSIGN_OR_RETURN(const LoadInfo info, load_into(document, scratch));
  LoadedDocument loaded;
  loaded.exists = info.exists;
  loaded.state = encode_state_as_update(scratch);
  loaded.state_vector = state_vector(scratch);
  loaded.last_log_seq = info.last_log_seq;
  loaded.has_pending = info.has_pending;
  return loaded;
}

Result<std::vector<OutboxEntry>> DocumentStore::outbox(std::string_view document,
                                                       std::size_t limit) {
  ACCORD_RETURN_IF_ERROR(validate_document_name(document));
  std::vector<OutboxEntry> entries;
  ACCORD_ASSIGN_OR_RETURN(const auto id, impl_->find_id(document));
  if (!id || limit == 0) return entries;
  ACCORD_ASSIGN_OR_RETURN(
      auto stmt, impl_->db->prepare("SELECT seq, data, crc FROM outbox WHERE document_id = ?1 "
                                    "ORDER BY seq LIMIT ?2"));
  stmt->bind(1, *id);
  stmt->bind(2, limit > static_cast<std::size_t>(INT64_MAX) ? INT64_MAX
                                                            : static_cast<std::int64_t>(limit));
  for (;;) {
    ACCORD_ASSIGN_OR_RETURN(const bool row, stmt->step());
    if (!row) break;
    OutboxEntry entry;
    entry.seq = static_cast<std::uint64_t>(stmt->column_int(0));
    entry.update = stmt->column_blob(1);
    ACCORD_RETURN_IF_ERROR(
        check_crc(*stmt, 2, entry.update, document, "outbox row " + std::to_string(entry.seq)));
    entries.push_back(std::move(entry));
  }
  return entries;
}

Result<std::size_t> DocumentStore::acknowledge(std::string_view document, std::uint64_t up_to_seq,
                                               const StateVector& server_state_vector) {
  ACCORD_RETURN_IF_ERROR(validate_document_name(document));
  TransactionGuard txn(*impl_->db, TransactionGuard::Mode::kWrite);
  ACCORD_RETURN_IF_ERROR(txn.status());
  ACCORD_ASSIGN_OR_RETURN(const std::int64_t id, impl_->stored_id(document));
  std::size_t removed = 0;
  {
    ACCORD_ASSIGN_OR_RETURN(
        auto stmt, impl_->db->prepare("DELETE FROM outbox WHERE document_id = ?1 AND seq <= ?2"));
    stmt->bind(1, id);
    stmt->bind(2, up_to_seq > static_cast<std::uint64_t>(INT64_MAX)
                      ? INT64_MAX
                      : static_cast<std::int64_t>(up_to_seq));
    ACCORD_RETURN_IF_ERROR(stmt->run());
    removed = static_cast<std::size_t>(impl_->db->changes());
  }
  ACCORD_RETURN_IF_ERROR(impl_->merge_server_sv(document, id, server_state_vector));
  ACCORD_RETURN_IF_ERROR(txn.commit());
  return removed;
}

Status DocumentStore::merge_server_state_vector(std::string_view document,
                                                const StateVector& server_state_vector) {
  ACCORD_RETURN_IF_ERROR(validate_document_name(document));
  TransactionGuard txn(*impl_->db, TransactionGuard::Mode::kWrite);
  ACCORD_RETURN_IF_ERROR(txn.status());
  ACCORD_ASSIGN_OR_RETURN(const std::int64_t id, impl_->stored_id(document));
  ACCORD_RETURN_IF_ERROR(impl_->merge_server_sv(document, id, server_state_vector));
  return txn.commit();
}

Result<StateVector> DocumentStore::server_state_vector(std::string_view document) {
  ACCORD_RETURN_IF_ERROR(validate_document_name(document));
  ACCORD_ASSIGN_OR_RETURN(const auto id, impl_->find_id(document));
  if (!id) return StateVector{};
  return impl_->read_server_sv(document, *id);
}

Result<CompactResult> DocumentStore::compact(std::string_view document) {
  ACCORD_RETURN_IF_ERROR(validate_document_name(document));
  TransactionGuard txn(*impl_->db, TransactionGuard::Mode::kWrite);
  ACCORD_RETURN_IF_ERROR(txn.status());
  std::int64_t id = 0;
  ACCORD_ASSIGN_OR_RETURN(const StoredDocument stored, impl_->read_rows(document, &id));
  CompactResult result;
  result.bytes_before = stored.snapshot.size();
  for (const LogEntry& entry : stored.log) result.bytes_before += entry.update.size();
  result.bytes_after = result.bytes_before;
  if (!stored.exists || stored.log.empty()) return result;

  Doc doc(DocOptions::with_client_id(0, impl_->options.gc_on_compact));
  ACCORD_ASSIGN_OR_RETURN(const LoadInfo info, Impl::apply_rows(document, stored, doc, {}));
  if (info.has_pending) {
    result.has_pending = true;
    return result; // the raw updates stay in the log: nothing is written
  }
  const std::vector<std::uint8_t> snapshot = encode_state_as_update(doc);
  ACCORD_RETURN_IF_ERROR(impl_->verify_snapshot(document, snapshot, doc));
  ACCORD_RETURN_IF_ERROR(impl_->write_compaction(id, snapshot, stored.log.back().seq));
  ACCORD_RETURN_IF_ERROR(txn.commit());
  result.compacted = true;
  result.rows_merged = stored.log.size();
  result.bytes_after = snapshot.size();
  return result;
}

Result<CompactResult> DocumentStore::compact_from(std::string_view document, const Doc& doc,
                                                  std::uint64_t up_to_seq) {
  ACCORD_RETURN_IF_ERROR(validate_document_name(document));
  if (doc_has_pending(doc)) {
    return Status::error(StatusCode::kFailedPrecondition,
                         quoted(document) + ": not compacted: the doc has pending structs");
  }
  TransactionGuard txn(*impl_->db, TransactionGuard::Mode::kWrite);
  ACCORD_RETURN_IF_ERROR(txn.status());
  std::int64_t id = 0;
  ACCORD_ASSIGN_OR_RETURN(const StoredDocument stored, impl_->read_rows(document, &id));
  CompactResult result;
  if (!stored.exists) {
    return Status::error(StatusCode::kNotFound, quoted(document) + " is not stored");
  }
  // What the rows being replaced contain must be in `doc` (guards against writing back an empty
  // or partial doc, e.g. after a failed load).
  std::vector<UpdateBytes> replaced;
  if (!stored.snapshot.empty()) replaced.push_back(stored.snapshot);
  std::size_t rows = 0;
  result.bytes_before = stored.snapshot.size();
  for (const LogEntry& entry : stored.log) {
    result.bytes_before += entry.update.size();
    if (entry.seq > up_to_seq) continue;
    replaced.push_back(entry.update);
    ++rows;
  }
  result.bytes_after = result.bytes_before;
  if (rows == 0) return result;
  ACCORD_ASSIGN_OR_RETURN(const UpdateBytes merged, merge_updates(replaced));
  ACCORD_ASSIGN_OR_RETURN(const UpdateBytes merged_sv_bytes,
                          encode_state_vector_from_update(merged));
  ACCORD_ASSIGN_OR_RETURN(const StateVector merged_sv, decode_state_vector(merged_sv_bytes));
  if (!covers(state_vector(doc), merged_sv)) {
    return Status::error(
        StatusCode::kFailedPrecondition,
        quoted(document) + ": not compacted: the doc does not contain the stored state");
  }
  const std::vector<std::uint8_t> snapshot = encode_state_as_update(doc);
  ACCORD_RETURN_IF_ERROR(impl_->verify_snapshot(document, snapshot, doc));
  ACCORD_RETURN_IF_ERROR(impl_->write_compaction(id, snapshot, up_to_seq));
  ACCORD_RETURN_IF_ERROR(txn.commit());
  result.compacted = true;
  result.rows_merged = rows;
  result.bytes_after = result.bytes_before;
  for (const LogEntry& entry : stored.log) {
    if (entry.seq <= up_to_seq) result.bytes_after -= entry.update.size();
  }
  result.bytes_after = result.bytes_after - stored.snapshot.size() + snapshot.size();
  return result;
}

Result<std::vector<std::string>> DocumentStore::list_documents() {
  std::vector<std::string> names;
  ACCORD_ASSIGN_OR_RETURN(auto stmt,
                          impl_->db->prepare("SELECT name FROM documents ORDER BY name"));
  for (;;) {
    ACCORD_ASSIGN_OR_RETURN(const bool row, stmt->step());
    if (!row) break;
    names.push_back(stmt->column_text(0));
  }
  return names;
}

Result<DocumentSize> DocumentStore::document_size(std::string_view document) {
  ACCORD_RETURN_IF_ERROR(validate_document_name(document));
  DocumentSize size;
  TransactionGuard txn(*impl_->db, TransactionGuard::Mode::kRead);
  ACCORD_RETURN_IF_ERROR(txn.status());
  ACCORD_ASSIGN_OR_RETURN(const auto id, impl_->find_id(document));
  if (!id) return size;
  {
    ACCORD_ASSIGN_OR_RETURN(
        auto stmt, impl_->db->prepare("SELECT coalesce(length(snapshot), 0) FROM documents "
                                      "WHERE id = ?1"));
    stmt->bind(1, *id);
    ACCORD_ASSIGN_OR_RETURN(const bool row, stmt->step());
    if (row) size.snapshot_bytes = static_cast<std::size_t>(stmt->column_int(0));
  }
  for (const bool log : {true, false}) {
    ACCORD_ASSIGN_OR_RETURN(
        auto stmt,
        impl_->db->prepare(std::string("SELECT count(*), coalesce(sum(length(data)), 0) FROM ") +
                           (log ? "updates" : "outbox") + " WHERE document_id = ?1"));
    stmt->bind(1, *id);
    ACCORD_ASSIGN_OR_RETURN(const bool row, stmt->step());
    if (!row) continue;
    const auto rows = static_cast<std::size_t>(stmt->column_int(0));
    const auto bytes = static_cast<std::size_t>(stmt->column_int(1));
    (log ? size.log_rows : size.outbox_rows) = rows;
    (log ? size.log_bytes : size.outbox_bytes) = bytes;
  }
  ACCORD_RETURN_IF_ERROR(txn.commit());
  return size;
}

Result<bool> DocumentStore::remove_document(std::string_view document) {
  ACCORD_RETURN_IF_ERROR(validate_document_name(document));
  ACCORD_ASSIGN_OR_RETURN(auto stmt, impl_->db->prepare("DELETE FROM documents WHERE name = ?1"));
  stmt->bind(1, document);
  ACCORD_RETURN_IF_ERROR(stmt->run());
  return impl_->db->changes() > 0;
}

Result<std::string> DocumentStore::integrity_check() {
  ACCORD_ASSIGN_OR_RETURN(auto stmt, impl_->db->prepare("PRAGMA integrity_check"));
  std::string report;
  for (;;) {
    ACCORD_ASSIGN_OR_RETURN(const bool row, stmt->step());
    if (!row) break;
    if (!report.empty()) report += "\n";
    report += stmt->column_text(0);
  }
  return report;
}

} // namespace accord
