// Search quality: whether what was typed is found. For each entity of a sample, its name and
// each alias should bring it (or, for a name others bear too, one of them) first, and its name
// with one letter dropped, swapped or wrong within the first three. Used by the API benchmark at scale and
// by the test over the curated entities, so both count alike.

import type { Database } from '../../server/src/db/database.ts';
import { seededRandom } from '../../server/src/domain/seeded-random.ts';
import type { Graphql } from './api-http.ts';

export interface Named {
  id: string;
  name: string;
  aliases: string[];
}

export interface SearchFigures {
  namesFirst: number;
  aliasesFirst: number;
  typosInThree: number;
  /** How many texts each figure counts. */
  counted: { names: number; aliases: number; typos: number };
  misses: string[];
}

/** The goals: every name and alias first, and this share of typos in the first three. */
export const SEARCH_GOALS = { namesFirst: 1, aliasesFirst: 1, typosInThree: 0.98 };

const key = (text: string) => text.trim().toLowerCase();

/**
 * Three one-letter typos of a name, each in the middle of its longest word: that letter
 * dropped, swapped with the next, and replaced by the next letter of the alphabet.
 */
export function typosOf(name: string): string[] {
  const words = name.split(' ');
  const longest = words.reduce(
    (best, word, i) => (word.length > (words[best] ?? '').length ? i : best),
    0,
  );
  const word = words[longest] ?? '';
  const at = Math.floor((word.length - 1) / 2);
  const swapAt = word[at] === word[at + 1] ? at + 1 : at;
  const wrong = (char: string) =>
    /[a-y]/i.test(char) ? String.fromCharCode(char.charCodeAt(0) + 1) : char === 'z' ? 'a' : 'e';
  const variants = [
    word.slice(0, at) + word.slice(at + 1),
    word.slice(0, swapAt) + (word[swapAt + 1] ?? '') + word[swapAt] + word.slice(swapAt + 2),
    word.slice(0, at) + wrong(word[at] ?? '') + word.slice(at + 1),
  ];
  return variants
    .filter((variant) => variant !== word && variant.length > 0)
    .map((variant) => words.with(longest, variant).join(' '));
}

/**
 * The figures over `sample`, every entity of `all` counting as a namesake; `ranks` answers a
 * search with the ids found, best first. A name or alias several entities bear is found when the
 * first hit is one of them (nothing in the text tells them apart); a unique one, when it is that
 * entity. A typo counts when no entity bears it as typed.
 */
export async function searchFigures(
  all: readonly Named[],
  sample: readonly Named[],
  ranks: (text: string) => Promise<string[]>,
): Promise<SearchFigures> {
  const texts = new Map<string, Set<string>>();
  const bearers = new Set<string>();
  for (const entity of all) {
    const own = new Set([entity.name, ...entity.aliases].map(key));
    texts.set(entity.id, own);
    for (const text of own) bearers.add(text);
  }
  const bears = (id: string | undefined, text: string) =>
    id !== undefined && (texts.get(id)?.has(key(text)) ?? false);
  const misses: string[] = [];
  const counted = { names: 0, aliases: 0, typos: 0 };
  const hits = { names: 0, aliases: 0, typos: 0 };
  for (const entity of sample) {
    counted.names++;
    if (bears((await ranks(entity.name))[0], entity.name)) hits.names++;
    else misses.push(`name "${entity.name}"`);
    for (const alias of entity.aliases) {
      counted.aliases++;
      if (bears((await ranks(alias))[0], alias)) hits.aliases++;
      else misses.push(`alias "${alias}" of ${entity.id}`);
    }
    for (const typo of typosOf(entity.name).filter((text) => !bearers.has(key(text)))) {
      counted.typos++;
      const found = (await ranks(typo)).slice(0, 3);
      if (found.some((id) => bears(id, entity.name))) hits.typos++;
      else misses.push(`typo "${typo}" of ${entity.id}`);
    }
  }
  const rate = (hit: number, total: number) => (total === 0 ? 1 : hit / total);
  return {
    namesFirst: rate(hits.names, counted.names),
    aliasesFirst: rate(hits.aliases, counted.aliases),
    typosInThree: rate(hits.typos, counted.typos),
    counted,
    misses,
  };
}

/** Entities of the sample at scale: drawn with the benchmark's seed from the whole graph. */
export const SAMPLE = 200;

/** The figures over a sample of the loaded graph, searched through the API as the explorer does. */
export async function sampledSearchFigures(
  db: Database,
  graphql: Graphql,
  seed: number,
): Promise<SearchFigures> {
  const all = await db.read<Named>(
    'MATCH (e:Entity) RETURN e.id AS id, e.name AS name, coalesce(e.aliases, []) AS aliases ORDER BY e.id',
  );
  const rng = seededRandom(seed);
  const sample = Array.from({ length: Math.min(SAMPLE, all.length) }, () => {
    const entity = all[Math.floor(rng() * all.length)];
    if (!entity) throw new Error('nothing to sample');
    return entity;
  });
  const ranks = async (text: string) =>
    (await graphql<{ search: { entity: { id: string } }[] }>(SEARCH_IDS, { text })).search.map(
      (hit) => hit.entity.id,
    );
  return searchFigures(all, sample, ranks);
}

const SEARCH_IDS =
  'query SearchIds($text: String!) { search(text: $text, first: 10) { entity { id } } }';

/** The figures against their goals, as a table. */
export function searchTable(figures: SearchFigures): string[] {
  const pct = (n: number) => `${(n * 100).toFixed(1)} %`;
  const row = (what: string, value: number, count: number, goal: number) =>
    `| ${what} | ${count} | ${pct(value)} | ${pct(goal)} | ${value >= goal ? 'met' : 'not met'} |`;
  return [
    '| typed | texts | found | goal | verdict |',
    '| --- | ---: | ---: | ---: | --- |',
    row('a name: first', figures.namesFirst, figures.counted.names, SEARCH_GOALS.namesFirst),
    row(
      'an alias: first',
      figures.aliasesFirst,
      figures.counted.aliases,
      SEARCH_GOALS.aliasesFirst,
    ),
    row(
      'a name with one letter dropped, swapped or wrong: in the first three',
      figures.typosInThree,
      figures.counted.typos,
      SEARCH_GOALS.typosInThree,
    ),
  ];
}
