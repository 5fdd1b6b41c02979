#pragma once
// A DocumentStorage for group-commit tests: it keeps documents in memory and holds its first
// append_batch open until the test releases it, recording the size of every batch. While that
// first transaction is held, everything the server queues must wait for the next one, so the
// tests decide deterministically what one transaction contains.
#include "document_storage.h"

#include <condition_variable>
#include <mutex>
#include <vector>

namespace accord::server::testing {

class GateStorage final : public DocumentStorage {
public:
  Result<bool> load(std::string_view document, Doc& doc) override {
    return inner_.load(document, doc);
  }
  Status append_batch(std::span<const StoredUpdate> updates) override {
    std::unique_lock lock(mutex_);
    batches_.push_back(updates.size());
    entered_ = true;
    changed_.notify_all();
    changed_.wait(lock, [this] { return released_; });
    if (fail_) return Status::error(StatusCode::kIoError, "disk full");
    return inner_.append_batch(updates);
  }
  Status compact(std::string_view document) override { return inner_.compact(document); }
  std::uint64_t transactions() const override { return inner_.transactions(); }

  /// Waits until the first append_batch is being held.
  void wait_entered() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return entered_; });
  }
  /// Lets the held append (and every later one) finish; with `fail` they report an I/O error.
  void release(bool fail = false) {
    std::lock_guard lock(mutex_);
    released_ = true;
    fail_ = fail;
    changed_.notify_all();
  }
  /// The number of updates of each append_batch so far.
  std::vector<std::size_t> batches() {
    std::lock_guard lock(mutex_);
    return batches_;
  }

private:
  MemoryDocumentStorage inner_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool entered_ = false;
  bool released_ = false;
  bool fail_ = false;
  std::vector<std::size_t> batches_;
};

} // namespace accord::server::testing
