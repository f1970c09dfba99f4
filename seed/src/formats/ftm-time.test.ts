import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { changesBetween, statusAt } from '../../../server/src/domain/status-history.ts';
import { readFtm } from './ftm.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/ftm/${name}`, import.meta.url));

describe('readFtm on what FollowTheMoney says of time', async () => {
  const read = await readFtm(fixture('time.ftm.jsonl'), { datasetId: 'time' });
  const relationship = (id: string) => {
    const found = read.relationships.find((r) => r.record.id === id);
    if (!found) throw new Error(`no relationship ${id}`);
    return found.record;
  };

  it('reads every record without problems and adds no phases', () => {
    expect(read.problems).toEqual([]);
    expect(read.counts?.mapped).toEqual({
      Company: 1,
      Person: 1,
      Sanction: 3,
      Directorship: 1,
      Employment: 1,
    });
    expect(read.phases).toEqual([]);
    for (const { record } of read.relationships) expect(record.history).toEqual([]);
  });

  it('when an end date has passed / the tie holds from start to end in the status it began in', () => {
    const led = relationship('ftm-d-resigned');
    expect(led).toMatchObject({ since: '2010', until: '2012-06-30', status: 'active' });
    // Read by the domain's rules: in force in 2011, ended (not changed status) by 2013.
    expect(statusAt(led, '2011-06-01')).toBe('active');
    expect(changesBetween(led, '2011-01-01', '2013-01-01')).toEqual([
      { date: '2012-06-30', kind: 'ENDED', fromStatus: 'active' },
    ]);
  });

  it('when a Sanction has a listing date and no start date / it holds from the listing to its end date', () => {
    expect(relationship('ftm-s-delisted')).toMatchObject({
      type: 'RESTRICTS',
      since: '2014-07-16',
      until: '2019-01-27',
      status: 'active',
    });
  });

  it('when a Sanction has a start date and a listing date / the start date is when it began to hold', () => {
    expect(relationship('ftm-s-listed')).toMatchObject({
      since: '2022-02-25',
      until: '2099-03-15',
      status: 'active',
    });
  });

  it('when a Sanction has only a date / that date is its start, and no end means it still holds', () => {
    const dated = relationship('ftm-s-dated');
    expect(dated.since).toBe('2020-05');
    expect(dated).not.toHaveProperty('until');
  });

  it("keeps FtM's undated status, the source's own words, in the description", () => {
    expect(relationship('ftm-s-delisted').description).toBe('Status in the source: Delisted');
    expect(relationship('ftm-s-listed').description).toBe(
      'Supports the war (status in the source: active)',
    );
    expect(relationship('ftm-d-resigned').description).toBe('Status in the source: resigned');
    expect(relationship('ftm-s-dated')).not.toHaveProperty('description');
  });

  it('when a date value is no date / takes the next value of the property, and leaves out an end that is none', () => {
    const work = relationship('ftm-e-bad-start');
    expect(work.since).toBe('2018-03');
    expect(work).not.toHaveProperty('until');
  });
});
