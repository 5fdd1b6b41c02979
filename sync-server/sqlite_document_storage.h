#pragma once
/// DocumentStorage on the core's SQLite DocumentStore (accord/document_store.h): the default
/// backend, one file `documents.db` in the --data directory (WAL, synchronous=FULL). Each batch
/// of the WriteQueue is one DocumentStore::append_batch, i.e. one transaction and one fsync.
/// Two DocumentStore connections share the file: one for writes and compactions, one for loads,
/// each behind its own mutex (DocumentStore is single-threaded; SQLite's WAL lets a load read
/// while a write commits).

#include "document_storage.h"

#include "accord/document_store.h"

#include <memory>
#include <mutex>
#include <string>

namespace accord::server {

/// See the file comment.
class SqliteDocumentStorage final : public DocumentStorage {
public:
  /// Opens or creates the store at `path`. Errors from DocumentStore::open.
  static Result<std::unique_ptr<SqliteDocumentStorage>> open(const std::string& path);

  Result<bool> load(std::string_view document, Doc& doc) override;
  Status append_batch(std::span<const StoredUpdate> updates) override;
  Status compact(std::string_view document) override;
  std::uint64_t transactions() const override;

private:
  SqliteDocumentStorage(std::unique_ptr<DocumentStore> writer,
                        std::unique_ptr<DocumentStore> reader)
      : writer_(std::move(writer)), reader_(std::move(reader)) {}

  mutable std::mutex write_mutex_;
  std::unique_ptr<DocumentStore> writer_;
  std::mutex read_mutex_;
  std::unique_ptr<DocumentStore> reader_;
  std::uint64_t transactions_ = 0;
};

} // namespace accord::server
