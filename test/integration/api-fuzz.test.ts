import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { EDITOR } from '../helpers/curation.ts';
import { connectTestDatabase, NO_RATE_LIMITS } from '../helpers/database.ts';
import { snapshot } from '../helpers/graph.ts';
import { createClient, type GraphQLResult } from '../helpers/graphql.ts';
import { createHostileInputs } from '../helpers/hostile-inputs.ts';

const db = connectTestDatabase();
// As many requests as a crowd sends: the per-client rate limit is not what is under test. The
// deadline is the database connection's own, so a busy machine does not pass for a slow query,
// while an input that sends a query astray still runs into it (TIMEOUT is not expected).
const query = createClient(db, {
  rateLimit: NO_RATE_LIMITS,
  queryTimeoutMs: 30_000,
});

/** At least this many hostile values reach the API, each in a variable or a string literal. */
const INPUTS = 10_000;
const SEED = 20_180_613;
const IN_FLIGHT = 4;
/** Hostile ids in each list argument: every one reaches its query as a parameter. */
const LIST = 20;

/**
 * What a caller may be told about bad input: each names the trouble. Anything else (above all
 * INTERNAL_SERVER_ERROR, "Unexpected error.") means an input reached somewhere it should not.
 */
const EXPECTED_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  // A stale expectedVersion, even for a record that is not there: nothing is written.
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
]);

interface Probe {
  document: string;
  variables: Record<string, unknown>;
  headers?: Record<string, string>;
  /** How many hostile values it carries. */
  inputs: number;
}

const LOOKUPS = `query($text: String!, $entity: ID!, $relationship: ID!, $from: ID!, $timeline: ID!) {
  search(text: $text) { score entity { id } }
  entity(id: $entity) { id }
  relationship(id: $relationship) { id }
  paths(from: $from, to: "europol") { length }
  timeline(id: $timeline) { id }
}`;

const FILTERS = `query($ids: [ID!]!, $asOf: PartialDate, $after: String, $country: String, $dataset: String) {
  neighborhood(ids: $ids, asOf: $asOf) { truncated }
  entities(after: $after, country: $country, dataset: $dataset) { totalCount }
  subgraph(ids: $ids) { nodes { id } }
}`;

const CHANGES = `query($from: PartialDate!, $to: PartialDate!, $ids: [ID!]) {
  changes(from: $from, to: $to, ids: $ids) { date kind }
}`;

const DELETES = `mutation($entity: ID!, $relationship: ID!, $version: String) {
  entity: deleteEntity(id: $entity, expectedVersion: $version)
  relationship: deleteRelationship(id: $relationship, expectedVersion: $version)
}`;

function probes(seed: number): Probe[] {
  const hostile = createHostileInputs(seed);
  const next = hostile.next;
  const ids = () => Array.from({ length: LIST }, next);
  // A hostile date is refused while the variables are read, before anything runs: it is the one
  // hostile value its request gets to deliver.
  const date = (fallback: string | null) =>
    hostile.chance(0.2) ? { value: next(), hostile: true } : { value: fallback, hostile: false };
  const made: Probe[] = [];
  for (let count = 0; count < INPUTS; count += made.at(-1)?.inputs ?? 0) {
    switch (made.length % 5) {
      case 0:
        made.push({
          document: LOOKUPS,
          variables: {
            text: next(),
            entity: next(),
            relationship: next(),
            from: next(),
            timeline: next(),
          },
          inputs: 5,
        });
        break;
      case 1: {
        const asOf = date(hostile.chance(0.5) ? '2018-06' : null);
        made.push({
          document: FILTERS,
          variables: {
            ids: ids(),
            asOf: asOf.value,
            after: next(),
            country: next(),
            dataset: next(),
          },
          inputs: asOf.hostile ? 1 : LIST + 3,
        });
        break;
      }
      case 2: {
        const from = date('2017');
        made.push({
          document: CHANGES,
          variables: { from: from.value, to: '2020', ids: ids() },
          inputs: from.hostile ? 1 : LIST,
        });
        break;
      }
      case 3:
        made.push({
          document: DELETES,
          variables: { entity: next(), relationship: next(), version: next() },
          headers: EDITOR,
          inputs: 3,
        });
        break;
      default:
        // Through the parser as well as through variables: JSON's escapes are GraphQL's.
        made.push({
          document: `{ search(text: ${JSON.stringify(next())}) { score } entity(id: ${JSON.stringify(next())}) { id } }`,
          variables: {},
          inputs: 2,
        });
    }
  }
  return made;
}

interface Unexpected {
  probe: Probe;
  result: GraphQLResult;
}

async function runAll(list: Probe[]): Promise<{ unexpected: Unexpected[]; answered: number }> {
  const unexpected: Unexpected[] = [];
  let answered = 0;
  let nextIndex = 0;
  const worker = async () => {
    for (let i = nextIndex++; i < list.length; i = nextIndex++) {
      const probe = list[i] as Probe;
      const result = await query(probe.document, probe.variables, probe.headers);
      const odd = (result.errors ?? []).some(
        (error) =>
          !EXPECTED_CODES.has(error.extensions?.code ?? '') ||
          error.message === 'Unexpected error.',
      );
      if (odd || (!result.data && !result.errors)) unexpected.push({ probe, result });
      // Data, even null, means execution ran: past parsing, validation and the variables.
      if (result.data !== undefined) answered += 1;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return { unexpected, answered };
}

let before = '';

beforeAll(async () => {
  await loadCuratedDatasets(db);
  before = await snapshot(db);
});
afterAll(() => db.close());

describe('hostile strings in every argument', () => {
  it(`${INPUTS} of them, from a fixed seed, get answers or errors that name the trouble, and change nothing`, async () => {
    const list = probes(SEED);
    expect(list.reduce((sum, probe) => sum + probe.inputs, 0)).toBeGreaterThanOrEqual(INPUTS);
    const { unexpected, answered } = await runAll(list);
    expect(
      unexpected.slice(0, 5).map(({ probe, result }) => ({
        variables: probe.variables,
        errors: result.errors,
      })),
    ).toEqual([]);
    // Most get past parsing and validation to resolvers and Cypher, where the risk is.
    expect(answered).toBeGreaterThan(list.length * 0.6);
    expect(await snapshot(db)).toBe(before);
  }, 300_000);

  it('the same seed gives the same inputs, so a failure is found again', () => {
    expect(JSON.stringify(probes(SEED).slice(0, 50))).toBe(
      JSON.stringify(probes(SEED).slice(0, 50)),
    );
  });
});
