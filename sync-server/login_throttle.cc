#include "login_throttle.h"

namespace accord::server {

namespace {
constexpr std::size_t kMaxAddresses = 10000;
}

void LoginThrottle::expire_locked(std::deque<Clock::time_point>& failures,
                                  Clock::time_point now) const {
  while (!failures.empty() && now - failures.front() >= window_) failures.pop_front();
}

std::int64_t LoginThrottle::retry_after(const std::string& address, Clock::time_point now) {
  if (max_failures_ == 0) return 0;
  std::lock_guard lock(mutex_);
  const auto found = failures_.find(address);
  if (found == failures_.end()) return 0;
  expire_locked(found->second, now);
  if (found->second.size() < max_failures_) return 0;
  const auto wait = found->second.front() + window_ - now;
  return std::max<std::int64_t>(1, std::chrono::ceil<std::chrono::seconds>(wait).count());
}

void LoginThrottle::record_failure(const std::string& address, Clock::time_point now) {
  if (max_failures_ == 0) return;
  std::lock_guard lock(mutex_);
  if (failures_.size() >= kMaxAddresses && failures_.find(address) == failures_.end()) {
    for (auto it = failures_.begin(); it != failures_.end();) {
      expire_locked(it->second, now);
      it = it->second.empty() ? failures_.erase(it) : std::next(it);
    }
    if (failures_.size() >= kMaxAddresses) failures_.erase(failures_.begin());
  }
  auto& failures = failures_[address];
  expire_locked(failures, now);
  failures.push_back(now);
  while (failures.size() > max_failures_) failures.pop_front();
}

void LoginThrottle::record_success(const std::string& address) {
  std::lock_guard lock(mutex_);
  failures_.erase(address);
}

} // namespace accord::server
