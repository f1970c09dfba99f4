import { pick, type Rng } from '../../seed/src/synthetic-random.ts';
import { seededRandom } from '../../server/src/domain/seeded-random.ts';

/**
 * Pieces of what a hostile or careless caller sends: the query languages behind the API
 * (Lucene's full-text syntax, Cypher), the quoting that would break out of either, bytes that
 * are not text, and Unicode that renders one way and compares another.
 */
const FRAGMENTS: readonly string[] = [
  // Lucene
  '*',
  '?',
  '~',
  '~2',
  '^10',
  '"',
  '\\',
  '/.*/',
  '[a TO z]',
  '{* TO *}',
  'AND',
  'OR NOT',
  '&&',
  '||',
  '(',
  ')',
  ':',
  'name:*',
  '+-!',
  // Cypher
  "' OR 1=1 //",
  '") RETURN 1 //',
  '}) MATCH (n) DETACH DELETE n //',
  '`',
  '$param',
  '{id: 1}',
  'CALL db.labels()',
  '/*',
  '*/',
  "';",
  // Quoting and escapes
  "'",
  '\\"',
  '\\u0000',
  '%00',
  '%27',
  '&#39;',
  '<script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template placeholder is the input
  '${x}',
  '\n',
  '\r\n',
  '\t',
  // Not text
  '\u0000',
  '\u0001',
  '\u001b[2J',
  '\u007f',
  '\ud800',
  '\udfff',
  '\ufffd',
  '\ufeff',
  // Unicode that is not what it looks like
  '\u202e',
  '\u200b',
  '\u200d',
  'e\u0301',
  '\u0130',
  'ß',
  'ﬁ',
  'Ⅻ',
  '𝔎𝔞𝔰𝔭𝔢𝔯𝔰𝔨𝔶',
  '👩‍💻',
  'Касперский',
  '卡巴斯基',
  'كاسبرسكي',
  // Near the data
  'kaspersky',
  'europol',
  'Kaspersky Lab',
  '2018-06-13',
  '0000-00-00',
  '9999-99',
  '-1',
  '1e309',
  'NaN',
  'null',
  'undefined',
  'true',
  ' ',
  '',
];

/** One hostile string: a few fragments run together, now and then repeated to thousands of characters. */
export function hostileString(rng: Rng): string {
  const parts = Array.from({ length: 1 + Math.floor(rng() * 4) }, () => pick(FRAGMENTS, rng));
  const text = parts.join(rng() < 0.5 ? '' : ' ');
  return rng() < 0.05 ? text.repeat(Math.ceil(5_000 / Math.max(text.length, 1))) : text;
}

/** The same strings on every run, from a fixed seed: a failure found once is found again. */
export function createHostileInputs(seed: number) {
  const rng = seededRandom(seed);
  return {
    next: () => hostileString(rng),
    /** True with probability p, from the same sequence. */
    chance: (p: number) => rng() < p,
  };
}
