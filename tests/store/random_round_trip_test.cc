// Seeded random sessions: three peers edit maps and text concurrently; their updates reach the
// store in a shuffled order (so structs often wait as pending), as local or remote appends and
// batches, with compactions and reopens at random points. At the end the stored document must
// load to exactly the state of a doc that received every update, compacted or not.
// ACCORD_STORE_SEED replays a run, ACCORD_STORE_SESSIONS sets the number of sessions (12).
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "accord/document_store.h"
#include "store_test_util.h"

namespace accord {
namespace {

using testing::json;
using testing::open_store;
using testing::stored_json;
using testing::TempDir;

TEST(RandomRoundTrip, ShuffledAppendsCompactionsAndReopensKeepTheState) {
  const std::uint64_t seed = testing::test_seed("RandomRoundTrip");
  int sessions = 12;
  if (const char* env = std::getenv("ACCORD_STORE_SESSIONS")) sessions = std::atoi(env);
  std::mt19937_64 rng(seed);
  TempDir dir;
  for (int session = 0; session < sessions; ++session) {
    SCOPED_TRACE("session " + std::to_string(session) + " (seed " + std::to_string(seed) + ")");
    const std::string path = dir.file("r" + std::to_string(session) + ".db");
    std::vector<std::unique_ptr<Doc>> peers;
    std::vector<std::vector<std::uint8_t>> updates;
    for (std::uint64_t c = 1; c <= 3; ++c) {
      peers.push_back(std::make_unique<Doc>(DocOptions::with_client_id(c)));
      peers.back()->observe_update(
          [&updates](const std::vector<std::uint8_t>& u, const Origin&) { updates.push_back(u); });
    }
    // Edits, with occasional syncs between peers (so later edits depend on others' items).
    const int steps = 10 + static_cast<int>(rng() % 30);
    for (int step = 0; step < steps; ++step) {
      Doc& peer = *peers[rng() % peers.size()];
      const int action = static_cast<int>(rng() % 4);
      peer.transact([&](Transaction& txn) {
        TextRef text = peer.get_text("t");
        const std::uint64_t length = text.length();
        if (action == 0) peer.get_map("m").set(txn, "k" + std::to_string(rng() % 5), step);
        if (action == 1) peer.get_map("m").remove(txn, "k" + std::to_string(rng() % 5));
        if (action == 2) (void)text.insert(txn, rng() % (length + 1), "ab中");
        if (action == 3 && length > 0) {
          const std::uint64_t at = rng() % length;
          (void)text.remove(txn, at, std::min<std::uint64_t>(1 + rng() % 3, length - at));
        }
      });
      if (rng() % 4 == 0) {
        Doc& a = *peers[rng() % peers.size()];
        Doc& b = *peers[rng() % peers.size()];
        if (&a != &b) {
          ASSERT_TRUE(apply_update(b, encode_state_as_update(a)).is_ok());
        }
      }
    }
    // The reference receives the updates in the store's (shuffled) order: the test is about
    // the store, not about the engine's convergence under reordering (tests/fuzz covers that).
    std::shuffle(updates.begin(), updates.end(), rng);
    Doc expected(DocOptions::with_client_id(50));
    for (const auto& u : updates) ASSERT_TRUE(apply_update(expected, u).is_ok());
    auto store = open_store(path);
    ASSERT_TRUE(store);
    const std::string name = "team/account/" + std::to_string(session);
    for (std::size_t i = 0; i < updates.size();) {
      const int op = static_cast<int>(rng() % 10);
      if (op < 5) {
        const bool local = rng() % 2 == 0;
        auto r =
            local ? store->append_local(name, updates[i]) : store->append_remote(name, updates[i]);
        ASSERT_TRUE(r.ok()) << r.status().to_string();
        ++i;
      } else if (op < 7) {
        std::vector<AppendEntry> batch;
        const std::size_t n = std::min<std::size_t>(1 + rng() % 4, updates.size() - i);
        for (std::size_t k = 0; k < n; ++k) {
          batch.push_back({name, updates[i + k], UpdateSource::kRemote, false});
        }
        ASSERT_TRUE(store->append_batch(batch).ok());
        i += n;
      } else if (op < 9) {
        auto c = store->compact(name);
        ASSERT_TRUE(c.ok()) << c.status().to_string();
      } else {
        store.reset();
        store = open_store(path);
        ASSERT_TRUE(store);
      }
    }
    EXPECT_EQ(stored_json(*store, name), json(expected));
    auto loaded = store->load(name);
    ASSERT_TRUE(loaded.ok());
    EXPECT_FALSE(loaded->has_pending);
    EXPECT_EQ(loaded->state_vector, state_vector(expected));
    auto final_compaction = store->compact(name);
    ASSERT_TRUE(final_compaction.ok()) << final_compaction.status().to_string();
    EXPECT_EQ(stored_json(*store, name), json(expected));
  }
}

} // namespace
} // namespace accord
