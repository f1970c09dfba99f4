import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ImportResult, importDatasets } from '../../seed/src/import.ts';
import { ensureSchema } from '../../server/src/db/schema.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { countGraph, snapshot } from '../helpers/graph.ts';

const db = connectTestDatabase();
const uri = 'test';
let first: ImportResult;

beforeAll(async () => {
  await ensureSchema(db);
  first = await importDatasets(db, uri, { paths: [], reset: true });
});
afterAll(() => db.close());

const ARTICLE = 'itproportal-2018-06-kaspersky-ends-eu-work';

/** One Cypher query per fact; each returns the matching relationships with their evidence. */
async function edges(cypher: string) {
  return db.read<{ status: string; since: string | null; quotes: string[]; sources: string[] }>(
    `${cypher} RETURN r.status AS status, r.since AS since, r.evidenceQuotes AS quotes, r.evidenceSources AS sources`,
    { article: ARTICLE },
  );
}

describe('the curated datasets', () => {
  it('validate and load: the three datasets, at least 150 entities and 300 relationships of context', () => {
    expect(first.exitCode).toBe(0);
    expect(first.problems).toEqual([]);
    const context = first.reports.find((report) => report.dataset === 'cyber-cooperation');
    expect(context?.entities.created).toBeGreaterThanOrEqual(150);
    expect(context?.relationships.created).toBeGreaterThanOrEqual(300);
    expect(first.reports.map((report) => report.dataset).sort()).toEqual([
      'cyber-cooperation',
      'cyber-restrictions',
      'kaspersky-eu-2018',
    ]);
  });

  it('give every relationship evidence naming a known source with a URL', async () => {
    const [bare] = await db.read<{ n: number }>(
      // Between entities: a story's HAS_STEP links are no record and cite nothing.
      'MATCH (:Entity)-[r]->(:Entity) WHERE size(coalesce(r.evidenceSources, [])) = 0 RETURN count(r) AS n',
    );
    expect(bare?.n).toBe(0);
    const [cited] = await db.read<{ unknown: number; noUrl: number }>(`
      MATCH (:Entity)-[r]->(:Entity) UNWIND r.evidenceSources AS sourceId
      OPTIONAL MATCH (s:Source {id: sourceId})
      RETURN count(CASE WHEN s IS NULL THEN 1 END) AS unknown,
             count(CASE WHEN s IS NOT NULL AND s.url IS NULL THEN 1 END) AS noUrl`);
    expect(cited).toEqual({ unknown: 0, noUrl: 0 });
  });

  it('seeding again changes nothing and reports 0 created', async () => {
    const before = await snapshot(db);
    const again = await importDatasets(db, uri, { paths: [] });
    expect(again.exitCode).toBe(0);
    for (const report of again.reports) {
      expect(report.entities).toMatchObject({ created: 0, updated: 0 });
      expect(report.relationships).toMatchObject({ created: 0, updated: 0 });
      expect(report.sources).toMatchObject({ created: 0, updated: 0 });
    }
    expect(await snapshot(db)).toBe(before);
  });

  it('a dry run reports what it would do and writes nothing', async () => {
    await db.write(
      'MATCH (e:Entity {id: "europol"}) SET e.name = "Europol (edited)", e.hash = "stale"',
    );
    const before = await snapshot(db);
    const dry = await importDatasets(db, uri, { paths: [], dryRun: true });
    expect(dry.reports.find((r) => r.dataset === 'kaspersky-eu-2018')?.entities.updated).toBe(1);
    expect(await snapshot(db)).toBe(before);
    await importDatasets(db, uri, { paths: [] });
    const [row] = await db.read<{ name: string }>(
      'MATCH (e:Entity {id: "europol"}) RETURN e.name AS name',
    );
    expect(row?.name).toBe('Europol');
  });

  it('holds the three datasets in the graph counts: every entity, source and relationship they created', async () => {
    const { nodes, relationships } = await countGraph(db);
    const created = (part: 'entities' | 'sources' | 'relationships') =>
      first.reports.reduce((sum, report) => sum + report[part].created, 0);
    expect(created('entities')).toBeGreaterThan(186);
    expect(nodes).toBeGreaterThan(created('entities') + created('sources'));
    expect(relationships).toBeGreaterThanOrEqual(created('relationships'));
  });
});

