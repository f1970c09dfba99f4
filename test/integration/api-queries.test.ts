import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../seed/src/inputs.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { codes, createClient, ok } from '../helpers/graphql.ts';

const db = connectTestDatabase();
const query = createClient(db);

beforeAll(() => loadCuratedDatasets(db));
afterAll(() => db.close());

describe('entity and entities', () => {
  it('entity(id) answers with the object type of its kind, so fragments work', async () => {
    const data = await ok<{ entity: Record<string, unknown> }>(
      query(`{ entity(id: "europol") {
        __typename id kind name datasets degree
        ... on Agency { country }
        ... on Company { website }
        sources { id url }
      } }`),
    );
    expect(data.entity).toMatchObject({
      __typename: 'Agency',
      id: 'europol',
      kind: 'AGENCY',
      name: 'Europol',
    });
    expect(data.entity.datasets).toContain('kaspersky-eu-2018');
    expect(data.entity.degree).toBeGreaterThan(5);
  });

  it('entity(id) is null for an unknown id', async () => {
    const data = await ok<{ entity: null }>(query('{ entity(id: "no-such-body") { id } }'));
    expect(data.entity).toBeNull();
  });

  it('entities pages through everything with keyset cursors, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 100; i += 1) {
      const data: {
        entities: {
          totalCount: number;
          nodes: { id: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      } = await ok(
        query(
          'query($after: String) { entities(first: 50, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }',
          {
            after,
          },
        ),
      );
      total = data.entities.totalCount;
      seen.push(...data.entities.nodes.map((node) => node.id));
      if (!data.entities.pageInfo.hasNextPage) break;
      after = data.entities.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
    expect(total).toBeGreaterThan(180);
  });

  it('entities filters by kind and country', async () => {
    const data = await ok<{ entities: { nodes: { id: string; kind: string; country: string }[] } }>(
      query(
        '{ entities(kinds: [COUNTRY], first: 100) { nodes { id kind } } agencies: entities(kinds: [AGENCY], country: "nl", first: 100) { nodes { id kind country } } }',
      ),
    );
    expect(data.entities.nodes.every((node) => node.kind === 'COUNTRY')).toBe(true);
    expect(data.entities.nodes.map((node) => node.id)).toContain('germany');
    const agencies = (data as unknown as { agencies: { nodes: { id: string; country: string }[] } })
      .agencies.nodes;
    expect(agencies.map((node) => node.id)).toContain('dutch-national-police');
    expect(agencies.every((node) => node.country === 'NL')).toBe(true);
  });

  it('entities of several kinds pages through them all in id order, and counts them', async () => {
    const expected = (
      await db.read<{ id: string }>(
        'MATCH (e:Entity) WHERE e:Agency OR e:Country RETURN e.id AS id ORDER BY id',
      )
    ).map((row) => row.id);
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 50; i += 1) {
      const data: {
        entities: {
          totalCount: number;
          nodes: { id: string; kind: string }[];
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      } = await ok(
        query(
          'query($after: String) { entities(kinds: [COUNTRY, AGENCY], first: 7, after: $after) { totalCount nodes { id kind } pageInfo { hasNextPage endCursor } } }',
          { after },
        ),
      );
      total = data.entities.totalCount;
      expect(data.entities.nodes.every((n) => n.kind === 'COUNTRY' || n.kind === 'AGENCY')).toBe(
        true,
      );
      seen.push(...data.entities.nodes.map((node) => node.id));
      if (!data.entities.pageInfo.hasNextPage) break;
      after = data.entities.pageInfo.endCursor;
    }
    expect(expected.length).toBeGreaterThan(20);
    expect(seen).toEqual(expected);
    expect(total).toBe(expected.length);
  });

  it("entities filters by dataset: exactly the entities that dataset's files hold", async () => {
    const story = (await readInputs([])).find(
      ({ dataset }) => dataset.record.id === 'kaspersky-eu-2018',
    );
    const data = await ok<{
      entities: { totalCount: number; nodes: { id: string; datasets: string[] }[] };
      none: { totalCount: number };
    }>(
      query(
        '{ entities(dataset: "kaspersky-eu-2018", first: 100) { totalCount nodes { id datasets } } none: entities(dataset: "atlantis") { totalCount } }',
      ),
    );
    const ids = story?.entities.map((entity) => entity.record.id).sort();
    expect(data.entities.nodes.map((node) => node.id)).toEqual(ids);
    expect(data.entities.totalCount).toBe(ids?.length);
    expect(data.none.totalCount).toBe(0);
  });
});

describe("an entity's relationships", () => {
  it('filter by type, direction and date, a page at a time', async () => {
    const data = await ok<{
      entity: {
        outgoing: { nodes: { type: string; from: { id: string } }[] };
        early: { nodes: { id: string; since: string | null }[] };
      };
    }>(
      query(`{ entity(id: "kaspersky-lab") {
        outgoing: relationships(types: [COOPERATES_WITH, MEMBER_OF], direction: OUTGOING, first: 50) { nodes { type from { id } } }
        early: relationships(asOf: "2017-01-01", first: 100) { nodes { id since } }
      } }`),
    );
    expect(data.entity.outgoing.nodes.length).toBeGreaterThan(0);
    for (const node of data.entity.outgoing.nodes) {
      expect(['COOPERATES_WITH', 'MEMBER_OF']).toContain(node.type);
      expect(node.from.id).toBe('kaspersky-lab');
    }
    for (const node of data.entity.early.nodes) {
      if (node.since) expect(node.since.slice(0, 4) <= '2017').toBe(true);
    }
  });
});

describe('timeline', () => {
  it("lists an entity's dated relationships, earliest first", async () => {
    const data = await ok<{ timeline: { since: string | null; until: string | null }[] }>(
      query('{ timeline(id: "kaspersky-lab") { since until } }'),
    );
    const dates = data.timeline.map((rel) => rel.since ?? rel.until ?? '');
    expect(dates.length).toBeGreaterThan(5);
    expect(dates.every(Boolean)).toBe(true);
    const days = dates.map((date) => date.padEnd(10, '-00'));
    expect([...days].sort()).toEqual(days);
  });

  it('holds the earliest `first` of them when asked for fewer', async () => {
    const all = await ok<{ timeline: { id: string }[] }>(
      query('{ timeline(id: "kaspersky-lab") { id } }'),
    );
    const three = await ok<{ timeline: { id: string }[] }>(
      query('{ timeline(id: "kaspersky-lab", first: 3) { id } }'),
    );
    expect(three.timeline).toEqual(all.timeline.slice(0, 3));
    expect(codes(await query('{ timeline(id: "kaspersky-lab", first: 5000) { id } }'))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('is NOT_FOUND for an unknown entity', async () => {
    expect(codes(await query('{ timeline(id: "nobody") { id } }'))).toEqual(['NOT_FOUND']);
  });
});

describe('relationship', () => {
  it('answers one relationship by id, with its ends and evidence', async () => {
    const data = await ok<{ relationship: Record<string, unknown> | null }>(
      query(`{ relationship(id: "kaspersky-lab-cooperates-with-europol") {
        id type status since label from { id } to { id } evidence { quote source { id } }
        history { status evidence { quote } }
      } }`),
    );
    expect(data.relationship).toMatchObject({
      type: 'COOPERATES_WITH',
      status: 'FROZEN',
      since: '2016-07-25',
      label: 'cooperates with',
      from: { id: 'kaspersky-lab' },
      to: { id: 'europol' },
    });
    expect(JSON.stringify(data.relationship?.history)).toContain('freeze our cooperation');
  });

  it('is null for an unknown id', async () => {
    const data = await ok(query('{ relationship(id: "no-such-relationship") { id } }'));
    expect(data).toEqual({ relationship: null });
  });
});

describe('sources', () => {
  it('finds sources by words of the title, despite a typo, and nothing for other words', async () => {
    const titled = await ok(query('{ sources(text: "kaspersky ends") { id title } }'));
    expect(titled.sources[0]).toEqual({
      id: 'itproportal-2018-06-kaspersky-ends-eu-work',
      title: 'Kaspersky ends all EU work following ban',
    });
    const typo = await ok(query('{ sources(text: "Binding Operational Directiv") { id } }'));
    expect(typo.sources.map((s: { id: string }) => s.id)).toContain('govinfo-2017-09-19-bod-17-01');
    expect(await ok(query('{ sources(text: "zzyzx quuxbar") { id } }'))).toEqual({ sources: [] });
  });

  it('refuses a text too long and a page too large', async () => {
    expect(codes(await query(`{ sources(text: "${'a'.repeat(201)}") { id } }`))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(codes(await query('{ sources(text: "kaspersky", first: 51) { id } }'))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

describe('subgraph', () => {
  const SUBGRAPH = `query($ids: [ID!]!) {
    subgraph(ids: $ids) { truncated nodes { id } edges { id type from { id } to { id } } }
  }`;
  interface Answer {
    subgraph: {
      truncated: boolean;
      nodes: { id: string }[];
      edges: { id: string; type: string; from: { id: string }; to: { id: string } }[];
    };
  }

  it('holds every relationship among the given entities, past the hub cap, and nothing else', async () => {
    const members = await db.read<{ id: string }>(
      'MATCH (m:Entity)-[:MEMBER_OF]->(:Entity {id: "no-more-ransom"}) RETURN DISTINCT m.id AS id',
    );
    expect(members.length).toBeGreaterThan(50);
    const ids = ['no-more-ransom', ...members.map((m) => m.id), 'no-such-body'];
    const { subgraph } = await ok<Answer>(query(SUBGRAPH, { ids }));
    const drawn = new Set(subgraph.nodes.map((node) => node.id));
    expect(drawn).toEqual(new Set(ids.filter((id) => id !== 'no-such-body')));
    const memberships = subgraph.edges.filter(
      (edge) => edge.type === 'MEMBER_OF' && edge.to.id === 'no-more-ransom',
    );
    expect(new Set(memberships.map((edge) => edge.from.id))).toEqual(
      new Set(members.map((m) => m.id)),
    );
    expect(subgraph.edges.every((e) => drawn.has(e.from.id) && drawn.has(e.to.id))).toBe(true);
    const [among] = await db.read<{ count: number }>(
      'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id IN $ids AND b.id IN $ids RETURN count(r) AS count',
      { ids },
    );
    expect(subgraph.edges).toHaveLength(among?.count ?? -1);
    expect(subgraph.truncated).toBe(false);
  });

  it('refuses an empty list and more than 2,000 ids', async () => {
    expect(codes(await query(SUBGRAPH, { ids: [] }))).toEqual(['BAD_USER_INPUT']);
    const many = Array.from({ length: 2001 }, (_, i) => `e${i}`);
    expect(codes(await query(SUBGRAPH, { ids: many }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('datasets, stats and ontology', () => {
  it('datasets lists the loaded datasets as their files describe them, by id', async () => {
    const data = await ok<{ datasets: Record<string, unknown>[] }>(
      query('{ datasets { id title description license version requires } }'),
    );
    const files = (await readInputs([]))
      .map(({ dataset }) => ({
        description: null,
        license: null,
        version: null,
        ...dataset.record,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(data.datasets).toEqual(files);
    expect(data.datasets.find((d) => d.id === 'cyber-cooperation')).toMatchObject({
      license: 'CC-BY-4.0',
      requires: ['kaspersky-eu-2018'],
    });
  });

  it('stats counts match the graph', async () => {
    const data = await ok<{
      stats: { entities: number; relationships: number; byKind: { kind: string; count: number }[] };
    }>(
      query(
        '{ stats { entities relationships sources byKind { kind count } byType { type count } } }',
      ),
    );
    const [row] = await db.read<{ entities: number; relationships: number }>(
      'CALL () { MATCH (e:Entity) RETURN count(e) AS entities } CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS relationships } RETURN entities, relationships',
    );
    expect(data.stats.entities).toBe(row?.entities);
    expect(data.stats.relationships).toBe(row?.relationships);
    expect(data.stats.byKind.find((item) => item.kind === 'COUNTRY')?.count).toBeGreaterThanOrEqual(
      28,
    );
  });

  it('ontology gives kinds and types with labels, directions and colours', async () => {
    const data = await ok<{
      ontology: {
        kinds: { kind: string; colour: string }[];
        relationshipTypes: {
          type: string;
          label: string;
          inverseLabel: string;
          symmetric: boolean;
        }[];
      };
    }>(
      query(
        '{ ontology { kinds { kind label colour shape } relationshipTypes { type label inverseLabel symmetric colour from to } statuses { status label } } }',
      ),
    );
    expect(data.ontology.kinds).toHaveLength(10);
    expect(data.ontology.relationshipTypes.find((type) => type.type === 'MEMBER_OF')).toMatchObject(
      {
        label: 'is a member of',
        inverseLabel: 'has member',
        symmetric: false,
      },
    );
  });
});
