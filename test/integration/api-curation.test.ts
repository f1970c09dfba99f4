import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awaitSearchIndex } from '../../server/src/db/schema.ts';
import { createEntenteYoga } from '../../server/src/graphql/yoga.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import {
  createCurationClient,
  DELETE_ENTITY,
  DELETE_RELATIONSHIP,
  EDITOR,
  MERGE,
  SOURCE,
  UPSERT_ENTITY,
  UPSERT_RELATIONSHIP,
  UPSERT_SOURCE,
  type Vars,
} from '../helpers/curation.ts';
import { connectTestDatabase, testConfig } from '../helpers/database.ts';
import { snapshot } from '../helpers/graph.ts';
import { codes, ok } from '../helpers/graphql.ts';

const db = connectTestDatabase();
const { query, asEditor, refused, cypher } = createCurationClient(db);

beforeAll(() => loadCuratedDatasets(db));
afterAll(() => db.close());

/** One valid call of each mutation, against seeded records an anonymous caller must not touch. */
const EVERY_MUTATION: [string, string, Vars][] = [
  [
    'upsertEntity',
    UPSERT_ENTITY,
    { input: { id: 'kaspersky-lab', kind: 'AGENCY', name: 'Hijacked' } },
  ],
  ['deleteEntity', DELETE_ENTITY, { id: 'kaspersky-lab' }],
  [
    'upsertRelationship',
    UPSERT_RELATIONSHIP,
    { input: { from: 'europol', type: 'LINKED_TO', to: 'kaspersky-lab' } },
  ],
  ['deleteRelationship', DELETE_RELATIONSHIP, { id: 'any-id' }],
  ['upsertSource', UPSERT_SOURCE, { input: { id: SOURCE, title: 'Hijacked' } }],
  ['mergeEntities', MERGE, { keep: 'europol', drop: 'kaspersky-lab' }],
];

