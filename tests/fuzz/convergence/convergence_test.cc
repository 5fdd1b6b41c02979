// Convergence fuzz, after Yjs's applyRandomTests: 5+ peers make random edits on Map, Array,
// Text (with formatting) and nested types while the network delivers their updates in random
// order, with duplicates and 2% disconnects; then everyone syncs and all peers (and docs rebuilt
// from each peer's updates) must be equal in JSON, rich content, state vector, delete set and
// encoded bytes (see convergence_check.h).
//
// Each test case runs many short sessions, seeds base, base+1, ... Environment:
//   ACCORD_FUZZ_SEED=<n>        base seed (default: a fixed one per case, so the test command is
//                               deterministic; scripts/fuzz.sh --long passes random ones)
//   ACCORD_FUZZ_ITERATIONS=<n>  sessions per case (default: per case, 10,000 in all, sized so that
//                               the cases take about 2 minutes under ASan on 2 cores)
//   ACCORD_FUZZ_MAX_STEPS=<n>   caps the steps of a session (to look for a short failing one)
// A failure prints the failing seed, the command that replays exactly that session, and the
// edits of the session.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <string>

#include "convergence_check.h"
#include "random_ops.h"
#include "test_network.h"

namespace accord::fuzz {
namespace {

struct Scenario {
  OpMix mix;
  bool gc = true;
  std::size_t peers = 5;
  std::uint64_t min_steps = 10;
  std::uint64_t max_steps = 40;
  DeliveryOptions delivery;
};

std::uint64_t env_u64(const char* name, std::uint64_t fallback) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') return fallback;
  return std::strtoull(v, nullptr, 10);
}

// One session; returns "" or what went wrong. `trace` collects the edits when not null.
std::string run_session(const Scenario& sc, std::uint64_t seed, std::vector<std::string>* trace) {
  FuzzRng rng(seed);
  TestNetwork net(sc.peers, sc.gc, rng, sc.delivery);
  const std::uint64_t max_steps = env_u64("ACCORD_FUZZ_MAX_STEPS", sc.max_steps);
  const std::uint64_t steps = rng.between(std::min(sc.min_steps, max_steps), max_steps);
  for (std::uint64_t step = 0; step < steps; ++step) {
    if (rng.percent(2)) {
      const bool done = rng.coin() ? net.disconnect_random() : net.reconnect_random();
      if (trace != nullptr && done) trace->push_back("(a peer disconnects or reconnects)");
    } else if (rng.percent(1)) {
      net.deliver_all();
    } else if (rng.percent(50)) {
      net.deliver_random();
    }
    Doc& doc = *net.peer(rng.index(net.size())).doc;
    std::string err = random_transaction(doc, rng, sc.mix, trace);
    if (!err.empty()) return "step " + std::to_string(step) + ": " + err;
    if (!net.first_error().empty())
      return "step " + std::to_string(step) + ": " + net.first_error();
  }
  net.sync_all();
  if (!net.first_error().empty()) return "final sync: " + net.first_error();

  std::string error;
  auto rebuilt = rebuild_from_updates(net, sc.gc, rng, error);
  if (!error.empty()) return error;
  std::vector<Doc*> docs;
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < net.size(); ++i) {
    docs.push_back(net.peer(i).doc.get());
    labels.push_back("peer " + std::to_string(i));
  }
  for (std::size_t i = 0; i < rebuilt.size(); ++i) {
    docs.push_back(rebuilt[i].get());
    labels.push_back("doc rebuilt from peer " + std::to_string(i) + "'s updates");
  }
  return compare_docs(docs, labels, net.size());
}

void run_scenario(const Scenario& sc, std::uint64_t default_seed,
                  std::uint64_t default_iterations) {
  const std::uint64_t base = env_u64("ACCORD_FUZZ_SEED", default_seed);
  const std::uint64_t iterations = env_u64("ACCORD_FUZZ_ITERATIONS", default_iterations);
  const std::string test = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  std::cout << "[ seed     ] " << test << ": ACCORD_FUZZ_SEED=" << base
            << " ACCORD_FUZZ_ITERATIONS=" << iterations << std::endl;
  for (std::uint64_t i = 0; i < iterations; ++i) {
    const std::uint64_t seed = base + i;
    const std::string err = run_session(sc, seed, nullptr);
    if (err.empty()) continue;
    std::vector<std::string> trace;
    (void)run_session(sc, seed, &trace);
    std::string edits;
    const std::size_t from = trace.size() > 300 ? trace.size() - 300 : 0;
    for (std::size_t k = from; k < trace.size(); ++k) edits += trace[k] + "\n";
    ADD_FAILURE() << "seed " << seed << ": " << err << "\nreplay: ACCORD_FUZZ_SEED=" << seed
                  << " ACCORD_FUZZ_ITERATIONS=1 accord_fuzz_convergence_tests --gtest_filter=*."
                  << test << "\nedits of the session:\n"
                  << edits;
    return;
  }
}

// A scenario with default network settings and the given weights of map, array, text and
// nested-type edits.
Scenario edits(unsigned map, unsigned array, unsigned text, unsigned nested) {
  Scenario sc;
  sc.mix.map = map;
  sc.mix.array = array;
  sc.mix.text = text;
  sc.mix.nested = nested;
  return sc;
}

// Sessions per case: 10,000 in all (issue 3), the cheap cases run more.
TEST(Convergence, MapEdits) { run_scenario(edits(1, 0, 0, 0), 1'000'000, 1650); }

TEST(Convergence, ArrayEdits) { run_scenario(edits(0, 1, 0, 0), 2'000'000, 1650); }

// Text edits keep to code point boundaries (see random_ops.cc): an edit inside a surrogate pair
// makes yjs replace its halves by U+FFFD on some peers only (yjs issue 248).
TEST(Convergence, TextEditsWithFormatting) { run_scenario(edits(0, 0, 1, 0), 3'000'000, 1000); }

TEST(Convergence, TextEditsWithoutSurrogatePairs) {
  Scenario sc = edits(0, 0, 1, 0);
  sc.mix.surrogates = false;
  run_scenario(sc, 3'500'000, 800);
}

TEST(Convergence, NestedTypes) { run_scenario(edits(1, 1, 0, 3), 4'000'000, 1000); }

TEST(Convergence, Mixed) { run_scenario(edits(1, 1, 1, 1), 5'000'000, 1000); }

TEST(Convergence, MixedGcOff) {
  Scenario sc = edits(1, 1, 1, 1);
  sc.gc = false;
  run_scenario(sc, 6'000'000, 800);
}

TEST(Convergence, TextGcOff) {
  Scenario sc = edits(0, 0, 1, 0);
  sc.gc = false;
  run_scenario(sc, 7'000'000, 800);
}

TEST(Convergence, EightPeers) {
  Scenario sc = edits(1, 1, 1, 1);
  sc.peers = 8;
  run_scenario(sc, 8'000'000, 500);
}

TEST(Convergence, HeavyReorderingAndDuplicates) {
  Scenario sc = edits(1, 1, 1, 1);
  sc.delivery.out_of_order_percent = 70;
  sc.delivery.duplicate_percent = 25;
  run_scenario(sc, 9'000'000, 800);
}

TEST(Convergence, LongerSessions) {
  Scenario sc = edits(1, 1, 2, 1);
  sc.min_steps = 60;
  sc.max_steps = 120;
  run_scenario(sc, 10'000'000, 200);
}

} // namespace
} // namespace accord::fuzz
