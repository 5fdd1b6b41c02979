#pragma once
/// `accord::DocumentStore`: the durable local store of CRDT documents, on SQLite.
///
/// Every Accord device keeps its documents here, and accord-server's document storage wraps it.
/// A document is addressed by its name ("team/account/123") and stored as:
///   - a compacted snapshot: one Yjs update v1 holding the whole state at the last compaction
///     (absent until the first compaction);
///   - an append-only update log: the v1 updates applied since, local and remote, each in its own
///     row with a sequence number;
///   - an outbox: the local updates the server has not acknowledged yet, in order, each with a
///     stable sequence number (a copy of the bytes: compaction never touches the outbox);
///   - the server's last acknowledged state vector, merged (per-client maximum) on every
///     acknowledgement, so it never goes backwards.
/// The snapshot followed by the log rows in sequence order is the document's state.
///
/// Durability: the database runs in WAL mode with synchronous=FULL; every append commits its own
/// SQLite transaction (or one for a whole batch) before the call returns, so a returned append
/// survives a process crash and a power loss. Compaction rewrites snapshot and log in one
/// transaction: a crash at any point leaves the old or the new state, never a mix.
///
/// Safety rules: every update is validated (it decodes and applies to a scratch document) before
/// it is stored; every stored blob carries a CRC-32 and a row that fails its checksum or does not
/// decode is reported as kCorrupt naming the document and the row, never skipped and never
/// overwritten; compaction never writes back a document that has pending structs (structs whose
/// dependencies are missing): the raw log is kept instead; nothing ever writes an empty document
/// over stored state after a failed load.
///
/// Errors are values: SQLite failures are kIoError (kCorrupt for a damaged database file) with
/// SQLite's message. Not thread-safe: use one DocumentStore from one thread at a time (several
/// DocumentStore objects, in threads or processes, may open the same file: SQLite's locks
/// serialize their writes, waiting up to the busy timeout).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "accord/doc.h"
#include "accord/status.h"
#include "accord/transaction.h"
#include "accord/update.h"

namespace accord {

/// Options of DocumentStore::open.
struct StoreOptions {
  /// How long a write waits for another connection's lock before failing with kIoError.
  int busy_timeout_ms = 5000;
  /// Create the file (and the schema) when it does not exist; otherwise kNotFound.
  bool create_if_missing = true;
  /// Compaction garbage-collects deleted content (Yjs gc). Off keeps deleted content for
  /// snapshots and undo of old edits.
  bool gc_on_compact = true;
  /// Compaction checks that the new snapshot reloads to the same state (same encoded state and
  /// JSON) before it replaces anything. Costs two more loads of the document per compaction.
  bool verify_compaction = true;
  /// Largest update accepted by an append (kLimitExceeded above).
  std::size_t max_update_bytes = std::size_t{64} << 20;
};

/// Where an update came from.
enum class UpdateSource : std::uint8_t {
  kRemote, ///< received from the server or a peer: goes to the log only
  kLocal,  ///< made on this device: goes to the log and the outbox
};

/// One update to append (DocumentStore::append_batch).
struct AppendEntry {
  std::string_view document;            ///< the document's name
  std::span<const std::uint8_t> update; ///< a Yjs update v1
  UpdateSource source = UpdateSource::kRemote;
  /// The caller applied exactly these bytes to a Doc and apply_update returned ok: the store
  /// skips its own validation (a scratch apply). Leave false for bytes of unknown origin.
  bool already_applied = false;
};

/// Where an appended update went.
struct AppendResult {
  std::uint64_t log_seq = 0;               ///< its row in the update log
  std::optional<std::uint64_t> outbox_seq; ///< its outbox entry (local updates only)
};

/// A stored log row.
struct LogEntry {
  std::uint64_t seq = 0; ///< sequence number (increasing across the whole store)
  UpdateSource source = UpdateSource::kRemote;
  std::vector<std::uint8_t> update; ///< the Yjs update v1 as appended
};

/// An outbox entry: a local update the server has not acknowledged.
struct OutboxEntry {
  std::uint64_t seq = 0;            ///< stable: never changes, increasing in append order
  std::vector<std::uint8_t> update; ///< the Yjs update v1
};

/// The raw stored rows of a document (checksums verified, updates not decoded).
struct StoredDocument {
  bool exists = false;                ///< false: the store has never seen this document
  std::vector<std::uint8_t> snapshot; ///< empty when there is no snapshot yet
  std::vector<LogEntry> log;          ///< log rows in sequence order
};

/// What load_into found.
struct LoadInfo {
  bool exists = false;            ///< false: nothing stored (the doc was left unchanged)
  std::uint64_t last_log_seq = 0; ///< highest log row applied (0 when none)
  std::size_t log_rows = 0;       ///< log rows applied after the snapshot
  bool has_pending = false;       ///< the doc has structs or deletes waiting for missing updates
};

/// A loaded document as bytes (DocumentStore::load).
struct LoadedDocument {
  bool exists = false;             ///< false: nothing stored (state is an empty update)
  std::vector<std::uint8_t> state; ///< the whole state as one Yjs update v1 (pending included)
  StateVector state_vector;        ///< the state vector of the integrated state
  std::uint64_t last_log_seq = 0;  ///< highest log row included
  bool has_pending = false;        ///< some structs wait for missing dependencies
};

/// What a compaction did.
struct CompactResult {
  bool compacted = false;       ///< the log was merged into a new snapshot
  bool has_pending = false;     ///< not compacted: the document has pending structs (log kept raw)
  std::size_t rows_merged = 0;  ///< log rows folded into the snapshot
  std::size_t bytes_before = 0; ///< snapshot + log bytes before
  std::size_t bytes_after = 0;  ///< snapshot + log bytes after
};

/// Stored size of a document.
struct DocumentSize {
  std::size_t snapshot_bytes = 0; ///< bytes of the compacted snapshot (0 before the first)
  std::size_t log_rows = 0;       ///< updates in the log since the last compaction
  std::size_t log_bytes = 0;      ///< their bytes
  std::size_t outbox_rows = 0;    ///< local updates not acknowledged by the server
  std::size_t outbox_bytes = 0;   ///< their bytes
  /// snapshot + log + outbox bytes.
  std::size_t total_bytes() const { return snapshot_bytes + log_bytes + outbox_bytes; }
};

namespace store {
class Database;
} // namespace store

/// The SQLite document store. See the top of this file.
class DocumentStore {
public:
  /// The schema version this code writes. Older files are migrated forward on open.
  static constexpr int kSchemaVersion = 2;

