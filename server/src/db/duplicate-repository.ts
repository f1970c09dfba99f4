import { nameKeys } from '../domain/name-matching.ts';
import type { EntityView } from '../validation/records.ts';
import type { Database } from './database.ts';
import { ENTITY_MAP, toEntity } from './projections.ts';
import { nameKeyProps } from './stored-records.ts';

/**
 * The reads behind duplicate candidates. Candidates are found through indexes only, never by
 * comparing every entity with every other: `entity_name_key` (the normalised name, a range
 * index), `entity_name_keys` (the normalised name and aliases, a keyword full-text index, which
 * looks up list elements as a range index cannot) and `entity_wikidata` (server/src/db/schema.ts).
 * Scoring them is domain/name-matching.ts's, above this file.
 */

/** What candidates are looked up by: an entity's names and Wikidata id, or a name given as text. */
export interface NameProbe {
  name: string;
  aliases?: readonly string[];
  wikidata?: string;
  /** Left out of the answer: the entity the probe is. */
  id?: string;
}

/**
 * A Lucene query for any of the keys, each a phrase. Keys hold only letters, digits and single
 * spaces (nameKey), so nothing in them is Lucene syntax; the keyword analyzer keeps a phrase one
 * term, so a key matches a whole stored key, never a word of one.
 */
function anyKey(keys: readonly string[]): string {
  return keys.map((key) => `"${key}"`).join(' OR ');
}

/**
 * Same normalised name (the range index, which reads its own writes), any shared key (the
 * full-text index, which may lag a write by moments, as search does) or the same Wikidata id.
 */
const FIND_CANDIDATES = `
CALL () {
  MATCH (e:Entity) WHERE e.nameKey IN $keys RETURN e
  UNION
  WITH $lucene AS query WHERE query IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_name_keys', query, {limit: $limit})
  YIELD node AS e
  RETURN e
  UNION
  MATCH (e:Entity) WHERE $wikidata IS NOT NULL AND e.wikidata = $wikidata RETURN e
}
WITH e WHERE $id IS NULL OR e.id <> $id
WITH e ORDER BY e.id LIMIT $limit
RETURN ${ENTITY_MAP} AS entity`;

/** Entities that may be the probe: sharing a name key or its Wikidata id; at most `limit`. */
export async function findCandidates(
  db: Database,
  probe: NameProbe,
  limit: number,
): Promise<EntityView[]> {
  const keys = nameKeys(probe.name, probe.aliases);
  if (keys.length === 0 && !probe.wikidata) return [];
  const rows = await db.read<{ entity: Record<string, unknown> }>(FIND_CANDIDATES, {
    keys,
    lucene: keys.length > 0 ? anyKey(keys) : null,
    wikidata: probe.wikidata ?? null,
    id: probe.id ?? null,
    limit,
  });
  return rows.map((row) => toEntity(row.entity));
}

/** A pair of entities with the same normalised name and kind, `a` the one of the smaller id. */
export interface NamePair {
  key: string;
  a: string;
  b: string;
}

/** Where a page of pairs starts: after this pair, in (key, a, b) order. */
export type PairCursor = NamePair | null;

/**
 * Pairs in (key, a, b) order from the cursor: the range index is read in key order from the
 * cursor's key, each run of equal keys gathered (in id order, so its pairs come in order
 * without a sort) and paired within a kind, until the page is full. A page costs the index
 * entries between its first and last pair, not the graph. A key shared by more than
 * `maxGroup` entities is too common a name to say anything and is passed over.
 */
const PAIRS = `
MATCH (x:Entity) WHERE x.nameKey >= $key
WITH x ORDER BY x.nameKey, x.id
WITH x.nameKey AS key, collect({id: x.id, kind: x.kind}) AS group
WHERE size(group) > 1 AND size(group) <= $maxGroup
UNWIND group AS a
UNWIND group AS b
WITH key, a, b
WHERE a.id < b.id AND a.kind = b.kind
  AND (key > $key OR a.id > $a OR (a.id = $a AND b.id > $b))
RETURN key, a.id AS a, b.id AS b
LIMIT $limit`;

/** Up to `limit` pairs after the cursor. */
export async function findNamePairs(
  db: Database,
  after: PairCursor,
  limit: number,
  maxGroup: number,
): Promise<NamePair[]> {
  return db.read<NamePair>(PAIRS, {
    key: after?.key ?? '',
    a: after?.a ?? '',
    b: after?.b ?? '',
    limit,
    maxGroup,
  });
}

const UNKEYED_PAGE = `
MATCH (e:Entity) WHERE e.id > $after
WITH e ORDER BY e.id LIMIT $page
RETURN e.id AS id, e.name AS name, coalesce(e.aliases, []) AS aliases`;

const SET_KEYS = `
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e += row.props`;

/**
 * Gives every stored entity its name keys: for a database written before entities had them
 * (ensureSchema runs it once, when it creates the index). Pages in id order; the hash stays.
 */
export async function writeNameKeys(db: Database, page = 5000): Promise<number> {
  let after = '';
  let written = 0;
  for (;;) {
    const rows = await db.read<{ id: string; name: string; aliases: string[] }>(UNKEYED_PAGE, {
      after,
      page,
    });
    if (rows.length === 0) return written;
    await db.write(SET_KEYS, {
      rows: rows.map((row) => ({ id: row.id, props: nameKeyProps(row) })),
    });
    written += rows.length;
    after = rows[rows.length - 1]?.id ?? after;
    if (rows.length < page) return written;
  }
}
