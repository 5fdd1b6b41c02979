// Crash: the real accord-server is killed with SIGKILL at random moments while 20 C++ clients
// (each its own SyncSession over a real WebSocket on /sync) write distinct edits to four
// documents. Each client writes map entries "<client>-<n>" in order, so the edits it saw
// acknowledged are exactly its first `written - outbox_size` ones (the outbox drains from the
// front, one SyncStatus at a time, and accord-server sends SyncStatus only once the update is
// durable). After each kill: `PRAGMA integrity_check` on documents.db is "ok", the server
// restarts on the same data directory, and a fresh reader with no local state must find every
// acknowledged entry. Some clients write while the server is down. At the end every client
// converges and holds every entry anyone wrote.
//
// Seeded: the seed is printed, ACCORD_CRASH_SEED=<seed> replays it; ACCORD_CRASH_CYCLES sets
// the number of kills (scripts/soak-server.sh runs many).
#include "accord/update.h"
#include "server_process.h"
#include "support/env.h"
#include "sync_peer.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <random>

namespace accord::test {
namespace {

namespace net = boost::asio;
using sync::SyncSessionOptions;

constexpr int kClients = 20;
constexpr int kDocuments = 4;

std::string document_name(int index) { return "acme/account/" + std::to_string(index); }

std::string entry_key(std::uint64_t client, std::uint64_t n) {
  return std::to_string(client) + "-" + std::to_string(n);
}

/// Runs `PRAGMA integrity_check` on the SQLite file at `path`; "ok" or what SQLite reported.
std::string integrity_check(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    std::string error = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return "cannot open: " + error;
  }
  std::string report;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &statement, nullptr) != SQLITE_OK) {
    report = std::string("cannot prepare: ") + sqlite3_errmsg(db);
  } else {
    while (sqlite3_step(statement) == SQLITE_ROW) {
      if (!report.empty()) report += "; ";
      report += reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    }
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  return report;
}

/// One writing device: a document of the shared set and how many entries it has written.
struct Writer {
  std::unique_ptr<SyncPeer> peer;
  std::string document;
  std::uint64_t written = 0;
  std::uint64_t acknowledged() const { return written - peer->session.outbox_size(document); }
  void write() {
    Doc& doc = peer->doc;
    doc.transact([&](Transaction& txn) {
      doc.get_map("m").set(txn, entry_key(doc.client_id(), written),
                           Any(static_cast<double>(written)));
    });
    ++written;
  }
};

/// A client with no local state that reads every document once.
struct Reader {
  Reader(net::io_context& ioc, AsioTimer& timer, std::uint16_t port, const std::string& token,
         std::uint64_t client_id)
      : transport(ioc, port, "/sync", token), session(transport, timer, options(token)) {
    transport.bind(session);
    for (int i = 0; i < kDocuments; ++i) {
      docs.push_back(std::make_unique<Doc>(DocOptions::with_client_id(client_id)));
      EXPECT_TRUE(session.attach(document_name(i), *docs.back()).is_ok());
    }
    session.start();
  }
  static SyncSessionOptions options(const std::string& token) {
    SyncSessionOptions result;
    result.token = token;
    result.backoff_initial_ms = 20;
    result.backoff_max_ms = 200;
    return result;
  }
  bool synced() const {
    for (int i = 0; i < kDocuments; ++i) {
      if (!session.synced(document_name(i))) return false;
    }
    return true;
  }
  std::vector<std::unique_ptr<Doc>> docs; // outlive the session observing them
  WsTransport transport;
  sync::SyncSession session;
};

