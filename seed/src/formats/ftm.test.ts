import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ReadDataset } from '../model.ts';
import { readFtm } from './ftm.ts';

const sample = (name: string) =>
  fileURLToPath(new URL(`../../../../shared/data/ftm/${name}`, import.meta.url));
const fixture = (name: string) =>
  fileURLToPath(new URL(`../../../test/fixtures/ftm/${name}`, import.meta.url));

function entity(read: ReadDataset, id: string) {
  const found = read.entities.find((e) => e.record.id === id);
  if (!found) throw new Error(`no entity ${id}`);
  return found.record;
}

function relationship(read: ReadDataset, id: string) {
  const found = read.relationships.find((r) => r.record.id === id);
  if (!found) throw new Error(`no relationship ${id}`);
  return found.record;
}

describe('readFtm on the OpenSanctions export sample t1', async () => {
  const read = await readFtm(sample('t1.ftm.json'));

  it('maps every Organization and Person and counts the Address as unmapped', () => {
    expect(read.problems).toEqual([]);
    expect(read.counts).toEqual({
      mapped: { Organization: 2, Person: 4 },
      unmapped: { Address: 1 },
    });
    expect(read.entities).toHaveLength(6);
  });

  it('reads the registration and tax numbers OpenSanctions gives as identifiers', () => {
    expect(entity(read, 'nk-2gdmhtztenxjnvrbgexznj').identifiers).toEqual([
      { scheme: 'REGISTRATION_NUMBER', value: '808000714' },
    ]);
    expect(entity(read, 'nk-2ka3uvopqbpzmvdfjwd4la').identifiers).toEqual([
      { scheme: 'TAX_NUMBER', value: '366510784303' },
    ]);
  });

  it('names an entity by its caption, keeps the other names as aliases and reads its country', () => {
    const org = entity(read, 'nk-2gdmhtztenxjnvrbgexznj');
    expect(org.kind).toBe('Organization');
    expect(org.name).toBe('RAB „Inter Tobacco“');
    expect(org.aliases).toContain('LLC “Inter Tobacco”');
    expect(org.aliases).not.toContain('RAB „Inter Tobacco“');
    expect(org.country).toBe('BY');
    expect(org.evidence).toEqual([{ source: 'ftm-t1' }]);
  });

  it('names the dataset and its one source after the file', () => {
    expect(read.dataset.record).toEqual({ id: 't1', title: 't1', requires: [] });
    expect(read.sources.map((s) => s.record)).toEqual([
      { id: 'ftm-t1', title: 'FollowTheMoney export t1.ftm.json' },
    ]);
  });
});

describe('readFtm on the party donations sample', async () => {
  const read = await readFtm(sample('parteispenden.ftm.json'));

  it('counts each schema exactly: Payments, Companies, People and Organizations mapped, Addresses not', () => {
    expect(read.problems).toEqual([]);
    expect(read.counts).toEqual({
      mapped: { Payment: 290, Company: 56, Person: 22, Organization: 18 },
      unmapped: { Address: 89 },
    });
    expect(read.entities).toHaveLength(96);
    // One Payment names two beneficiaries, so 290 payments are 291 edges.
    expect(read.relationships).toHaveLength(291);
    expect(
      read.entities.some((e) => e.record.id === '97149caa3aef14e2be5ae6b3974c6882e7536d88'),
    ).toBe(false);
  });

  it('turns a Payment into PAYS from payer to beneficiary, dated and with its amount', () => {
    const paid = read.relationships.find(
      (r) => r.record.id === 'ftm-2216b422a31242fe204654ce194864661f515921',
    );
    expect(paid?.record).toEqual({
      id: 'ftm-2216b422a31242fe204654ce194864661f515921',
      type: 'PAYS',
      from: 'f9c295f21b233ac878fbac4d271bb6fd13d7952a',
      to: '6d03aec76fdeec8f9697d8b19954ab6fc2568bc8',
      status: 'active',
      since: '2011-12-29',
      measure: '100000 EUR',
      evidence: [{ source: 'ftm-parteispenden' }],
      history: [],
    });
    expect(paid?.origin.line).toBe(4);
  });

  it('when a Payment has two beneficiaries / makes one edge to each with distinct ids', () => {
    const base = 'ftm-98a5b377dffde7307e265a7cc928297e318daaef';
    expect(relationship(read, base).to).toBe('c326dd8021ee75fe9608f31ecb4e2e7388144102');
    expect(relationship(read, `${base}-2`).to).toBe('fake-org');
  });
});

