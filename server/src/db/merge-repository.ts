import { entityRevisionRecord, relationshipRevisionRecord } from '../domain/revisions.ts';
import type { EntityRecord, EntityView, RelationshipView } from '../validation/records.ts';
import {
  type Check,
  lookUp,
  one,
  READ_ENTITY_PROPS,
  RELATIONSHIPS_OF_ENTITY,
  repointSources,
} from './curation-repository.ts';
import type { Database } from './database.ts';
import { ENTITY_MAP, RELATIONSHIP_MAP, toEntity, toRelationship } from './projections.ts';
import { type RevisionNote, recordRevision } from './revision-repository.ts';
import { type Props, storedEntity } from './stored-records.ts';

/** A stored entity back as a record. */
function entityRecord(stored: Props): { record: EntityRecord; datasets: string[] } {
  const { datasets, degree: _degree, ...record } = toEntity(stored);
  return { record, datasets };
}

/** Ties between the two, and loops on the dropped one, would become loops on the kept one. */
const DELETE_TIES = `
MATCH (d:Entity {id: $drop})-[r]-(o:Entity)
WHERE o.id IN [$keep, $drop]
WITH DISTINCT r
DELETE r
RETURN count(r) AS deleted`;

/** The type comes from the stored relationship, never from input. */
const MOVE_RELATIONSHIPS = `
MATCH (k:Entity {id: $keep}), (d:Entity {id: $drop})
CALL (k, d) {
  MATCH (d)-[r]->(o)
  CREATE (k)-[n:$(type(r))]->(o)
  SET n = properties(r)
  DELETE r
  RETURN count(*) AS outgoing
}
CALL (k, d) {
  MATCH (o)-[r]->(d)
  CREATE (o)-[n:$(type(r))]->(k)
  SET n = properties(r)
  DELETE r
  RETURN count(*) AS incoming
}
RETURN outgoing + incoming AS moved`;

const DELETE_DROPPED = `
MATCH (d:Entity {id: $drop})
DETACH DELETE d`;

const UPDATE_KEPT = `
MATCH (e:Entity {id: $keep})
SET e = $props
RETURN ${ENTITY_MAP} AS entity`;

function union<T>(items: readonly T[], key: (item: T) => string = String): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(key(item))) seen.set(key(item), item);
  return [...seen.values()];
}

/** The kept entity's record, widened by the dropped one's names, identifiers, evidence and datasets. */
function mergedProps(keep: Props, drop: Props): Props {
  const kept = entityRecord(keep);
  const dropped = entityRecord(drop);
  const aliases = union([
    ...kept.record.aliases,
    ...dropped.record.aliases,
    dropped.record.name,
  ]).filter((alias) => alias !== kept.record.name);
  const evidence = union(
    [...kept.record.evidence, ...dropped.record.evidence],
    (item) => `${item.source}\u0000${item.quote ?? ''}`,
  );
  const identifiers = union(
    [...(kept.record.identifiers ?? []), ...(dropped.record.identifiers ?? [])],
    (item) => `${item.scheme}\u0000${item.value}`,
  );
  return storedEntity(
    { ...kept.record, aliases, evidence, identifiers },
    union([...kept.datasets, ...dropped.datasets]),
  );
}

/**
 * Folds `drop` into `keep`: drop's relationships move to keep with their ids and properties,
 * ties between the two are deleted, names, evidence and datasets are united, sources naming
 * drop as publisher or author name keep, and drop is deleted. `check` and `checkDrop` refuse
 * it (see lookUp), before anything is written. Every record it changes gets a revision of the
 * one change, in an order whose reverse undoes it: ties, moved relationships, sources, drop, keep.
 */
