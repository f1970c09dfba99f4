import { describe, expect, it } from 'vitest';
import { COOPERATION } from '../../../test/fixtures/api-answers.ts';
import type { Change } from '../api/types.ts';
import { changeEvidence, changeMarks, comparedDates } from './changes.ts';

const freeze: Change = {
  date: '2018-06-13',
  kind: 'STATUS_CHANGED',
  fromStatus: 'ACTIVE',
  toStatus: 'FROZEN',
  relationship: COOPERATION,
};
const started: Change = { ...freeze, date: '2016-07-25', kind: 'STARTED', fromStatus: null };

describe('comparedDates', () => {
  it('needs both dates, the first before the second', () => {
    expect(comparedDates({ from: '2017-01-01', to: '2019' })).toEqual({
      from: '2017-01-01',
      to: '2019',
    });
    expect(comparedDates({ from: '2017-01-01', to: null })).toBeNull();
    expect(comparedDates({ from: '2019-01-01', to: '2017-01-01' })).toBeNull();
    expect(comparedDates({ from: '2019', to: '2019-01-01' })).toBeNull();
  });
});

describe('changeMarks', () => {
  it('collects the kinds of change per relationship, each once', () => {
    expect(changeMarks([started, freeze, freeze])).toEqual(
      new Map([[COOPERATION.id, ['STARTED', 'STATUS_CHANGED']]]),
    );
  });
});

describe('changeEvidence', () => {
  it('a change of status / cites the evidence of the phase that began then', () => {
    expect(changeEvidence(freeze)[0]?.quote).toContain('freeze our cooperation');
  });

  it("a start / cites the relationship's own evidence", () => {
    expect(changeEvidence(started)[0]?.quote).toContain('No More Ransom was launched');
  });
});
