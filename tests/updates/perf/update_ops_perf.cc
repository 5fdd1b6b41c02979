// Times the update-level operations on the automerge-paper updates written by
// make_perf_input.mjs (not a test; prints milliseconds, best of 3). Build in release:
//   cmake -B build/updates-rel -DCMAKE_BUILD_TYPE=Release && ninja -C build/updates-rel
//   accord_update_ops_perf && build/updates-rel/tests/updates/accord_update_ops_perf
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iterator>
#include <vector>

#include "accord/update_ops.h"

namespace {

using Bytes = std::vector<std::uint8_t>;

std::vector<Bytes> unpack(const char* path) {
  std::ifstream in(path, std::ios::binary);
  Bytes all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<Bytes> out;
  std::size_t o = 0;
  while (o + 4 <= all.size()) {
    std::uint32_t n = all[o] | (all[o + 1] << 8) | (all[o + 2] << 16) |
                      (static_cast<std::uint32_t>(all[o + 3]) << 24);
    o += 4;
    out.emplace_back(all.begin() + static_cast<std::ptrdiff_t>(o),
                     all.begin() + static_cast<std::ptrdiff_t>(o + n));
    o += n;
  }
  return out;
}

void time(const char* name, const std::function<bool()>& fn, int reps = 3) {
  double best = 1e100;
  for (int i = 0; i < reps; ++i) {
    auto t = std::chrono::steady_clock::now();
    if (!fn()) std::printf("%s: FAILED\n", name);
    double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
    best = ms < best ? ms : best;
  }
  std::printf("accord %s: %.1f ms\n", name, best);
}

} // namespace

int main() {
  auto v1 = unpack("build/updates-perf/updates_v1.bin");
  auto v2 = unpack("build/updates-perf/updates_v2.bin");
  auto states = unpack("build/updates-perf/state_v1.bin");
  if (v1.empty() || states.size() != 3) {
    std::printf("run tests/updates/perf/make_perf_input.mjs first\n");
    return 1;
  }
  const Bytes& state = states[0];
  time("merge_updates (v1 updates)", [&] {
    auto r = accord::merge_updates(v1);
    return r.ok() && *r == states[1];
  });
  time("merge_updates_v2 (v2 updates)", [&] {
    auto r = accord::merge_updates_v2(v2);
    return r.ok() && *r == states[2];
  });
  auto s2 = accord::convert_update_v1_to_v2(state);
  time("convert_update_v1_to_v2(state)",
       [&] { return accord::convert_update_v1_to_v2(state).ok(); });
  time("convert_update_v2_to_v1(state)", [&] {
    auto r = accord::convert_update_v2_to_v1(*s2);
    return r.ok() && *r == state;
  });
  const Bytes sv{1, 1, 0xa0, 0x8d, 0x06}; // client 1 at clock 100000
  time("diff_update(state, sv at 100000)", [&] { return accord::diff_update(state, sv).ok(); });
  time("encode_state_vector_from_update(state)",
       [&] { return accord::encode_state_vector_from_update(state).ok(); });
  std::printf("updates merged: %zu, state v1 %zu bytes, v2 %zu bytes\n", v1.size(), state.size(),
              s2->size());
  return 0;
}
