// WriteQueue's group commit, deterministically: while one transaction is held open by the
// storage, everything submitted meanwhile goes into the next single transaction.
#include "write_queue.h"
#include "document_storage.h"

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>

namespace accord::server {
namespace {

/// A storage whose first append blocks until released, and that records batch sizes.
class GateStorage final : public DocumentStorage {
public:
  Result<bool> load(std::string_view, Doc&) override { return false; }
  Status append_batch(std::span<const StoredUpdate> updates) override {
    std::unique_lock lock(mutex_);
    batches_.push_back(updates.size());
    entered_ = true;
    changed_.notify_all();
    changed_.wait(lock, [this] { return released_; });
    return fail_ ? Status::error(StatusCode::kIoError, "disk full") : Status::ok();
  }
  Status compact(std::string_view) override { return Status::ok(); }
  std::uint64_t transactions() const override { return 0; }

  void wait_entered() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return entered_; });
  }
  void release(bool fail = false) {
    std::lock_guard lock(mutex_);
    released_ = true;
    fail_ = fail;
    changed_.notify_all();
  }
  std::vector<std::size_t> batches() {
    std::lock_guard lock(mutex_);
    return batches_;
  }

private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool entered_ = false;
  bool released_ = false;
  bool fail_ = false;
  std::vector<std::size_t> batches_;
};

std::vector<StoredUpdate> one(const std::string& document) {
  return {StoredUpdate{document, {0, 0}}};
}

TEST(WriteQueue, UpdatesArrivingDuringAWriteShareTheNextTransaction) {
  GateStorage storage;
  std::atomic<int> done{0};
  {
    WriteQueue queue(storage);
    queue.submit(one("acme/a"), [&](const Status& s) { done += s.is_ok(); });
    storage.wait_entered();
    for (int i = 0; i < 50; ++i) {
      queue.submit(one(i % 2 ? "acme/a" : "acme/b"), [&](const Status& s) { done += s.is_ok(); });
    }
    storage.release();
    queue.flush();
    EXPECT_EQ(queue.transactions(), 2u);
    EXPECT_EQ(queue.updates_written(), 51u);
  }
  EXPECT_EQ(storage.batches(), (std::vector<std::size_t>{1, 50}));
  EXPECT_EQ(done.load(), 51);
}

TEST(WriteQueue, AFailedWriteReportsToEverySubmitter) {
  GateStorage storage;
  std::atomic<int> failed{0};
  WriteQueue queue(storage);
  queue.submit(one("acme/a"), [&](const Status& s) { failed += !s.is_ok(); });
  storage.wait_entered();
  storage.release(/*fail=*/true);
  queue.flush();
  EXPECT_EQ(failed.load(), 1);
  EXPECT_EQ(queue.transactions(), 0u);
}

TEST(MemoryDocumentStorage, LoadsWhatWasAppended) {
  MemoryDocumentStorage storage;
  Doc doc(DocOptions::with_client_id(1));
  doc.transact(
      [&](Transaction& txn) { ASSERT_TRUE(doc.get_text("t").insert(txn, 0, "hi").is_ok()); });
  ASSERT_TRUE(
      storage.append_batch(std::vector<StoredUpdate>{{"acme/x", encode_state_as_update(doc)}})
          .is_ok());
  Doc loaded;
  auto existed = storage.load("acme/x", loaded);
  ASSERT_TRUE(existed.ok());
  EXPECT_TRUE(existed.value());
  EXPECT_EQ(loaded.get_text("t").to_string(), "hi");
  Doc empty;
  EXPECT_FALSE(storage.load("acme/none", empty).value());
}

} // namespace
} // namespace accord::server
