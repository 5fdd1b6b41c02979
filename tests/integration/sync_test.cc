// accord-server's real sync: C++ sync sessions over real WebSockets against the real server
// process. Random edits with offline periods and dropped connections converge; acknowledged
// updates survive a restart; a viewer's writes are refused and never stored; both endpoints
// (/sync Hocuspocus framing, /y/<doc> y-websocket framing) serve the same document; writes are
// group-committed. Randomized tests print their seed (replay: ACCORD_SYNC_SEED=<seed>).
#include "accord/update.h"
#include "server_process.h"
#include "support/env.h"
#include "sync_peer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <random>
#include <regex>

namespace accord::test {
namespace {

namespace net = boost::asio;
using sync::Framing;
using sync::SyncSessionOptions;

nlohmann::json json_of(const Doc& doc) {
  return nlohmann::json::parse(doc.to_json().to_json_string());
}

void append_text(Doc& doc, std::string_view text) {
  doc.transact([&](Transaction& txn) {
    TextRef t = doc.get_text("t");
    ASSERT_TRUE(t.insert(txn, t.length(), text).is_ok());
  });
}

class SyncTest : public ::testing::Test {
protected:
  void SetUp() override { start({}); }
  void start(std::vector<std::string> extra) {
    server_.reset();
    peers_.clear();
    extra.insert(extra.end(), {"--document-idle-unload", "0.2", "--log-level", "debug"});
    server_ = ServerProcess::start(extra);
    ASSERT_NE(server_, nullptr);
    member_ = make_user(*server_, "acme", "mike", "member");
    viewer_ = make_user(*server_, "acme", "vera", "viewer");
  }

  SyncPeer& add_peer(const TestUser& user, const std::string& document,
                     Framing framing = Framing::kHocuspocus) {
    SyncSessionOptions options;
    options.framing = framing;
    options.seed = next_client_;
    options.backoff_initial_ms = 20;
    options.backoff_max_ms = 200;
    const std::string target = framing == Framing::kHocuspocus ? "/sync" : "/y/" + document;
    peers_.push_back(std::make_unique<SyncPeer>(ioc_, timer_, server_->port(), target, user.token,
                                                options, next_client_++));
    SyncPeer& peer = *peers_.back();
    EXPECT_TRUE(peer.session.attach(document, peer.doc).is_ok());
    peer.session.start();
    return peer;
  }

  bool settled(const std::string& document) {
    for (auto& peer : peers_) {
      if (peer->session.outbox_total() > 0 || !peer->session.synced(document)) return false;
    }
    return true;
  }

  /// Pumps the peers' io_context until a server log line contains every one of `needles`.
  bool pump_until_logged(const std::vector<std::string>& needles) {
    return pump_until(ioc_, [&] {
      for (const auto& line : server_->log_lines()) {
        bool all = true;
        for (const auto& needle : needles) all = all && line.find(needle) != std::string::npos;
        if (all) return true;
      }
      return false;
    });
  }

  /// SIGTERM, clean exit, start again; peers follow the new port.
  void restart_server() {
    server_->send_signal(SIGTERM);
    ASSERT_EQ(server_->wait_exit(std::chrono::seconds(20)), 0);
    ASSERT_TRUE(server_->restart());
    for (auto& peer : peers_) peer->transport.set_port(server_->port());
  }

