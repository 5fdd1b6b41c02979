// Crash safety: a child process appends and compacts in a loop and is killed with SIGKILL at a
// random moment (after a random number of acknowledged appends: no sleeps); the parent then
// reopens the file and checks `PRAGMA integrity_check`, that every update whose append returned
// before the kill is present, and that the documents load. Seeded: the seed is printed and
// ACCORD_STORE_SEED replays it; ACCORD_STORE_CRASH_CYCLES sets the number of kills (default 12).
//
// The child exercises both paths: a LocalDocument (transactions saved by the update hook, with
// automatic compaction from the in-memory doc every few rows) and DocumentStore::append_batch
// of remote updates followed by DocumentStore::compact on a second document.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <map>
#include <random>
#include <set>

#include "accord/local_document.h"
#include "store_test_util.h"

namespace accord {
namespace {

using testing::open_store;
using testing::TempDir;

struct Ack {
  std::int32_t kind; // 0: LocalDocument transaction, 1: batch of two remote updates
  std::int32_t key;
};

constexpr const char* kLocalDoc = "team/account/crash";
constexpr const char* kBatchDoc = "team/visits/crash";

bool write_ack(int fd, Ack ack) {
  const char* p = reinterpret_cast<const char*>(&ack);
  std::size_t left = sizeof ack;
  while (left > 0) {
    const ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

/// Child exit with the error on stderr (the parent reports the status).
[[noreturn]] void die(const char* where, const Status& status) {
  std::fprintf(stderr, "crash child: %s: %s\n", where, status.to_string().c_str());
  std::fflush(stderr);
  _exit(2);
}

/// The child: runs until killed. Exits 2 on any store error (the parent then fails).
[[noreturn]] void child_loop(const std::string& path, int fd, int cycle, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto store = DocumentStore::open(path);
  if (!store.ok()) die("open", store.status());
  LocalDocumentOptions options;
  options.doc = DocOptions::with_client_id(static_cast<std::uint64_t>(100 + cycle));
  options.compact_after_rows = 2 + rng() % 8;
  auto local = LocalDocument::open(**store, kLocalDoc, options);
  if (!local.ok()) die("LocalDocument::open", local.status());
  Doc remote(DocOptions::with_client_id(static_cast<std::uint64_t>(10000 + cycle)));
  std::vector<std::vector<std::uint8_t>> pending;
  remote.observe_update(
      [&](const std::vector<std::uint8_t>& update, const Origin&) { pending.push_back(update); });
  for (std::int32_t i = 0;; ++i) {
    const std::int32_t key = cycle * 1000000 + i;
    if (rng() % 3 != 0) {
      Status saved = (*local)->transact([&](Transaction& txn) {
        (*local)->doc().get_map("m").set(txn, "k" + std::to_string(key), key);
        if (key % 5 == 0) (void)(*local)->doc().get_text("notes").insert(txn, 0, "note ");
      });
      if (!saved.is_ok()) die("transact", saved);
      if (!write_ack(fd, Ack{0, key})) _exit(3);
    } else {
      pending.clear();
      remote.transact(
          [&](Transaction& txn) { remote.get_map("v").set(txn, "a" + std::to_string(key), key); });
      remote.transact(
          [&](Transaction& txn) { remote.get_map("v").set(txn, "b" + std::to_string(key), key); });
      std::vector<AppendEntry> entries;
      for (const auto& u : pending) entries.push_back({kBatchDoc, u, UpdateSource::kRemote, false});
      auto appended = (*store)->append_batch(entries);
      if (!appended.ok()) die("append_batch", appended.status());
      if (!write_ack(fd, Ack{1, key})) _exit(3);
      if (rng() % 4 == 0) {
        auto compacted = (*store)->compact(kBatchDoc);
        if (!compacted.ok()) die("compact", compacted.status());
      }
    }
  }
}

/// Reads one ack; false at end of file.
bool read_ack(int fd, Ack& ack) {
  char* p = reinterpret_cast<char*>(&ack);
  std::size_t got = 0;
  while (got < sizeof ack) {
    const ssize_t n = ::read(fd, p + got, sizeof ack - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    got += static_cast<std::size_t>(n);
  }
  return true;
}

TEST(CrashSafety, SigkillDuringAppendsAndCompactionsLosesNothingAcknowledged) {
  const std::uint64_t seed =
      testing::test_seed("CrashSafety.SigkillDuringAppendsAndCompactionsLosesNothingAcknowledged");
  std::mt19937_64 rng(seed);
  int cycles = 12;
  if (const char* env = std::getenv("ACCORD_STORE_CRASH_CYCLES")) cycles = std::atoi(env);
  TempDir dir;
  const std::string path = dir.file("crash.db");
  std::set<std::int32_t> local_keys;
  std::set<std::int32_t> batch_keys;
  std::size_t compactions_seen = 0;

  for (int cycle = 0; cycle < cycles; ++cycle) {
    int fds[2];
    ASSERT_EQ(::pipe(fds), 0);
    const std::uint64_t child_seed = rng();
    const int kill_after = 1 + static_cast<int>(rng() % 80);
    std::fflush(stdout);
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::close(fds[0]);
      child_loop(path, fds[1], cycle, child_seed);
    }
    ::close(fds[1]);
    Ack ack{};
    int acked = 0;
    bool child_ended = false;
    while (acked < kill_after) {
      if (!read_ack(fds[0], ack)) {
        child_ended = true;
        break;
      }
      (ack.kind == 0 ? local_keys : batch_keys).insert(ack.key);
      ++acked;
    }
    // A random delay (a spin, not a wait for anything) moves the kill to a random point of
    // the child's next append or compaction.
    const std::uint64_t spin = rng() % 400000;
    volatile std::uint64_t sink = 0;
    for (std::uint64_t s = 0; s < spin; ++s) sink = s;
    (void)sink;
    ::kill(pid, SIGKILL);
    int wstatus = 0;
    ASSERT_EQ(::waitpid(pid, &wstatus, 0), pid);
    // Acks written before the kill count too: their appends had returned.
    while (read_ack(fds[0], ack)) (ack.kind == 0 ? local_keys : batch_keys).insert(ack.key);
    ::close(fds[0]);
    ASSERT_FALSE(child_ended) << "cycle " << cycle << ": the child stopped by itself (status "
                              << wstatus << ")";
    ASSERT_TRUE(WIFSIGNALED(wstatus) && WTERMSIG(wstatus) == SIGKILL)
        << "cycle " << cycle << " status " << wstatus;

    // Reopen: the file is healthy and holds every acknowledged update.
    auto store = open_store(path);
    ASSERT_TRUE(store) << "cycle " << cycle;
    auto integrity = store->integrity_check();
    ASSERT_TRUE(integrity.ok());
    ASSERT_EQ(*integrity, "ok") << "cycle " << cycle;
    Doc local_doc(DocOptions::with_client_id(1));
    auto info = store->load_into(kLocalDoc, local_doc);
    ASSERT_TRUE(info.ok()) << "cycle " << cycle << ": " << info.status().to_string();
    EXPECT_FALSE(info->has_pending);
    for (const std::int32_t key : local_keys) {
      ASSERT_TRUE(local_doc.get_map("m").contains("k" + std::to_string(key)))
          << "cycle " << cycle << ": acknowledged local edit k" << key << " lost";
    }
    Doc batch_doc(DocOptions::with_client_id(2));
    auto batch_info = store->load_into(kBatchDoc, batch_doc);
    ASSERT_TRUE(batch_info.ok()) << batch_info.status().to_string();
    for (const std::int32_t key : batch_keys) {
      ASSERT_TRUE(batch_doc.get_map("v").contains("a" + std::to_string(key)) &&
                  batch_doc.get_map("v").contains("b" + std::to_string(key)))
          << "cycle " << cycle << ": acknowledged batch " << key << " lost";
    }
    auto size = store->document_size(kLocalDoc);
    ASSERT_TRUE(size.ok());
    if (size->snapshot_bytes > 0) ++compactions_seen;
    // Every acknowledged local edit is still in the outbox (nothing acknowledged them).
    auto outbox = store->outbox(kLocalDoc);
    ASSERT_TRUE(outbox.ok());
    EXPECT_GE(outbox->size(), local_keys.size());
  }
  std::printf("%d kills, %zu local edits and %zu batches acknowledged, all present\n", cycles,
              local_keys.size(), batch_keys.size());
  EXPECT_GT(compactions_seen, 0u);
}

} // namespace
} // namespace accord
