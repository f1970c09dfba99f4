import { describe, expect, it } from 'vitest';
import { COOPERATION, ONTOLOGY, PATH } from '../../../test/fixtures/api-answers.ts';
import { explainPath, qualifiers } from './path-explanation.ts';

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

describe('explainPath over a history', () => {
  const path = { ...PATH, edges: [{ ...COOPERATION, to: PATH.nodes[1] ?? COOPERATION.to }] };

  it("cites the evidence of the phase in force at the paths' date before the tie's own", () => {
    const [frozen] = explainPath(path, ONTOLOGY, '2019-01-01');
    expect(frozen?.evidence.map((item) => item.source.id)).toEqual([
      'itproportal-2018-06-kaspersky-ends-eu-work',
      'europol-2016',
    ]);
    const [active] = explainPath(path, ONTOLOGY, '2017-01-01');
    expect(active?.evidence.map((item) => item.source.id)).toEqual(['europol-2016']);
  });
});

describe('qualifiers', () => {
  it('a status a later phase brought / says when it began, and when the tie did', () => {
    expect(qualifiers(COOPERATION, ONTOLOGY)).toBe('frozen from 2018-06-13; began 2016-07-25');
    const active = { ...COOPERATION, status: 'ACTIVE' };
    expect(qualifiers(active, ONTOLOGY, '2017-01-01')).toBe('2016-07-25');
  });

  it('a status held from the start / reads as before', () => {
    expect(qualifiers({ ...COOPERATION, history: [] }, ONTOLOGY)).toBe('frozen, 2016-07-25');
    expect(
      qualifiers({ ...COOPERATION, status: 'ACTIVE', since: null, history: [] }, ONTOLOGY),
    ).toBe('');
  });
});
