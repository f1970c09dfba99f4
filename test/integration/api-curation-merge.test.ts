import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDatasets } from '../../server/src/db/seed-repository.ts';
import { deriveRelationshipId } from '../../server/src/domain/relationship-id.ts';
import { entitySchema, relationshipSchema } from '../../server/src/validation/record-schemas.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import {
  createCurationClient,
  MERGE,
  SOURCE,
  UPSERT_ENTITY,
  UPSERT_RELATIONSHIP,
  UPSERT_SOURCE,
} from '../helpers/curation.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { ok } from '../helpers/graphql.ts';

const db = connectTestDatabase();
const { query, asEditor, refused, cypher } = createCurationClient(db);

beforeAll(() => loadCuratedDatasets(db));
afterAll(() => db.close());

describe('mergeEntities, as an editor', () => {
  const keep = 'kaspersky-lab';
  const drop = 'kaspersky-labs-duplicate';

  it('moves every relationship of the duplicate onto the kept entity and deletes the duplicate', async () => {
    await ok(
      asEditor(UPSERT_ENTITY, {
        input: {
          id: drop,
          kind: 'COMPANY',
          name: 'Kaspersky Labs (duplicate)',
          aliases: ['Kaspersky Labs'],
          identifiers: [{ scheme: 'INN', value: '7713140469' }],
          evidence: [{ source: SOURCE, quote: 'Only the duplicate had this quote' }],
        },
      }),
    );
    const outgoing = await ok(
      asEditor(UPSERT_RELATIONSHIP, {
        input: { from: drop, type: 'OPERATES_IN', to: 'switzerland', since: '2019-03' },
      }),
    );
    const incoming = await ok(
      asEditor(UPSERT_RELATIONSHIP, {
        input: { from: 'europol', type: 'RESTRICTS', to: drop, status: 'ALLEGED' },
      }),
    );
    const tie = await ok(
      asEditor(UPSERT_RELATIONSHIP, { input: { from: drop, type: 'LINKED_TO', to: keep } }),
    );
    await ok(
      asEditor(UPSERT_SOURCE, {
        input: { id: 'duplicate-press-release', title: 'Press release', publisher: drop },
      }),
    );
    const moved = [outgoing.upsertRelationship.id, incoming.upsertRelationship.id];
    const propsOf = (ids: string[]) =>
      cypher(
        'MATCH ()-[r]->() WHERE r.id IN $ids RETURN r.id AS id, properties(r) AS props ORDER BY id',
        { ids },
      );
    const before = await propsOf(moved);
    const [counts] = await cypher<{ rels: number }>('MATCH ()-[r]->() RETURN count(r) AS rels');

    const { mergePreview } = await ok(
      query(
        `query ($keep: ID!, $drop: ID!) { mergePreview(keep: $keep, drop: $drop) {
          keep { id } drop { name } aliases moving moved { id } removed { id } sources } }`,
        { keep, drop },
      ),
    );
    expect(mergePreview).toEqual({
      keep: { id: keep },
      drop: { name: 'Kaspersky Labs (duplicate)' },
      aliases: expect.arrayContaining(['Kaspersky Labs', 'Kaspersky Labs (duplicate)']),
      moving: 2,
      moved: [...moved].sort().map((id) => ({ id })),
      removed: [{ id: tie.upsertRelationship.id }],
      sources: 1,
    });
    expect(await propsOf(moved)).toEqual(before);

    const { mergeEntities } = await ok(asEditor(MERGE, { keep, drop }));
    expect(mergeEntities.id).toBe(keep);
    expect(mergeEntities.name).toBe('Kaspersky Lab');
    expect(mergeEntities.aliases).toEqual(
      expect.arrayContaining([
        'Kaspersky',
        'AO Kaspersky Lab',
        'Kaspersky Labs',
        'Kaspersky Labs (duplicate)',
      ]),
    );
    expect(mergeEntities.datasets).toEqual(
      expect.arrayContaining(['kaspersky-eu-2018', 'curation']),
    );
    expect(mergeEntities.evidence).toContainEqual({ source: { id: SOURCE } });
    const kept = await ok(query(`{ entity(id: "${keep}") { identifiers { scheme value } } }`));
    expect(kept.entity.identifiers).toEqual([{ scheme: 'INN', value: '7713140469' }]);

    expect(await ok(query(`{ entity(id: "${drop}") { id } }`))).toEqual({ entity: null });
    const [gone] = await cypher(
      'OPTIONAL MATCH (d:Entity {id: $drop}) RETURN count(d) AS nodes, COUNT { (:Entity {id: $drop})--() } AS rels',
      { drop },
    );
    expect(gone).toEqual({ nodes: 0, rels: 0 });

    const ends = await cypher(
      'MATCH (a)-[r]->(b) WHERE r.id IN $ids RETURN r.id AS id, type(r) AS type, a.id AS from, b.id AS to ORDER BY id',
      { ids: moved },
    );
    expect(ends).toEqual(
      expect.arrayContaining([
        { id: moved[0], type: 'OPERATES_IN', from: keep, to: 'switzerland' },
        { id: moved[1], type: 'RESTRICTS', from: 'europol', to: keep },
      ]),
    );
    expect(await propsOf(moved)).toEqual(before);

    const [tieLeft] = await cypher(
      'RETURN COUNT { ()-[r {id: $id}]->() } AS tie, COUNT { (k:Entity {id: $keep})-[r]->(k) } AS loops, COUNT { ()-[r]->() } AS rels',
      { id: tie.upsertRelationship.id, keep },
    );
    expect(tieLeft).toEqual({ tie: 0, loops: 0, rels: (counts?.rels ?? 0) - 1 });

    const [source] = await cypher(
      'MATCH (s:Source {id: "duplicate-press-release"}) RETURN s.publisher AS publisher',
    );
    expect(source?.publisher).toBe(keep);
  });

  it.each([
    ['the same entity', { keep, drop: keep }, 'BAD_USER_INPUT'],
    ['a missing entity', { keep, drop: 'no-such-entity' }, 'NOT_FOUND'],
  ])('previews no merge with %s', async (_what, variables, code) => {
    const result = await query(
      'query ($keep: ID!, $drop: ID!) { mergePreview(keep: $keep, drop: $drop) { moving } }',
      variables,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
  });

  it.each([
    ['keep and drop are the same entity', { keep, drop: keep }, 'BAD_USER_INPUT', 'drop'],
    ['drop does not exist', { keep, drop: 'no-such-entity' }, 'NOT_FOUND', 'drop'],
    ['keep does not exist', { keep: 'no-such-entity', drop: 'europol' }, 'NOT_FOUND', 'keep'],
  ])('refuses when %s, writing nothing', async (_what, variables, code, field) => {
    const error = await refused(() => asEditor(MERGE, variables));
    expect(error.extensions).toMatchObject({ code, field });
  });
});

describe('stored records, as the seeder stores them', () => {
  it('a curated record sent again unchanged keeps the hash the seeder computes, so a seed run leaves it alone', async () => {
    const entity = entitySchema.parse({
      id: 'curated-hash-probe',
      kind: 'Company',
      name: 'Hash Probe',
      aliases: ['HP Labs'],
      country: 'DE',
      founded: '2001',
    });
    const parsed = relationshipSchema.parse({
      from: entity.id,
      type: 'OPERATES_IN',
      to: 'switzerland',
      since: '2019-03',
      evidence: [{ source: SOURCE, quote: 'A quote' }],
    });
    const rel = { ...parsed, id: deriveRelationshipId(parsed) };
    const seed = () =>
      writeDatasets(db, [
        {
          dataset: { id: 'curation', title: 'Curation', requires: [] },
          sources: [],
          entities: [entity],
          relationships: [rel],
          phases: [],
        },
      ]);
    const hashes = () =>
      cypher(
        'MATCH (e:Entity {id: $entity}) MATCH ()-[r {id: $rel}]->() RETURN e.hash AS entity, r.hash AS rel',
        { entity: entity.id, rel: rel.id },
      );
    await seed();
    const seeded = await hashes();

    await ok(
      asEditor(UPSERT_ENTITY, {
        input: { ...entity, kind: 'COMPANY', evidence: [] },
      }),
    );
    await ok(
      asEditor(UPSERT_RELATIONSHIP, {
        input: { ...rel, status: 'ACTIVE' },
      }),
    );
    expect(await hashes()).toEqual(seeded);

    const [report] = await seed();
    expect(report?.entities).toEqual({ created: 0, updated: 0, unchanged: 1 });
    expect(report?.relationships).toEqual({ created: 0, updated: 0, unchanged: 1, removed: 0 });
  });
});
