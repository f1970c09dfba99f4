import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { importDatasets } from '../../seed/src/import.ts';
import { formatProblem } from '../../seed/src/model.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { snapshot, writeDatasetDir } from '../helpers/graph.ts';

const BASE = `dataset:
  id: fixture
  title: Fixture
sources:
  - id: src
    title: A source
    url: https://example.org/a
entities:
  - id: acme
    kind: Company
    name: Acme
  - id: ruritania
    kind: Country
    name: Ruritania
relationships:
  - from: acme
    type: HEADQUARTERED_IN
    to: ruritania
    since: 2001
    evidence:
      - source: src
`;

/** BASE with line n (1-based) replaced by `text` (which may hold several lines). */
function withLine(n: number, text: string): string {
  const lines = BASE.split('\n');
  lines.splice(n - 1, 1, text);
  return lines.join('\n');
}

const db = connectTestDatabase();
let before: string;

beforeAll(async () => {
  await db.write('MATCH (n) DETACH DELETE n');
  await db.write("CREATE (:Entity:Company {id: 'already-here', name: 'Already here'})");
  before = await snapshot(db);
});
afterAll(() => db.close());

async function problemsOf(yaml: string): Promise<string[]> {
  const dir = writeDatasetDir({ 'data.yaml': yaml });
  const result = await importDatasets(db, 'test', { paths: [dir] });
  expect(result.exitCode).toBe(1);
  expect(await snapshot(db)).toBe(before);
  return result.problems.map(formatProblem).map((line) => line.replaceAll(`${dir}/`, ''));
}

describe('validation names the file, line and column, and writes nothing', () => {
  it('when the base fixture is valid / it loads', async () => {
    const dir = writeDatasetDir({ 'data.yaml': BASE });
    const result = await importDatasets(db, 'test', { paths: [dir], dryRun: true });
    expect(result.problems).toEqual([]);
    expect(result.exitCode).toBe(0);
  });

  it('when an entity has an unknown kind', async () => {
    expect(await problemsOf(withLine(10, '    kind: Compnay'))).toEqual([
      expect.stringMatching(/^data\.yaml:10:11: kind: unknown kind "Compnay" \(kinds: Company, /),
    ]);
  });

  it('when a relationship has an unknown type', async () => {
    expect(await problemsOf(withLine(17, '    type: OWNED_BY'))).toEqual([
      expect.stringMatching(
        /^data\.yaml:17:11: type: unknown relationship type "OWNED_BY" \(types: MEMBER_OF, /,
      ),
    ]);
  });

  it('when the type does not allow the endpoint kinds', async () => {
    expect(await problemsOf(withLine(17, '    type: LEADS'))).toEqual([
      'data.yaml:17:11: LEADS cannot start at a Company (allowed: Person): acme (Company) -> ruritania (Country)',
    ]);
  });

  it('when a relationship names an entity that does not exist', async () => {
    expect(await problemsOf(withLine(18, '    to: atlantis'))).toEqual([
      'data.yaml:18:9: to "atlantis" is not a known entity',
    ]);
  });

  it('when two entities share an id', async () => {
    const yaml = withLine(
      14,
      '    name: Ruritania\n  - id: acme\n    kind: Company\n    name: Acme again',
    );
    expect(await problemsOf(yaml)).toEqual([
      'data.yaml:15:9: duplicate entity id "acme" (first at data.yaml:9)',
    ]);
  });

  it('when an id is not a lowercase slug', async () => {
    expect(await problemsOf(withLine(9, '  - id: Acme Corp'))).toEqual([
      'data.yaml:9:9: id: must be a lowercase slug such as "kaspersky-lab", got "Acme Corp"',
      'data.yaml:16:11: from "acme" is not a known entity',
    ]);
  });

  it('when a date does not exist', async () => {
    expect(await problemsOf(withLine(19, '    since: 2018-02-30'))).toEqual([
      'data.yaml:19:12: since: "2018-02-30" is not a day of 2018-02',
    ]);
  });

  it('when a date is malformed', async () => {
    expect(await problemsOf(withLine(19, '    since: 13/06/2018'))).toEqual([
      'data.yaml:19:12: since: must be a date YYYY, YYYY-MM or YYYY-MM-DD, got "13/06/2018"',
    ]);
  });

  it('when until is before since', async () => {
    expect(await problemsOf(withLine(19, '    since: 2001\n    until: 1999-12'))).toEqual([
      'data.yaml:20:12: until 1999-12 is before since 2001',
    ]);
  });

  it('when evidence names an unknown source', async () => {
    expect(await problemsOf(withLine(21, '      - source: nowhere'))).toEqual([
      'data.yaml:21:7: evidence names unknown source "nowhere"',
    ]);
  });

  it('when a key is misspelt / suggests the right one, and reports the missing field too', async () => {
    expect(await problemsOf(withLine(11, '    nmae: Acme'))).toEqual([
      'data.yaml:9:5: name is required',
      'data.yaml:11:5: unknown key "nmae" (did you mean "name"?)',
    ]);
  });

  it('when the YAML does not parse', async () => {
    const problems = await problemsOf(withLine(17, '    type: [unclosed'));
    expect(problems).toEqual([expect.stringMatching(/^data\.yaml:1[78]:\d+: YAML: /)]);
  });

  it('when several things are wrong / reports them all at once', async () => {
    const yaml = withLine(10, '    kind: Compnay').replace('    to: ruritania', '    to: atlantis');
    const problems = await problemsOf(yaml);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^data\.yaml:10:11: /);
    expect(problems[1]).toBe('data.yaml:18:9: to "atlantis" is not a known entity');
  });
});

describe('npm run seed (the CLI)', () => {
  const cli = (args: string[], env: Record<string, string> = {}) => {
    const { uri, user, password } = inject('neo4j');
    return spawnSync(join('node_modules', '.bin', 'tsx'), ['seed/src/cli.ts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password, ...env },
    });
  };

  it('exits 1 and prints file:line:col messages for invalid input', () => {
    const dir = writeDatasetDir({ 'data.yaml': withLine(10, '    kind: Compnay') });
    const run = cli([dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${join(dir, 'data.yaml')}:10:11: kind: unknown kind "Compnay"`);
    expect(run.stderr).toContain('nothing was written');
  });

  it('exits 2 naming the URI when the database is unreachable', () => {
    const dir = writeDatasetDir({ 'data.yaml': BASE });
    const run = cli([dir], { NEO4J_URI: 'bolt://127.0.0.1:1' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('bolt://127.0.0.1:1');
    expect(run.stderr).not.toContain('npm run db:start');
  });

  it('exits 2 saying how to start the local Neo4j when the project manages it', () => {
    const dir = writeDatasetDir({ 'data.yaml': BASE });
    const run = cli([dir], { NEO4J_URI: '', NEO4J_BOLT_PORT: '1' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('bolt://127.0.0.1:1');
    expect(run.stderr).toContain('start it with `npm run db:start`');
  });

  it('--json prints a machine-readable report with the counts', async () => {
    const dir = writeDatasetDir({ 'data.yaml': BASE });
    const run = cli([dir, '--json', '--dry-run']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.reports[0]).toMatchObject({
      dataset: 'fixture',
      entities: { created: 2 },
      relationships: { created: 1 },
    });
    expect(await snapshot(db)).toBe(before);
  });

  it('--reset without --yes off a terminal refuses and writes nothing', async () => {
    const dir = writeDatasetDir({ 'data.yaml': BASE });
    const run = cli([dir, '--reset']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--yes');
    expect(await snapshot(db)).toBe(before);
  });
});
