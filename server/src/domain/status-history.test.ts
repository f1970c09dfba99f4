import { describe, expect, it } from 'vitest';
import type { StatusPhaseRecord } from '../validation/records.ts';
import { changesBetween, historyProblems, phasesOf, statusAt } from './status-history.ts';

const evidence = [{ source: 'src', quote: 'So it was.' }];
const phase = (status: StatusPhaseRecord['status'], since: string): StatusPhaseRecord => ({
  status,
  since,
  evidence,
});

const cooperation = {
  status: 'active' as const,
  since: '2016-07-25',
  until: '2023',
  evidence,
  dataset: 'story',
  history: [phase('frozen', '2018-06-13'), { ...phase('active', '2021-07'), dataset: 'context' }],
};

describe('statusAt', () => {
  it('is the status of the last phase begun by the date, or the own status before any', () => {
    expect(statusAt(cooperation, '2017-01-01')).toBe('active');
    expect(statusAt(cooperation, '2018-06-12')).toBe('active');
    expect(statusAt(cooperation, '2018-06-13')).toBe('frozen');
    expect(statusAt(cooperation, '2019')).toBe('frozen');
    expect(statusAt(cooperation, '2021-06-30')).toBe('frozen');
    expect(statusAt(cooperation, '2021-07-01')).toBe('active');
  });

  it('without a date, is the latest status; without a history, the own status', () => {
    expect(statusAt({ ...cooperation, history: [phase('frozen', '2018-06-13')] })).toBe('frozen');
    expect(statusAt({ status: 'proposed', history: [] }, '2000')).toBe('proposed');
  });
});

describe('phasesOf', () => {
  it('starts with the own status from since, each phase running until the next begins', () => {
    expect(phasesOf(cooperation).map((p) => [p.status, p.since, p.until, p.dataset])).toEqual([
      ['active', '2016-07-25', '2018-06-13', 'story'],
      ['frozen', '2018-06-13', '2021-07', 'story'],
      ['active', '2021-07', '2023', 'context'],
    ]);
  });
});

describe('historyProblems', () => {
  it('when phases are in order, inside the interval, with evidence / finds none', () => {
    expect(historyProblems(cooperation)).toEqual([]);
  });

  it('names each phase that is out of order, on the same day, outside the interval or without evidence', () => {
    const problems = historyProblems({
      since: '2016-07-25',
      until: '2020',
      history: [
        phase('frozen', '2016-07-25'),
        phase('active', '2016-07-25'),
        phase('ended', '2016-01'),
        { ...phase('active', '2021'), evidence: [] },
      ],
    });
    expect(problems.map((p) => [p.index, p.field])).toEqual([
      [0, 'since'],
      [1, 'since'],
      [1, 'since'],
      [2, 'since'],
      [2, 'since'],
      [3, 'since'],
      [3, 'evidence'],
    ]);
    expect(problems[1]?.message).toMatch(/same day/);
    expect(problems[3]?.message).toMatch(/date order/);
    expect(problems[5]?.message).toMatch(/after the relationship's until 2020/);
  });
});

describe('changesBetween', () => {
  it('lists what makes the state at `to` differ from the state at `from`', () => {
    expect(changesBetween(cooperation, '2016', '2024')).toEqual([
      { date: '2016-07-25', kind: 'STARTED', toStatus: 'active' },
      { date: '2018-06-13', kind: 'STATUS_CHANGED', fromStatus: 'active', toStatus: 'frozen' },
      { date: '2021-07', kind: 'STATUS_CHANGED', fromStatus: 'frozen', toStatus: 'active' },
      { date: '2023', kind: 'ENDED', fromStatus: 'active' },
    ]);
  });

  it('leaves out a change on the first date, and keeps one on the last', () => {
    expect(changesBetween(cooperation, '2018-06-13', '2021-07-01').map((c) => c.date)).toEqual([
      '2021-07',
    ]);
    expect(changesBetween(cooperation, '2017', '2018')).toEqual([]);
  });
});