export function mergeEntities(
  db: Database,
  keep: string,
  drop: string,
  checks: { keep: Check; drop?: Check },
  note: RevisionNote,
): Promise<EntityView> {
  const check = checks.keep;
  const checkDrop = checks.drop ?? (() => {});
  const merged: RevisionNote = {
    ...note,
    action: 'merged',
    comment: note.comment ?? `Merged ${drop} into ${keep}.`,
  };
  return db.transaction(async (tx) => {
    // Both are locked before their versions are read: `check` sees keep's, `checkDrop` drop's.
    check(await lookUp(tx, { entities: [keep, drop] }, { label: 'Entity', id: keep }));
    checkDrop(await lookUp(tx, {}, { label: 'Entity', id: drop }));
    const stored = new Map(
      (await tx.run<{ id: string; props: Props }>(READ_ENTITY_PROPS, { ids: [keep, drop] })).map(
        (row) => [row.id, row.props],
      ),
    );
    const props = mergedProps(one(stored.get(keep)), one(stored.get(drop)));
    const dropped = (await tx.run<{ rel: Props }>(RELATIONSHIPS_OF_ENTITY, { id: drop })).map(
      ({ rel }) => relationshipRevisionRecord(toRelationship(rel)),
    );
    const isTie = (rel: (typeof dropped)[number]) =>
      [keep, drop].includes(rel.from) && [keep, drop].includes(rel.to);
    await tx.run(DELETE_TIES, { keep, drop });
    await tx.run(MOVE_RELATIONSHIPS, { keep, drop });
    await tx.run(DELETE_DROPPED, { drop });
    for (const rel of dropped.filter(isTie)) {
      await recordRevision(tx, {
        recordKind: 'relationship',
        recordId: rel.id,
        before: rel,
        after: null,
        note: merged,
      });
    }
    const swap = (id: string) => (id === drop ? keep : id);
    for (const rel of dropped.filter((rel) => !isTie(rel))) {
      await recordRevision(tx, {
        recordKind: 'relationship',
        recordId: rel.id,
        before: rel,
        after: { ...rel, from: swap(rel.from), to: swap(rel.to) },
        note: merged,
      });
    }
    await repointSources(tx, drop, keep, merged);
    await recordRevision(tx, {
      recordKind: 'entity',
      recordId: drop,
      before: entityRevisionRecord(toEntity(one(stored.get(drop)))),
      after: null,
      note: merged,
    });
    const [row] = await tx.run<{ entity: Props }>(UPDATE_KEPT, { keep, props });
    const entity = toEntity(one(row).entity);
    await recordRevision(tx, {
      recordKind: 'entity',
      recordId: keep,
      before: entityRevisionRecord(toEntity(one(stored.get(keep)))),
      after: entityRevisionRecord(entity),
      note: merged,
    });
    return entity;
  });
}

/** What a merge of `drop` into `keep` would do, read without writing: see `mergeEntities`. */
export interface MergePreview {
  /** Keep's aliases after the merge. */
  aliases: string[];
  /** How many of drop's relationships would move to keep; the first `listed` of them. */
  moving: number;
  moved: RelationshipView[];
  /** Ties between the two (and loops on drop), which would be deleted. */
  removed: RelationshipView[];
  /** Sources naming drop as publisher or author, which would name keep. */
  sources: number;
}

const PREVIEW_COUNTS = `
MATCH (d:Entity {id: $drop})
OPTIONAL MATCH (d)-[r]-(o:Entity)
WITH d, count(DISTINCT CASE WHEN NOT o.id IN [$keep, $drop] THEN r END) AS moving
OPTIONAL MATCH (s:Source) WHERE s.publisher = $drop OR s.author = $drop
RETURN moving, count(DISTINCT s) AS sources`;

const PREVIEW_RELATIONSHIPS = `
MATCH (:Entity {id: $drop})-[r]-(o:Entity)
WHERE (o.id IN [$keep, $drop]) = $ties
WITH DISTINCT r
ORDER BY r.id
LIMIT $listed
RETURN ${RELATIONSHIP_MAP} AS rel`;

/** Null when either entity is missing. `listed` bounds the relationships read of each list. */
export async function previewMerge(
  db: Database,
  keep: string,
  drop: string,
  listed: number,
): Promise<MergePreview | null> {
  const stored = new Map(
    (await db.read<{ id: string; props: Props }>(READ_ENTITY_PROPS, { ids: [keep, drop] })).map(
      (row) => [row.id, row.props],
    ),
  );
  const [keepProps, dropProps] = [stored.get(keep), stored.get(drop)];
  if (!keepProps || !dropProps) return null;
  const [counts] = await db.read<{ moving: number; sources: number }>(PREVIEW_COUNTS, {
    keep,
    drop,
  });
  const relationships = async (ties: boolean) =>
    (
      await db.read<{ rel: Props }>(PREVIEW_RELATIONSHIPS, {
        keep,
        drop,
        ties,
        listed,
      })
    ).map(({ rel }) => toRelationship(rel));
  return {
    aliases: entityRecord(mergedProps(keepProps, dropProps)).record.aliases,
    moving: counts?.moving ?? 0,
    moved: await relationships(false),
    removed: await relationships(true),
    sources: counts?.sources ?? 0,
  };
}
