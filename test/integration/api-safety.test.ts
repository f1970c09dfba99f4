import { readFileSync } from 'node:fs';
import { print, printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../server/src/db/database.ts';
import { schema } from '../../server/src/graphql/schema/index.ts';
import { createEntenteYoga, MAX_BODY_BYTES } from '../../server/src/graphql/yoga.ts';
import * as documents from '../../web/src/api/documents.ts';
import { CHANGES_LISTED, EXPORT_ENTITIES_MAX } from '../../web/src/api/queries.ts';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { connectTestDatabase, testConfig } from '../helpers/database.ts';
import { codes, createClient, ok } from '../helpers/graphql.ts';

const db = connectTestDatabase();
const query = createClient(db);
beforeAll(() => loadCuratedDatasets(db));
afterAll(() => db.close());

describe('limits for a public endpoint', () => {
  it('refuses an over-deep query with a clear message', async () => {
    const deep =
      '{ entity(id: "europol") { sources { publisher { sources { publisher { sources { publisher { sources { publisher { sources { publisher { sources { publisher { id } } } } } } } } } } } } } }';
    const result = await query(deep);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/Query depth limit of 12 exceeded/);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from(
      { length: 12 },
      (_, i) => `a${i}: entity(id: "europol") { id }`,
    ).join(' ');
    const result = await query(`{ ${aliases} }`);
    expect(result.errors?.[0]?.message).toMatch(/Aliases limit of 10 exceeded/);
  });

  it('refuses an over-costly query before it reads anything', async () => {
    const fields =
      'id name kind aliases description country founded website wikidata datasets degree';
    const level = (inner: string) =>
      `relationships { nodes { id from { ${fields} ${inner} } to { ${fields} ${inner} } } }`;
    const costly = `{ ${Array.from({ length: 8 }, (_, i) => `n${i}: neighborhood(ids: ["europol"]) { nodes { ${fields} ${level(level(''))} } }`).join(' ')} }`;
    const before = db.roundTrips;
    const result = await query(costly);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/Query cost limit of 200000 exceeded, found \d+/);
    expect(codes(result)).toEqual(['COST_LIMIT']);
    expect(db.roundTrips).toBe(before);
  });

  // Every entity's relationships, and every end's relationships in turn: a page size from a
  // variable or a default is priced as the page it asks for.
  const fanOut = (levels: number, first: string) => {
    let inner = 'id';
    for (let i = 0; i < levels; i += 1) {
      inner = `relationships${first} { nodes { id to { ${inner} } } }`;
    }
    return `entities${first} { nodes { ${inner} } }`;
  };

  it('prices a page size given as a variable', async () => {
    const document = `query FanOut($n: Int) { ${fanOut(3, '(first: $n)')} }`;
    const before = db.roundTrips;
    const refused = await query(document, { n: 100 });
    expect(codes(refused)).toEqual(['COST_LIMIT']);
    expect(refused.errors?.[0]?.message).toMatch(/found 41\d{7}\b/);
    expect(db.roundTrips).toBe(before);
    const small = await ok(query<{ entities: { nodes: unknown[] } }>(document, { n: 2 }));
    expect(small.entities.nodes).toHaveLength(2);
  });

  it('prices an omitted page size at its default', async () => {
    const result = await query(`{ ${fanOut(3, '')} }`);
    expect(codes(result)).toEqual(['COST_LIMIT']);
    const shallow = await query(`{ ${fanOut(1, '')} }`);
    expect(shallow.errors).toBeUndefined();
  });

  it('prices the operation a request names, not the others in its document', async () => {
    const yoga = createEntenteYoga({ db, config: testConfig() });
    const document = `query Costly { ${fanOut(3, '')} } query Cheap { ${fanOut(1, '')} }`;
    const run = async (operationName: string, variables = {}) =>
      (await (
        await yoga.fetch('http://test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: document, operationName, variables }),
        })
      ).json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    const before = db.roundTrips;
    expect((await run('Costly')).errors?.map((e) => e.extensions?.code)).toEqual(['COST_LIMIT']);
    expect(db.roundTrips).toBe(before);
    const cheap = await run('Cheap');
    expect(cheap.errors).toBeUndefined();
    expect(cheap.data).toMatchObject({ entities: { nodes: expect.any(Array) } });
  });

  it('leaves variables of the wrong type to be refused as such, reading nothing', async () => {
    const before = db.roundTrips;
    const result = await query(`query FanOut($n: Int) { ${fanOut(3, '(first: $n)')} }`, {
      n: 'many',
    });
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toMatch(/Variable "\$n" got invalid value "many"/);
    expect(codes(result)).not.toContain('COST_LIMIT');
    expect(db.roundTrips).toBe(before);
  });

  it("lets the explorer's own queries through every limit", async () => {
    const variables: Record<string, Record<string, unknown>> = {
      ONTOLOGY: {},
      SEARCH: { text: 'Kaspersky', first: 10 },
      NEIGHBORHOOD: { ids: ['kaspersky-lab'] },
      ENTITY: { id: 'no-more-ransom' },
      MORE_RELATIONSHIPS: { id: 'no-more-ransom', after: null },
      PATHS: { from: 'kaspersky-lab', to: 'europol' },
      RELATIONSHIP: { id: 'kaspersky-lab-cooperates-with-europol' },
      // A comparison over the most a canvas can hold, listing as many changes as the explorer asks.
      CHANGES: {
        ids: ['kaspersky-lab', ...Array.from({ length: 1999 }, (_, i) => `e${i}`)],
        from: '2017-01-01',
        to: '2019-01-01',
        first: CHANGES_LISTED,
      },
      // The most a shared view can hold.
      SUBGRAPH: { ids: ['kaspersky-lab', ...Array.from({ length: 1999 }, (_, i) => `e${i}`)] },
      // The canvas's exports read the same view with every record's fields.
      EXPORT_RECORDS: {
        ids: [
          'kaspersky-lab',
          ...Array.from({ length: EXPORT_ENTITIES_MAX - 1 }, (_, i) => `e${i}`),
        ],
      },
      VIEWER: {},
      ENTITY_RECORD: { id: 'kaspersky-lab' },
      RELATIONSHIP_RECORD: { id: 'kaspersky-lab-cooperates-with-europol' },
      REVISIONS: { id: 'kaspersky-lab' },
      SOURCES: { text: 'kaspersky' },
      DUPLICATE_CANDIDATES: { id: 'kaspersky-lab' },
      MERGE_PREVIEW: { keep: 'kaspersky-lab', drop: 'europol' },
      STORIES: {},
      STORY: { id: 'kaspersky-and-the-eu' },
    };
    // The curators' writes are the curation tests' (test/e2e/explorer-curation.test.ts).
    const reads = Object.entries(documents).filter(([, document]) =>
      print(document).trimStart().startsWith('query'),
    );
    expect(Object.keys(variables).sort()).toEqual(reads.map(([name]) => name).sort());
    for (const [name, document] of reads) {
      const result = await query(print(document), variables[name]);
      expect({ name, errors: result.errors }).toEqual({ name, errors: undefined });
    }
  });

  it('refuses a query with too many tokens', async () => {
    const result = await query(`{ entity(id: "europol") { ${'id '.repeat(3200)} } }`);
    expect(result.errors?.[0]?.message).toMatch(/Token limit of 3000 exceeded/);
  });
});

