import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCuratedDatasets } from '../helpers/curated.ts';
import { connectTestDatabase } from '../helpers/database.ts';
import { createClient, ok } from '../helpers/graphql.ts';
import { edgesAt } from '../helpers/story.ts';

const db = connectTestDatabase();
const query = createClient(db);

beforeAll(() => loadCuratedDatasets(db));
afterAll(() => db.close());

/** Who restricts `id` as of `asOf`, as "from-id:STATUS", sorted. */
async function restrictorsOf(id: string, asOf: string): Promise<string[]> {
  return (await edgesAt(query, id, asOf, ['RESTRICTS']))
    .filter((edge) => edge.to.id === id)
    .map((edge) => `${edge.from.id}:${edge.status}`)
    .sort();
}

/** A relationship's status at each date (statusAt), and its history's notes. */
async function statusesOf(id: string, dates: string[]) {
  const at = dates.map((_, i) => `at${i}: statusAt(date: $d${i})`).join(' ');
  const params = ['$id: ID!', ...dates.map((_, i) => `$d${i}: PartialDate!`)].join(', ');
  const variables = Object.fromEntries([['id', id], ...dates.map((date, i) => [`d${i}`, date])]);
  const data = await ok<{ relationship: Record<string, unknown> | null }>(
    query(
      `query(${params}) { relationship(id: $id) { since until history { status since note } ${at} } }`,
      variables,
    ),
  );
  const rel = data.relationship;
  expect(rel, id).not.toBeNull();
  return {
    since: rel?.since as string,
    until: rel?.until as string | null,
    history: rel?.history as { status: string; since: string; note: string | null }[],
    at: dates.map((_, i) => (rel?.[`at${i}`] as string | null) ?? null),
  };
}

describe('cyber sanctions and restrictions on technology vendors, through GraphQL', () => {
  it('who restricted Huawei as of 2019-01-01: Australia, New Zealand, Czechia in force; the NDAA and Japan proposed', async () => {
    // The Czech cabinet's decision is dated to its month, January 2019, so it holds from the 1st.
    expect(await restrictorsOf('huawei', '2019-01-01')).toEqual([
      'australia-government:ACTIVE',
      'czechia-government:ACTIVE',
      'czechia-government:ACTIVE',
      'gcsb:ACTIVE',
      'japan-government:PROPOSED',
      'nukib:ACTIVE',
      'us-congress:PROPOSED',
    ]);
  });

  it('who restricted Huawei as of 2022-01-01: the Entity List, the FCC, Sweden, France and Lithuania in force; the UK ban announced', async () => {
    expect(await restrictorsOf('huawei', '2022-01-01')).toEqual([
      'anssi:ACTIVE',
      'australia-government:ACTIVE',
      'bis:ACTIVE',
      'czechia-government:ACTIVE',
      'czechia-government:ACTIVE',
      'fcc:ACTIVE',
      'fcc:ACTIVE',
      'gcsb:ACTIVE',
      'japan-government:ACTIVE',
      'lithuania-ministry-of-national-defence:ACTIVE',
      'nukib:ACTIVE',
      'pts:ACTIVE',
      'uk-government:PROPOSED',
      'us-congress:ACTIVE',
    ]);
  });

  it('the EU cyber-sanctions listings in force on 2021-01-01: the nine of July 2020 and the three of October 2020', async () => {
    const listings = async (asOf: string) =>
      (await edgesAt(query, 'council-of-the-eu', asOf, ['RESTRICTS']))
        .filter((edge) => edge.id.startsWith('eu-cyber-listing-'))
        .map((edge) => edge.to.id)
        .sort();
    expect(await listings('2021-01-01')).toEqual([
      'aleksei-morenets',
      'alexey-minin',
      'chosun-expo',
      'dmitry-badin',
      'evgenii-serebriakov',
      'gao-qiang',
      'gru-gtsss',
      'gru-gtsst',
      'huaying-haitai',
      'igor-kostyukov',
      'oleg-sotnikov',
      'zhang-shilong',
    ]);
    expect(await listings('2020-07-29')).toEqual([]);
    // 14 persons and 4 bodies after June 2024, 17 and 4 after January 2025, as the Council counts them.
    expect(await listings('2024-07-01')).toHaveLength(18);
    expect(await listings('2025-06-01')).toHaveLength(21);
  });

  it('a listing carries its yearly renewals as phases, each with its source', async () => {
    const { history, at } = await statusesOf('eu-cyber-listing-gru-gtsst', [
      '2020-07-29',
      '2020-07-30',
    ]);
    // The first phase is the listing itself, then one per renewal.
    expect(history.map((phase) => phase.since)).toEqual([
      '2020-07-30',
      '2021-05-17',
      '2022-05',
      '2025-05',
    ]);
    expect(history.every((phase) => phase.status === 'ACTIVE')).toBe(true);
    expect(at).toEqual([null, 'ACTIVE']);
  });

  it("Sweden's licence conditions against Huawei: in force, suspended by a court, in force again (statusAt)", async () => {
    const { since, history, at } = await statusesOf('pts-5g-licence-conditions-huawei', [
      '2020-10-19',
      '2020-11-08',
      '2020-11-09',
      '2020-12-15',
      '2020-12-16',
      '2021-07-01',
    ]);
    expect(since).toBe('2020-10-20');
    expect(at).toEqual([null, 'ACTIVE', 'FROZEN', 'FROZEN', 'ACTIVE', 'ACTIVE']);
    expect(history.map((phase) => phase.status)).toEqual([
      'ACTIVE',
      'FROZEN',
      'ACTIVE',
      'ACTIVE',
      'ACTIVE',
    ]);
    expect(history[1]?.note).toMatch(/Administrative Court in Stockholm/);
    // ZTE, which did not appeal, stayed under the conditions throughout.
    const zte = await statusesOf('pts-5g-licence-conditions-zte', ['2020-12-01']);
    expect(zte.at).toEqual(['ACTIVE']);
  });

  it("Xiaomi's designation: enjoined by a court before it bit, then vacated (statusAt, until)", async () => {
    const { until, at } = await statusesOf('dod-ccmc-xiaomi', [
      '2021-02-01',
      '2021-03-12',
      '2021-06-01',
    ]);
    expect(until).toBe('2021-05-25');
    expect(at.slice(0, 2)).toEqual(['ACTIVE', 'FROZEN']);
    // After the court vacated it, only India's app ban of June 2020 restricts Xiaomi.
    expect(await restrictorsOf('xiaomi', '2021-06-01')).toEqual(['india-meity:ACTIVE']);
    expect(await restrictorsOf('xiaomi', '2021-04-01')).toEqual([
      'dod:FROZEN',
      'india-meity:ACTIVE',
    ]);
  });
});
