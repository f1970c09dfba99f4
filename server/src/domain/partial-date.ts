/** A date known to the year, month or day: "2018", "2018-06", "2018-06-13". */
export type PartialDate = string;

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

export type ParsedDate = { ok: true; value: PartialDate } | { ok: false; message: string };

/**
 * Accepts what a YAML or JSON parser makes of a date: "2018-06-13", a bare year (1997 as a
 * number), or a Date at midnight UTC. Rejects impossible dates such as 2018-02-30.
 */
export function parsePartialDate(input: unknown): ParsedDate {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return { ok: false, message: 'is not a valid date' };
    return { ok: true, value: input.toISOString().slice(0, 10) };
  }
  const text = typeof input === 'number' && Number.isInteger(input) ? String(input) : input;
  if (typeof text !== 'string') {
    return {
      ok: false,
      message: `must be a date YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(input)}`,
    };
  }
  const match = PATTERN.exec(text.trim());
  if (!match) {
    return { ok: false, message: `must be a date YYYY, YYYY-MM or YYYY-MM-DD, got "${text}"` };
  }
  const [, y, m, d] = match;
  const year = Number(y);
  if (m !== undefined) {
    const month = Number(m);
    if (month < 1 || month > 12) return { ok: false, message: `"${text}" has no month ${m}` };
    if (d !== undefined) {
      const day = Number(d);
      if (day < 1 || day > daysInMonth(year, month)) {
        return { ok: false, message: `"${text}" is not a day of ${y}-${m}` };
      }
    }
  }
  return { ok: true, value: text.trim() };
}

/** The first day a partial date can mean: 2018 -> 2018-01-01. */
export function firstDay(date: PartialDate): string {
  const [y, m = '01', d = '01'] = date.split('-');
  return `${y}-${m}-${d}`;
}

/** The last day a partial date can mean: 2018-02 -> 2018-02-28. */
export function lastDay(date: PartialDate): string {
  const [y = '0', m, d] = date.split('-');
  if (d !== undefined) return date;
  if (m === undefined) return `${y}-12-31`;
  return `${y}-${m}-${pad(daysInMonth(Number(y), Number(m)))}`;
}

/**
 * Validity at a date: a relationship holds at `at` when it began on or before it and did not
 * end before it. An unknown start means "always was"; an unknown end means "still holds".
 * Partial bounds are read generously (since 2018-06 holds from 2018-06-01, until 2018 holds
 * through 2018-12-31); a partial `at` means its first day.
 */
export function isValidAt(
  interval: { since?: PartialDate | null; until?: PartialDate | null },
  at: PartialDate,
): boolean {
  const day = firstDay(at);
  if (interval.since && firstDay(interval.since) > day) return false;
  if (interval.until && lastDay(interval.until) < day) return false;
  return true;
}

/** Orders partial dates; a coarser date sorts before a finer one of the same start. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const byDay = firstDay(a).localeCompare(firstDay(b));
  return byDay !== 0 ? byDay : a.length - b.length;
}

/**
 * comparePartialDates as Cypher ORDER BY keys, for `expression` holding a stored partial date:
 * its first day (the text padded with "-01"s), then its length. The one place the order is
 * written in Cypher; a test holds it to comparePartialDates.
 */
export function partialDateOrderBy(expression: string): string {
  return `left(${expression} + '-01-01', 10), size(${expression})`;
}
