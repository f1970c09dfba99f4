import { describe, expect, it } from 'vitest';
import { isAtLeast, MINIMUM_NEO4J_VERSION } from '../../server/src/db/neo4j-version.ts';
import { DEFAULT_NEO4J_VERSION } from './settings.ts';

describe('the Neo4j the project manages', () => {
  it('is one the server accepts', () => {
    expect(isAtLeast(DEFAULT_NEO4J_VERSION, MINIMUM_NEO4J_VERSION)).toBe(true);
  });
});
