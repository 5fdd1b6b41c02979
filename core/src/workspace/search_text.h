#pragma once
/// How search text is cut into terms, the same way for the index and for queries.
///
/// SQLite's FTS5 `unicode61` tokenizer splits on spaces and punctuation, folds case and (with
/// remove_diacritics 2) accents, but it keeps a run of Chinese characters as one token: "王建国"
/// would only be found by the query "王建国". So the text is cut here first:
///   - a run of letters and digits (Latin, Cyrillic, accented, ...) is one word; fullwidth ASCII
///     letters and digits (ＡＢＢ１２) count as their ASCII forms;
///   - a run of CJK characters (Han, kana, Hangul) becomes its single characters and its
///     overlapping pairs: "王建国" -> "王 建 国 王建 建国";
///   - everything else (spaces, ASCII and CJK punctuation, symbols, emoji) separates terms.
/// A query is cut the same way: a word becomes a prefix term ("sie" finds "Siemens"), a single
/// CJK character a unigram term, a longer CJK run its pairs (all must be present), so queries
/// of one or two Chinese characters (王, 王总, 采购) find every record containing them.

#include <string>
#include <string_view>
#include <vector>

namespace accord::workspace::search_text {

/// One query term.
struct Term {
  std::string text;    ///< the term (a word, one CJK character or a CJK pair)
  bool prefix = false; ///< matches words starting with it (words only)
};

/// The text as FTS5 should index it: words, CJK characters and CJK pairs separated by spaces.
/// Invalid UTF-8 bytes separate terms. O(text).
std::string index_form(std::string_view text);

/// The terms of a query (empty when it holds no letter, digit or CJK character).
std::vector<Term> query_terms(std::string_view query);

/// An FTS5 MATCH expression requiring every term: each term quoted (so no query text is ever
/// read as FTS5 syntax: `"`, `*`, AND, OR, NEAR, parentheses are plain text), words with `*`.
std::string match_expression(const std::vector<Term>& terms);

} // namespace accord::workspace::search_text
