// DocumentStore round trips: appends (single and batch), loads, compaction, listing, sizes,
// validation of names and updates, pending structs kept raw.
#include <gtest/gtest.h>

#include "accord/document_store.h"
#include "accord/update_ops.h"
#include "store_test_util.h"

namespace accord {
namespace {

using testing::json;
using testing::open_store;
using testing::Recorder;
using testing::stored_json;
using testing::TempDir;

TEST(DocumentStore, AppendLoadRoundTripAcrossReopen) {
  TempDir dir;
  const std::string path = dir.file("store.db");
  Recorder alice(1);
  {
    auto store = open_store(path);
    ASSERT_TRUE(store);
    auto a = store->append_local("team/account/1", alice.set("name", "Acme"));
    ASSERT_TRUE(a.ok()) << a.status().to_string();
    EXPECT_TRUE(a->outbox_seq.has_value());
    auto b = store->append_remote("team/account/1", alice.set("tier", "A"));
    ASSERT_TRUE(b.ok()) << b.status().to_string();
    EXPECT_FALSE(b->outbox_seq.has_value());
    EXPECT_GT(b->log_seq, a->log_seq);
  }
  auto store = open_store(path);
  ASSERT_TRUE(store);
  EXPECT_EQ(stored_json(*store, "team/account/1"), json(alice.doc()));

  auto loaded = store->load("team/account/1");
  ASSERT_TRUE(loaded.ok()) << loaded.status().to_string();
  EXPECT_TRUE(loaded->exists);
  EXPECT_FALSE(loaded->has_pending);
  EXPECT_EQ(loaded->state_vector, state_vector(alice.doc()));
  Doc reloaded(DocOptions::with_client_id(5));
  ASSERT_TRUE(apply_update(reloaded, loaded->state).is_ok());
  EXPECT_EQ(json(reloaded), json(alice.doc()));

  auto raw = store->read("team/account/1");
  ASSERT_TRUE(raw.ok());
  ASSERT_EQ(raw->log.size(), 2u);
  EXPECT_EQ(raw->log[0].source, UpdateSource::kLocal);
  EXPECT_EQ(raw->log[1].source, UpdateSource::kRemote);
}

TEST(DocumentStore, MissingDocumentLoadsAsNothingAndWritesNothing) {
  auto store = open_store(":memory:");
  ASSERT_TRUE(store);
  Doc doc;
  auto info = store->load_into("team/none", doc);
  ASSERT_TRUE(info.ok());
  EXPECT_FALSE(info->exists);
  auto names = store->list_documents();
  ASSERT_TRUE(names.ok());
  EXPECT_TRUE(names->empty());
  auto loaded = store->load("team/none");
  ASSERT_TRUE(loaded.ok());
  EXPECT_FALSE(loaded->exists);
}

TEST(DocumentStore, BatchAppendIsOneAllOrNothingTransaction) {
  auto store = open_store(":memory:");
  ASSERT_TRUE(store);
  Recorder a(1);
  Recorder b(2);
  const auto u1 = a.set("x", 1);
  const auto u2 = b.set("y", 2);
  const auto u3 = a.set("z", 3);
  std::vector<AppendEntry> entries = {{"t/a", u1, UpdateSource::kRemote, false},
                                      {"t/b", u2, UpdateSource::kLocal, false},
                                      {"t/a", u3, UpdateSource::kRemote, false}};
  auto results = store->append_batch(entries);
  ASSERT_TRUE(results.ok()) << results.status().to_string();
  ASSERT_EQ(results->size(), 3u);
  EXPECT_LT((*results)[0].log_seq, (*results)[1].log_seq);
  EXPECT_LT((*results)[1].log_seq, (*results)[2].log_seq);
  EXPECT_TRUE((*results)[1].outbox_seq.has_value());
  EXPECT_EQ(stored_json(*store, "t/a"), json(a.doc()));
  EXPECT_EQ(stored_json(*store, "t/b"), json(b.doc()));

  // One bad entry: nothing of the batch is written, and the error names the entry.
  const std::vector<std::uint8_t> garbage = {0x05, 0xff, 0xff, 0x01};
  const auto u4 = a.set("w", 4);
  std::vector<AppendEntry> bad = {{"t/c", u4, UpdateSource::kRemote, false},
                                  {"t/c", garbage, UpdateSource::kRemote, false}};
  auto failed = store->append_batch(bad);
  ASSERT_FALSE(failed.ok());
  EXPECT_NE(failed.status().message().find("entry 1"), std::string::npos)
      << failed.status().to_string();
  EXPECT_NE(failed.status().message().find("t/c"), std::string::npos);
  auto names = store->list_documents();
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, (std::vector<std::string>{"t/a", "t/b"}));
}

TEST(DocumentStore, RejectsInvalidUpdatesAndNamesBeforeWriting) {
  auto store = open_store(":memory:");
  ASSERT_TRUE(store);
  Recorder a(1);
  auto update = a.set("k", "v");
  // Every truncation of a valid update is refused, nothing stored.
  for (std::size_t n = 1; n + 1 < update.size(); ++n) {
    std::vector<std::uint8_t> cut(update.begin(), update.begin() + static_cast<long>(n));
    auto r = store->append_remote("t/doc", cut);
    EXPECT_FALSE(r.ok()) << "truncated at " << n;
  }
  auto size = store->document_size("t/doc");
  ASSERT_TRUE(size.ok());
  EXPECT_EQ(size->log_rows, 0u);

  EXPECT_EQ(store->append_remote("", update).status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(store->append_remote(std::string(2000, 'x'), update).status().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store->append_remote(std::string("a\0b", 3), update).status().code(),
            StatusCode::kInvalidArgument);

  StoreOptions small;
  small.max_update_bytes = 4;
  auto limited = open_store(":memory:", small);
  ASSERT_TRUE(limited);
  EXPECT_EQ(limited->append_remote("t/doc", update).status().code(), StatusCode::kLimitExceeded);
}

TEST(DocumentStore, CompactionMergesTheLogAndKeepsTheState) {
  TempDir dir;
  auto store = open_store(dir.file("s.db"));
  ASSERT_TRUE(store);
  Recorder a(1);
  for (int i = 0; i < 50; ++i) {
    ASSERT_TRUE(store->append_remote("t/d", a.set("k" + std::to_string(i % 7), i)).ok());
  }
  ASSERT_TRUE(store->append_remote("t/d", a.type(0, "hello world")).ok());
  ASSERT_TRUE(store->append_remote("t/d", a.remove("k1")).ok());
  const std::string before = stored_json(*store, "t/d");
  EXPECT_EQ(before, json(a.doc()));

  auto result = store->compact("t/d");
  ASSERT_TRUE(result.ok()) << result.status().to_string();
  EXPECT_TRUE(result->compacted);
  EXPECT_EQ(result->rows_merged, 52u);
  EXPECT_LT(result->bytes_after, result->bytes_before);
  auto size = store->document_size("t/d");
  ASSERT_TRUE(size.ok());
  EXPECT_EQ(size->log_rows, 0u);
  EXPECT_EQ(size->snapshot_bytes, result->bytes_after);
  EXPECT_EQ(stored_json(*store, "t/d"), before);

  // Appends after a compaction go on top of the snapshot; a second compaction folds them in.
  ASSERT_TRUE(store->append_remote("t/d", a.set("after", true)).ok());
  EXPECT_EQ(stored_json(*store, "t/d"), json(a.doc()));
  auto again = store->compact("t/d");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->compacted);
  EXPECT_EQ(again->rows_merged, 1u);
  EXPECT_EQ(stored_json(*store, "t/d"), json(a.doc()));
  auto loaded = store->load("t/d");
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->state_vector, state_vector(a.doc()));