  /// Opens (or creates) the store at `path` (":memory:" for a private in-memory store): WAL,
  /// synchronous=FULL, foreign keys on, the busy timeout, then forward migrations to
  /// kSchemaVersion, each in its own transaction. Errors: kNotFound (missing file and
  /// !create_if_missing), kUnsupported (the file was written by a newer Accord: its schema
  /// version is above kSchemaVersion; nothing is changed), kFailedPrecondition (a SQLite file
  /// that is not an Accord store), kCorrupt / kIoError from SQLite.
  static Result<std::unique_ptr<DocumentStore>> open(const std::string& path,
                                                     StoreOptions options = {});

  /// Closes the connection (every call has committed already: nothing is lost).
  ~DocumentStore();
  DocumentStore(const DocumentStore&) = delete;
  DocumentStore& operator=(const DocumentStore&) = delete;

  /// The path given to open.
  const std::string& path() const;
  /// The options given to open.
  const StoreOptions& options() const;

  // ---- appends (each durable when it returns)

  /// Appends a remote update to the document's log (the document is created on first use).
  /// Validates the update first (O(update)); one SQLite transaction. Errors: kInvalidArgument
  /// (bad name), kLimitExceeded (too large), kCorrupt/kUnsupported (the update does not decode or
  /// apply; nothing is written), kIoError.
  Result<AppendResult> append_remote(std::string_view document,
                                     std::span<const std::uint8_t> update);
  /// Appends a local update to the log and the outbox in one SQLite transaction. As
  /// append_remote otherwise.
  Result<AppendResult> append_local(std::string_view document,
                                    std::span<const std::uint8_t> update);
  /// Appends many updates (any documents, local or remote) in one SQLite transaction: one fsync
  /// for all. Every entry is validated before anything is written; on any error nothing is
  /// written and the message names the entry's index and document. Results are in entry order.
  Result<std::vector<AppendResult>> append_batch(std::span<const AppendEntry> entries);
  /// append_batch, then `also` in the same SQLite transaction before the commit: a core module
  /// keeping tables derived from the documents (the workspace projections) updates them
  /// atomically with the updates that change them. When `also` fails nothing is written.
  Result<std::vector<AppendResult>> append_batch(
      std::span<const AppendEntry> entries, const std::function<Status(store::Database&)>& also);
  /// Runs `work` in one write transaction (BEGIN IMMEDIATE ... COMMIT; rolled back when it
  /// fails): for derived tables rebuilt from the documents.
  Status write_derived(const std::function<Status(store::Database&)>& work);
  /// Runs `work` in one read transaction (a consistent view of the derived tables).
  Status read_derived(const std::function<Status(store::Database&)>& work);

