import type { PartialDate } from '../../server/src/domain/partial-date.ts';

export type Rng = () => number;

const ZIPF_EXPONENT = 1;

/** One kind's entities in a random rank order, with cumulative Zipf weights by rank. */
export interface Pool {
  members: Int32Array;
  cumulative: Float64Array;
}

export function createPool(start: number, count: number, rng: Rng): Pool {
  const members = shuffle(
    Int32Array.from({ length: count }, (_, i) => start + i),
    rng,
  );
  const cumulative = new Float64Array(count);
  let sum = 0;
  for (let rank = 0; rank < count; rank += 1) {
    sum += 1 / (rank + 1) ** ZIPF_EXPONENT;
    cumulative[rank] = sum;
  }
  return { members, cumulative };
}

export function sampleHub(pool: Pool, rng: Rng): number {
  return pool.members[pickIndex(pool.cumulative, rng)] ?? -1;
}

export interface Weighted<T> {
  items: readonly T[];
  cumulative: ArrayLike<number>;
}

export function pickWeighted<T>(table: Weighted<T>, rng: Rng): T | undefined {
  return table.items[pickIndex(table.cumulative, rng)];
}

/** Binary search of a cumulative weight table: the index whose interval holds a random point. */
export function pickIndex(cumulative: ArrayLike<number>, rng: Rng): number {
  const point = rng() * (cumulative[cumulative.length - 1] ?? 0);
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulative[middle] ?? 0) > point) high = middle;
    else low = middle + 1;
  }
  return low;
}

export function cumulate(weights: number[]): number[] {
  let sum = 0;
  return weights.map((weight) => {
    sum += weight;
    return sum;
  });
}

/** A date between two years, later years likelier; year, month or day precision. */
export function randomDate(
  rng: Rng,
  minYear: number,
  maxYear: number,
  yearOnly = 0.45,
): PartialDate {
  const year = minYear + Math.floor((maxYear - minYear + 1) * Math.sqrt(rng()));
  const precision = rng();
  if (precision < yearOnly) return String(year);
  const month = 1 + Math.floor(rng() * 12);
  const mm = String(month).padStart(2, '0');
  if (precision < yearOnly + (1 - yearOnly) / 2) return `${year}-${mm}`;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return `${year}-${mm}-${String(1 + Math.floor(rng() * days)).padStart(2, '0')}`;
}

export function pick<T>(list: readonly T[], rng: Rng): T {
  const item = list[Math.floor(rng() * list.length)];
  if (item === undefined) throw new Error('cannot pick from an empty list');
  return item;
}

export function shuffle<T extends { length: number; [index: number]: unknown }>(
  list: T,
  rng: Rng,
): T {
  for (let i = list.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}
