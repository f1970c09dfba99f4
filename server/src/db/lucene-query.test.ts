import { describe, expect, it } from 'vitest';
import { toLuceneQuery } from './entity-repository.ts';

describe('toLuceneQuery', () => {
  it('matches each word exactly, as a prefix, or within one edit', () => {
    expect(toLuceneQuery('Kaspersy')).toBe('(kaspersy^3 OR kaspersy*^2 OR kaspersy~1)');
    expect(toLuceneQuery('no more')).toBe('(no^3 OR no*^2) AND (more^3 OR more*^2 OR more~1)');
  });

  it('escapes Lucene syntax and neutralises operators in user text', () => {
    expect(toLuceneQuery('AND (x')).toBe('(and^3 OR and*^2) AND (\\(x^3 OR \\(x*^2)');
    expect(toLuceneQuery('a:b "c"')).toContain('a\\:b');
    expect(toLuceneQuery('   ')).toBeUndefined();
    expect(toLuceneQuery('*** -')).toBeUndefined();
  });
});
