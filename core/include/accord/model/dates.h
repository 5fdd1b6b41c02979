#pragma once
/// ISO-8601 dates and times as the model stores them, and the calendar arithmetic the analytics
/// need. Dates are "YYYY-MM-DD" (proleptic Gregorian, years 1900-9999); date-times are
/// "YYYY-MM-DDTHH:MM[:SS[.fff]]" followed by "Z" or an offset "+HH:MM" / "-HH:MM". Nothing here
/// reads a clock: "now" is always a parameter.

#include <cstdint>
#include <string>
#include <string_view>

#include "accord/status.h"

namespace accord::model {

/// A calendar day: days since 1970-01-01.
struct Date {
  std::int32_t days = 0;
  auto operator<=>(const Date&) const = default;
};

/// Parses "YYYY-MM-DD" (checks the month and the day of the month, leap years included).
/// kInvalidArgument with the reason when malformed.
Result<Date> parse_date(std::string_view text);
/// "YYYY-MM-DD".
std::string format_date(Date date);

/// Parses an ISO-8601 date-time with an offset into milliseconds since the Unix epoch (UTC).
/// kInvalidArgument with the reason when malformed or without an offset.
Result<std::int64_t> parse_date_time(std::string_view text);
/// "YYYY-MM-DDTHH:MM:SS.fffZ" (UTC) of a Unix time in milliseconds.
std::string format_date_time(std::int64_t unix_ms);

/// The UTC day of a Unix time in milliseconds.
Date day_of(std::int64_t unix_ms);
/// Days since 1970-01-01 of a civil date (no validation).
std::int32_t days_from_civil(int year, unsigned month, unsigned day);

} // namespace accord::model
