import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compareAnswers, startSides } from '../../scripts/bench/vs-neo4j-graphql-sides.ts';
import {
  pickInputs,
  type Question,
  questions,
} from '../../scripts/bench/vs-neo4j-graphql-workloads.ts';
import { loadSynthetic } from '../../seed/src/synthetic-load.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { emptyDatabase } from '../../server/src/db/seed-slices.ts';
import { connectTestDatabase } from '../helpers/database.ts';

// The benchmark against @neo4j/graphql times only questions both sides answer alike: its two
// servers, started as it starts them, must give the same fingerprint for the same input, and
// different fingerprints for different inputs, or the check proves nothing.

const db = connectTestDatabase();
const SEED = 5;
let sides: Awaited<ReturnType<typeof startSides>> | undefined;
let asked: Question<unknown>[] = [];

beforeAll(async () => {
  await ensureSchema(db);
  await loadSynthetic(db, { entities: 2000, seed: SEED });
  const { uri, user, password } = inject('neo4j');
  sides = await startSides({ NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password });
  asked = questions(sides.entente, sides.neo4jGraphql, await pickInputs(db, SEED));
});

afterAll(async () => {
  sides?.entente.close();
  sides?.neo4jGraphql.close();
  for (const server of sides?.servers ?? []) await server.stop();
  await emptyDatabase(db);
  await db.close();
});

const named = (name: string) => {
  const question = asked.find((q) => q.name === name);
  if (!question) throw new Error(`no question named ${name}`);
  return question;
};

describe.each([
  'entity by id',
  'relationships, all types',
  'relationships, 4 types',
  'a page of 20 of one kind',
  '1-hop neighbourhood',
])('%s', (name) => {
  it('gets the same answer from Entente and from @neo4j/graphql', async () => {
    const question = named(name);
    expect(await compareAnswers(question, 3)).toEqual([]);
    // Not an empty answer on both sides.
    expect(await question.entente(question.inputs[0])).not.toBe('');
  });

  it('tells a different input apart', async () => {
    const question = named(name);
    const [first, ...rest] = question.inputs;
    const other = rest.find((input) => JSON.stringify(input) !== JSON.stringify(first));
    const swapped = {
      ...question,
      inputs: [first],
      neo4jGraphql: () => question.neo4jGraphql(other),
    };
    expect(await compareAnswers(swapped, 1)).toHaveLength(1);
  });
});
