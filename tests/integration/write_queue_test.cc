// WriteQueue's group commit, deterministically: while one transaction is held open by the
// storage, everything submitted meanwhile goes into the next single transaction.
#include "write_queue.h"
#include "document_storage.h"
#include "gate_storage.h"

#include <gtest/gtest.h>

#include <atomic>

namespace accord::server {
namespace {

using testing::GateStorage;

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
