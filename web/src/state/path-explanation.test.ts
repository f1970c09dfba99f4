import { describe, expect, it } from 'vitest';
import { ONTOLOGY, PATH } from '../fixtures.ts';
import { explainPath } from './path-explanation.ts';

describe('explainPath', () => {
  it('reads one line per hop, with status and date, against the stored direction by the inverse label', () => {
    const hops = explainPath(PATH, ONTOLOGY);
    expect(hops.map((hop) => hop.text)).toEqual([
      'Kaspersky Lab — cooperates with (frozen, 2018-06) → No More Ransom',
      'No More Ransom — was founded by (2016-07-25) → Europol',
    ]);
    expect(hops[0]?.evidence[0]?.quote).toContain('freeze our cooperation');
  });
});
