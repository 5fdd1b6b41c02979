#pragma once
/// Structured logs of accord-server: one JSON object a line on stderr,
///   {"time":"2026-11-23T10:31:33.123Z","level":"info","event":"listening","port":8080}
/// `time` is UTC with milliseconds, `level` one of debug/info/warn/error, `event`
/// a stable snake_case name; the other keys are the event's fields. Lines are
/// written whole under a mutex and flushed, so concurrent threads never interleave.
/// Callers never pass secrets (tokens, tickets, passwords, query strings).

#include <nlohmann/json.hpp>

#include <string_view>

namespace accord::server {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

/// Drops lines below `level` from now on (default kInfo). Thread-safe.
void set_log_level(LogLevel level);

/// Writes one log line. `fields` must be a JSON object (or null for none).
void log_event(LogLevel level, std::string_view event, const nlohmann::json& fields = {});

inline void log_info(std::string_view event, const nlohmann::json& fields = {}) {
  log_event(LogLevel::kInfo, event, fields);
}
inline void log_warn(std::string_view event, const nlohmann::json& fields = {}) {
  log_event(LogLevel::kWarn, event, fields);
}
inline void log_error(std::string_view event, const nlohmann::json& fields = {}) {
  log_event(LogLevel::kError, event, fields);
}
inline void log_debug(std::string_view event, const nlohmann::json& fields = {}) {
  log_event(LogLevel::kDebug, event, fields);
}

} // namespace accord::server
