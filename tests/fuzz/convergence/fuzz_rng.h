#pragma once
// A small seeded generator for the convergence fuzz. std::mt19937_64 is fully specified by the
// standard, and the helpers below avoid the implementation-defined distributions, so a seed
// replays the same session on every platform and standard library.

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace accord::fuzz {

/// Deterministic random choices from one seed.
class FuzzRng {
public:
  explicit FuzzRng(std::uint64_t seed) : gen_(seed) {}

  /// A uniform integer in [lo, hi] (inclusive). Requires lo <= hi.
  std::uint64_t between(std::uint64_t lo, std::uint64_t hi) { return lo + gen_() % (hi - lo + 1); }
  /// A uniform index in [0, n). Requires n > 0.
  std::size_t index(std::size_t n) { return static_cast<std::size_t>(gen_() % n); }
  /// True with probability percent/100.
  bool percent(unsigned percent) { return gen_() % 100 < percent; }
  /// A fair coin.
  bool coin() { return (gen_() & 1U) != 0; }
  /// One element of a non-empty vector.
  template <typename T>
  const T& one_of(const std::vector<T>& v) {
    return v[index(v.size())];
  }
  /// A raw 64-bit draw.
  std::uint64_t next() { return gen_(); }

private:
  std::mt19937_64 gen_;
};

} // namespace accord::fuzz
