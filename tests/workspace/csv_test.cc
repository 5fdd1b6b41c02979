// RFC 4180 parsing with positions, and writing fields back.
#include <gtest/gtest.h>

#include "accord/workspace/csv.h"

namespace accord::workspace {
namespace {

TEST(Csv, ParsesQuotedFieldsAndPositions) {
  const CsvParse p = parse_csv("a,b,c\r\n1,\"x, \"\"y\"\"\",3\n\"multi\nline\",é,\n");
  ASSERT_FALSE(p.error) << p.error->to_string("t");
  ASSERT_EQ(p.rows.size(), 3u);
  EXPECT_EQ(p.rows[1].cells[1].value, "x, \"y\"");
  EXPECT_EQ(p.rows[1].cells[1].line, 2u);
  EXPECT_EQ(p.rows[1].cells[1].column, 3u);
  EXPECT_EQ(p.rows[1].cells[2].column, 14u);
  EXPECT_EQ(p.rows[2].cells[0].value, "multi\nline");
  EXPECT_EQ(p.rows[2].line, 3u);
  // After a quoted line break the next cell is on line 4; é is one column.
  EXPECT_EQ(p.rows[2].cells[1].line, 4u);
  EXPECT_EQ(p.rows[2].cells[1].column, 7u);
  EXPECT_EQ(p.rows[2].cells[2].value, "");
  EXPECT_EQ(p.rows[2].cells[2].column, 9u);
}

TEST(Csv, SkipsBomAndEmptyLinesAndAcceptsNoFinalNewline) {
  const CsvParse p = parse_csv("\xEF\xBB\xBFid\r\n\r\nx\n\ny");
  ASSERT_FALSE(p.error);
  ASSERT_EQ(p.rows.size(), 3u);
  EXPECT_EQ(p.rows[0].cells[0].value, "id");
  EXPECT_EQ(p.rows[1].line, 3u);
  EXPECT_EQ(p.rows[2].cells[0].value, "y");
  EXPECT_EQ(p.rows[2].line, 5u);
}

TEST(Csv, ReportsQuoteInsideUnquotedField) {
  const CsvParse p = parse_csv("a,b\nab\"c,d\n");
  ASSERT_TRUE(p.error);
  EXPECT_EQ(p.error->line, 2u);
  EXPECT_EQ(p.error->column, 3u);
  EXPECT_NE(p.error->message.find("quote inside an unquoted field"), std::string::npos);
}

TEST(Csv, ReportsCharacterAfterClosingQuote) {
  const CsvParse p = parse_csv("a,b\n\"ab\"c,d\n");
  ASSERT_TRUE(p.error);
  EXPECT_EQ(p.error->line, 2u);
  EXPECT_EQ(p.error->column, 5u);
  EXPECT_NE(p.error->message.find("after a closing quote"), std::string::npos);
}

TEST(Csv, ReportsUnterminatedQuoteWhereItOpened) {
  const CsvParse p = parse_csv("a,b\nx,\"never\nclosed\n");
  ASSERT_TRUE(p.error);
  EXPECT_EQ(p.error->line, 2u);
  EXPECT_EQ(p.error->column, 3u);
  EXPECT_NE(p.error->message.find("never closed"), std::string::npos);
  EXPECT_EQ(p.rows.size(), 1u); // the header only
}

TEST(Csv, ReportsInvalidUtf8WithItsPosition) {
  const CsvParse p = parse_csv("a,b\nok,\xC3\x28\n");
  ASSERT_TRUE(p.error);
  EXPECT_EQ(p.error->line, 2u);
  EXPECT_EQ(p.error->column, 4u);
  EXPECT_NE(p.error->message.find("UTF-8"), std::string::npos);
}

TEST(Csv, FieldsRoundTrip) {
  const std::vector<std::string> fields = {"plain", "a,b", "say \"hi\"", "two\r\nlines",
                                           " pad ", "",    "王建国"};
  std::string text;
  append_csv_row(text, fields);
  append_csv_row(text, fields);
  const CsvParse p = parse_csv(text);
  ASSERT_FALSE(p.error);
  ASSERT_EQ(p.rows.size(), 2u);
  for (const auto& row : p.rows) {
    ASSERT_EQ(row.cells.size(), fields.size());
    for (std::size_t i = 0; i < fields.size(); ++i) EXPECT_EQ(row.cells[i].value, fields[i]);
  }
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field("a\"b"), "\"a\"\"b\"");
}

TEST(Csv, IssueFormatsFileLineColumnAndField) {
  EXPECT_EQ((Issue{3, 7, "tier", "bad"}).to_string("a.csv"), "a.csv:3:7: field 'tier': bad");
  EXPECT_EQ((Issue{3, 0, "", "bad"}).to_string("a.csv"), "a.csv:3: bad");
  EXPECT_EQ((Issue{0, 0, "", "bad"}).to_string("a.csv"), "a.csv: bad");
}

} // namespace
} // namespace accord::workspace
