#include "sqlite_document_storage.h"

namespace accord::server {

Result<std::unique_ptr<SqliteDocumentStorage>> SqliteDocumentStorage::open(
    const std::string& path) {
  StoreOptions options;
  // The hub applies every update before storing it; compaction verifies its snapshot.
  ACCORD_ASSIGN_OR_RETURN(auto writer, DocumentStore::open(path, options));
  ACCORD_ASSIGN_OR_RETURN(auto reader, DocumentStore::open(path, options));
  return std::unique_ptr<SqliteDocumentStorage>(
      new SqliteDocumentStorage(std::move(writer), std::move(reader)));
}

Result<bool> SqliteDocumentStorage::load(std::string_view document, Doc& doc) {
  std::lock_guard lock(read_mutex_);
  ACCORD_ASSIGN_OR_RETURN(LoadInfo info, reader_->load_into(document, doc));
  return info.exists;
}

Status SqliteDocumentStorage::append_batch(std::span<const StoredUpdate> updates) {
  if (updates.empty()) return Status::ok();
  std::vector<AppendEntry> entries;
  entries.reserve(updates.size());
  for (const StoredUpdate& update : updates) {
    AppendEntry entry;
    entry.document = update.document;
    entry.update = update.update;
    entry.source = UpdateSource::kRemote;
    entry.already_applied = true;
    entries.push_back(entry);
  }
  std::lock_guard lock(write_mutex_);
  auto appended = writer_->append_batch(entries);
  if (!appended.ok()) return appended.status();
  ++transactions_;
  return Status::ok();
}

Status SqliteDocumentStorage::compact(std::string_view document) {
  std::lock_guard lock(write_mutex_);
  auto compacted = writer_->compact(document);
  if (!compacted.ok() && compacted.status().code() != StatusCode::kNotFound) {
    return compacted.status();
  }
  return Status::ok();
}

std::uint64_t SqliteDocumentStorage::transactions() const {
  std::lock_guard lock(write_mutex_);
  return transactions_;
}

} // namespace accord::server
