import { describe, expect, it } from 'vitest';
import type { Database } from '../../server/src/db/database.ts';
import { findNeighborhood, findPaths } from '../../server/src/db/graph-repository.ts';
import { entityExists, STATUS_IN_FORCE } from '../../server/src/db/projections.ts';
import { BASELINE_FILTER, baselineCypher } from './as-of-workloads.ts';

/** The text of every read the repository sends, answered with no rows. */
function recorder(): { db: Database; texts: string[] } {
  const texts: string[] = [];
  const read = async <T>(cypher: string) => {
    texts.push(cypher);
    return [] as T[];
  };
  return { db: { read } as unknown as Database, texts };
}

describe('baselineCypher', () => {
  it('puts the old filter back into the neighbourhood and paths queries, without entity tests or histories', async () => {
    const { db, texts } = recorder();
    await findNeighborhood(db, { ids: ['a'], depth: 2, limit: 10, hubCap: 5, asOf: '2010' });
    await findPaths(db, { from: 'a', to: 'b', maxLength: 4, limit: 3, asOf: '2010' });
    expect(texts).toHaveLength(2);
    for (const text of texts) {
      expect(text).toContain(STATUS_IN_FORCE);
      const baseline = baselineCypher(text);
      expect(baseline).toContain(BASELINE_FILTER);
      for (const added of [STATUS_IN_FORCE, entityExists('n'), entityExists('x'), '.history'])
        expect(baseline).not.toContain(added);
    }
  });

  it('refuses a query it has nothing to put back in', () => {
    expect(() => baselineCypher('MATCH (n) RETURN n')).toThrow(/update scripts\/bench/);
  });
});
