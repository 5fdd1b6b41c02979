#pragma once
/// `Issue`: one problem found in an input file, located precisely enough for a person to fix it
/// ("accounts.csv:14:23: field 'tier': unknown tier code 'AA' (known: a, b, c)").

#include <cstdint>
#include <string>
#include <string_view>

namespace accord::workspace {

/// A problem in an input file.
struct Issue {
  std::uint32_t line = 0;   ///< 1-based line (0: the whole file)
  std::uint32_t column = 0; ///< 1-based column in code points (0: the whole line)
  std::string field;        ///< the field (column name) concerned, if any
  std::string message;      ///< what is wrong and why

  /// "<file>:<line>:<column>: field '<field>': <message>" (parts that are unknown left out).
  std::string to_string(std::string_view file) const;
};

} // namespace accord::workspace