  // ---- reads

  /// The raw rows of a document, read in one read transaction (a consistent view even while
  /// another connection compacts). Checks every checksum: kCorrupt naming the document and the
  /// row on a mismatch. O(stored bytes).
  Result<StoredDocument> read(std::string_view document);
  /// Applies the stored state (snapshot, then log rows in order) to `doc` with `origin`. For a
  /// document that does not exist, returns exists=false and leaves `doc` unchanged. Errors:
  /// kCorrupt naming the document and the row (checksum or decode failure) with the decoder's
  /// byte offset; `doc` may then hold part of the state and must be discarded: never store it.
  /// O(stored bytes).
  Result<LoadInfo> load_into(std::string_view document, Doc& doc, Origin origin = {});
  /// The stored state as one update v1 and its state vector (loads into a scratch Doc).
  /// Errors as load_into.
  Result<LoadedDocument> load(std::string_view document);

  // ---- outbox and acknowledgements

  /// The document's outbox in sequence order, at most `limit` entries. O(entries returned).
  Result<std::vector<OutboxEntry>> outbox(
      std::string_view document, std::size_t limit = std::numeric_limits<std::size_t>::max());
  /// Removes the outbox entries with seq <= `up_to_seq` (the server confirmed them durable) and
  /// merges `server_state_vector` into the stored one (per-client maximum: it never goes
  /// backwards), in one transaction. Returns how many entries were removed. kNotFound for an
  /// unknown document.
  Result<std::size_t> acknowledge(std::string_view document, std::uint64_t up_to_seq,
                                  const StateVector& server_state_vector = {});
  /// Merges `server_state_vector` into the stored one (per-client maximum). kNotFound for an
  /// unknown document.
  Status merge_server_state_vector(std::string_view document,
                                   const StateVector& server_state_vector);
  /// The server's last acknowledged state vector (empty when none). kCorrupt when the stored
  /// bytes do not decode.
  Result<StateVector> server_state_vector(std::string_view document);

  // ---- maintenance

  /// Merges the log into the snapshot in one transaction, holding the write lock from the read
  /// to the commit. Loads the stored state into a scratch Doc; when it has pending structs,
  /// nothing is written (has_pending=true; the raw updates stay in the log). With
  /// verify_compaction, the new snapshot must reload to the same state or kInternal is returned
  /// and nothing is written. Errors as load_into, and kIoError. O(stored bytes).
  Result<CompactResult> compact(std::string_view document);
  /// Compaction from a Doc the caller holds (LocalDocument): replaces the snapshot with `doc`'s
  /// state and deletes the log rows with seq <= `up_to_seq`, which the caller guarantees are all
  /// applied to `doc`. Refuses (kFailedPrecondition, nothing written) when `doc` has pending
  /// structs or does not contain the stored snapshot and those rows (its state vector is behind
  /// theirs: e.g. an empty doc after a failed load). O(doc + stored bytes).
  Result<CompactResult> compact_from(std::string_view document, const Doc& doc,
                                     std::uint64_t up_to_seq);

  /// The names of all stored documents, sorted. O(documents).
  Result<std::vector<std::string>> list_documents();
  /// Stored sizes of a document (zeros when it does not exist). O(rows of the document), reading
  /// row headers only.
  Result<DocumentSize> document_size(std::string_view document);
  /// Deletes a document with its log, outbox and state vector. Returns whether it existed.
  Result<bool> remove_document(std::string_view document);
  /// SQLite's `PRAGMA integrity_check` ("ok" when healthy). O(database).
  Result<std::string> integrity_check();

private:
  DocumentStore(std::string path, StoreOptions options, std::unique_ptr<store::Database> db);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Validates a document name: 1..1024 bytes, no NUL. kInvalidArgument otherwise.
Status validate_document_name(std::string_view document);

/// Whether `doc` has structs or deletes waiting for missing dependencies (Yjs pendingStructs /
/// pendingDs). O(1).
bool doc_has_pending(const Doc& doc);

} // namespace accord
