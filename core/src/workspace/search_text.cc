#include "workspace/search_text.h"

#include <cstdint>

namespace accord::workspace::search_text {
namespace {

enum class CharClass { kSeparator, kWord, kCjk };

/// Decodes one UTF-8 code point at `i` (advancing it); 0xFFFD for an invalid sequence.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    ++i;
    return b0;
  }
  int extra = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    extra = 1;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    extra = 2;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    extra = 3;
    cp = b0 & 0x07;
  } else {
    ++i;
    return 0xFFFD;
  }
  if (i + static_cast<std::size_t>(extra) >= s.size()) {
    ++i;
    return 0xFFFD;
  }
  for (int k = 1; k <= extra; ++k) {
    const unsigned char b = byte(i + static_cast<std::size_t>(k));
    if ((b & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += static_cast<std::size_t>(extra) + 1;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool in(char32_t cp, char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; }

/// Fullwidth ASCII letters and digits as ASCII; everything else unchanged.
char32_t narrow(char32_t cp) {
  if (in(cp, 0xFF10, 0xFF19) || in(cp, 0xFF21, 0xFF3A) || in(cp, 0xFF41, 0xFF5A)) {
    return cp - 0xFF00 + 0x20;
  }
  return cp;
}

CharClass classify(char32_t cp) {
  if (cp < 0x80) {
    const bool alnum = in(cp, '0', '9') || in(cp, 'a', 'z') || in(cp, 'A', 'Z');
    return alnum ? CharClass::kWord : CharClass::kSeparator;
  }
  if (in(cp, 0x3400, 0x4DBF) || in(cp, 0x4E00, 0x9FFF) || in(cp, 0xF900, 0xFAFF) ||
      in(cp, 0x20000, 0x3FFFF) || in(cp, 0x3041, 0x3096) || in(cp, 0x30A1, 0x30FA) ||
      in(cp, 0xAC00, 0xD7AF)) {
    return CharClass::kCjk;
  }
  // Latin-1 punctuation and signs, general punctuation, symbols and arrows, box drawing, CJK
  // punctuation, fullwidth punctuation, surrogates, private use, specials, emoji and pictographs.
  if (in(cp, 0x80, 0xBF) || cp == 0xD7 || cp == 0xF7 || in(cp, 0x2000, 0x2BFF) ||
      in(cp, 0x3000, 0x303F) || in(cp, 0x30FB, 0x30FB) || in(cp, 0xD800, 0xF8FF) ||
      in(cp, 0xFE30, 0xFE4F) || in(cp, 0xFF00, 0xFF0F) || in(cp, 0xFF1A, 0xFF20) ||
      in(cp, 0xFF3B, 0xFF40) || in(cp, 0xFF5B, 0xFF65) || in(cp, 0xFFF0, 0xFFFF) ||
      in(cp, 0x1F000, 0x1FFFF)) {
    return CharClass::kSeparator;
  }
  return CharClass::kWord;
}

/// Calls on_word(word) and on_cjk(run of code points) for each run of the text, in order.
template <typename OnWord, typename OnCjk>
void scan(std::string_view text, OnWord on_word, OnCjk on_cjk) {
  std::string word;
  std::vector<char32_t> cjk;
  const auto flush = [&] {
    if (!word.empty()) on_word(word);
    if (!cjk.empty()) on_cjk(cjk);
    word.clear();
    cjk.clear();
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const char32_t cp = narrow(next_code_point(text, i));
    switch (classify(cp)) {
      case CharClass::kSeparator: flush(); break;
      case CharClass::kWord:
        if (!cjk.empty()) flush();
        append_utf8(word, cp);
        break;
      case CharClass::kCjk:
        if (!word.empty()) flush();
        cjk.push_back(cp);
        break;
    }
  }
  flush();
}

std::string cjk_text(const std::vector<char32_t>& run, std::size_t from, std::size_t count) {
  std::string out;
  for (std::size_t k = from; k < from + count; ++k) append_utf8(out, run[k]);
  return out;
}

} // namespace

std::string index_form(std::string_view text) {
  std::string out;
  const auto add = [&](const std::string& term) {
    if (!out.empty()) out += ' ';
    out += term;
  };
  scan(
      text, [&](const std::string& word) { add(word); },
      [&](const std::vector<char32_t>& run) {
        for (std::size_t k = 0; k < run.size(); ++k) add(cjk_text(run, k, 1));
        for (std::size_t k = 0; k + 1 < run.size(); ++k) add(cjk_text(run, k, 2));
      });
  return out;
}

std::vector<Term> query_terms(std::string_view query) {
  std::vector<Term> terms;
  scan(
      query,
      [&](const std::string& word) {
        terms.push_back(Term{word, true});
      },
      [&](const std::vector<char32_t>& run) {
        if (run.size() == 1) {
          terms.push_back(Term{cjk_text(run, 0, 1), false});
          return;
        }
        for (std::size_t k = 0; k + 1 < run.size(); ++k) {
          terms.push_back(Term{cjk_text(run, k, 2), false});
        }
      });
  return terms;
}

std::string match_expression(const std::vector<Term>& terms) {
  std::string out;
  for (const Term& term : terms) {
    if (!out.empty()) out += ' ';
    out += '"';
    for (char c : term.text) {
      if (c == '"') out += '"';
      out += c;
    }
    out += '"';
    if (term.prefix) out += '*';
  }
  return out;
}

} // namespace accord::workspace::search_text
