#pragma once
/// A token bucket: `rate` tokens a second, holding at most `burst`. Not
/// thread-safe (one per socket, used on its strand).

#include <algorithm>
#include <chrono>

namespace accord::server {

class RateLimiter {
public:
  using Clock = std::chrono::steady_clock;

  /// A full bucket. A rate <= 0 disables the limit.
  RateLimiter(double rate, double burst) : rate_(rate), burst_(burst), tokens_(burst) {}

  /// Takes one token at time `now`; false when the bucket is empty. O(1).
  bool try_take(Clock::time_point now = Clock::now()) {
    if (rate_ <= 0) return true;
    const std::chrono::duration<double> elapsed = now - last_;
    last_ = now;
    tokens_ = std::min(burst_, tokens_ + std::max(0.0, elapsed.count()) * rate_);
    if (tokens_ < 1.0) return false;
    tokens_ -= 1.0;
    return true;
  }

private:
  double rate_;
  double burst_;
  double tokens_;
  Clock::time_point last_ = Clock::now();
};

} // namespace accord::server
