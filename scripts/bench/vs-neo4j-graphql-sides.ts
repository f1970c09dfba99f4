// The two sides of the benchmark against @neo4j/graphql, started as processes of their own, and
// the check that they answer alike.

import { fileURLToPath } from 'node:url';
import {
  createGraphqlClient,
  freePort,
  type ServerProcess,
  startServerProcess,
} from './api-http.ts';
import type { Question } from './vs-neo4j-graphql-workloads.ts';

/** Inputs whose answers are compared across the sides before timing. */
export const CHECKED = 20;

/**
 * Entente's production server and the @neo4j/graphql server over the same Neo4j, each in a
 * process of its own, with a client for each.
 */
export async function startSides(neo4jEnv: Record<string, string>) {
  const servers: ServerProcess[] = [];
  try {
    servers.push(
      await startServerProcess({
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        // One client sending a thousand requests a second: its budgets set out of its reach.
        RATE_LIMIT_REQUESTS: '1000000000',
        RATE_LIMIT_COST: '1000000000000',
        PORT: String(await freePort()),
        ...neo4jEnv,
      }),
    );
    servers.push(
      await startServerProcess(
        { NODE_ENV: 'production', PORT: String(await freePort()), ...neo4jEnv },
        fileURLToPath(new URL('./vs-neo4j-graphql-server.ts', import.meta.url)),
      ),
    );
  } catch (error) {
    for (const server of servers) await server.stop();
    throw error;
  }
  const [entente, other] = servers as [ServerProcess, ServerProcess];
  return {
    servers,
    entente: createGraphqlClient(`${entente.url}/graphql`),
    neo4jGraphql: createGraphqlClient(`${other.url}/graphql`),
  };
}

/** The inputs among the first CHECKED whose fingerprints differ, or whose calls failed. */
export async function compareAnswers<I>(question: Question<I>, count = CHECKED) {
  const mismatches: string[] = [];
  for (const input of question.inputs.slice(0, count)) {
    const [entente, other] = await Promise.allSettled([
      question.entente(input),
      question.neo4jGraphql(input),
    ]);
    const value = (r: PromiseSettledResult<string>) =>
      r.status === 'fulfilled' ? r.value : `error: ${String(r.reason)}`;
    if (
      entente.status === 'rejected' ||
      other.status === 'rejected' ||
      value(entente) !== value(other)
    ) {
      mismatches.push(
        `${JSON.stringify(input)}:\n  Entente: ${value(entente)}\n  @neo4j/graphql: ${value(other)}`,
      );
    }
  }
  return mismatches;
}