describe('when no token or an unknown token is sent', () => {
  it.each(EVERY_MUTATION)(
    'without a token, %s is refused with UNAUTHENTICATED and writes nothing',
    async (_name, document, variables) => {
      const error = await refused(() => query(document, variables));
      expect(error.extensions.code).toBe('UNAUTHENTICATED');
    },
  );

  it.each(EVERY_MUTATION)(
    'with an unknown token, %s is refused with FORBIDDEN and writes nothing',
    async (_name, document, variables) => {
      const error = await refused(() =>
        query(document, variables, { authorization: 'Bearer not-a-token' }),
      );
      expect(error.extensions.code).toBe('FORBIDDEN');
    },
  );

  it('checks the token before the input: invalid input without a token is UNAUTHENTICATED', async () => {
    const error = await refused(() =>
      query(UPSERT_ENTITY, { input: { id: 'Not A Slug', kind: 'COMPANY', name: ' ' } }),
    );
    expect(error.extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('upsertEntity, as an editor', () => {
  const id = 'curated-cyberwatch';
  const input = {
    id,
    kind: 'COMPANY',
    name: 'Curated Cyberwatch Ltd',
    aliases: ['Cyberwatchers'],
    country: 'GB',
    evidence: [{ source: SOURCE, quote: 'A curated quote' }],
  };

  it('creates the entity; entity(id) and then search see it', async () => {
    const { upsertEntity } = await ok(asEditor(UPSERT_ENTITY, { input }));
    expect(upsertEntity).toMatchObject({
      __typename: 'Company',
      id,
      kind: 'COMPANY',
      datasets: ['curation'],
      evidence: [{ source: { id: SOURCE }, quote: 'A curated quote' }],
    });

    const read = await ok(query(`{ entity(id: "${id}") { name country aliases datasets } }`));
    expect(read.entity).toEqual({
      name: 'Curated Cyberwatch Ltd',
      country: 'GB',
      aliases: ['Cyberwatchers'],
      datasets: ['curation'],
    });

    await awaitSearchIndex(db);
    const found = await ok(query('{ search(text: "Cyberwatchers") { entity { id } } }'));
    expect(found.search.map((hit: { entity: { id: string } }) => hit.entity.id)).toContain(id);

    // Curators' records are a dataset of their own, listed (and filterable) like the others.
    const { datasets } = await ok(query('{ datasets { id title } }'));
    expect(datasets).toContainEqual({ id: 'curation', title: 'Curated through the API' });
  });

  it('updates it again: a kind change moves the label, properties are replaced, the hash is recomputed', async () => {
    const [before] = await cypher('MATCH (e:Entity {id: $id}) RETURN e.hash AS hash', { id });
    const { upsertEntity } = await ok(
      asEditor(UPSERT_ENTITY, { input: { ...input, kind: 'AGENCY', aliases: [] } }),
    );
    expect(upsertEntity).toMatchObject({ __typename: 'Agency', kind: 'AGENCY', aliases: [] });

    const rows = await cypher<{ labels: string[]; hash: string; datasets: string[] }>(
      'MATCH (e:Agency {id: $id}) RETURN labels(e) AS labels, e.hash AS hash, e.datasets AS datasets',
      { id },
    );
    expect(rows).toHaveLength(1);
    expect([...(rows[0]?.labels ?? [])].sort()).toEqual(['Agency', 'Entity']);
    expect(rows[0]?.datasets).toEqual(['curation']);
    expect(rows[0]?.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(rows[0]?.hash).not.toBe(before?.hash);
    expect(await cypher('MATCH (e:Company {id: $id}) RETURN e', { id })).toHaveLength(0);
  });

  it('keeps the datasets of a seeded entity and adds curation', async () => {
    const [before] = await cypher<{ d: string[] }>(
      'MATCH (e:Entity {id: "europol"}) RETURN e.datasets AS d',
    );
    expect(before?.d).not.toContain('curation');
    const { upsertEntity } = await ok(
      asEditor(UPSERT_ENTITY, {
        input: { id: 'europol', kind: 'AGENCY', name: 'Europol', description: 'Curated.' },
      }),
    );
    expect(upsertEntity.datasets).toEqual([...(before?.d ?? []), 'curation']);
  });

  it.each([
    ['an id that is not a slug', { id: 'Not A Slug' }, 'id'],
    ['a website that is not a URL', { website: 'kaspersky dot com' }, 'website'],
    ['a blank name', { name: '   ' }, 'name'],
  ])(
    'refuses %s with BAD_USER_INPUT naming the field, writing nothing',
    async (_what, change, field) => {
      const error = await refused(() =>
        asEditor(UPSERT_ENTITY, { input: { ...input, id: 'curated-refused', ...change } }),
      );
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    },
  );

  it('refuses evidence naming an unknown source with BAD_USER_INPUT, writing nothing', async () => {
    const error = await refused(() =>
      asEditor(UPSERT_ENTITY, {
        input: { ...input, id: 'curated-refused', evidence: [{ source: 'no-such-source' }] },
      }),
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'evidence' });
    expect(error.message).toContain('no-such-source');
  });
});

describe('deleteEntity, as an editor', () => {
  it('deletes the entity with its relationships; the API no longer finds it', async () => {
    const id = 'curated-short-lived';
    await ok(asEditor(UPSERT_ENTITY, { input: { id, kind: 'COMPANY', name: 'Short-lived' } }));
    await ok(
      asEditor(UPSERT_RELATIONSHIP, {
        input: { from: id, type: 'OPERATES_IN', to: 'switzerland' },
      }),
    );
    expect(await ok(asEditor(DELETE_ENTITY, { id }))).toEqual({ deleteEntity: true });
    expect(await ok(query(`{ entity(id: "${id}") { id } }`))).toEqual({ entity: null });
    const [left] = await cypher(
      'OPTIONAL MATCH (e:Entity {id: $id}) RETURN count(e) AS nodes, COUNT { ()-[r]->() WHERE r.id STARTS WITH $id } AS rels',
      { id },
    );
    expect(left).toEqual({ nodes: 0, rels: 0 });
  });

  it('forgets it as publisher and author of sources, which stay', async () => {
    const id = 'curated-defunct-press';
    await ok(
      asEditor(UPSERT_ENTITY, { input: { id, kind: 'MEDIA_OUTLET', name: 'Defunct Press' } }),
    );
    await ok(
      asEditor(UPSERT_SOURCE, {
        input: { id: 'curated-defunct-article', title: 'An article', publisher: id, author: id },
      }),
    );
    expect(await ok(asEditor(DELETE_ENTITY, { id }))).toEqual({ deleteEntity: true });
    const [source] = await cypher(
      'MATCH (s:Source {id: $source}) RETURN s.title AS title, s.publisher AS publisher, s.author AS author',
      { source: 'curated-defunct-article' },
    );
    expect(source).toEqual({ title: 'An article', publisher: null, author: null });
  });

  it('answers NOT_FOUND for an unknown id, writing nothing', async () => {
    const error = await refused(() => asEditor(DELETE_ENTITY, { id: 'no-such-entity' }));
    expect(error.extensions.code).toBe('NOT_FOUND');
  });
});

describe('upsertSource, as an editor', () => {
  it('creates a source with a publisher that the API resolves', async () => {
    const { upsertSource } = await ok(
      asEditor(UPSERT_SOURCE, {
        input: {
          id: 'curated-source',
          title: 'A curated article',
          url: 'https://example.org/article',
          publisher: 'itproportal',
          published: '2018-07',
        },
      }),
    );
    expect(upsertSource).toEqual({
      id: 'curated-source',
      title: 'A curated article',
      dataset: 'curation',
      publisher: { id: 'itproportal', name: 'ITProPortal' },
    });
  });

  it('answers NOT_FOUND naming the field for an unknown publisher, writing nothing', async () => {
    const error = await refused(() =>
      asEditor(UPSERT_SOURCE, {
        input: { id: 'curated-refused', title: 'Refused', publisher: 'no-such-entity' },
      }),
    );
    expect(error.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'publisher' });
  });
});

describe('a mutation sent over GET', () => {
  it('is refused with 405, even with an editor token, and writes nothing', async () => {
    const yoga = createEntenteYoga({
      db,
      config: testConfig({ editors: [{ name: 'editor', token: 'editor-token' }] }),
    });
    const before = await snapshot(db);
    const response = await yoga.fetch(
      'http://test/graphql?query=mutation{deleteEntity(id:"kaspersky-lab")}',
      { method: 'GET', headers: EDITOR },
    );
    expect(response.status).toBe(405);
    expect(await snapshot(db)).toBe(before);
  });
});

describe('reads after writes in one request', () => {
  it('a query after a mutation in the same document sees the written entity, not a cached one', async () => {
    const id = 'curated-same-request';
    await ok(asEditor(UPSERT_ENTITY, { input: { id, kind: 'COMPANY', name: 'Before' } }));
    const data = await ok(
      asEditor(`mutation {
        first: upsertEntity(input: { id: "${id}", kind: COMPANY, name: "Before" }) { name }
        second: upsertEntity(input: { id: "${id}", kind: PERSON, name: "After" }) { name }
        link: upsertRelationship(input: { from: "${id}", type: OPERATES_IN, to: "switzerland" }) {
          from { __typename name degree }
        }
      }`),
    );
    expect(data.link.from).toEqual({ __typename: 'Person', name: 'After', degree: 1 });
    expect(codes(await asEditor(DELETE_ENTITY, { id }))).toEqual([]);
  });
});
