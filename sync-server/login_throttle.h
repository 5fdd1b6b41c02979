#pragma once
/// Slows password guessing: counts failed logins per client address in a
/// sliding one-minute window; at the limit, that address gets 429 (with
/// Retry-After) for every login, right or wrong, until its oldest failure
/// leaves the window. A success clears the address. Memory is bounded: past
/// 10,000 addresses the stale ones are dropped. Thread-safe.

#include <chrono>
#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

namespace accord::server {

class LoginThrottle {
public:
  using Clock = std::chrono::steady_clock;

  /// `max_failures` per `window`; 0 disables the throttle.
  explicit LoginThrottle(std::size_t max_failures,
                         std::chrono::seconds window = std::chrono::seconds(60))
      : max_failures_(max_failures), window_(window) {}

  /// Seconds `address` must wait before trying again; 0 when it may try now.
  std::int64_t retry_after(const std::string& address, Clock::time_point now = Clock::now());
  /// Records a failed login from `address`.
  void record_failure(const std::string& address, Clock::time_point now = Clock::now());
  /// Forgets `address`'s failures (after a successful login).
  void record_success(const std::string& address);

private:
  void expire_locked(std::deque<Clock::time_point>& failures, Clock::time_point now) const;

  std::size_t max_failures_;
  Clock::duration window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Clock::time_point>> failures_;
};

} // namespace accord::server
