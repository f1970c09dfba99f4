import { describe, expect, it } from 'vitest';
import {
  dateAtFraction,
  dateToMonth,
  fractionOf,
  inRange,
  monthRange,
  monthToDate,
  yearTicks,
} from './months.ts';

const today = new Date('2026-03-15T12:00:00Z');
const range = monthRange({ earliest: '1789-03-04', latest: '2024-07-20' }, today);

describe('the months the slider spans', () => {
  it('reach from January of the earliest year the data holds to the current month', () => {
    expect(range).toEqual({ firstYear: 1789, count: (2026 - 1789) * 12 + 3 });
    expect(monthToDate(0, range)).toBe('1789-01-01');
    expect(monthToDate(range.count - 1, range)).toBe('2026-03-01');
  });

  it('reach past today when the data holds a later date', () => {
    const later = monthRange({ earliest: '2016', latest: '2030-05' }, today);
    expect(monthToDate(later.count - 1, later)).toBe('2030-05-01');
  });

  it('without dates in the data / are the current year so far', () => {
    expect(monthRange({ earliest: null, latest: null }, today)).toEqual({
      firstYear: 2026,
      count: 3,
    });
  });

  it('turn a date into its month and back, kept inside the range', () => {
    const index = dateToMonth('2019-01-01', range);
    expect(index).toBe((2019 - 1789) * 12);
    expect(monthToDate(index, range)).toBe('2019-01-01');
    expect(dateToMonth('2018-06', range)).toBe(dateToMonth('2018-06-13', range));
    expect(dateToMonth('1700-01-01', range)).toBe(0);
    expect(dateToMonth('2099-01-01', range)).toBe(range.count - 1);
    expect([
      inRange('1788-12-31', range),
      inRange('1789', range),
      inRange('2026-04', range),
    ]).toEqual([false, true, false]);
  });
});

describe('the axis', () => {
  const short = monthRange(
    { earliest: '2016-07-25', latest: '2019-12-31' },
    new Date('2019-12-01'),
  );

  it('places days in proportion, and a click picks the first day of its month', () => {
    expect(fractionOf('2016-01-01', short)).toBe(0);
    expect(fractionOf('2020-01-01', short)).toBe(1);
    expect(fractionOf('2018-01-01', short)).toBeCloseTo(0.5, 2);
    expect(dateAtFraction(0.5, short)).toBe('2018-01-01');
    expect(dateAtFraction(1, short)).toBe('2019-12-01');
    expect(dateAtFraction(-1, short)).toBe('2016-01-01');
  });

  it('labels round years, not too many', () => {
    expect(yearTicks(short)).toEqual([2016, 2017, 2018, 2019]);
    const ticks = yearTicks(range);
    expect(ticks.length).toBeLessThanOrEqual(10);
    expect(ticks[0]).toBe(1800);
    expect(ticks.every((y) => y % 25 === 0)).toBe(true);
  });
});
