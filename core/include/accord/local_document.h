#pragma once
/// `accord::LocalDocument`: an accord::Doc bound to a DocumentStore.
///
/// Opening loads the stored state into a new Doc (a failed load returns the error and no
/// LocalDocument exists, so nothing can write an empty or partial document over the stored
/// one). From then on every transaction on the doc is captured by its update hook and appended
/// to the log and the outbox before the transaction's commit returns (so before
/// LocalDocument::transact returns, or a plain doc().transact(...) call). Remote updates go
/// through apply_remote: applied, then logged (not put in the outbox). When the log passes a
/// threshold, the next transact/apply_remote compacts it from the in-memory doc (never when the
/// doc has pending structs).
///
/// A save that fails (disk full, I/O error) keeps the update in memory in order, reports the
/// error from transact/apply_remote and save_status(), and is retried by the next save or by
/// flush(). Not thread-safe, like Doc. Another connection may append to the same document (its
/// rows are not in this doc: compaction then reloads from the store instead of writing the doc).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "accord/doc.h"
#include "accord/document_store.h"
#include "accord/status.h"
#include "accord/transaction.h"
#include "accord/update.h"

namespace accord {

/// Options of LocalDocument::open.
struct LocalDocumentOptions {
  /// Options of the Doc (client id, gc).
  DocOptions doc;
  /// Compact when the log holds this many rows...
  std::size_t compact_after_rows = 256;
  /// ...or this many bytes.
  std::size_t compact_after_bytes = std::size_t{1} << 20;
  /// Updates whose transaction origin matches are stored as remote (log only, no outbox): for
  /// a sync session that applies server updates to doc() directly with its own origin. Updates
  /// applied through apply_remote are always remote. Unset: every other update is local.
  std::function<bool(const Origin&)> is_remote;
};

/// A Doc bound to a store. See the top of this file.
class LocalDocument {
public:
  /// Loads `document` from `store` (which must outlive the LocalDocument) into a new Doc and
  /// starts capturing its updates. Errors: as DocumentStore::load_into (kCorrupt naming the
  /// row; nothing is written), kInvalidArgument for a bad name. O(stored bytes).
  static Result<std::unique_ptr<LocalDocument>> open(DocumentStore& store, std::string document,
                                                     LocalDocumentOptions options = {});
  /// Stops capturing updates. Unsaved updates (after a failed save) are lost: flush() first.
  ~LocalDocument();
  LocalDocument(const LocalDocument&) = delete;
  LocalDocument& operator=(const LocalDocument&) = delete;

  /// The document's name.
  const std::string& name() const { return name_; }
  /// The bound Doc. Transactions on it are saved as they commit.
  Doc& doc() { return doc_; }
  const Doc& doc() const { return doc_; }

  /// Runs `fn` in a transaction and returns once its update is durable in the log and outbox
  /// (or the save error; the edit then stays in the doc and in memory for flush()). May compact
  /// afterwards (compaction errors do not fail the call: see compaction_status()).
  Status transact(const std::function<void(Transaction&)>& fn, Origin origin = {});
  /// Applies a remote update (validated: on a decode error the doc and the store are
  /// unchanged) and appends it to the log. Errors: the decoder's (kCorrupt...), or the save
  /// error (the update is then applied in memory and kept for flush()).
  Status apply_remote(std::span<const std::uint8_t> update);

  /// The outbox of this document (DocumentStore::outbox).
  Result<std::vector<OutboxEntry>> outbox();
  /// DocumentStore::acknowledge for this document.
  Result<std::size_t> acknowledge(std::uint64_t up_to_seq, const StateVector& server_sv = {});
  /// Compacts now (flushes first): from the in-memory doc, or from the stored rows once another
  /// connection has appended to this document. has_pending=true and nothing written when the
  /// doc has pending structs.
  Result<CompactResult> compact();

  /// Ok, or the error of the oldest update not yet saved.
  const Status& save_status() const { return save_status_; }
  /// Updates applied to the doc but not yet durable (after a failed save).
  std::size_t unsaved() const { return unsaved_.size(); }
  /// Retries saving the unsaved updates, in order, in one transaction.
  Status flush();
  /// The result of the last automatic compaction attempt (ok when none failed).
  const Status& compaction_status() const { return compaction_status_; }
  /// The highest log sequence number this doc has applied (loaded or appended).
  std::uint64_t last_log_seq() const { return last_log_seq_; }

private:
  LocalDocument(DocumentStore& store, std::string document, LocalDocumentOptions options);
  void on_update(const std::vector<std::uint8_t>& update, const Origin& origin);
  Status save(std::vector<std::uint8_t> update, UpdateSource source);
  void maybe_compact();

  struct Unsaved {
    std::vector<std::uint8_t> update;
    UpdateSource source;
  };

  DocumentStore& store_;
  std::string name_;
  LocalDocumentOptions options_;
  Doc doc_;
  Origin own_origin_;
  SubscriptionId subscription_ = 0;
  std::vector<Unsaved> unsaved_;
  Status save_status_;
  Status hook_status_;
  bool remote_changed_ = false;
  Status compaction_status_;
  std::uint64_t last_log_seq_ = 0;
  std::size_t log_rows_ = 0;
  std::size_t log_bytes_ = 0;
  std::size_t next_compact_rows_ = 0;
  std::size_t next_compact_bytes_ = 0;
  bool foreign_rows_ = false;
};

} // namespace accord
