// ISO-8601 validation and calendar arithmetic.
#include <gtest/gtest.h>

#include "accord/model/dates.h"

namespace accord::model {
namespace {

TEST(Dates, ParsesAndFormatsCalendarDates) {
  auto d = parse_date("2026-03-02");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->days, 20514);
  EXPECT_EQ(format_date(*d), "2026-03-02");
  EXPECT_EQ(parse_date("1970-01-01")->days, 0);
  EXPECT_TRUE(parse_date("2024-02-29").ok());
  EXPECT_EQ(format_date(Date{parse_date("2024-02-28")->days + 1}), "2024-02-29");
}

TEST(Dates, RejectsMalformedDates) {
  for (const char* bad :
       {"2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-3-2", "26-03-02",
        "2026/03/02", "2026-03-02T10:00Z", "", "1800-01-01", "2100-02-29"}) {
    auto d = parse_date(bad);
    EXPECT_FALSE(d.ok()) << bad;
    if (!d.ok()) {
      EXPECT_EQ(d.status().code(), StatusCode::kInvalidArgument);
      EXPECT_NE(d.status().message().find("ISO-8601"), std::string::npos);
    }
  }
  EXPECT_TRUE(parse_date("2000-02-29").ok());
}

TEST(Dates, ParsesDateTimesWithOffsets) {
  EXPECT_EQ(*parse_date_time("1970-01-01T00:00Z"), 0);
  EXPECT_EQ(*parse_date_time("2026-03-02T09:00:00Z"), 1772442000000);
  EXPECT_EQ(*parse_date_time("2026-03-02T17:00:00+08:00"), 1772442000000);
  EXPECT_EQ(*parse_date_time("2026-03-02T04:00-05:00"), 1772442000000);
  EXPECT_EQ(*parse_date_time("2026-03-02T09:00:00.25Z"), 1772442000250);
  EXPECT_EQ(format_date_time(1772442000250), "2026-03-02T09:00:00.250Z");
  EXPECT_EQ(day_of(1772442000000).days, 20514);
  EXPECT_EQ(day_of(-1).days, -1);
}

TEST(Dates, RejectsMalformedDateTimes) {
  for (const char* bad :
       {"2026-03-02T09:00", "2026-03-02 09:00Z", "2026-03-02T24:00Z", "2026-03-02T09:60Z",
        "2026-03-02T09:00:61Z", "2026-03-02T09:00+8", "2026-03-02T09:00+08:00x",
        "2026-02-30T09:00Z", "2026-03-02T09:00:00.Z"}) {
    EXPECT_FALSE(parse_date_time(bad).ok()) << bad;
  }
}

} // namespace
} // namespace accord::model