describe('the facts of the 2018 article, one Cypher query each', () => {
  it('the European Parliament proposed, on 2018-06-13, a ban naming Kaspersky Lab', async () => {
    const rows = await edges(
      "MATCH (:Institution {id: 'european-parliament'})-[r:RESTRICTS]->(:Company {id: 'kaspersky-lab'}) WHERE r.status = 'proposed'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.since).toBe('2018-06-13');
    expect(rows[0]?.sources).toContain(ARTICLE);
    expect(rows[0]?.quotes.join(' ')).toMatch(
      /ban on software products that have been confirmed as malicious/,
    );
  });

  it('the US banned Kaspersky products in government offices', async () => {
    const rows = await edges(
      "MATCH (:Government {id: 'us-government'})-[r:RESTRICTS]->(:Company {id: 'kaspersky-lab'}) WHERE $article IN r.evidenceSources",
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.flatMap((row) => row.quotes).join(' ')).toMatch(/banned all Kaspersky products/);
  });

  it('Kaspersky has alleged ties to the Russian government, as the US claims', async () => {
    const linked = await edges(
      "MATCH (:Entity {id: 'kaspersky-lab'})-[r:LINKED_TO]-(:Government {id: 'russian-government'}) WHERE r.status = 'alleged'",
    );
    expect(linked.length).toBeGreaterThanOrEqual(1);
    const accused = await edges(
      "MATCH (u:Entity)-[r:ACCUSES]->(:Entity {id: 'kaspersky-lab'}) WHERE u.id IN ['united-states', 'us-government']",
    );
    expect(accused.flatMap((row) => row.quotes).join(' ')).toMatch(
      /alleged ties to the Russian government/,
    );
  });

  it('Kaspersky froze its cooperation with Europol and with No More Ransom in 2018-06', async () => {
    const rows = await db.read<{
      partner: string;
      days: string[];
      statuses: string[];
      history: string;
    }>(`
      MATCH (:Entity {id: 'kaspersky-lab'})-[r:COOPERATES_WITH|MEMBER_OF]-(p:Entity)
      WHERE p.id IN ['europol', 'no-more-ransom'] AND 'frozen' IN r.phaseStatuses
      RETURN p.id AS partner, r.phaseDays AS days, r.phaseStatuses AS statuses, r.history AS history ORDER BY partner`);
    expect(rows.map((row) => row.partner)).toEqual(['europol', 'no-more-ransom']);
    for (const row of rows) {
      expect(row.days[row.statuses.indexOf('frozen')]?.startsWith('2018-06')).toBe(true);
      expect(row.history).toMatch(/freeze our cooperation/);
    }
  });

  it('Kaspersky disputes the accusation as untrue', async () => {
    const rows = await edges(
      "MATCH (:Entity {id: 'kaspersky-lab'})-[r:DISPUTES]->(:Entity {id: 'european-parliament'})",
    );
    expect(rows.flatMap((row) => row.quotes).join(' ')).toMatch(/calling it untrue/);
  });

  it('Eugene Kaspersky leads Kaspersky Lab as CEO', async () => {
    const rows = await db.read<{ role: string }>(
      "MATCH (:Person {id: 'eugene-kaspersky'})-[r:LEADS]->(:Company {id: 'kaspersky-lab'}) RETURN r.role AS role",
    );
    expect(rows.map((row) => row.role)).toContain('CEO');
  });

  it('a month earlier Kaspersky announced moving user data from Russia to Switzerland', async () => {
    const rows = await edges(
      "MATCH (:Company {id: 'kaspersky-lab'})-[r:OPERATES_IN]->(:Country {id: 'switzerland'}) WHERE r.status = 'proposed'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.since).toBe('2018-05');
    expect(rows[0]?.quotes.join(' ')).toMatch(/move user data from Russia to Switzerland/);
  });

  it('Kaspersky Lab is headquartered in Russia', async () => {
    const rows = await edges(
      "MATCH (:Company {id: 'kaspersky-lab'})-[r:HEADQUARTERED_IN]->(:Country {id: 'russia'})",
    );
    expect(rows).toHaveLength(1);
  });

  it('Europol is an agency of the EU', async () => {
    const rows = await edges(
      "MATCH (:Agency {id: 'europol'})-[r:PART_OF]->(:InternationalOrganization {id: 'european-union'})",
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
  });

  it('the article is by Anthony Spadafora, published by ITProPortal; he works for Tom’s Guide', async () => {
    const [source] = await db.read<{ author: string; publisher: string; url: string }>(
      'MATCH (s:Source {id: $id}) RETURN s.author AS author, s.publisher AS publisher, s.url AS url',
      { id: ARTICLE },
    );
    expect(source).toMatchObject({ author: 'anthony-spadafora', publisher: 'itproportal' });
    const outlets = await db.read<{ outlet: string }>(
      "MATCH (:Person {id: 'anthony-spadafora'})-[:WORKS_FOR]->(o:MediaOutlet) RETURN o.id AS outlet ORDER BY outlet",
    );
    expect(outlets.map((row) => row.outlet)).toEqual([
      'itproportal',
      'techradar-pro',
      'toms-guide',
    ]);
  });
});
