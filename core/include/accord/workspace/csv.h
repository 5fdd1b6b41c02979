#pragma once
/// CSV as RFC 4180 defines it, in UTF-8: records separated by CRLF (a bare LF is accepted too),
/// fields separated by commas, a field that holds a comma, a quote or a line break enclosed in
/// double quotes with its quotes doubled. A UTF-8 byte order mark at the start is skipped, empty
/// lines are skipped, and a final line break is optional. Every cell remembers where it started
/// (line and column, both 1-based; columns count Unicode code points) so that an import can say
/// exactly which cell was wrong.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/workspace/issue.h"

namespace accord::workspace {

/// One field of a record and where it starts in the text.
struct CsvCell {
  std::string value;        ///< unquoted, quotes undoubled
  std::uint32_t line = 0;   ///< 1-based line of the cell's first character
  std::uint32_t column = 0; ///< 1-based column (code points) of the cell's first character
};

/// One record.
struct CsvRow {
  std::vector<CsvCell> cells; ///< at least one
  std::uint32_t line = 0;     ///< the line the record starts on
};

/// What parse_csv found: every record up to the first syntax error, and that error if any.
struct CsvParse {
  std::vector<CsvRow> rows;   ///< the records in order (the header is rows[0])
  std::optional<Issue> error; ///< the first syntax error (rows after it are not parsed)
};

/// Parses `text`. Errors (with the line and column where they are): invalid UTF-8, a quote inside
/// an unquoted field, a character after a closing quote, a quoted field never closed (reported
/// where it opened). O(text).
CsvParse parse_csv(std::string_view text);

/// `value` as a CSV field: quoted (quotes doubled) when it holds a comma, a quote, a CR or LF, or
/// leading or trailing spaces; as is otherwise.
std::string csv_field(std::string_view value);

/// Appends one record (fields joined by commas, CRLF at the end) to `out`.
void append_csv_row(std::string& out, const std::vector<std::string>& fields);

} // namespace accord::workspace
