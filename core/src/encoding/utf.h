#pragma once
/// UTF-8 <-> UTF-16 conversion. Yjs counts text in UTF-16 code units and lib0 writes strings as
/// UTF-8 (TextEncoder), so a lone surrogate in UTF-16 becomes U+FFFD in UTF-8, as in browsers.

#include <cstddef>
#include <string>
#include <string_view>

namespace accord::encoding {

/// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, at most U+10FFFF).
bool is_valid_utf8(std::string_view s);
/// Appends the UTF-16 form of valid UTF-8 `s` to `out`. Returns false (appending nothing
/// meaningful) when `s` is not valid UTF-8.
bool utf8_to_utf16(std::string_view s, std::u16string& out);
/// Appends the UTF-8 form of `s` to `out`; lone surrogates become U+FFFD.
void utf16_to_utf8(std::u16string_view s, std::string& out);
/// The UTF-8 form of `s` (lone surrogates become U+FFFD).
inline std::string utf16_to_utf8(std::u16string_view s) {
  std::string out;
  utf16_to_utf8(s, out);
  return out;
}
/// Appends the UTF-8 form of code point `cp` (at most U+10FFFF, not a surrogate) to `out`.
void append_utf8(char32_t cp, std::string& out);
/// Number of UTF-16 code units of valid UTF-8 `s`.
std::size_t utf16_length(std::string_view s);

} // namespace accord::encoding
