import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveRelationshipId } from '../../../server/src/domain/relationship-id.ts';
import { formatProblem, type Problem } from '../model.ts';
import { readCsv } from './csv.ts';

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/csv/${name}`, import.meta.url));

/** `entities.csv:2:3: message`: the folder is the fixture's, the rest must match exactly. */
const where = (problems: Problem[]) =>
  problems.map((p) => formatProblem({ ...p, file: basename(p.file) }));

describe('readCsv on a valid folder', () => {
  const read = readCsv(fixture('cyber-sample'));

  it('reads every row without problems and names the dataset after the folder', () => {
    expect(read.problems).toEqual([]);
    expect(read.dataset.record).toEqual({
      id: 'cyber-sample',
      title: 'cyber-sample',
      requires: [],
    });
    expect(read.counts).toEqual({
      mapped: { 'entities.csv': 3, 'relationships.csv': 5, 'sources.csv': 2 },
      unmapped: {},
    });
  });

  it('splits aliases and identifiers (SCHEME:value) on "|", keeps dates as written and leaves empty cells out', () => {
    expect(read.entities.map((e) => e.record)).toEqual([
      {
        id: 'kaspersky-lab',
        kind: 'Company',
        name: 'Kaspersky Lab',
        aliases: ['Kaspersky', 'AO Kaspersky Lab'],
        country: 'RU',
        founded: '1997',
        website: 'https://www.kaspersky.com',
        wikidata: 'Q2379477',
        description: 'Security vendor, Moscow',
        identifiers: [
          { scheme: 'OGRN', value: '1027739867473' },
          { scheme: 'INN', value: '7713140469' },
        ],
        evidence: [],
      },
      {
        id: 'no-more-ransom',
        kind: 'Partnership',
        name: 'No More Ransom',
        aliases: [],
        founded: '2016-07',
        evidence: [],
      },
      {
        id: 'europol',
        kind: 'Agency',
        name: 'Europol',
        aliases: ['European Union Agency for Law Enforcement Cooperation'],
        founded: '1998-10-01',
        evidence: [],
      },
    ]);
  });

  it('when rows without an id name the same relationship / derives one id and merges their evidence', () => {
    const member = read.relationships.find((r) => r.record.type === 'MEMBER_OF');
    expect(member?.record).toEqual({
      id: deriveRelationshipId({
        type: 'MEMBER_OF',
        from: 'kaspersky-lab',
        to: 'no-more-ransom',
        since: '2016-07',
        role: 'associate partner',
      }),
      from: 'kaspersky-lab',
      type: 'MEMBER_OF',
      to: 'no-more-ransom',
      status: 'active',
      since: '2016-07',
      role: 'associate partner',
      evidence: [
        { source: 'nmr-partners', quote: 'Kaspersky Lab joined\nas an associate partner' },
        { source: 'europol-2016' },
      ],
      history: [],
    });
    expect(member?.origin.line).toBe(2);
  });

  it('when rows share an id / merges evidence once each and keeps what the first row said', () => {
    const founded = read.relationships.find((r) => r.record.id === 'europol-launched-nmr');
    expect(read.relationships).toHaveLength(2);
    expect(founded?.record).toMatchObject({
      since: '2016-07',
      description: 'Launched with the Dutch police and two companies.',
      evidence: [
        { source: 'nmr-partners' },
        { source: 'europol-2016', quote: 'Europol launched No More Ransom' },
      ],
    });
    // Line 5, not 4: the quote of the row on line 2 runs over two lines.
    expect(founded?.origin.line).toBe(5);
    expect(founded?.fields?.description).toMatchObject({ line: 5, col: 10 });
  });

  it('when sources.csv is there / reads its sources with dates as written', () => {
    expect(read.sources.map((s) => s.record)).toContainEqual({
      id: 'europol-2016',
      title: 'Europol press release, 25 July 2016',
      url: 'https://www.europol.europa.eu/newsroom/news/no-more-ransom',
      publisher: 'europol',
      published: '2016-07-25',
    });
  });

  it('when given a dataset id / uses it instead of the folder name', () => {
    expect(readCsv(fixture('cyber-sample'), { datasetId: 'cyber' }).dataset.record.id).toBe(
      'cyber',
    );
  });
});

describe('readCsv on an invalid folder', () => {
  const read = readCsv(fixture('invalid'));

  it('reports each problem at the file, line and column of the cell', () => {
    expect(where(read.problems)).toEqual([
      'entities.csv:1:4: unknown column "countyr" (did you mean "country"?) (columns: id, kind, name, aliases, description, country, founded, dissolved, website, wikidata, identifiers)',
      'entities.csv:2:2: kind: unknown kind "Compnay" (kinds: Company, Organization, Government, Agency, Institution, InternationalOrganization, Partnership, Country, Person, MediaOutlet)',
      'entities.csv:3:5: founded: "2018-02-30" is not a day of 2018-02',
      'entities.csv:4:3: name: is required',
      'entities.csv:5:6: identifiers: LEI must be 20 capital letters and digits such as "HWUPKR0MPOU8FGXBT394", got "HWUPKR0MPOU8FGX"',
      'relationships.csv:2:7: source: is required when the row has a quote',
      'relationships.csv:3:3: type: is required',
      'relationships.csv:4:5: since: "2019-13" has no month 13',
      'relationships.csv:6:6: role: "minority" contradicts "majority" of the same relationship at line 5',
      'relationships.csv:7:9: 9 cells but the header names 8 columns',
    ]);
  });

  it('keeps only the rows that are valid', () => {
    expect(read.entities).toEqual([]);
    expect(read.relationships.map((r) => r.record.id)).toEqual(['x-1']);
    expect(read.counts?.unmapped).toEqual({ 'entities.csv': 4, 'relationships.csv': 3 });
  });
});

describe('readCsv when a file or a required column is missing', () => {
  it('when the header lacks a required column / says so once at the header', () => {
    const read = readCsv(fixture('missing-column'));
    expect(where(read.problems)).toEqual([
      'entities.csv:1:1: missing column "name", which is required',
    ]);
    expect(read.entities).toEqual([]);
  });

  it('when the folder has no entities.csv or relationships.csv / names each missing file', () => {
    const read = readCsv(fixture('absent'));
    expect(where(read.problems)).toEqual([
      'entities.csv:1:1: missing file: a CSV dataset needs entities.csv',
      'relationships.csv:1:1: missing file: a CSV dataset needs relationships.csv',
    ]);
  });
});

describe('readCsv on Windows line endings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'entente-csv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('when rows end in "\\r\\n" / reports the same lines and columns as with "\\n"', () => {
    for (const name of ['entities.csv', 'relationships.csv']) {
      const text = readFileSync(join(fixture('invalid'), name), 'utf8');
      writeFileSync(join(dir, name), text.replaceAll('\n', '\r\n'));
    }
    const lines = (problems: Problem[]) =>
      problems.map((p) => `${basename(p.file)}:${p.line}:${p.col}`);
    expect(lines(readCsv(dir).problems)).toEqual(lines(readCsv(fixture('invalid')).problems));
  });
});
