import type { EntityKind } from './entity-kinds.ts';

/**
 * When two entities are likely the same: the one definition the API's duplicate candidates and
 * the importers' linking of names given as text both use. Names are compared by their key
 * (`nameKey`): case, accents, punctuation, spacing and legal forms ("Ltd", "GmbH", "AO") aside.
 */

/** Letters that NFKD does not take apart into a base letter and a mark. */
const LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

/** Longer forms are tried first, so "joint stock company" goes whole rather than as "company". */
const longestFirst = (forms: string[][]) => forms.sort((a, b) => b.length - a.length);

/** Legal forms, as the words a key is made of, that a name may end with. */
const SUFFIXES: readonly string[][] = longestFirst([
  ...[
    'ltd',
    'limited',
    'gmbh',
    'ag',
    'ao',
    'jsc',
    'pjsc',
    'ojsc',
    'cjsc',
    'oao',
    'zao',
    'ooo',
    'pao',
    'llc',
    'llp',
    'lp',
    'inc',
    'incorporated',
    'corp',
    'corporation',
    'co',
    'sa',
    'sas',
    'sarl',
    'srl',
    'bv',
    'nv',
    'plc',
    'spa',
    'oy',
    'oyj',
    'ab',
    'as',
    'asa',
    'kk',
    'kg',
    'se',
    'ltda',
    'pty',
    'pte',
    'ооо',
    'ао',
    'оао',
    'зао',
    'пао',
  ].map((form) => [form]),
  ['joint', 'stock', 'company'],
  ['public', 'joint', 'stock', 'company'],
  ['limited', 'liability', 'company'],
  ['societe', 'anonyme'],
  ['kabushiki', 'kaisha'],
  // A/S, a Danish and Norwegian company
  ['a', 's'],
]);

/** Legal forms written before the name ("AO Kaspersky Lab", "OOO Inter Tobacco", "AB Volvo"). */
const PREFIXES: readonly string[][] = longestFirst([
  ...['ao', 'oao', 'zao', 'ooo', 'pao', 'jsc', 'pjsc', 'ojsc', 'cjsc', 'ab', 'the'].map((f) => [f]),
  ...['ооо', 'ао', 'оао', 'зао', 'пао'].map((form) => [form]),
  ['joint', 'stock', 'company'],
  ['public', 'joint', 'stock', 'company'],
]);

/** Forms by the word they end (suffixes) or begin (prefixes) with, so a name tries only those. */
function byWord(forms: readonly string[][], pick: (form: string[]) => string | undefined) {
  const index = new Map<string, string[][]>();
  for (const form of forms) {
    const word = pick(form) ?? '';
    index.set(word, [...(index.get(word) ?? []), form]);
  }
  return index;
}
const SUFFIXES_BY_LAST = byWord(SUFFIXES, (form) => form.at(-1));
const PREFIXES_BY_FIRST = byWord(PREFIXES, (form) => form[0]);

const endsWith = (words: readonly string[], form: readonly string[]) =>
  form.length < words.length && form.every((w, i) => words[words.length - form.length + i] === w);
const startsWith = (words: readonly string[], form: readonly string[]) =>
  form.length < words.length && form.every((w, i) => words[i] === w);

/**
 * A name as compared: "Kaspersky Lab", "KASPERSKY LAB JSC" and "Kaspersky Lab, AO" all give
 * "kaspersky lab". Lower case, accents and marks dropped (NFKD), "&" read as "and", dotted
 * initials joined ("S.A." is "sa"), every other run of punctuation or space one space, then
 * legal forms taken off both ends (longest first, again and again) unless nothing would be left.
 * Only letters, digits and single spaces remain; a name of punctuation alone gives "".
 */
