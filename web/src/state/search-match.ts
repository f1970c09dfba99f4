function normalise(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function words(text: string): string[] {
  return normalise(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The alias a search hit matched, when its name does not show why it matched: the alias that
 * shares the most words (or word prefixes) with the query, or null when the name does.
 */
export function matchedAlias(
  entity: { name: string; aliases: readonly string[] },
  query: string,
): string | null {
  const terms = words(query);
  if (terms.length === 0) return null;
  const score = (text: string) => {
    const candidates = words(text);
    return terms.filter((term) => candidates.some((word) => word.startsWith(term))).length;
  };
  const nameScore = score(entity.name);
  let best: string | null = null;
  let bestScore = nameScore;
  for (const alias of entity.aliases) {
    const aliasScore = score(alias);
    if (aliasScore > bestScore) {
      best = alias;
      bestScore = aliasScore;
    }
  }
  return best;
}
