import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  firstDay,
  isValidAt,
  lastDay,
  parsePartialDate,
} from './partial-date.ts';

describe('parsePartialDate', () => {
  it('accepts years, months and days as YAML parsers give them', () => {
    expect(parsePartialDate(1997)).toEqual({ ok: true, value: '1997' });
    expect(parsePartialDate('2018-06')).toEqual({ ok: true, value: '2018-06' });
    expect(parsePartialDate('2018-06-13')).toEqual({ ok: true, value: '2018-06-13' });
    expect(parsePartialDate(new Date(Date.UTC(2018, 5, 13)))).toEqual({
      ok: true,
      value: '2018-06-13',
    });
  });

  it('rejects impossible and malformed dates with a message naming the value', () => {
    expect(parsePartialDate('2018-02-30')).toEqual({
      ok: false,
      message: '"2018-02-30" is not a day of 2018-02',
    });
    expect(parsePartialDate('2019-02-29').ok).toBe(false);
    expect(parsePartialDate('2020-02-29').ok).toBe(true);
    expect(parsePartialDate('2018-13')).toEqual({
      ok: false,
      message: '"2018-13" has no month 13',
    });
    expect(parsePartialDate('13/06/2018').ok).toBe(false);
    expect(parsePartialDate(2018.5).ok).toBe(false);
  });
});

describe('firstDay and lastDay', () => {
  it('spread a partial date over the days it may mean', () => {
    expect([firstDay('2018'), lastDay('2018')]).toEqual(['2018-01-01', '2018-12-31']);
    expect([firstDay('2016-02'), lastDay('2016-02')]).toEqual(['2016-02-01', '2016-02-29']);
    expect([firstDay('2018-06-13'), lastDay('2018-06-13')]).toEqual(['2018-06-13', '2018-06-13']);
  });
});

describe('isValidAt', () => {
  const freeze = { since: '2018-06-13' };
  const ukMembership = { since: '1973-01-01', until: '2020-01-31' };

  it('holds from since on, and forever when the end is unknown', () => {
    expect(isValidAt(freeze, '2017-01-01')).toBe(false);
    expect(isValidAt(freeze, '2018-06-13')).toBe(true);
    expect(isValidAt(freeze, '2019-01-01')).toBe(true);
  });

  it('holds through the last day of until', () => {
    expect(isValidAt(ukMembership, '2020-01-31')).toBe(true);
    expect(isValidAt(ukMembership, '2020-02-01')).toBe(false);
    expect(isValidAt({ until: '2018' }, '2018-12-31')).toBe(true);
  });

  it('reads a partial as-of date as its first day', () => {
    expect(isValidAt({ since: '2018-06' }, '2018')).toBe(false);
    expect(isValidAt({ since: '2018-06' }, '2018-06')).toBe(true);
  });
});

describe('comparePartialDates', () => {
  it('orders by first day, coarser first', () => {
    const dates = ['2018-06-13', '2018', '2017-12', '2018-06'];
    expect(dates.sort(comparePartialDates)).toEqual(['2017-12', '2018', '2018-06', '2018-06-13']);
  });
});