describe('readFtm on hand-made links of every mapped schema', async () => {
  const read = await readFtm(fixture('mappings.ftm.jsonl'), { datasetId: 'mappings' });
  const alice = 'nk-alice-x';

  it('reads without problems and counts what it could not map, with the reason', () => {
    expect(read.problems).toEqual([]);
    expect(read.counts).toEqual({
      mapped: {
        Person: 2,
        Company: 2,
        Organization: 1,
        PublicBody: 1,
        LegalEntity: 1,
        Membership: 1,
        Directorship: 2,
        Employment: 1,
        Ownership: 1,
        Family: 1,
        Associate: 1,
        Sanction: 2,
        UnknownLink: 1,
      },
      unmapped: {
        Address: 1,
        Vessel: 1,
        'Payment (dangling end)': 1,
        'Ownership (dangling end)': 1,
        'Membership (missing end)': 1,
      },
    });
  });

  it('reads identifiers: an LEI once, in capitals, passing over a value that is no LEI', () => {
    expect(entity(read, 'c-acme').identifiers).toEqual([
      { scheme: 'LEI', value: 'HWUPKR0MPOU8FGXBT394' },
      { scheme: 'SWIFT_BIC', value: 'ACMEGB2L' },
    ]);
    expect(entity(read, 'p-bob').identifiers).toBeUndefined();
  });

  it('maps PublicBody to Agency and LegalEntity to Organization', () => {
    expect(entity(read, 'pb-ministry').kind).toBe('Agency');
    expect(entity(read, 'le-fund').kind).toBe('Organization');
    expect(entity(read, 'c-acme').kind).toBe('Company');
  });

  it('reads names, aliases, country, dates cut from timestamps, website, wikidata and description', () => {
    const person = entity(read, alice);
    expect(person).toMatchObject({
      kind: 'Person',
      name: 'Alice Example',
      aliases: ['Alicia Example', 'Ali', 'Alice Old', 'AE'],
      country: 'RU',
      founded: '1970-05-01',
      website: 'https://alice.example.org',
      wikidata: 'Q123',
    });
    expect(person.description).toHaveLength(500);
    expect(entity(read, 'c-acme')).toMatchObject({
      country: 'GB',
      founded: '2001-03',
      dissolved: '2019',
    });
    expect(entity(read, 'p-bob').name).toBe('Bob Builder');
    expect(entity(read, 'pb-ministry').country).toBe('XX');
  });

  it('maps Membership to MEMBER_OF with its role and start', () => {
    expect(relationship(read, 'ftm-m-1')).toMatchObject({
      type: 'MEMBER_OF',
      from: alice,
      to: 'o-club',
      role: 'treasurer',
      since: '2015',
      status: 'active',
    });
  });

  it('maps a Directorship of a person to LEADS, held from its start date to its end date', () => {
    expect(relationship(read, 'ftm-d-1')).toMatchObject({
      type: 'LEADS',
      from: 'p-bob',
      to: 'c-acme',
      role: 'CEO',
      since: '2010-01-01',
      until: '2012-06-30',
      status: 'active',
    });
  });

  it('when a company is the director / keeps the tie as LINKED_TO with the FtM role', () => {
    expect(relationship(read, 'ftm-d-2')).toMatchObject({
      type: 'LINKED_TO',
      from: 'c-shell',
      to: 'c-acme',
      role: 'director: nominee director',
    });
  });

  it('maps Employment to WORKS_FOR, still active when its end date is in the future', () => {
    expect(relationship(read, 'ftm-e-1')).toMatchObject({
      type: 'WORKS_FOR',
      from: 'p-bob',
      to: 'pb-ministry',
      role: 'analyst',
      until: '2999-01-01',
      status: 'active',
    });
  });

  it('maps Ownership to OWNS with the share as role', () => {
    expect(relationship(read, 'ftm-own-1')).toMatchObject({
      type: 'OWNS',
      from: 'le-fund',
      to: 'c-acme',
      role: '25%',
    });
  });

  it('maps Family and Associate to RELATED_TO with the kind of tie as role', () => {
    expect(relationship(read, 'ftm-f-1')).toMatchObject({
      type: 'RELATED_TO',
      from: alice,
      to: 'p-bob',
      role: 'sister',
    });
    expect(relationship(read, 'ftm-a-1')).toMatchObject({
      type: 'RELATED_TO',
      from: 'p-bob',
      to: alice,
      role: 'business partner',
    });
  });

  it('maps UnknownLink to LINKED_TO', () => {
    expect(relationship(read, 'ftm-u-1')).toMatchObject({
      type: 'LINKED_TO',
      from: 'c-acme',
      to: 'o-club',
      role: 'sponsor',
    });
  });

  it('when a Sanction names its authority in text / makes one Agency for it and RESTRICTS from it', () => {
    const agencies = read.entities.filter(
      (e) => e.record.kind === 'Agency' && e.record.id !== 'pb-ministry',
    );
    expect(agencies.map((e) => e.record)).toEqual([
      {
        id: 'office-of-foreign-assets-control',
        kind: 'Agency',
        name: 'Office of Foreign Assets Control',
        aliases: [],
        country: 'US',
        evidence: [{ source: 'ftm-mappings' }],
      },
    ]);
    const listing = relationship(read, 'ftm-s-1');
    expect(listing).toMatchObject({
      type: 'RESTRICTS',
      from: 'office-of-foreign-assets-control',
      to: 'c-acme',
      measure: 'Asset freeze',
      instrument: 'RUSSIA-EO14024',
      description: 'Operates in the technology sector',
      since: '2022-04-06',
    });
    expect(relationship(read, 'ftm-s-2')).toMatchObject({
      from: 'office-of-foreign-assets-control',
      to: 'p-bob',
      measure: 'sanctions listing',
    });
  });

  it('when a record has a sourceUrl / cites it as a source next to the file', () => {
    const [fileSource, cited] = relationship(read, 'ftm-s-1').evidence;
    expect(fileSource).toEqual({ source: 'ftm-mappings' });
    const source = read.sources.find((s) => s.record.id === cited?.source);
    expect(source?.record.url).toBe('https://ofac.treasury.gov/recent-actions/20220406');
  });

  it('emits no edge to an Address or to an id missing from the file', () => {
    expect(read.relationships.map((r) => r.record.id)).not.toContain('ftm-pay-1');
    expect(read.relationships.map((r) => r.record.id)).not.toContain('ftm-own-2');
  });
});
