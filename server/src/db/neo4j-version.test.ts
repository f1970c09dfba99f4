import { describe, expect, it } from 'vitest';
import {
  assertSupportedVersion,
  isAtLeast,
  MINIMUM_NEO4J_VERSION,
  UnsupportedNeo4jError,
} from './neo4j-version.ts';

describe('isAtLeast', () => {
  it.each([
    ['5.23.0', true],
    ['5.26.30', true],
    ['5.23', true],
    ['2025.01.0', true],
    ['6.0.0', true],
    ['5.22.0', false],
    ['5.9.0', false],
    ['4.4.40', false],
    ['garbage', false],
  ])('%s against 5.23 / %s', (version, expected) => {
    expect(isAtLeast(version, MINIMUM_NEO4J_VERSION)).toBe(expected);
  });

  it('compares numerically, not as text', () => {
    expect(isAtLeast('5.100.0', '5.23')).toBe(true);
    expect(isAtLeast('5.3.0', '5.23')).toBe(false);
  });
});

describe('assertSupportedVersion', () => {
  it('when Neo4j is older than 5.23 / names the version found, the one needed and the address', () => {
    const check = () => assertSupportedVersion('5.20.0', 'bolt://db.example:7687');
    expect(check).toThrow(UnsupportedNeo4jError);
    expect(check).toThrow(
      /^Neo4j at bolt:\/\/db\.example:7687 is version 5\.20\.0; Entente needs 5\.23 or newer/,
    );
  });

  it('accepts 5.23 and newer', () => {
    expect(() => assertSupportedVersion('5.23.0', 'bolt://x')).not.toThrow();
    expect(() => assertSupportedVersion('2025.10.1', 'bolt://x')).not.toThrow();
  });
});
