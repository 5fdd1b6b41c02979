// Account search: case-, width- and accent-insensitive substring match over the name and the
// labels (both languages) of tier and classification, so "华东" finds 华东电力 and "tier a",
// "A类" or "key" find the accounts they describe. Every word of the query must match.

/** Folds text for matching: NFKC (full-width → ASCII), lower case, accents removed. */
export function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();
}

/** Splits a query into words; CJK runs stay whole (they are matched as substrings). */
export function queryWords(query: string): string[] {
  return fold(query)
    .split(/[\s,，、;；]+/u)
    .filter((w) => w.length > 0);
}

/** True when every word of the query occurs in one of the haystacks. */
export function matches(query: string, haystacks: readonly string[]): boolean {
  const words = queryWords(query);
  if (words.length === 0) return true;
  const folded = haystacks.map(fold).join('\u0000');
  return words.every((w) => folded.includes(w));
}
