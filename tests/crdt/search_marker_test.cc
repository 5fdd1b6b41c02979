// Index lookups through the search markers (the cache of (item, index) pairs that makes typing
// fast) against a plain model: two peers take turns editing a text and an array at positions
// that mix typing runs, short hops and far jumps, each edit sent to the other peer at once
// (remote transactions empty the markers), so every edit has one right answer.
//   ACCORD_MARKER_SEED=<n>   replays one session (the seed a failure prints)
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "accord/doc.h"
#include "accord/types.h"
#include "accord/update.h"

namespace accord {
namespace {

struct Peer {
  Doc doc;
  explicit Peer(std::uint64_t id, bool gc) : doc(DocOptions::with_client_id(id, gc)) {}
};

void sync_to(const Doc& from, Doc& to) {
  ASSERT_TRUE(apply_update(to, encode_state_as_update(from, state_vector(to))).is_ok());
}

/// A position near `cursor` most of the time (typing, small hops), anywhere otherwise.
std::uint64_t next_position(std::mt19937_64& rng, std::uint64_t cursor, std::uint64_t length) {
  const auto roll = rng() % 100;
  if (roll < 70) return std::min(cursor, length);
  if (roll < 90) {
    const auto hop = static_cast<std::int64_t>(rng() % 41) - 20;
    const auto pos = static_cast<std::int64_t>(cursor) + hop;
    return static_cast<std::uint64_t>(
        std::clamp<std::int64_t>(pos, 0, static_cast<std::int64_t>(length)));
  }
  return length == 0 ? 0 : rng() % (length + 1);
}

/// One session: returns an empty string or what went wrong.
std::string run_session(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const bool gc = (seed & 1) == 0;
  Peer a(1, gc);
  Peer b(2, gc);
  std::string text_model;
  std::vector<int> array_model;
  std::uint64_t cursor = 0;
  int next_value = 0;
  const int steps = 3000;
  for (int step = 0; step < steps; ++step) {
    Peer& self = (rng() % 8 == 0) ? b : a;
    Peer& other = &self == &a ? b : a;
    TextRef text = self.doc.get_text("t");
    ArrayRef array = self.doc.get_array("a");
    const bool on_text = rng() % 4 != 0;
    const std::uint64_t length = on_text ? text_model.size() : array_model.size();
    const std::uint64_t pos = next_position(rng, cursor, length);
    const bool insert = length == 0 || rng() % 3 != 0;
    Status st;
    self.doc.transact([&](Transaction& t) {
      if (insert && on_text) {
        std::string s(1 + rng() % 4, static_cast<char>('a' + rng() % 26));
        st = text.insert(t, pos, s);
        text_model.insert(pos, s);
        cursor = pos + s.size();
      } else if (insert) {
        st = array.insert(t, pos, {Any(next_value)});
        array_model.insert(array_model.begin() + static_cast<std::ptrdiff_t>(pos), next_value++);
        cursor = pos + 1;
      } else {
        const std::uint64_t at = std::min(pos, length - 1);
        const std::uint64_t n = std::min<std::uint64_t>(1 + rng() % 5, length - at);
        st = on_text ? text.remove(t, at, n) : array.remove(t, at, n);
        if (on_text) {
          text_model.erase(at, n);
        } else {
          const auto first = array_model.begin() + static_cast<std::ptrdiff_t>(at);
          array_model.erase(first, first + static_cast<std::ptrdiff_t>(n));
        }
        cursor = at;
      }
    });
    if (!st.is_ok()) return "step " + std::to_string(step) + ": " + st.message();
    sync_to(self.doc, other.doc);
    if (step % 50 != 0 && step + 1 != steps) continue;
    std::string array_json = "[";
    for (std::size_t k = 0; k < array_model.size(); ++k) {
      array_json += (k ? "," : "") + std::to_string(array_model[k]);
    }
    array_json += "]";
    for (Peer* p : {&a, &b}) {
      if (p->doc.get_text("t").to_string() != text_model) {
        return "step " + std::to_string(step) + ": text of client " +
               std::to_string(p->doc.client_id()) + " differs from the model";
      }
      if (p->doc.get_array("a").to_json().to_json_string() != array_json) {
        return "step " + std::to_string(step) + ": array of client " +
               std::to_string(p->doc.client_id()) + " differs from the model";
      }
    }
  }
  return {};
}

TEST(SearchMarkers, IndexLookupsMatchAPlainModel) {
  const char* env = std::getenv("ACCORD_MARKER_SEED");
  const std::uint64_t base = env ? std::strtoull(env, nullptr, 10) : 0x5eed0001u;
  const int sessions = env ? 1 : 12;
  std::cout << "[ seed     ] SearchMarkers: ACCORD_MARKER_SEED=" << base << " (sessions "
            << sessions << ")\n";
  for (int k = 0; k < sessions; ++k) {
    const std::uint64_t seed = base + static_cast<std::uint64_t>(k);
    const std::string err = run_session(seed);
    ASSERT_TRUE(err.empty()) << "seed " << seed << ": " << err
                             << "\nreplay: ACCORD_MARKER_SEED=" << seed;
  }
}

} // namespace
} // namespace accord
