#pragma once
/// Where accord-server keeps documents: the interface the sync hub writes through, so that the
/// SQLite store (sqlite_document_storage.h, the default) and later a PostgreSQL backend plug in
/// the same way, plus an in-memory implementation for tests.
///
/// Contract: append_batch is durable when it returns ok (one transaction for the whole batch:
/// one fsync, whatever the number of updates); load applies everything appended before it;
/// compact never changes the state a later load produces. Implementations are thread-safe: the
/// hub loads from several threads while its writer appends.

#include "accord/doc.h"
#include "accord/status.h"
#include "accord/update.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace accord::server {

/// One update to store.
struct StoredUpdate {
  std::string document;
  std::vector<std::uint8_t> update; ///< a Yjs update v1 the hub has applied successfully
};

/// See the file comment.
class DocumentStorage {
public:
  virtual ~DocumentStorage() = default;
  /// Applies the stored state of `document` to `doc` (an empty Doc). Returns whether anything
  /// was stored. On error `doc` must be discarded (kCorrupt / kIoError).
  virtual Result<bool> load(std::string_view document, Doc& doc) = 0;
  /// Stores `updates` in one durable transaction; nothing is stored on error.
  virtual Status append_batch(std::span<const StoredUpdate> updates) = 0;
  /// Folds the document's log into a snapshot (when the backend has one). Optional work: ok
  /// when there is nothing to do.
  virtual Status compact(std::string_view document) = 0;
  /// Transactions committed so far (for logs and tests).
  virtual std::uint64_t transactions() const = 0;
};

/// Documents in memory (tests): the same contract without a disk.
class MemoryDocumentStorage final : public DocumentStorage {
public:
  Result<bool> load(std::string_view document, Doc& doc) override {
    std::lock_guard lock(mutex_);
    auto it = logs_.find(document);
    if (it == logs_.end()) return false;
    for (const auto& update : it->second) {
      if (Status s = apply_update(doc, update); !s.is_ok()) return s;
    }
    return true;
  }
  Status append_batch(std::span<const StoredUpdate> updates) override {
    std::lock_guard lock(mutex_);
    for (const auto& u : updates) logs_[u.document].push_back(u.update);
    ++transactions_;
    return Status::ok();
  }
  Status compact(std::string_view /*document*/) override { return Status::ok(); }
  std::uint64_t transactions() const override {
    std::lock_guard lock(mutex_);
    return transactions_;
  }

private:
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<std::vector<std::uint8_t>>, std::less<>> logs_;
  std::uint64_t transactions_ = 0;
};

} // namespace accord::server