TEST(CrashTest, AcknowledgedUpdatesSurviveKill9WhileTwentyClientsWrite) {
  const std::uint64_t seed = testing::env_u64("ACCORD_CRASH_SEED", std::random_device{}());
  const std::uint64_t cycles = testing::env_u64("ACCORD_CRASH_CYCLES", 8);
  std::printf(
      "seed %llu, %llu kill cycles (replay with ACCORD_CRASH_SEED, more with "
      "ACCORD_CRASH_CYCLES)\n",
      static_cast<unsigned long long>(seed), static_cast<unsigned long long>(cycles));
  std::mt19937_64 rng(seed);

  auto server = ServerProcess::start({"--document-idle-unload", "0.3"});
  ASSERT_NE(server, nullptr);
  const TestUser member = make_user(*server, "acme", "mike", "member");
  net::io_context ioc;
  AsioTimer timer(ioc);

  std::vector<Writer> writers(kClients);
  for (int i = 0; i < kClients; ++i) {
    SyncSessionOptions options;
    options.seed = seed + static_cast<std::uint64_t>(i);
    options.backoff_initial_ms = 20;
    options.backoff_max_ms = 200;
    Writer& writer = writers[static_cast<std::size_t>(i)];
    writer.document = document_name(i % kDocuments);
    writer.peer = std::make_unique<SyncPeer>(ioc, timer, server->port(), "/sync", member.token,
                                             options, static_cast<std::uint64_t>(100 + i));
    ASSERT_TRUE(writer.peer->session.attach(writer.document, writer.peer->doc).is_ok());
    writer.peer->session.start();
  }

  std::uint64_t acknowledged_at_kills = 0;
  std::uint64_t lost = 0;
  for (std::uint64_t cycle = 0; cycle < cycles; ++cycle) {
    // Write and sync for a random 50-700 ms, then kill at that moment.
    const auto until =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(50 + rng() % 650);
    while (std::chrono::steady_clock::now() < until) {
      for (int burst = static_cast<int>(rng() % 4); burst > 0; --burst) {
        writers[rng() % writers.size()].write();
      }
      ioc.poll();
      ioc.run_one_for(std::chrono::milliseconds(rng() % 3));
    }
    std::vector<std::uint64_t> acknowledged;
    for (const Writer& writer : writers) acknowledged.push_back(writer.acknowledged());
    server->send_signal(SIGKILL);
    ASSERT_EQ(server->wait_exit(std::chrono::seconds(20)), std::nullopt) << "killed by a signal";
    for (std::uint64_t a : acknowledged) acknowledged_at_kills += a;

    EXPECT_EQ(integrity_check(server->data_dir() / "documents.db"), "ok") << "cycle " << cycle;
    // Offline edits while the server is down.
    for (int k = static_cast<int>(rng() % 10); k > 0; --k) writers[rng() % writers.size()].write();
    ASSERT_TRUE(server->restart());
    for (Writer& writer : writers) writer.peer->transport.set_port(server->port());

    Reader reader(ioc, timer, server->port(), member.token, 1000 + cycle);
    ASSERT_TRUE(pump_until(
        ioc, [&] { return reader.synced(); }, std::chrono::seconds(30)))
        << "cycle " << cycle << ": the reader did not sync after the restart";
    for (std::size_t i = 0; i < writers.size(); ++i) {
      Doc& doc = *reader.docs[i % kDocuments];
      const std::uint64_t client = writers[i].peer->doc.client_id();
      for (std::uint64_t n = 0; n < acknowledged[i]; ++n) {
        if (!doc.get_map("m").contains(entry_key(client, n))) {
          ++lost;
          ADD_FAILURE() << "cycle " << cycle << ": acknowledged entry " << entry_key(client, n)
                        << " missing after the restart";
        }
      }
    }
    reader.session.stop();
    pump_until(
        ioc, [] { return false; }, std::chrono::milliseconds(5));
  }

  // Every client converges, holding every entry anyone wrote to its document.
  std::vector<std::uint64_t> expected(kDocuments, 0);
  std::uint64_t written = 0;
  for (std::size_t i = 0; i < writers.size(); ++i) {
    expected[i % kDocuments] += writers[i].written;
    written += writers[i].written;
  }
  const bool converged = pump_until(
      ioc,
      [&] {
        for (std::size_t i = 0; i < writers.size(); ++i) {
          const Writer& w = writers[i];
          if (!w.peer->session.synced(w.document)) return false;
          if (w.peer->doc.get_map("m").size() != expected[i % kDocuments]) return false;
        }
        return true;
      },
      std::chrono::seconds(60));
  ASSERT_TRUE(converged) << "clients did not converge after the last restart";
  for (std::size_t i = kDocuments; i < writers.size(); ++i) {
    EXPECT_EQ(encode_state_vector(writers[i].peer->doc),
              encode_state_vector(writers[i % kDocuments].peer->doc));
    // Map keys come out in each peer's integration order: compare as JSON values.
    EXPECT_EQ(nlohmann::json::parse(writers[i].peer->doc.to_json().to_json_string()),
              nlohmann::json::parse(writers[i % kDocuments].peer->doc.to_json().to_json_string()));
  }
  EXPECT_EQ(lost, 0u);
  std::printf(
      "kill -9 cycles %llu, updates written %llu, acknowledged before the kills %llu "
      "(summed over kills), lost %llu\n",
      static_cast<unsigned long long>(cycles), static_cast<unsigned long long>(written),
      static_cast<unsigned long long>(acknowledged_at_kills),
      static_cast<unsigned long long>(lost));
}

} // namespace
} // namespace accord::test
