/**
 * The words of a search as the index's analyser splits them: runs of letters and digits, kept
 * together across an inner apostrophe or dot ("o'brien", "u.s"). Prefix and fuzzy terms are not
 * analysed by Lucene, so a word must already be one indexed token for them to match.
 */
function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['.][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * A Lucene query for type-ahead over names and aliases: each word must match as typed, as a
 * prefix, or within one edit, a swap of neighbours included ("Kaspersy" finds "Kaspersky").
 * Lucene syntax in user text is dropped with the other punctuation, so AND, OR and NOT are
 * words, not operators. The whole text as a phrase adds weight, pulling a name typed in full
 * into the candidates ahead of longer names that contain its words.
 */
export function toLuceneQuery(text: string): string | undefined {
  const words = wordsOf(text);
  if (words.length === 0) return undefined;
  const all = words
    .map((word) => {
      const fuzzy = word.length >= 3 ? ` OR ${word}~1` : '';
      return `(${word}^3 OR ${word}*^2${fuzzy})`;
    })
    .join(' AND ');
  return words.length === 1 ? all : `(${all}) OR "${words.join(' ')}"^6`;
}

/** Lower-cased, with runs of anything but letters and digits as one space. */
export function searchKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Edits between two strings, a swap of neighbours counting as one (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * How closely a hit's names match the text, whatever else the index holds: 0 when the text is
 * its name or an alias, 1 when one edit away from one (a typo of the whole name), 2 otherwise.
 * Ranking by this before Lucene's score keeps an exact name first even where longer names
 * sharing its words score higher because the corpus makes those words rare.
 */
export function closeness(text: string, names: readonly string[]): 0 | 1 | 2 {
  const typed = searchKey(text);
  let best: 0 | 1 | 2 = 2;
  for (const name of names) {
    const key = searchKey(name);
    if (key === typed) return 0;
    if (
      typed.length >= 3 &&
      Math.abs(key.length - typed.length) <= 1 &&
      editDistance(key, typed) <= 1
    )
      best = 1;
  }
  return best;
}