  net::io_context ioc_;
  AsioTimer timer_{ioc_};
  std::unique_ptr<ServerProcess> server_;
  TestUser member_, viewer_;
  std::vector<std::unique_ptr<SyncPeer>> peers_;
  std::uint64_t next_client_ = 11;
};

TEST_F(SyncTest, RandomEditsWithOfflinePeriodsAndReconnectsConverge) {
  const std::uint64_t seed = testing::env_u64("ACCORD_SYNC_SEED", 77);
  std::printf("seed %llu (replay with ACCORD_SYNC_SEED)\n", static_cast<unsigned long long>(seed));
  std::mt19937_64 rng(seed);
  const std::string document = "acme/account/1";
  for (int i = 0; i < 4; ++i) add_peer(member_, document);
  ASSERT_TRUE(pump_until(ioc_, [&] { return settled(document); }));
  for (int step = 0; step < 160; ++step) {
    SyncPeer& peer = *peers_[rng() % peers_.size()];
    switch (rng() % 10) {
      case 0: peer.transport.cut(); break;
      case 1: peer.transport.online = !peer.transport.online; break;
      case 2:
      case 3:
        peer.doc.transact([&](Transaction& txn) {
          peer.doc.get_map("m").set(txn, "k" + std::to_string(rng() % 6),
                                    Any("v" + std::to_string(step)));
        });
        break;
      default: {
        TextRef text = peer.doc.get_text("t");
        const std::uint64_t len = text.length();
        peer.doc.transact([&](Transaction& txn) {
          if (len > 12 && rng() % 4 == 0) {
            ASSERT_TRUE(text.remove(txn, rng() % (len - 6), 1 + rng() % 5).is_ok());
          } else {
            ASSERT_TRUE(
                text.insert(txn, rng() % (len + 1), "s" + std::to_string(step) + " ").is_ok());
          }
        });
      }
    }
    for (int k = static_cast<int>(rng() % 4); k > 0; --k) ioc_.poll_one();
  }
  for (auto& peer : peers_) peer->transport.online = true;
  ASSERT_TRUE(pump_until(
      ioc_, [&] { return settled(document); }, std::chrono::seconds(30)))
      << "peers did not settle";
  SyncPeer& late = add_peer(member_, document);
  ASSERT_TRUE(pump_until(ioc_, [&] { return settled(document); }));
  for (auto& peer : peers_) {
    EXPECT_EQ(json_of(peer->doc), json_of(late.doc));
    EXPECT_EQ(encode_state_vector(peer->doc), encode_state_vector(late.doc));
  }
  EXPECT_GT(late.doc.get_text("t").length(), 0u);
}

TEST_F(SyncTest, AcknowledgedUpdatesSurviveARestart) {
  const std::string document = "acme/index";
  SyncPeer& writer = add_peer(member_, document);
  ASSERT_TRUE(pump_until(ioc_, [&] { return settled(document); }));
  for (int i = 0; i < 20; ++i) append_text(writer.doc, "line " + std::to_string(i) + "\n");
  ASSERT_TRUE(pump_until(ioc_, [&] { return writer.session.outbox_total() == 0; }))
      << "updates not acknowledged";
  const std::string expected = writer.doc.get_text("t").to_string();
  writer.session.stop();
  restart_server();
  if (HasFatalFailure()) return;
  SyncPeer& reader = add_peer(member_, document);
  ASSERT_TRUE(pump_until(ioc_, [&] { return reader.session.synced(document); }));
  EXPECT_EQ(reader.doc.get_text("t").to_string(), expected);
}

TEST_F(SyncTest, ViewerWritesAreRefusedAndNeverStored) {
  const std::string document = "acme/account/7";
  SyncPeer& member = add_peer(member_, document);
  SyncPeer& viewer = add_peer(viewer_, document);
  ASSERT_TRUE(pump_until(
      ioc_, [&] { return member.session.synced(document) && viewer.session.synced(document); }));
  append_text(member.doc, "by member ");
  append_text(viewer.doc, "by viewer ");
  ASSERT_TRUE(pump_until(ioc_, [&] {
    return viewer.session.refused() >= 1 && member.session.outbox_total() == 0 &&
           viewer.doc.get_text("t").to_string().find("by member") != std::string::npos;
  }));
  EXPECT_EQ(member.doc.get_text("t").to_string(), "by member ");
  ASSERT_TRUE(viewer.session.set_awareness(document, R"({"name":"vera"})").is_ok());
  ASSERT_TRUE(member.session.set_awareness(document, R"({"name":"mike"})").is_ok());
  ASSERT_TRUE(pump_until(ioc_, [&] {
    return viewer.session.awareness(document)->states().contains(member.doc.client_id());
  }));
  EXPECT_FALSE(member.session.awareness(document)->states().contains(viewer.doc.client_id()))
      << "a viewer's awareness is not relayed";
  member.session.stop();
  viewer.session.stop();
  restart_server();
  if (HasFatalFailure()) return;
  SyncPeer& reader = add_peer(member_, document);
  ASSERT_TRUE(pump_until(ioc_, [&] { return reader.session.synced(document); }));
  EXPECT_EQ(reader.doc.get_text("t").to_string(), "by member ");
}

TEST_F(SyncTest, BothEndpointsServeOneDocumentAndWritesAreGroupCommitted) {
  const std::string document = "acme/visits/3";
  std::vector<SyncPeer*> writers;
  for (int i = 0; i < 3; ++i) writers.push_back(&add_peer(member_, document));
  SyncPeer& y_peer = add_peer(member_, document, Framing::kYWebsocket);
  ASSERT_TRUE(pump_until(ioc_, [&] { return settled(document); }));
  for (int round = 0; round < 40; ++round) {
    for (SyncPeer* writer : writers) {
      append_text(writer->doc,
                  std::to_string(writer->doc.client_id()) + ":" + std::to_string(round) + " ");
    }
    append_text(y_peer.doc, "y" + std::to_string(round) + " ");
    ioc_.poll();
  }
  ASSERT_TRUE(pump_until(ioc_, [&] {
    if (!settled(document)) return false;
    const auto text = writers[0]->doc.get_text("t").length();
    for (auto& peer : peers_) {
      if (peer->doc.get_text("t").length() != text) return false;
    }
    return true;
  }));
  for (auto& peer : peers_) EXPECT_EQ(json_of(peer->doc), json_of(y_peer.doc));
  for (auto& peer : peers_) peer->session.stop();
  server_->send_signal(SIGTERM);
  ASSERT_EQ(server_->wait_exit(std::chrono::seconds(20)), 0);
  // The shutdown line counts transactions and updates written: far fewer fsyncs than updates.
  const std::regex counts("\"transactions\":([0-9]+),\"updates\":([0-9]+)");
  std::uint64_t transactions = 0;
  std::uint64_t updates = 0;
  for (const auto& line : server_->log_lines()) {
    std::smatch match;
    if (line.find("documents_flushed") != std::string::npos &&
        std::regex_search(line, match, counts)) {
      transactions = std::stoull(match[1]);
      updates = std::stoull(match[2]);
    }
  }
  std::printf("updates written %llu in %llu transactions\n",
              static_cast<unsigned long long>(updates),
              static_cast<unsigned long long>(transactions));
  EXPECT_GE(updates, 160u);
  EXPECT_LT(transactions, updates);
}

TEST_F(SyncTest, AwarenessIsRelayedAndClearedWhenASocketCloses) {
  const std::string document = "acme/account/9";
  SyncPeer& ann = add_peer(member_, document);
  SyncPeer& bob = add_peer(member_, document);
  ASSERT_TRUE(pump_until(ioc_, [&] { return settled(document); }));
  ASSERT_TRUE(ann.session.set_awareness(document, R"({"name":"Ann","cursor":3})").is_ok());
  ASSERT_TRUE(pump_until(ioc_, [&] {
    const auto& states = bob.session.awareness(document)->states();
    auto it = states.find(ann.doc.client_id());
    return it != states.end() && it->second == R"({"name":"Ann","cursor":3})";
  }));
  ann.session.stop();
  ASSERT_TRUE(pump_until(ioc_, [&] {
    return !bob.session.awareness(document)->states().contains(ann.doc.client_id());
  })) << "the server clears a closed socket's awareness";
}

TEST_F(SyncTest, OtherTeamsDocumentsAreDenied) {
  const TestUser outsider = make_user(*server_, "globex", "gina", "member");
  SyncPeer& acme = add_peer(member_, "acme/index");
  append_text(acme.doc, "acme only");
  ASSERT_TRUE(pump_until(ioc_, [&] { return settled("acme/index"); }));
  SyncPeer& spy = add_peer(outsider, "acme/index");
  ASSERT_TRUE(pump_until(ioc_, [&] { return spy.session.denied("acme/index").has_value(); }));
  EXPECT_EQ(spy.doc.get_text("t").length(), 0u) << "no document byte reaches another team";
  spy.session.stop();
}

TEST_F(SyncTest, IdleDocumentsUnloadAndReloadWithTheirContent) {
  const std::string document = "acme/account/5";
  {
    SyncPeer& writer = add_peer(member_, document);
    ASSERT_TRUE(pump_until(ioc_, [&] { return settled(document); }));
    append_text(writer.doc, "kept across unload");
    ASSERT_TRUE(pump_until(ioc_, [&] { return writer.session.outbox_total() == 0; }));
    writer.session.stop();
  }
  // Pump while waiting: the close handshake of the stopped session runs on this io_context.
  ASSERT_TRUE(pump_until_logged({"document_unloaded", document}))
      << "no subscriber for 0.2 s: the document leaves memory";
  SyncPeer& reader = add_peer(member_, document);
  ASSERT_TRUE(pump_until(ioc_, [&] { return reader.session.synced(document); }));
  EXPECT_EQ(reader.doc.get_text("t").to_string(), "kept across unload");
}

TEST_F(SyncTest, DocumentSizeLimitRefusesTheUpdateThatPassesIt) {
  start({"--max-document-bytes", "3000"});
  if (HasFatalFailure()) return;
  const std::string document = "acme/account/6";
  SyncPeer& writer = add_peer(member_, document);
  ASSERT_TRUE(pump_until(ioc_, [&] { return settled(document); }));
  append_text(writer.doc, std::string(1000, 'a'));
  ASSERT_TRUE(pump_until(ioc_, [&] { return writer.session.outbox_total() == 0; }));
  append_text(writer.doc, std::string(4000, 'b'));
  EXPECT_TRUE(pump_until_logged({"\"code\":1008", "document over 3000 bytes"}));
  EXPECT_EQ(writer.session.outbox_total(), 1u) << "never acknowledged";
  writer.session.stop();
  SyncPeer& reader = add_peer(member_, document);
  ASSERT_TRUE(pump_until(ioc_, [&] { return reader.session.synced(document); }));
  EXPECT_EQ(reader.doc.get_text("t").to_string(), std::string(1000, 'a'));
}

TEST_F(SyncTest, LargeOfflineCatchUpIsSplitUnderTheServersFrameLimit) {
  start({"--max-frame-bytes", "4096"});
  if (HasFatalFailure()) return;
  const std::string document = "acme/account/8";
  SyncSessionOptions options;
  options.max_frame_bytes = 4096;
  options.backoff_initial_ms = 20;
  peers_.push_back(std::make_unique<SyncPeer>(ioc_, timer_, server_->port(), "/sync", member_.token,
                                              options, 99));
  SyncPeer& offline = *peers_.back();
  for (int i = 0; i < 400; ++i) {
    offline.doc.transact([&](Transaction& txn) {
      offline.doc.get_map("m").set(txn, "key" + std::to_string(i), Any(std::string(100, 'x')));
    });
  }
  ASSERT_GT(encode_state_as_update(offline.doc).size(), 40000u);
  ASSERT_TRUE(offline.session.attach(document, offline.doc).is_ok());
  offline.session.start();
  ASSERT_TRUE(pump_until(ioc_, [&] { return settled(document); }));
  SyncPeer& reader = add_peer(member_, document);
  ASSERT_TRUE(pump_until(ioc_, [&] { return reader.session.synced(document); }));
  EXPECT_EQ(json_of(reader.doc), json_of(offline.doc)) << [&] {
    std::string log;
    for (const auto& line : server_->log_lines()) {
      if (line.find("\"admin") == std::string::npos) log += line.substr(0, 300) + "\n";
    }
    return log;
  }();
  for (const auto& line : server_->log_lines()) {
    EXPECT_EQ(line.find("\"code\":1009"), std::string::npos) << line;
  }
}

TEST_F(SyncTest, BadUpdatesCloseOnlyTheirSocket) {
  const std::string document = "acme/index";
  SyncPeer& good = add_peer(member_, document);
  ASSERT_TRUE(pump_until(ioc_, [&] { return settled(document); }));
  WsTransport raw(ioc_, server_->port(), "/sync", member_.token);
  // A hand-made frame after a normal handshake: an update that claims 5 structs of client 9
  // and ends there.
  Doc probe_doc; // outlives the session observing it
  sync::SyncSession probe(raw, timer_, SyncPeer::with_token({}, member_.token));
  raw.bind(probe);
  ASSERT_TRUE(probe.attach(document, probe_doc).is_ok());
  probe.start();
  ASSERT_TRUE(pump_until(ioc_, [&] { return probe.synced(document); }));
  raw.send(sync::encode_frame(document, sync::sync_update(std::vector<std::uint8_t>{1, 5, 9})));
  ASSERT_TRUE(pump_until(ioc_, [&] { return probe.connections() >= 2; }))
      << "the bad update closed the socket and the session reconnected";
  probe.stop();
  append_text(good.doc, "still served");
  ASSERT_TRUE(pump_until(ioc_, [&] { return good.session.outbox_total() == 0; }));
  EXPECT_TRUE(server_->wait_for_log(
      [](const std::string& line) { return line.find("\"code\":1007") != std::string::npos; }));
}

} // namespace
} // namespace accord::test
