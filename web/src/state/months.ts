import { firstDay, lastDay } from '../../../server/src/domain/partial-date.ts';
import type { TimeSpan } from '../api/types.ts';

/**
 * The months the time slider and the timeline span, whole months from January of `firstYear`:
 * index 0 is its January, index `count - 1` the last month.
 */
export interface MonthRange {
  firstYear: number;
  count: number;
}

const year = (day: string) => Number(day.slice(0, 4));
const month = (day: string) => Number(day.slice(5, 7));

/**
 * The range for the dates the data holds: from January of the year of its earliest date to the
 * later of the month of its latest date and the current month (a tie that still holds, holds
 * today). Data without dates gives the current year.
 */
export function monthRange(span: TimeSpan, today = new Date()): MonthRange {
  const now = today.toISOString().slice(0, 10);
  const first = span.earliest ? firstDay(span.earliest) : now;
  const latest = span.latest ? lastDay(span.latest) : now;
  // ISO days order as text.
  const last = [latest, now].sort()[1] ?? now;
  const firstYear = Math.min(year(first), year(last));
  return { firstYear, count: (year(last) - firstYear) * 12 + month(last) };
}

/** Slider position -> the first day of that month: 324 -> "2017-01-01" when the range starts in 1990. */
export function monthToDate(index: number, range: MonthRange): string {
  const y = range.firstYear + Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

function monthIndex(date: string, range: MonthRange): number {
  const day = firstDay(date);
  return (year(day) - range.firstYear) * 12 + (month(day) - 1);
}

/** A date -> the slider position of its month, kept inside the range. */
export function dateToMonth(date: string, range: MonthRange): number {
  return Math.min(Math.max(monthIndex(date, range), 0), range.count - 1);
}

/** Whether a date falls in one of the range's months. */
export function inRange(date: string, range: MonthRange): boolean {
  const index = monthIndex(date, range);
  return index >= 0 && index < range.count;
}

const time = (day: string) => Date.UTC(year(day), month(day) - 1, Number(day.slice(8, 10)));

/** Where a day (YYYY-MM-DD) falls on the range: 0 at its first day, 1 at the end of its last month. */
export function fractionOf(day: string, range: MonthRange): number {
  const start = Date.UTC(range.firstYear, 0, 1);
  const end = Date.UTC(range.firstYear, range.count, 1);
  return Math.min(Math.max((time(day) - start) / (end - start), 0), 1);
}

/** The first day of the month at a fraction of the range, as a click on the timeline's axis picks it. */
export function dateAtFraction(fraction: number, range: MonthRange): string {
  const index = Math.floor(Math.min(Math.max(fraction, 0), 1) * range.count);
  return monthToDate(Math.min(index, range.count - 1), range);
}

const TICK_STEPS = [1, 2, 5, 10, 20, 25, 50, 100];

/** Years to label on the axis: round ones, at most `most` of them. */
export function yearTicks(range: MonthRange, most = 10): number[] {
  const years = Math.ceil(range.count / 12);
  const step = TICK_STEPS.find((s) => years / s <= most) ?? 100;
  const ticks: number[] = [];
  const lastYear = range.firstYear + years - 1;
  for (let y = Math.ceil(range.firstYear / step) * step; y <= lastYear; y += step) ticks.push(y);
  return ticks;
}
