import { describe, expect, it } from 'vitest';
import { closeness, editDistance, toLuceneQuery } from './lucene-query.ts';

describe('toLuceneQuery', () => {
  it('matches each word exactly, as a prefix, or within one edit, and the whole as a phrase', () => {
    expect(toLuceneQuery('Kaspersy')).toBe('(kaspersy^3 OR kaspersy*^2 OR kaspersy~1)');
    expect(toLuceneQuery('no more')).toBe(
      '((no^3 OR no*^2) AND (more^3 OR more*^2 OR more~1)) OR "no more"^6',
    );
  });

  it('drops Lucene syntax with the punctuation, so user text holds no operators', () => {
    expect(toLuceneQuery('AND (x')).toBe(
      '((and^3 OR and*^2 OR and~1) AND (x^3 OR x*^2)) OR "and x"^6',
    );
    expect(toLuceneQuery('a:b "c"')).toBe(
      '((a^3 OR a*^2) AND (b^3 OR b*^2) AND (c^3 OR c*^2)) OR "a b c"^6',
    );
    expect(toLuceneQuery("China Telecom (Ameicas) O'Brien")).toContain(
      "(ameicas^3 OR ameicas*^2 OR ameicas~1) AND (o'brien^3",
    );
    expect(toLuceneQuery('   ')).toBeUndefined();
    expect(toLuceneQuery('*** -')).toBeUndefined();
  });
});

describe('closeness', () => {
  it('is 0 for a name or alias as typed, whatever the case and punctuation', () => {
    expect(closeness('european council', ['European Council'])).toBe(0);
    expect(closeness('CERT EU', ['Computer Emergency Response Team', 'CERT-EU'])).toBe(0);
  });

  it('is 1 one letter dropped, swapped or wrong away, and 2 further or for a part of a name', () => {
    expect(closeness('Eurpean Council', ['European Council'])).toBe(1);
    expect(closeness('Eurpoean Council', ['European Council'])).toBe(1);
    expect(closeness('Eurppean Council', ['European Council'])).toBe(1);
    expect(closeness('European', ['European Council'])).toBe(2);
    expect(closeness('Erupoean Council', ['European Council'])).toBe(2);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('abcd', 'abdc')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
