// Outbox and acknowledgements: order and stable sequence numbers, removal up to a sequence
// number, the server state vector only ever moving forward, outbox untouched by compaction.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "accord/document_store.h"
#include "store_test_util.h"

namespace accord {
namespace {

using testing::open_store;
using testing::Recorder;
using testing::TempDir;

TEST(Outbox, ListsLocalUpdatesInOrderWithStableSequenceNumbers) {
  TempDir dir;
  const std::string path = dir.file("o.db");
  Recorder a(1);
  std::vector<std::vector<std::uint8_t>> local;
  std::vector<std::uint64_t> seqs;
  {
    auto store = open_store(path);
    ASSERT_TRUE(store);
    for (int i = 0; i < 5; ++i) {
      local.push_back(a.set("k" + std::to_string(i), i));
      auto r = store->append_local("t/o", local.back());
      ASSERT_TRUE(r.ok());
      seqs.push_back(*r->outbox_seq);
      // Remote updates in between never enter the outbox.
      ASSERT_TRUE(store->append_remote("t/o", a.set("remote" + std::to_string(i), i)).ok());
    }
    ASSERT_TRUE(store->compact("t/o").ok()); // compaction leaves the outbox alone
  }
  auto store = open_store(path);
  ASSERT_TRUE(store);
  auto outbox = store->outbox("t/o");
  ASSERT_TRUE(outbox.ok());
  ASSERT_EQ(outbox->size(), 5u);
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ((*outbox)[i].seq, seqs[i]);
    EXPECT_EQ((*outbox)[i].update, local[i]);
    if (i > 0) {
      EXPECT_GT(seqs[i], seqs[i - 1]);
    }
  }
  auto limited = store->outbox("t/o", 2);
  ASSERT_TRUE(limited.ok());
  ASSERT_EQ(limited->size(), 2u);
  EXPECT_EQ((*limited)[1].seq, seqs[1]);
}

TEST(Outbox, AcknowledgeRemovesUpToTheSequenceNumber) {
  auto store = open_store(":memory:");
  ASSERT_TRUE(store);
  Recorder a(1);
  std::vector<std::uint64_t> seqs;
  for (int i = 0; i < 4; ++i) {
    auto r = store->append_local("t/o", a.set("k", i));
    ASSERT_TRUE(r.ok());
    seqs.push_back(*r->outbox_seq);
  }
  auto removed = store->acknowledge("t/o", seqs[1]);
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(*removed, 2u);
  auto outbox = store->outbox("t/o");
  ASSERT_TRUE(outbox.ok());
  ASSERT_EQ(outbox->size(), 2u);
  EXPECT_EQ((*outbox)[0].seq, seqs[2]);
  // Acknowledging again (a duplicate SyncStatus) removes nothing more.
  auto again = store->acknowledge("t/o", seqs[1]);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, 0u);
  // The log still has all four updates: acknowledging never touches the document's state.
  auto size = store->document_size("t/o");
  ASSERT_TRUE(size.ok());
  EXPECT_EQ(size->log_rows, 4u);
  EXPECT_EQ(store->acknowledge("t/unknown", 1).status().code(), StatusCode::kNotFound);
}

TEST(Outbox, ServerStateVectorNeverGoesBackwards) {
  TempDir dir;
  const std::string path = dir.file("sv.db");
  {
    auto store = open_store(path);
    ASSERT_TRUE(store);
    Recorder a(1);
    auto r = store->append_local("t/s", a.set("k", 1));
    ASSERT_TRUE(r.ok());
    auto sv = store->server_state_vector("t/s");
    ASSERT_TRUE(sv.ok());
    EXPECT_TRUE(sv->empty());
    ASSERT_TRUE(store->acknowledge("t/s", *r->outbox_seq, {{1, 5}, {2, 10}}).ok());
    // An older (smaller) state vector arrives late: merged per client, never replaced.
    ASSERT_TRUE(store->merge_server_state_vector("t/s", {{1, 3}, {2, 12}, {7, 1}}).is_ok());
    ASSERT_TRUE(store->acknowledge("t/s", 0, {{1, 4}}).ok());
  }
  auto store = open_store(path);
  ASSERT_TRUE(store);
  auto sv = store->server_state_vector("t/s");
  ASSERT_TRUE(sv.ok());
  EXPECT_EQ(*sv, (StateVector{{1, 5}, {2, 12}, {7, 1}}));
  EXPECT_EQ(store->merge_server_state_vector("t/none", {{1, 1}}).code(), StatusCode::kNotFound);
}

TEST(Outbox, RandomAcknowledgementsKeepTheStateVectorMonotonic) {
  std::mt19937_64 rng(testing::test_seed("RandomAcknowledgementsKeepTheStateVectorMonotonic"));
  auto store = open_store(":memory:");
  ASSERT_TRUE(store);
  Recorder a(1);
  ASSERT_TRUE(store->append_local("t/r", a.set("k", 1)).ok());
  StateVector expected;
  for (int i = 0; i < 200; ++i) {
    StateVector sv;
    for (int c = 0; c < 3; ++c) {
      if (rng() % 2 == 0) sv[static_cast<std::uint64_t>(c)] = rng() % 100;
    }
    for (const auto& [client, clock] : sv) expected[client] = std::max(expected[client], clock);
    ASSERT_TRUE(store->merge_server_state_vector("t/r", sv).is_ok());
    auto stored = store->server_state_vector("t/r");
    ASSERT_TRUE(stored.ok());
    EXPECT_EQ(*stored, expected) << "step " << i;
  }
}

} // namespace
} // namespace accord