  // Nothing to do on an empty log or an unknown document.
  auto noop = store->compact("t/d");
  ASSERT_TRUE(noop.ok());
  EXPECT_FALSE(noop->compacted);
  auto unknown = store->compact("t/unknown");
  ASSERT_TRUE(unknown.ok());
  EXPECT_FALSE(unknown->compacted);
}

TEST(DocumentStore, CompactionKeepsRawUpdatesWhilePendingStructsWait) {
  auto store = open_store(":memory:");
  ASSERT_TRUE(store);
  Recorder a(1);
  const auto first = a.set("a", 1);
  const auto second = a.set("b", 2); // depends on nothing but comes after clock 0..0 of client 1
  const auto third = a.set("c", 3);
  // Only the later updates arrive: their structs wait for clock 0.
  ASSERT_TRUE(store->append_remote("t/p", second).ok());
  ASSERT_TRUE(store->append_remote("t/p", third).ok());
  auto loaded = store->load("t/p");
  ASSERT_TRUE(loaded.ok());
  EXPECT_TRUE(loaded->has_pending);

  auto result = store->compact("t/p");
  ASSERT_TRUE(result.ok()) << result.status().to_string();
  EXPECT_FALSE(result->compacted);
  EXPECT_TRUE(result->has_pending);
  auto raw = store->read("t/p");
  ASSERT_TRUE(raw.ok());
  ASSERT_EQ(raw->log.size(), 2u); // the raw updates are still there, byte for byte
  EXPECT_EQ(raw->log[0].update, second);
  EXPECT_EQ(raw->log[1].update, third);
  EXPECT_TRUE(raw->snapshot.empty());

  // compact_from refuses a doc with pending structs too.
  Doc pending(DocOptions::with_client_id(9));
  ASSERT_TRUE(store->load_into("t/p", pending).ok());
  EXPECT_EQ(store->compact_from("t/p", pending, raw->log.back().seq).status().code(),
            StatusCode::kFailedPrecondition);

  // The missing update arrives: everything integrates and compaction proceeds.
  ASSERT_TRUE(store->append_remote("t/p", first).ok());
  auto done = store->compact("t/p");
  ASSERT_TRUE(done.ok());
  EXPECT_TRUE(done->compacted);
  EXPECT_EQ(stored_json(*store, "t/p"), json(a.doc()));
}

