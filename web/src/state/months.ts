/** The time slider's range: whole months from January 1990 to the current month. */
export const FIRST_YEAR = 1990;

export function monthCount(today = new Date()): number {
  return (today.getUTCFullYear() - FIRST_YEAR) * 12 + today.getUTCMonth() + 1;
}

/** Slider position -> the first day of that month: 324 -> "2017-01-01". */
export function monthToDate(index: number): string {
  const year = FIRST_YEAR + Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}-01`;
}

/** A date -> the slider position of its month: "2019-01-01" -> 348. */
export function dateToMonth(date: string): number {
  const [year = FIRST_YEAR, month = 1] = date.split('-').map(Number);
  return (year - FIRST_YEAR) * 12 + (month - 1);
}
