import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveRelationshipId } from '../../server/src/domain/relationship-id.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import {
  createCurationClient,
  DELETE_RELATIONSHIP,
  SOURCE,
  UPSERT_RELATIONSHIP,
} from '../helpers/curation.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { ok } from '../helpers/graphql.ts';

const db = connectTestDatabase();
const { query, asEditor, refused, cypher } = createCurationClient(db);

beforeAll(() => loadCuratedDatasets(db));
afterAll(() => db.close());

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

describe('upsertRelationship with a status history', () => {
  const input = {
    id: 'curated-history',
    from: 'europol',
    type: 'COOPERATES_WITH',
    to: 'eugene-kaspersky',
    since: '2016',
    evidence: [{ source: SOURCE, quote: 'They worked together.' }],
    history: [
      { status: 'FROZEN', since: '2018-06', note: 'paused', evidence: [{ source: SOURCE }] },
    ],
  };
  const HISTORY = `query { relationship(id: "curated-history") {
    status at2017: statusAt(date: "2017") history { status since until note dataset }
  } }`;

  it('stores the phases; the relationship reads as its history', async () => {
    await ok(asEditor(UPSERT_RELATIONSHIP, { input }));
    const data = await ok(query(HISTORY));
    expect(data.relationship).toEqual({
      status: 'FROZEN',
      at2017: 'ACTIVE',
      history: [
        { status: 'ACTIVE', since: '2016', until: '2018-06', note: null, dataset: 'curation' },
        { status: 'FROZEN', since: '2018-06', until: null, note: 'paused', dataset: 'curation' },
      ],
    });
  });

  it('refuses a phase before the relationship begins or without a known source, naming the field', async () => {
    const early = await refused(() =>
      asEditor(UPSERT_RELATIONSHIP, {
        input: { ...input, history: [{ ...input.history[0], since: '2015' }] },
      }),
    );
    expect(early.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'history' });
    expect(early.message).toMatch(/^history\.0\.since: phase since 2015 is not after/);
    const unknown = await refused(() =>
      asEditor(UPSERT_RELATIONSHIP, {
        input: { ...input, history: [{ ...input.history[0], evidence: [{ source: 'nowhere' }] }] },
      }),
    );
    expect(unknown.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'evidence' });
  });

  it('keeps the phases another dataset added when a curator rewrites the relationship', async () => {
    await db.write(
      `MATCH ()-[r:COOPERATES_WITH {id: 'curated-history'}]->()
       SET r.history = $history, r.phaseDays = ['2018-06-01', '2021-01-01'],
           r.phaseStatuses = ['frozen', 'active']`,
      {
        history: JSON.stringify([
          {
            status: 'frozen',
            since: '2018-06',
            note: 'paused',
            evidence: [{ source: SOURCE }],
            dataset: 'curation',
          },
          { status: 'active', since: '2021', evidence: [{ source: SOURCE }], dataset: 'other' },
        ]),
      },
    );
    await ok(asEditor(UPSERT_RELATIONSHIP, { input: { ...input, history: [] } }));
    const data = await ok(query(HISTORY));
    expect(data.relationship.history.map((p: { dataset: string }) => p.dataset)).toEqual([
      'curation',
      'other',
    ]);
    expect(data.relationship.status).toBe('ACTIVE');
  });
});
