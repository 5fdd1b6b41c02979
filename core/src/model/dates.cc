// ISO-8601 parsing and civil-date arithmetic (Howard Hinnant's days_from_civil algorithm).
#include "accord/model/dates.h"

#include <cstdio>

namespace accord::model {

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

unsigned days_in_month(int y, unsigned m) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `n` digits at `pos`; false when not digits.
bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  out = v;
  return true;
}

Status bad(std::string_view text, std::string_view why) {
  std::string message;
  message.reserve(text.size() + why.size() + 24);
  message.append("'").append(text).append("' is not an ISO-8601 ").append(why);
  return Status::error(StatusCode::kInvalidArgument, std::move(message));
}

// Parses "YYYY-MM-DD" at the start of `text` into y/m/d, validating ranges.
Status parse_ymd(std::string_view text, int& y, int& m, int& d) {
  if (text.size() < 10 || !digits(text, 0, 4, y) || text[4] != '-' || !digits(text, 5, 2, m) ||
      text[7] != '-' || !digits(text, 8, 2, d)) {
    return bad(text, "date (expected YYYY-MM-DD)");
  }
  if (y < 1900) return bad(text, "date (year before 1900)");
  if (m < 1 || m > 12) return bad(text, "date (month out of range)");
  if (d < 1 || static_cast<unsigned>(d) > days_in_month(y, static_cast<unsigned>(m))) {
    return bad(text, "date (no such day in that month)");
  }
  return Status::ok();
}

} // namespace

std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

namespace {
void civil_from_days(std::int32_t z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2 ? 1 : 0;
}
} // namespace

Result<Date> parse_date(std::string_view text) {
  int y = 0, m = 0, d = 0;
  if (text.size() != 10) return bad(text, "date (expected YYYY-MM-DD)");
  ACCORD_RETURN_IF_ERROR(parse_ymd(text, y, m, d));
  return Date{days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d))};
}

std::string format_date(Date date) {
  int y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(date.days, y, m, d);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
  return buf;
}

Result<std::int64_t> parse_date_time(std::string_view text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
  ACCORD_RETURN_IF_ERROR(parse_ymd(text, y, mo, d));
  if (text.size() < 16 || (text[10] != 'T' && text[10] != 't') || !digits(text, 11, 2, h) ||
      text[13] != ':' || !digits(text, 14, 2, mi)) {
    return bad(text, "date-time (expected YYYY-MM-DDTHH:MM)");
  }
  std::size_t pos = 16;
  if (pos < text.size() && text[pos] == ':') {
    if (!digits(text, pos + 1, 2, s)) return bad(text, "date-time (bad seconds)");
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      std::size_t n = 0;
      int frac = 0;
      ++pos;
      while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        if (n < 3) frac = frac * 10 + (text[pos] - '0');
        ++n;
        ++pos;
      }
      if (n == 0) return bad(text, "date-time (empty fraction)");
      for (std::size_t i = n; i < 3; ++i) frac *= 10;
      ms = frac;
    }
  }
  if (h > 23 || mi > 59 || s > 59) return bad(text, "date-time (time out of range)");
  int offset_min = 0;
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z') && pos + 1 == text.size()) {
    offset_min = 0;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-') &&
             pos + 6 == text.size()) {
    int oh = 0, om = 0;
    if (!digits(text, pos + 1, 2, oh) || text[pos + 3] != ':' || !digits(text, pos + 4, 2, om) ||
        oh > 23 || om > 59) {
      return bad(text, "date-time (bad offset)");
    }
    offset_min = (oh * 60 + om) * (text[pos] == '-' ? -1 : 1);
  } else {
    return bad(text, "date-time (expected Z or an offset +HH:MM at the end)");
  }
  const std::int64_t days = days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
  const std::int64_t minutes = days * 1440 + h * 60 + mi - offset_min;
  return (minutes * 60 + s) * 1000 + ms;
}

std::string format_date_time(std::int64_t unix_ms) {
  const std::int64_t day_ms = 86400000;
  std::int64_t days = unix_ms / day_ms;
  std::int64_t rem = unix_ms % day_ms;
  if (rem < 0) {
    rem += day_ms;
    --days;
  }
  const std::string date = format_date(Date{static_cast<std::int32_t>(days)});
  char buf[80];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02d.%03dZ", date.c_str(),
                static_cast<int>(rem / 3600000), static_cast<int>(rem / 60000 % 60),
                static_cast<int>(rem / 1000 % 60), static_cast<int>(rem % 1000));
  return buf;
}

Date day_of(std::int64_t unix_ms) {
  const std::int64_t day_ms = 86400000;
  std::int64_t days = unix_ms / day_ms;
  if (unix_ms % day_ms < 0) --days;
  return Date{static_cast<std::int32_t>(days)};
}

} // namespace accord::model
