import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awaitSearchIndex } from '../../server/src/db/schema.ts';
import { writeDatasets } from '../../server/src/db/seed-repository.ts';
import { deriveRelationshipId } from '../../server/src/domain/relationship-id.ts';
import { createEntenteYoga } from '../../server/src/graphql/yoga.ts';
import { entitySchema, relationshipSchema } from '../../server/src/validation/record-schemas.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { connectTestDatabase, testConfig } from '../helpers/database.ts';
import { snapshot } from '../helpers/graph.ts';
import { codes, createClient, type GraphQLResult, ok } from '../helpers/graphql.ts';

const db = connectTestDatabase();
const query = createClient(db);
const EDITOR = { authorization: 'Bearer editor-token' };
const SOURCE = 'itproportal-2018-06-kaspersky-ends-eu-work';

beforeAll(() => loadCuratedDatasets(db));
afterAll(() => db.close());

const UPSERT_ENTITY = `mutation($input: UpsertEntityInput!) {
  upsertEntity(input: $input) { __typename id kind name aliases datasets evidence { source { id } quote } }
}`;
const UPSERT_RELATIONSHIP = `mutation($input: UpsertRelationshipInput!) {
  upsertRelationship(input: $input) { id type status since until dataset from { id } to { id } }
}`;
const UPSERT_SOURCE = `mutation($input: UpsertSourceInput!) {
  upsertSource(input: $input) { id title dataset publisher { id name } }
}`;
const DELETE_ENTITY = 'mutation($id: ID!) { deleteEntity(id: $id) }';
const DELETE_RELATIONSHIP = 'mutation($id: ID!) { deleteRelationship(id: $id) }';
const MERGE = `mutation($keep: ID!, $drop: ID!) {
  mergeEntities(keep: $keep, drop: $drop) { id name aliases datasets evidence { source { id } } }
}`;

type Vars = Record<string, unknown>;
const asEditor = (document: string, variables: Vars = {}) => query(document, variables, EDITOR);

/** Runs a request that must be refused; the graph must be exactly as it was. */
async function refused(request: () => Promise<GraphQLResult>) {
  const before = await snapshot(db);
  const result = await request();
  expect(result.data ?? null).toBeNull();
  expect(await snapshot(db)).toBe(before);
  const [error] = result.errors ?? [];
  return error as { message: string; extensions: { code: string; field?: string } };
}

function cypher<T = Record<string, unknown>>(text: string, params: Vars = {}) {
  return db.read<T>(text, params);
}

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

describe('upsertRelationship, as an editor', () => {
  const input = {
    from: 'europol',
    type: 'LINKED_TO',
    to: 'eugene-kaspersky',
    since: '2019',
    evidence: [{ source: SOURCE }],
  };
  const id = deriveRelationshipId({
    type: 'LINKED_TO',
    from: 'europol',
    to: 'eugene-kaspersky',
    since: '2019',
  });
  const relationshipsOf = async (entity: string) => {
    const data = await ok(
      query(`{ entity(id: "${entity}") { relationships(first: 100) { nodes { id type } } } }`),
    );
    return data.entity.relationships.nodes as { id: string; type: string }[];
  };

  it('creates it under its derived id; the entity then lists it', async () => {
    const { upsertRelationship } = await ok(asEditor(UPSERT_RELATIONSHIP, { input }));
    expect(upsertRelationship).toEqual({
      id,
      type: 'LINKED_TO',
      status: 'ACTIVE',
      since: '2019',
      until: null,
      dataset: 'curation',
      from: { id: 'europol' },
      to: { id: 'eugene-kaspersky' },
    });
    expect(await relationshipsOf('europol')).toContainEqual({ id, type: 'LINKED_TO' });
    const [stored] = await cypher(
      'MATCH ()-[r:LINKED_TO {id: $id}]->() RETURN r.validFrom AS validFrom, r.hash AS hash',
      { id },
    );
    expect(stored).toMatchObject({ validFrom: '2019-01-01', hash: expect.any(String) });
  });

  it('upserting the same relationship again updates it in place', async () => {
    await ok(asEditor(UPSERT_RELATIONSHIP, { input: { ...input, description: 'Updated.' } }));
    const rows = await cypher(
      'MATCH ()-[r {id: $id}]->() RETURN type(r) AS type, r.description AS description',
      { id },
    );
    expect(rows).toEqual([{ type: 'LINKED_TO', description: 'Updated.' }]);
  });

  it('with the id of a relationship of another type, replaces it', async () => {
    const { upsertRelationship } = await ok(
      asEditor(UPSERT_RELATIONSHIP, {
        input: { ...input, id, type: 'COOPERATES_WITH', until: '2020-06' },
      }),
    );
    expect(upsertRelationship).toMatchObject({ id, type: 'COOPERATES_WITH', until: '2020-06' });
    const rows = await cypher(
      'MATCH ()-[r {id: $id}]->() RETURN type(r) AS type, r.validTo AS validTo',
      { id },
    );
    expect(rows).toEqual([{ type: 'COOPERATES_WITH', validTo: '2020-06-30' }]);
  });

  it.each([
    ['a missing from entity', { from: 'no-such-entity' }, 'NOT_FOUND', 'from', /no-such-entity/],
    ['a missing to entity', { to: 'no-such-entity' }, 'NOT_FOUND', 'to', /no-such-entity/],
    [
      'LEADS from a Company',
      { from: 'kaspersky-lab', type: 'LEADS', to: 'europol' },
      'BAD_USER_INPUT',
      'type',
      /LEADS cannot start at a Company/,
    ],
    [
      'until before since',
      { since: '2018-06', until: '2017' },
      'BAD_USER_INPUT',
      'until',
      /until 2017 is before since 2018-06/,
    ],
    [
      'evidence naming an unknown source',
      { evidence: [{ source: 'no-such-source' }] },
      'BAD_USER_INPUT',
      'evidence',
      /no-such-source/,
    ],
    ['a blank role', { role: '  ' }, 'BAD_USER_INPUT', 'role', /role/],
  ])('refuses %s (%s), writing nothing', async (_what, change, code, field, message) => {
    const error = await refused(() =>
      asEditor(UPSERT_RELATIONSHIP, { input: { ...input, since: '2021', ...change } }),
    );
    expect(error.extensions).toMatchObject({ code, field });
    expect(error.message).toMatch(message);
  });

  it('refuses a malformed PartialDate (2018-02-30) with BAD_USER_INPUT, writing nothing', async () => {
    const error = await refused(() =>
      asEditor(UPSERT_RELATIONSHIP, { input: { ...input, since: '2018-02-30' } }),
    );
    expect(error.extensions.code).toBe('BAD_USER_INPUT');
    expect(error.message).toMatch(/2018-02-30/);
  });

  it('deleteRelationship deletes it, then answers NOT_FOUND for the same id', async () => {
    expect(await ok(asEditor(DELETE_RELATIONSHIP, { id }))).toEqual({ deleteRelationship: true });
    expect(await cypher('MATCH ()-[r {id: $id}]->() RETURN r', { id })).toHaveLength(0);
    expect((await relationshipsOf('europol')).map((rel) => rel.id)).not.toContain(id);
    const error = await refused(() => asEditor(DELETE_RELATIONSHIP, { id }));
    expect(error.extensions.code).toBe('NOT_FOUND');
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
    expect(report?.relationships).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });
});

describe('a mutation sent over GET', () => {
  it('is refused with 405, even with an editor token, and writes nothing', async () => {
    const yoga = createEntenteYoga({ db, config: testConfig({ editorTokens: ['editor-token'] }) });
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