TEST(DocumentStore, CompactFromRefusesADocThatLacksTheStoredState) {
  auto store = open_store(":memory:");
  ASSERT_TRUE(store);
  Recorder a(1);
  ASSERT_TRUE(store->append_remote("t/e", a.set("x", 1)).ok());
  auto last = store->append_remote("t/e", a.set("y", 2));
  ASSERT_TRUE(last.ok());
  // An empty doc (as after a failed load) must never replace the stored state.
  Doc empty(DocOptions::with_client_id(3));
  auto refused = store->compact_from("t/e", empty, last->log_seq);
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(stored_json(*store, "t/e"), json(a.doc()));
  auto size = store->document_size("t/e");
  ASSERT_TRUE(size.ok());
  EXPECT_EQ(size->log_rows, 2u);
  // The doc that holds the state compacts.
  auto ok = store->compact_from("t/e", a.doc(), last->log_seq);
  ASSERT_TRUE(ok.ok()) << ok.status().to_string();
  EXPECT_TRUE(ok->compacted);
  EXPECT_EQ(stored_json(*store, "t/e"), json(a.doc()));
}

TEST(DocumentStore, ListSizeAndRemove) {
  auto store = open_store(":memory:");
  ASSERT_TRUE(store);
  Recorder a(1);
  const auto u = a.set("k", std::string(100, 'v'));
  ASSERT_TRUE(store->append_local("team/b", u).ok());
  ASSERT_TRUE(store->append_remote("team/a", u).ok());
  auto names = store->list_documents();
  ASSERT_TRUE(names.ok());
  EXPECT_EQ(*names, (std::vector<std::string>{"team/a", "team/b"}));
  auto size = store->document_size("team/b");
  ASSERT_TRUE(size.ok());
  EXPECT_EQ(size->log_rows, 1u);
  EXPECT_EQ(size->log_bytes, u.size());
  EXPECT_EQ(size->outbox_rows, 1u);
  EXPECT_EQ(size->outbox_bytes, u.size());
  EXPECT_EQ(size->snapshot_bytes, 0u);
  EXPECT_EQ(size->total_bytes(), 2 * u.size());

  auto removed = store->remove_document("team/b");
  ASSERT_TRUE(removed.ok());
  EXPECT_TRUE(*removed);
  auto gone = store->document_size("team/b");
  ASSERT_TRUE(gone.ok());
  EXPECT_EQ(gone->total_bytes(), 0u);
  auto outbox = store->outbox("team/b");
  ASSERT_TRUE(outbox.ok());
  EXPECT_TRUE(outbox->empty());
  auto integrity = store->integrity_check();
  ASSERT_TRUE(integrity.ok());
  EXPECT_EQ(*integrity, "ok");
}

TEST(DocumentStore, TwoConnectionsShareOneFile) {
  TempDir dir;
  const std::string path = dir.file("shared.db");
  auto first = open_store(path);
  auto second = open_store(path);
  ASSERT_TRUE(first && second);
  Recorder a(1);
  ASSERT_TRUE(first->append_remote("t/x", a.set("one", 1)).ok());
  ASSERT_TRUE(second->append_remote("t/x", a.set("two", 2)).ok());
  ASSERT_TRUE(first->compact("t/x").ok());
  EXPECT_EQ(stored_json(*second, "t/x"), json(a.doc()));
}

} // namespace
} // namespace accord
