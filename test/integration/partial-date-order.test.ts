import { afterAll, describe, expect, it } from 'vitest';
import { comparePartialDates, partialDateOrderBy } from '../../server/src/domain/partial-date.ts';
import { connectTestDatabase } from '../helpers/database.ts';

const db = connectTestDatabase();
afterAll(() => db.close());

/** Years, months and days that share starts, cross year ends and come in no order. */
const DATES = [
  '2019-03-01',
  '2018',
  '2019-03',
  '2019',
  '2018-12-31',
  '2019-01-01',
  '2019-01',
  '2020-02-29',
  '1999-12',
  '2019-03-15',
  '2020',
];

describe('partialDateOrderBy', () => {
  it('orders partial dates in Neo4j exactly as comparePartialDates does', async () => {
    const rows = await db.read<{ date: string }>(
      `UNWIND $dates AS date RETURN date ORDER BY ${partialDateOrderBy('date')}`,
      { dates: DATES },
    );
    const expected = [...DATES].sort(comparePartialDates);
    expect(expected.slice(0, 4)).toEqual(['1999-12', '2018', '2018-12-31', '2019']);
    expect(rows.map((row) => row.date)).toEqual(expected);
  });
});
