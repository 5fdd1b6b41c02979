// LocalDocument: a Doc bound to the store. Local transactions are durable (log + outbox) when
// they return, remote updates are logged only, the log compacts past its threshold, a failed
// load leaves nothing behind, and a failed save keeps the update for flush().
#include <gtest/gtest.h>

#include "accord/local_document.h"
#include "store_test_util.h"

namespace accord {
namespace {

using testing::json;
using testing::open_store;
using testing::raw_sql;
using testing::Recorder;
using testing::stored_json;
using testing::TempDir;

std::unique_ptr<LocalDocument> open_local(DocumentStore& store, const std::string& name,
                                          LocalDocumentOptions options = {}) {
  auto local = LocalDocument::open(store, name, std::move(options));
  EXPECT_TRUE(local.ok()) << local.status().to_string();
  return local.ok() ? std::move(local).value() : nullptr;
}

TEST(LocalDocument, LocalEditsAreDurableWhenTransactReturns) {
  TempDir dir;
  const std::string path = dir.file("l.db");
  std::string expected;
  {
    auto store = open_store(path);
    auto local = open_local(*store, "team/account/1");
    ASSERT_TRUE(local);
    Status saved = local->transact([&](Transaction& txn) {
      local->doc().get_map("profile").set(txn, "name", "Acme");
      local->doc().get_map("profile").set(txn, "tier", "A");
    });
    ASSERT_TRUE(saved.is_ok()) << saved.to_string();
    // A second store connection sees it at once: it is committed, not buffered.
    auto other = open_store(path);
    EXPECT_EQ(stored_json(*other, "team/account/1"), json(local->doc()));
    // A plain doc().transact is captured by the hook too.
    local->doc().transact([&](Transaction& txn) {
      (void)local->doc().get_text("notes").insert(txn, 0, "met the CFO");
    });
    EXPECT_TRUE(local->save_status().is_ok());
    EXPECT_EQ(stored_json(*other, "team/account/1"), json(local->doc()));
    auto outbox = local->outbox();
    ASSERT_TRUE(outbox.ok());
    EXPECT_EQ(outbox->size(), 2u);
    expected = json(local->doc());
  }
  auto store = open_store(path);
  auto reopened = open_local(*store, "team/account/1");
  ASSERT_TRUE(reopened);
  EXPECT_EQ(json(reopened->doc()), expected);
  // Loading writes nothing: still two log rows.
  auto size = store->document_size("team/account/1");
  ASSERT_TRUE(size.ok());
  EXPECT_EQ(size->log_rows, 2u);
}

TEST(LocalDocument, RemoteUpdatesAreLoggedButNotSentBack) {
  auto store = open_store(":memory:");
  auto local = open_local(*store, "t/r");
  ASSERT_TRUE(local);
  Recorder server(7);
  const auto update = server.set("from", "server");
  ASSERT_TRUE(local->apply_remote(update).is_ok());
  EXPECT_EQ(json(local->doc()), json(server.doc()));
  auto outbox = local->outbox();
  ASSERT_TRUE(outbox.ok());
  EXPECT_TRUE(outbox->empty());
  auto raw = store->read("t/r");
  ASSERT_TRUE(raw.ok());
  ASSERT_EQ(raw->log.size(), 1u);
  EXPECT_EQ(raw->log[0].update, update); // stored as received
  // A duplicate is applied as a no-op and not stored again.
  ASSERT_TRUE(local->apply_remote(update).is_ok());
  EXPECT_EQ(store->read("t/r")->log.size(), 1u);
  // Garbage is refused: doc and store unchanged.
  const std::vector<std::uint8_t> garbage = {0x03, 0x99, 0x01};
  EXPECT_FALSE(local->apply_remote(garbage).is_ok());
  EXPECT_EQ(store->read("t/r")->log.size(), 1u);
  EXPECT_EQ(json(local->doc()), json(server.doc()));
}

TEST(LocalDocument, OutOfOrderRemoteUpdatesAreKeptRawAndNotCompactedAway) {
  TempDir dir;
  const std::string path = dir.file("p.db");
  Recorder server(7);
  const auto first = server.set("a", 1);
  const auto second = server.set("b", 2);
  {
    auto store = open_store(path);
    LocalDocumentOptions options;
    options.compact_after_rows = 1;
    auto local = open_local(*store, "t/p", options);
    ASSERT_TRUE(local);
    ASSERT_TRUE(local->apply_remote(second).is_ok()); // waits for `first`
    EXPECT_TRUE(doc_has_pending(local->doc()));
    auto result = local->compact();
    ASSERT_TRUE(result.ok());
    EXPECT_TRUE(result->has_pending);
    EXPECT_FALSE(result->compacted);
    // A local edit past the threshold does not compact either.
    ASSERT_TRUE(
        local
            ->transact([&](Transaction& txn) { local->doc().get_map("m").set(txn, "local", true); })
            .is_ok());
    auto raw = store->read("t/p");
    ASSERT_TRUE(raw.ok());
    EXPECT_TRUE(raw->snapshot.empty());
    ASSERT_EQ(raw->log.size(), 2u);
    EXPECT_EQ(raw->log[0].update, second);
  }
  auto store = open_store(path);
  auto local = open_local(*store, "t/p");
  ASSERT_TRUE(local);
  EXPECT_TRUE(doc_has_pending(local->doc()));
  ASSERT_TRUE(local->apply_remote(first).is_ok());
  EXPECT_FALSE(doc_has_pending(local->doc()));
  EXPECT_EQ(json(local->doc()).find("\"b\":2") != std::string::npos, true) << json(local->doc());
  auto result = local->compact();
  ASSERT_TRUE(result.ok()) << result.status().to_string();
  EXPECT_TRUE(result->compacted);
  EXPECT_EQ(stored_json(*store, "t/p"), json(local->doc()));
}

TEST(LocalDocument, CompactsWhenTheLogPassesTheThreshold) {
  auto store = open_store(":memory:");
  LocalDocumentOptions options;
  options.compact_after_rows = 10;
  auto local = open_local(*store, "t/c", options);
  ASSERT_TRUE(local);
  for (int i = 0; i < 25; ++i) {
    ASSERT_TRUE(local
                    ->transact([&](Transaction& txn) {
                      local->doc().get_map("m").set(txn, "k" + std::to_string(i % 4), i);
                    })
                    .is_ok());
    auto size = store->document_size("t/c");
    ASSERT_TRUE(size.ok());
    EXPECT_LT(size->log_rows, 10u) << "after edit " << i;
  }
  EXPECT_TRUE(local->compaction_status().is_ok()) << local->compaction_status().to_string();
  auto size = store->document_size("t/c");
  ASSERT_TRUE(size.ok());
  EXPECT_GT(size->snapshot_bytes, 0u);
  EXPECT_EQ(size->outbox_rows, 25u); // compaction never touches the outbox
  EXPECT_EQ(stored_json(*store, "t/c"), json(local->doc()));
}

TEST(LocalDocument, OriginsMarkedRemoteAreNotPutInTheOutbox) {
  auto store = open_store(":memory:");
  LocalDocumentOptions options;
  options.is_remote = [](const Origin& origin) { return origin.name == "sync"; };
  auto local = open_local(*store, "t/o", options);
  ASSERT_TRUE(local);
  Recorder server(7);
  ASSERT_TRUE(apply_update(local->doc(), server.set("s", 1), Origin{"sync", nullptr}).is_ok());
  ASSERT_TRUE(local->transact([&](Transaction& txn) { local->doc().get_map("m").set(txn, "l", 2); })
                  .is_ok());
  auto raw = store->read("t/o");
  ASSERT_TRUE(raw.ok());
  ASSERT_EQ(raw->log.size(), 2u);
  EXPECT_EQ(raw->log[0].source, UpdateSource::kRemote);
  EXPECT_EQ(raw->log[1].source, UpdateSource::kLocal);
  EXPECT_EQ(local->outbox()->size(), 1u);
}

TEST(LocalDocument, CompactionKeepsRowsAnotherConnectionAppended) {
  TempDir dir;
  const std::string path = dir.file("two.db");
  auto store = open_store(path);
  auto local = open_local(*store, "t/two");
  ASSERT_TRUE(local);
  ASSERT_TRUE(
      local->transact([&](Transaction& txn) { local->doc().get_map("m").set(txn, "mine", 1); })
          .is_ok());
  // Another connection appends an update this doc never sees, including a delete of ours.
  Doc other(DocOptions::with_client_id(77));
  ASSERT_TRUE(store->load_into("t/two", other).ok());
  std::vector<std::uint8_t> foreign;
  other.observe_update(
      [&](const std::vector<std::uint8_t>& update, const Origin&) { foreign = update; });
  other.transact([&](Transaction& txn) {
    other.get_map("m").remove(txn, "mine");
    other.get_map("m").set(txn, "theirs", 2);
  });
  auto second = open_store(path);
  ASSERT_TRUE(second->append_remote("t/two", foreign).ok());
  ASSERT_TRUE(
      local->transact([&](Transaction& txn) { local->doc().get_map("m").set(txn, "later", 3); })
          .is_ok());
  auto result = local->compact();
  ASSERT_TRUE(result.ok()) << result.status().to_string();
  EXPECT_TRUE(result->compacted);
  ASSERT_TRUE(apply_update(other, store->read("t/two")->snapshot).is_ok());
  EXPECT_EQ(stored_json(*store, "t/two"), json(other));
  EXPECT_EQ(stored_json(*store, "t/two"), "{\"m\":{\"later\":3,\"theirs\":2}}");
}

TEST(LocalDocument, FailedSaveIsReportedAndRetried) {
  TempDir dir;
  const std::string path = dir.file("f.db");
  auto store = open_store(path);
  auto local = open_local(*store, "t/f");
  ASSERT_TRUE(local);
  ASSERT_TRUE(local->transact([&](Transaction& txn) { local->doc().get_map("m").set(txn, "a", 1); })
                  .is_ok());
  // Another connection holds the write lock: the next save fails after the busy timeout.
  StoreOptions quick;
  quick.busy_timeout_ms = 10;
  auto blocked = open_store(path, quick);
  auto blocked_local = open_local(*blocked, "t/f");
  ASSERT_TRUE(blocked_local);
  raw_sql(path, "SELECT 1"); // the file is reachable
  {
    sqlite3* lock = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &lock), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(lock, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    Status saved = blocked_local->transact(
        [&](Transaction& txn) { blocked_local->doc().get_map("m").set(txn, "b", 2); });
    EXPECT_FALSE(saved.is_ok());
    EXPECT_EQ(blocked_local->unsaved(), 1u);
    EXPECT_FALSE(blocked_local->save_status().is_ok());
    sqlite3_exec(lock, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(lock);
  }
  ASSERT_TRUE(blocked_local->flush().is_ok());
  EXPECT_EQ(blocked_local->unsaved(), 0u);
  EXPECT_EQ(stored_json(*store, "t/f"), json(blocked_local->doc()));
}

} // namespace
} // namespace accord
