// Randomized UndoManager tests.
// 1. Replays the seeded two-peer sessions of fixtures/undo_random.json (made by
//    undo_random.mjs with yjs's UndoManager and a faked clock) and compares, after every undo
//    and redo and at the end, peer 1's text delta, map and array JSON with yjs's, and the final
//    encoded state of both peers byte for byte. ACCORD_UNDO_SESSION=<seed> replays one session.
// 2. A local fuzz: random edits under an UndoManager, then undo everything (the document must
//    return to its start) and redo everything (it must return to its end). The seed is printed;
//    ACCORD_SEED=<n> replays it, ACCORD_UNDO_FUZZ_ITERATIONS=<n> changes the iteration count.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

#include "accord/undo_manager.h"
#include "accord/update.h"
#include "history_test_util.h"

namespace accord {
namespace {

using testing::delta_json;
using testing::hex;
using testing::js;

Any state_of(Doc& doc) {
  Any::Object o;
  o.emplace_back("t", delta_json(doc.get_text("t").to_delta()));
  o.emplace_back("m", doc.get_map("m").to_json());
  o.emplace_back("a", doc.get_array("a").to_json());
  return Any(std::move(o));
}

std::uint64_t num(const Any& a) { return static_cast<std::uint64_t>(a.as_number()); }

/// Replays one recorded session; returns a description of the first difference or "".
std::string replay_session(const Any& session) {
  std::uint64_t now = 1000;
  Doc d1(DocOptions::with_client_id(1, session.find("gc")->as_bool()));
  Doc d2(DocOptions::with_client_id(2, true));
  Doc* docs[3] = {nullptr, &d1, &d2};
  UndoManagerOptions o;
  o.capture_timeout_ms = 500;
  o.clock = [&now] { return now; };
  UndoManager um(d1, {d1.get_text("t"), d1.get_map("m"), d1.get_array("a")}, o);
  const auto& ops = session.find("ops")->as_array();
  const auto& checks = session.find("checks")->as_array();
  std::size_t next_check = 0;
  for (std::size_t i = 0; i < ops.size(); ++i) {
    const auto& op = ops[i].as_array();
    const std::string& kind = op[0].as_string();
    std::string where = "op " + std::to_string(i) + " " + ops[i].to_json_string();
    if (kind == "undo" || kind == "redo") {
      bool done = kind == "undo" ? um.undo().has_value() : um.redo().has_value();
      if (next_check >= checks.size()) return where + ": no recorded check";
      const Any& check = checks[next_check++];
      if (num(*check.find("step")) != i) return where + ": check out of step";
      if (done != check.find("done")->as_bool()) {
        return where + ": undo/redo result " + (done ? "true" : "false") + " differs from yjs";
      }
      std::string mine = js(state_of(d1));
      std::string theirs = js(*check.find("state"));
      if (mine != theirs) return where + ":\n accord " + mine + "\n yjs    " + theirs;
      continue;
    }
    if (kind == "stop") {
      um.stop_capturing();
      continue;
    }
    if (kind == "tick") {
      now += num(op[1]);
      continue;
    }
    if (kind == "sync") {
      Status s1 = apply_update(d2, encode_state_as_update(d1, state_vector(d2)), Origin{"remote"});
      Status s2 = apply_update(d1, encode_state_as_update(d2, state_vector(d1)), Origin{"remote"});
      if (!s1.is_ok() || !s2.is_ok()) return where + ": sync failed";
      continue;
    }
    Doc& doc = *docs[num(op[1])];
    TextRef t = doc.get_text("t");
    MapRef m = doc.get_map("m");
    ArrayRef a = doc.get_array("a");
    Status st;
    doc.transact([&](Transaction& tx) {
      if (kind == "ti") {
        st = t.insert(tx, num(op[2]), op[3].as_string());
      } else if (kind == "td") {
        st = t.remove(tx, num(op[2]), num(op[3]));
      } else if (kind == "tf") {
        st = t.format(tx, num(op[2]), num(op[3]), op[4].as_object());
      } else if (kind == "ms") {
        m.set(tx, op[2].as_string(), op[3]);
      } else if (kind == "mm") {
        m.insert_map(tx, op[2].as_string()).set(tx, "x", op[3]);
      } else if (kind == "mi") {
        auto v = m.get(op[2].as_string());
        if (!v || !v->is_type() || v->type().kind() != TypeKind::kMap) {
          st = Status::error(StatusCode::kInternal, "no nested map there");
        } else {
          v->type().as_map().set(tx, op[3].as_string(), op[4]);
        }
      } else if (kind == "md") {
        m.remove(tx, op[2].as_string());
      } else if (kind == "ai") {
        st = a.insert(tx, num(op[2]), op[3].as_array());
      } else if (kind == "ad") {
        st = a.remove(tx, num(op[2]), num(op[3]));
      } else {
        st = Status::error(StatusCode::kInternal, "unknown op");
      }
    });
    if (!st.is_ok()) return where + ": " + st.to_string();
  }
  std::string mine = js(state_of(d1));
  std::string theirs = js(*session.find("final"));
  if (mine != theirs) return "final state:\n accord " + mine + "\n yjs    " + theirs;
  if (hex(encode_state_as_update(d1)) != session.find("update1")->as_string()) {
    return "final update of peer 1 differs from yjs:\n accord " + hex(encode_state_as_update(d1)) +
           "\n yjs    " + session.find("update1")->as_string();
  }
  if (hex(encode_state_as_update(d2)) != session.find("update2")->as_string()) {
    return "final update of peer 2 differs from yjs";
  }
  return "";
}

TEST(UndoRandom, SessionsMatchYjs) {
  const Any fixture = testing::load_fixture("tests/history/fixtures/undo_random.json");
  ASSERT_TRUE(fixture.is_object()) << "fixture missing";
  const auto& sessions = fixture.find("sessions")->as_array();
  ASSERT_GE(sessions.size(), 100u);
  const char* only = std::getenv("ACCORD_UNDO_SESSION");
  int failures = 0;
  for (const Any& s : sessions) {
    std::uint64_t seed = num(*s.find("seed"));
    if (only && std::to_string(seed) != only) continue;
    std::string diff = replay_session(s);
    if (!diff.empty()) {
      ADD_FAILURE() << "session seed " << seed << " (replay: ACCORD_UNDO_SESSION=" << seed
                    << "): " << diff;
      if (++failures >= 50) break;
    }
  }
}

std::uint64_t env_u64(const char* name, std::uint64_t fallback) {
  const char* v = std::getenv(name);
  return v ? std::strtoull(v, nullptr, 10) : fallback;
}

TEST(UndoRandom, UndoAllThenRedoAllRestoresStates) {
  const std::uint64_t seed = env_u64("ACCORD_SEED", std::random_device{}());
  const std::uint64_t iterations = env_u64("ACCORD_UNDO_FUZZ_ITERATIONS", 60);
  std::printf("UndoRandom seed %llu (replay: ACCORD_SEED=%llu)\n",
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(seed));
  std::mt19937_64 rng(seed);
  auto below = [&](std::uint64_t n) { return n == 0 ? 0 : rng() % n; };
  for (std::uint64_t it = 0; it < iterations; ++it) {
    Doc doc(DocOptions::with_client_id(1 + it, it % 2 == 0));
    TextRef t = doc.get_text("t");
    MapRef m = doc.get_map("m");
    ArrayRef a = doc.get_array("a");
    doc.transact([&](Transaction& tx) {
      ASSERT_TRUE(t.insert(tx, 0, "start").is_ok());
      m.set(tx, "k", Any(0));
      a.push(tx, {Any(0)});
    });
    const std::string start = js(state_of(doc));
    UndoManagerOptions o;
    o.capture_timeout_ms = 0;
    UndoManager um(doc, {t, m, a}, o);
    const std::uint64_t steps = 1 + below(25);
    for (std::uint64_t s = 0; s < steps; ++s) {
      doc.transact([&](Transaction& tx) {
        switch (below(6)) {
          case 0: (void)t.insert(tx, below(t.length() + 1), "xy"); break;
          case 1:
            if (t.length() > 0) (void)t.remove(tx, below(t.length()), 1);
            break;
          case 2:
            if (t.length() > 1)
              (void)t.format(tx, 0, 1 + below(t.length() - 1), {{"b", Any(true)}});
            break;
          case 3: m.set(tx, "k" + std::to_string(below(3)), Any(static_cast<int>(below(9)))); break;
          case 4: m.insert_map(tx, "n").set(tx, "x", Any(static_cast<int>(s))); break;
          default:
            if (a.length() > 0 && below(2) == 0) {
              (void)a.remove(tx, below(a.length()), 1);
            } else {
              (void)a.insert(tx, below(a.length() + 1), {Any(static_cast<int>(s))});
            }
        }
      });
    }
    const std::string end = js(state_of(doc));
    while (um.can_undo()) (void)um.undo();
    ASSERT_EQ(js(state_of(doc)), start) << "seed " << seed << " iteration " << it;
    while (um.can_redo()) (void)um.redo();
    ASSERT_EQ(js(state_of(doc)), end) << "seed " << seed << " iteration " << it;
  }
}

} // namespace
} // namespace accord
