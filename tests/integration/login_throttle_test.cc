// The login throttle: failures per address in a sliding window.
#include "login_throttle.h"

#include <gtest/gtest.h>

namespace accord::server {
namespace {

using namespace std::chrono_literals;

TEST(LoginThrottleTest, LocksAnAddressOutAtTheLimitUntilTheWindowSlides) {
  LoginThrottle throttle(3, 60s);
  const auto t0 = LoginThrottle::Clock::now();
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(throttle.retry_after("10.0.0.1", t0 + std::chrono::seconds(i)), 0);
    throttle.record_failure("10.0.0.1", t0 + std::chrono::seconds(i));
  }
  EXPECT_EQ(throttle.retry_after("10.0.0.1", t0 + 3s), 57);
  EXPECT_EQ(throttle.retry_after("10.0.0.2", t0 + 3s), 0) << "other addresses are unaffected";
  EXPECT_EQ(throttle.retry_after("10.0.0.1", t0 + 59s), 1);
  EXPECT_EQ(throttle.retry_after("10.0.0.1", t0 + 60s), 0) << "the first failure left the window";
}

TEST(LoginThrottleTest, SuccessClearsAndZeroDisables) {
  LoginThrottle throttle(2, 60s);
  const auto now = LoginThrottle::Clock::now();
  throttle.record_failure("a", now);
  throttle.record_success("a");
  throttle.record_failure("a", now);
  EXPECT_EQ(throttle.retry_after("a", now), 0);
  LoginThrottle off(0);
  for (int i = 0; i < 100; ++i) off.record_failure("a", now);
  EXPECT_EQ(off.retry_after("a", now), 0);
}

} // namespace
} // namespace accord::server