describe('what the endpoint shows', () => {
  it('masks unexpected errors', async () => {
    const broken = createDatabase(db.driver, { database: 'no-such-database', timeoutMs: 1000 });
    const result = await createClient(broken)('{ stats { entities } }');
    expect(result.errors?.[0]?.message).toBe('Unexpected error.');
    expect(JSON.stringify(result)).not.toMatch(/no-such-database/);
  });

  it('hides field suggestions in production only', async () => {
    const production = createClient(db, { mode: 'production' });
    const hidden = await production('{ entity(id: "europol") { nmae } }');
    expect(JSON.stringify(hidden.errors)).not.toMatch(/Did you mean/);
    const shown = await query('{ entity(id: "europol") { nmae } }');
    expect(shown.errors?.[0]?.message).toMatch(/Did you mean "name"\?/);
  });

  it('serves GraphiQL with example queries in development, not in production', async () => {
    const page = (mode: 'development' | 'production') =>
      createEntenteYoga({ db, config: testConfig({ mode }) }).fetch('http://test/graphql', {
        headers: { accept: 'text/html' },
      });
    const development = await page('development');
    expect(await development.text()).toContain('How is Kaspersky Lab connected to Europol?');
    const production = await page('production');
    expect(production.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });

  it('caps the body when no HTTP server in front has checked it', async () => {
    const ids = Array.from({ length: MAX_BODY_BYTES / 10 }, (_, i) => `id-${i}`);
    const response = await createEntenteYoga({ db, config: testConfig() }).fetch(
      'http://test/graphql',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'query($ids: [ID!]!) { subgraph(ids: $ids) { truncated } }',
          variables: { ids },
        }),
      },
    );
    expect(response.status).toBe(413);
  });

  it('answers CORS only for the configured origins', async () => {
    const yoga = createEntenteYoga({
      db,
      config: testConfig({ corsOrigins: ['https://analyst.example'] }),
    });
    const allowed = await yoga.fetch('http://test/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://analyst.example', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://analyst.example');
    const other = await yoga.fetch('http://test/graphql', {
      method: 'OPTIONS',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
    });
    expect(other.headers.get('access-control-allow-origin')).not.toBe('https://elsewhere.example');
  });
});

describe('server/schema.graphql', () => {
  it('matches the schema in the code (run npm run schema:print after a change)', () => {
    const committed = readFileSync(new URL('../../server/schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });
});
