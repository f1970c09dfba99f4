import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RELATIONSHIP_TYPES } from '../../../server/src/domain/relationship-types.ts';
import { statusAt } from '../../../server/src/domain/status-history.ts';
import { formatProblem, type Problem } from '../model.ts';
import { validateDatasets } from '../validate.ts';
import { readCsv } from './csv.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/csv/${name}`, import.meta.url));

const where = (problems: Problem[]) =>
  problems.map((p) => formatProblem({ ...p, file: basename(p.file) }));

const at = (origin: { file: string; line: number; col: number } | undefined) =>
  origin && `${basename(origin.file)}:${origin.line}:${origin.col}`;

describe('readCsv with phases.csv', () => {
  const read = readCsv(fixture('with-phases'));
  const relationship = (id: string) => {
    const found = read.relationships.find((r) => r.record.id === id);
    if (!found) throw new Error(`no relationship ${id}`);
    return found;
  };

  it('reads every row without problems and counts the rows of phases.csv', () => {
    expect(read.problems).toEqual([]);
    expect(read.counts?.mapped['phases.csv']).toBe(5);
  });

  it("when phases name a relationship of the folder / they become its history, in date order, rows of one day's phase adding up their evidence", () => {
    const { record } = relationship('acme-police');
    expect(record.status).toBe('active');
    expect(record.history).toEqual([
      {
        status: 'frozen',
        since: '2018-06-13',
        note: 'frozen in protest',
        evidence: [
          { source: 'acme-2018', quote: 'we are forced to freeze our cooperation' },
          { source: 'news-2018' },
        ],
      },
      {
        status: 'active',
        since: '2021-07',
        note: 'resumed, as Acme said',
        evidence: [{ source: 'acme-2021' }],
      },
    ]);
    expect(statusAt(record, '2017-01-01')).toBe('active');
    expect(statusAt(record, '2019-01-01')).toBe('frozen');
    expect(statusAt(record)).toBe('active');
  });

  it('when a relationship has a derived id / phases name it by that id', () => {
    const member = relationship('acme-security-member-of-example-alliance-c1c13859');
    expect(member.record.history.map((phase) => phase.status)).toEqual(['frozen']);
  });

  it('records where each phase of a history was, for the messages of the validator', () => {
    const { fields } = relationship('acme-police');
    // history.0 is the frozen phase of line 3, history.1 the one of line 2: sorted by date.
    expect(at(fields?.['history.0'])).toBe('phases.csv:3:1');
    expect(at(fields?.['history.0.since'])).toBe('phases.csv:3:3');
    expect(at(fields?.['history.0.status'])).toBe('phases.csv:3:2');
    expect(at(fields?.['history.0.evidence'])).toBe('phases.csv:3:5');
    expect(at(fields?.['history.1.since'])).toBe('phases.csv:2:3');
    // The relationship's own fields stay those of relationships.csv.
    expect(at(fields?.since)).toBe('relationships.csv:2:5');
  });

  it('when there is no phases.csv / reads the folder as before, with no phases', () => {
    const plain = readCsv(fixture('cyber-sample'));
    expect(plain.problems).toEqual([]);
    expect(plain.phases).toEqual([]);
    for (const { record } of plain.relationships) expect(record.history).toEqual([]);
  });
});

describe('readCsv with an invalid phases.csv', () => {
  const read = readCsv(fixture('invalid-phases'));

  it('reports each problem at the file, line and column of the cell', () => {
    expect(where(read.problems)).toEqual([
      `relationships.csv:3:3: type: unknown relationship type "COOPERATS_WITH" (types: ${RELATIONSHIP_TYPES.join(', ')})`,
      'phases.csv:1:4: unknown column "notes" (did you mean "note"?) (columns: relationship, status, since, note, source, quote)',
      'phases.csv:3:2: status: unknown status "paused" (statuses: active, ended, frozen, proposed, alleged)',
      'phases.csv:4:3: since: "2019-02-30" is not a day of 2019-02',
      'phases.csv:5:5: source: a phase needs evidence (a source and a quote)',
      'phases.csv:6:5: source: is required when the row has a quote',
      'phases.csv:7:2: status: "ended" contradicts "frozen" of the same phase at line 2',
      'phases.csv:8:1: relationship: is required',
      'phases.csv:9:7: 7 cells but the header names 6 columns',
    ]);
  });

  it('keeps only the phases that are valid', () => {
    expect(read.relationships[0]?.record.history).toEqual([
      { status: 'frozen', since: '2009', evidence: [{ source: 'src' }] },
      { status: 'frozen', since: '2018-06', evidence: [{ source: 'src' }, { source: 'src-2' }] },
    ]);
  });

  it('when a phase names a relationship the folder does not hold / keeps it as an addition for the validator to check', () => {
    expect(read.phases.filter((p) => p.record.relationship === 'not-in-this-folder')).toEqual([
      {
        record: {
          relationship: 'not-in-this-folder',
          status: 'active',
          since: '2020',
          evidence: [{ source: 'src' }],
        },
        origin: expect.objectContaining({ line: 11, col: 1 }),
        fields: expect.objectContaining({
          relationship: expect.objectContaining({ line: 11, col: 1 }),
          since: expect.objectContaining({ line: 11, col: 3 }),
          evidence: expect.objectContaining({ line: 11, col: 5 }),
        }),
      },
    ]);
  });

  it("when checked with the seeder's rules / a phase before its relationship began and one naming no loaded relationship are reported at their cells", () => {
    const found = where(validateDatasets([read]));
    expect(found).toContain(
      "phases.csv:10:3: phase since 2009 is not after the relationship's since 2010 (the relationship's own status holds from then)",
    );
    expect(found).toContain(
      'phases.csv:11:1: phase for relationship "not-in-this-folder", which no loaded dataset defines',
    );
  });

  it('when a phase names a relationship whose row was rejected / the row is reported, the phase not again', () => {
    expect(read.rejected?.relationships).toEqual(['x-2']);
    expect(where(validateDatasets([read])).filter((p) => p.startsWith('phases.csv:12'))).toEqual(
      [],
    );
  });
});

describe("readCsv with phases.csv, checked with the seeder's rules", () => {
  it('when every phase keeps the rules / the folder has no problems', () => {
    expect(validateDatasets([readCsv(fixture('with-phases'))])).toEqual([]);
  });
});
