import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startNeo4j, stopNeo4j, wipeNeo4j } from '../../scripts/neo4j/server.ts';
import { neo4jSettings } from '../../scripts/neo4j/settings.ts';

export interface TestNeo4j {
  uri: string;
  user: string;
  password: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: TestNeo4j;
  }
}

/**
 * Starts the `test` profile's Neo4j, empty, for the whole run, and stops it afterwards.
 * ENTENTE_TEST_NEO4J_URI points the tests at another Neo4j instead (its data is at risk);
 * NEO4J_URI is deliberately ignored so that tests never touch a user's database.
 * Every temporary file the tests and what they start make goes under one folder (TMPDIR, which
 * the test workers inherit), removed at the end.
 */
export default async function setup(project: TestProject) {
  const scratch = mkdtempSync(join(tmpdir(), 'entente-test-'));
  process.env.TMPDIR = scratch;
  const removeScratch = () => rmSync(scratch, { recursive: true, force: true });
  const external = process.env.ENTENTE_TEST_NEO4J_URI;
  if (external) {
    project.provide('neo4j', {
      uri: external,
      user: process.env.ENTENTE_TEST_NEO4J_USER || 'neo4j',
      password: process.env.ENTENTE_TEST_NEO4J_PASSWORD || '',
    });
    return removeScratch;
  }
  const settings = neo4jSettings('test');
  const log = (line: string) => console.log(`[test neo4j] ${line}`);
  await wipeNeo4j(settings, log);
  const { uri } = await startNeo4j(settings, log);
  project.provide('neo4j', { uri, user: settings.user, password: settings.password });
  return async () => {
    await stopNeo4j(settings, log);
    removeScratch();
  };
}
