#include "accord/workspace/csv.h"

#include <cstddef>

#include "encoding/utf.h"

namespace accord::workspace {
namespace {

// A cursor over the text that keeps the line and the code-point column of the next byte.
class Cursor {
public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return text_[pos_]; }
  std::uint32_t line() const { return line_; }
  std::uint32_t column() const { return column_; }

  // Consumes one byte, tracking lines (LF, CRLF or a lone CR end a line) and columns (UTF-8
  // continuation bytes do not start a column).
  void advance() {
    const char c = text_[pos_++];
    if (c == '\n' || (c == '\r' && (done() || text_[pos_] != '\n'))) {
      ++line_;
      column_ = 1;
    } else if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
      ++column_;
    }
  }

private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t column_ = 1;
};

// The line and column of the first invalid UTF-8 byte of `text` (text is known invalid).
Issue utf8_issue(std::string_view text) {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto b = static_cast<unsigned char>(text[i]);
    std::size_t len = 1;
    if (b >= 0xF0) {
      len = 4;
    } else if (b >= 0xE0) {
      len = 3;
    } else if (b >= 0xC0) {
      len = 2;
    }
    if ((b >= 0x80 && b < 0xC2) || b > 0xF4 || i + len > text.size() ||
        !encoding::is_valid_utf8(text.substr(i, len))) {
      return Issue{line, column, "", "invalid UTF-8 (the file must be UTF-8 encoded)"};
    }
    if (b == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += len;
  }
  return Issue{line, column, "", "invalid UTF-8 (the file must be UTF-8 encoded)"};
}

bool at_line_end(const Cursor& c) { return !c.done() && (c.peek() == '\n' || c.peek() == '\r'); }

void skip_line_end(Cursor& c) {
  if (c.peek() == '\r') {
    c.advance();
    if (!c.done() && c.peek() == '\n') c.advance();
  } else {
    c.advance();
  }
}

} // namespace

CsvParse parse_csv(std::string_view text) {
  CsvParse out;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (!encoding::is_valid_utf8(text)) {
    out.error = utf8_issue(text);
    return out;
  }
  Cursor c(text);
  while (!c.done()) {
    if (at_line_end(c)) { // an empty line
      skip_line_end(c);
      continue;
    }
    CsvRow row;
    row.line = c.line();
    for (;;) {
      CsvCell cell;
      cell.line = c.line();
      cell.column = c.column();
      if (!c.done() && c.peek() == '"') {
        c.advance();
        for (;;) {
          if (c.done()) {
            out.error = Issue{cell.line, cell.column, "",
                              "quoted field is never closed (a quote is missing)"};
            return out;
          }
          const char ch = c.peek();
          c.advance();
          if (ch != '"') {
            cell.value += ch;
          } else if (!c.done() && c.peek() == '"') {
            cell.value += '"';
            c.advance();
          } else {
            break;
          }
        }
        if (!c.done() && c.peek() != ',' && !at_line_end(c)) {
          out.error = Issue{c.line(), c.column(), "",
                            "unexpected character after a closing quote (expected a comma or "
                            "the end of the line)"};
          return out;
        }
      } else {
        while (!c.done() && c.peek() != ',' && !at_line_end(c)) {
          if (c.peek() == '"') {
            out.error = Issue{c.line(), c.column(), "",
                              "quote inside an unquoted field (enclose the whole field in quotes "
                              "and double the quotes inside it)"};
            return out;
          }
          cell.value += c.peek();
          c.advance();
        }
      }
      row.cells.push_back(std::move(cell));
      if (c.done()) break;
      if (c.peek() == ',') {
        c.advance();
        continue;
      }
      skip_line_end(c);
      break;
    }
    out.rows.push_back(std::move(row));
  }
  return out;
}

std::string csv_field(std::string_view value) {
  bool quote = !value.empty() && (value.front() == ' ' || value.back() == ' ');
  for (char ch : value) {
    if (ch == ',' || ch == '"' || ch == '\r' || ch == '\n') quote = true;
  }
  if (!quote) return std::string(value);
  std::string out = "\"";
  for (char ch : value) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

void append_csv_row(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_field(fields[i]);
  }
  out += "\r\n";
}

} // namespace accord::workspace
