import { describe, expect, it } from 'vitest';
import type { PhaseSpan, RelationshipStatus } from '../api/types.ts';
import { isDefaultStatus, statusOn, statusStyle } from './status.ts';

type Dated = { status: RelationshipStatus; history: PhaseSpan[] };

const cooperation: Dated = {
  status: 'FROZEN',
  history: [
    { status: 'ACTIVE', since: '2016-07-25', until: '2018-06-13' },
    { status: 'FROZEN', since: '2018-06-13', until: null },
  ],
};

describe('statusOn', () => {
  it('reads the status in force at a date from the history', () => {
    expect(statusOn(cooperation, '2017-01-01')).toBe('ACTIVE');
    expect(statusOn(cooperation, '2018-06-13')).toBe('FROZEN');
    expect(statusOn(cooperation, '2019-01-01')).toBe('FROZEN');
  });

  it('without a date / is the latest status', () => {
    expect(statusOn({ ...cooperation, status: 'ACTIVE' }, null)).toBe('FROZEN');
  });

  it('a phase dated to a month begins on its first day', () => {
    const rel: Dated = {
      status: 'ACTIVE',
      history: [
        { status: 'PROPOSED', since: '2018-06-13', until: '2019-05' },
        { status: 'ACTIVE', since: '2019-05', until: null },
      ],
    };
    expect(statusOn(rel, '2019-04-30')).toBe('PROPOSED');
    expect(statusOn(rel, '2019-05-01')).toBe('ACTIVE');
  });

  it('without a history / keeps the status the API answered with', () => {
    expect(statusOn({ status: 'ALLEGED', history: [] }, '2017-01-01')).toBe('ALLEGED');
  });
});

describe('statusStyle', () => {
  it('fades ended and frozen ties and dashes proposed and alleged ones, as the domain says', () => {
    expect(statusStyle('FROZEN')).toEqual({ faded: true, dashed: false });
    expect(statusStyle('ENDED').faded).toBe(true);
    expect(statusStyle('PROPOSED')).toEqual({ faded: false, dashed: true });
    expect(statusStyle('ALLEGED').dashed).toBe(true);
    expect(statusStyle('ACTIVE')).toEqual({ faded: false, dashed: false });
  });

  it('draws a status the domain does not know plainly', () => {
    expect(statusStyle('RUMOURED')).toEqual({ faded: false, dashed: false });
  });
});

describe('isDefaultStatus', () => {
  it('is true for active only', () => {
    expect(isDefaultStatus('ACTIVE')).toBe(true);
    expect(isDefaultStatus('FROZEN')).toBe(false);
  });
});
