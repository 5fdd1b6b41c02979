#pragma once
// Helpers of the sync unit tests: hex, the fixture file, a manual clock/timer.

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "accord/sync_session.h"

namespace accord::sync::test {

inline std::vector<std::uint8_t> unhex(const std::string& s) {
  std::vector<std::uint8_t> out;
  for (std::size_t i = 0; i + 1 < s.size(); i += 2) {
    out.push_back(static_cast<std::uint8_t>(std::stoi(s.substr(i, 2), nullptr, 16)));
  }
  return out;
}

inline std::string hex(std::span<const std::uint8_t> bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (const std::uint8_t b : bytes) {
    out.push_back(digits[b >> 4]);
    out.push_back(digits[b & 15]);
  }
  return out;
}

/// tests/sync/fixtures/protocol.json (made by make_fixtures.mjs).
inline const nlohmann::json& fixtures() {
  static const nlohmann::json data = [] {
    const char* dir = std::getenv("ACCORD_SOURCE_DIR");
    std::ifstream in(std::string(dir ? dir : ".") + "/tests/sync/fixtures/protocol.json");
    return nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  }();
  return data;
}

/// A manual clock: scheduled calls run when the test advances time.
class ManualTimer final : public SyncTimer {
public:
  std::uint64_t now_ms() override { return now_; }
  std::uint64_t schedule(std::uint64_t delay_ms, std::function<void()> fn) override {
    const std::uint64_t id = ++next_id_;
    calls_.emplace(std::make_pair(now_ + delay_ms, id), std::move(fn));
    return id;
  }
  void cancel(std::uint64_t id) override {
    for (auto it = calls_.begin(); it != calls_.end(); ++it) {
      if (it->first.second == id) {
        calls_.erase(it);
        return;
      }
    }
  }
  /// Runs every call due up to now + `ms`, in time order, then sets the time.
  void advance(std::uint64_t ms) {
    const std::uint64_t until = now_ + ms;
    while (!calls_.empty() && calls_.begin()->first.first <= until) {
      auto node = calls_.extract(calls_.begin());
      now_ = node.key().first;
      node.mapped()();
    }
    now_ = until;
  }
  /// Time of the next scheduled call, or 0 if none.
  std::uint64_t next_due() const { return calls_.empty() ? 0 : calls_.begin()->first.first; }

private:
  std::uint64_t now_ = 1000000;
  std::uint64_t next_id_ = 0;
  std::map<std::pair<std::uint64_t, std::uint64_t>, std::function<void()>> calls_;
};

} // namespace accord::sync::test