export function nameKey(name: string): string {
  const text = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => LETTERS[c] ?? c)
    .replace(/&/g, ' and ')
    // "S.A." and "B.V." are the forms "sa" and "bv"; "Co.Ltd" stays two words.
    .replace(/(?<![\p{L}\p{N}])(\p{L})\./gu, '$1')
    .replace(/['’`]/g, '');
  let words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (let changed = true; changed; ) {
    changed = false;
    const suffix = SUFFIXES_BY_LAST.get(words.at(-1) ?? '')?.find((f) => endsWith(words, f));
    if (suffix) {
      words = words.slice(0, words.length - suffix.length);
      changed = true;
    }
    const prefix = PREFIXES_BY_FIRST.get(words[0] ?? '')?.find((f) => startsWith(words, f));
    if (prefix) {
      words = words.slice(prefix.length);
      changed = true;
    }
  }
  return words.join(' ');
}

/** The keys of a name and its aliases, each once, the name's first; empty keys left out. */
export function nameKeys(name: string, aliases: readonly string[] = []): string[] {
  return [...new Set([name, ...aliases].map(nameKey).filter(Boolean))];
}

/** What the matching reads of an entity, or of a name an import gives as text. */
export interface MatchSubject {
  name: string;
  aliases?: readonly string[];
  /** Absent for a name given as text: its kind is not known, so any kind may match it. */
  kind?: EntityKind;
  country?: string;
  wikidata?: string;
  identifiers?: readonly { scheme: string; value: string }[];
}

export interface NameMatch {
  /** In [0, 1]: how likely the two are the same. */
  score: number;
  /** Why, one short sentence each, strongest first. */
  reasons: string[];
  /** Same enough to link without asking (see isCertain). */
  certain: boolean;
}

const WEIGHTS = {
  sameName: 0.7,
  nameIsAlias: 0.5,
  sameAlias: 0.4,
  sameIdentifier: 0.2,
  sameCountry: 0.2,
  sameKind: 0.1,
  otherCountry: -0.3,
  otherWikidata: -0.5,
} as const;

/**
 * How likely `a` and `b` are one entity, or undefined when they are not candidates at all: no
 * shared key and no shared Wikidata id, or both of known kinds that differ (a company is never
 * the duplicate of a person of the same name).
 */
export function matchEntities(a: MatchSubject, b: MatchSubject): NameMatch | undefined {
  if (a.kind && b.kind && a.kind !== b.kind) return undefined;
  const keyA = nameKey(a.name);
  const keyB = nameKey(b.name);
  const aliasesA = nameKeys('', a.aliases);
  const aliasesB = nameKeys('', b.aliases);
  const sameName = keyA !== '' && keyA === keyB;
  const nameIsAlias = !sameName && (aliasesB.includes(keyA) || aliasesA.includes(keyB));
  const sameAlias = !sameName && !nameIsAlias && aliasesA.some((key) => aliasesB.includes(key));
  const sameWikidata = !!a.wikidata && a.wikidata === b.wikidata;
  const otherWikidata = !!a.wikidata && !!b.wikidata && a.wikidata !== b.wikidata;
  if (!sameName && !nameIsAlias && !sameAlias && !sameWikidata) return undefined;

  const sameKind = !!a.kind && a.kind === b.kind;
  const sameCountry = !!a.country && a.country === b.country;
  const otherCountry = !!a.country && !!b.country && a.country !== b.country;
  const identifier = (a.identifiers ?? []).find((x) =>
    (b.identifiers ?? []).some((y) => y.scheme === x.scheme && y.value === x.value),
  );

  const reasons: string[] = [];
  let score = 0;
  const add = (weight: number, reason: string) => {
    score += weight;
    reasons.push(reason);
  };
  if (sameWikidata) reasons.push(`same Wikidata id (${a.wikidata})`);
  if (sameName) add(WEIGHTS.sameName, `same name once normalised ("${keyA}")`);
  if (nameIsAlias) add(WEIGHTS.nameIsAlias, 'the name of one is an alias of the other');
  if (sameAlias) add(WEIGHTS.sameAlias, 'they share an alias');
  if (identifier)
    add(WEIGHTS.sameIdentifier, `same identifier (${identifier.scheme} ${identifier.value})`);
  if (sameCountry) add(WEIGHTS.sameCountry, `same country (${a.country})`);
  if (otherCountry) add(WEIGHTS.otherCountry, `different countries (${a.country}, ${b.country})`);
  if (sameKind) add(WEIGHTS.sameKind, `same kind (${a.kind})`);
  if (otherWikidata)
    add(WEIGHTS.otherWikidata, `different Wikidata ids (${a.wikidata}, ${b.wikidata})`);

  const certain = isCertain({
    sameWikidata,
    sameName,
    nameMatches: sameName || nameIsAlias,
    sameIdentifier: !!identifier,
    conflict: otherCountry || otherWikidata,
  });
  const clamped = sameWikidata ? 1 : Math.min(1, Math.max(0, score));
  return { score: Math.round(clamped * 100) / 100, reasons, certain };
}

/**
 * Certain, the one definition: the same Wikidata id; or, with no country or Wikidata id that
 * differs (an absent one differs from nothing) and kinds that do not differ (matchEntities
 * refuses those), the same normalised name, or a name or alias matching and the same identifier.
 */
export function isCertain(found: {
  sameWikidata: boolean;
  sameName: boolean;
  nameMatches: boolean;
  sameIdentifier: boolean;
  conflict: boolean;
}): boolean {
  if (found.sameWikidata) return true;
  if (found.conflict) return false;
  return found.sameName || (found.nameMatches && found.sameIdentifier);
}

/**
 * The candidates that match `subject`, best first: certain ones, then by score, then by name.
 * Those matchEntities refuses (another kind, nothing shared) are left out.
 */
export function rankMatches<T extends MatchSubject>(
  subject: MatchSubject,
  candidates: readonly T[],
): (NameMatch & { entity: T })[] {
  return candidates
    .flatMap((entity) => {
      const match = matchEntities(subject, entity);
      return match ? [{ ...match, entity }] : [];
    })
    .sort(
      (x, y) =>
        Number(y.certain) - Number(x.certain) ||
        y.score - x.score ||
        x.entity.name.localeCompare(y.entity.name),
    );
}
