import { describe, expect, it } from 'vitest';
import { matchEntities, nameKey, nameKeys } from './name-matching.ts';

describe('nameKey', () => {
  it('gives one key for a name written with a legal form, in capitals or with punctuation', () => {
    const key = nameKey('Kaspersky Lab');
    expect(key).toBe('kaspersky lab');
    for (const name of [
      'Kaspersky Lab, AO',
      'KASPERSKY LAB JSC',
      'AO Kaspersky Lab',
      'Kaspersky  Lab Ltd.',
      'Kaspersky Lab Limited',
      'Kaspersky-Lab GmbH',
      'Kaspersky Lab Joint Stock Company',
      'Kaspersky Lab Co., Ltd.',
      '“Kaspersky Lab” LLC',
    ]) {
      expect(nameKey(name), name).toBe(key);
    }
    expect(nameKey('Kaspersky Foundation')).not.toBe(key);
  });

  it('drops accents and marks, and reads letters NFKD keeps whole', () => {
    expect(nameKey('Société Générale S.A.')).toBe('societe generale');
    expect(nameKey('Müller & Söhne GmbH')).toBe('muller and sohne');
    expect(nameKey('Straße AG')).toBe('strasse');
    expect(nameKey('Ørsted A/S')).toBe('orsted');
    expect(nameKey('ООО Интер Тобако')).toBe('интер тобако');
  });

  it('joins dotted initials but keeps words a dot separates', () => {
    expect(nameKey('Philips N.V.')).toBe('philips');
    expect(nameKey('Acme Co.Ltd')).toBe('acme');
    expect(nameKey('J. P. Morgan')).toBe('j p morgan');
  });

  it('keeps a name made only of legal forms, and gives nothing for punctuation alone', () => {
    expect(nameKey('AG')).toBe('ag');
    expect(nameKey('Co Ltd')).toBe('co');
    expect(nameKey(' — ')).toBe('');
  });

  it('lists the keys of a name and its aliases once each, the name first', () => {
    expect(nameKeys('Kaspersky Lab', ['AO Kaspersky Lab', 'Kaspersky', '…'])).toEqual([
      'kaspersky lab',
      'kaspersky',
    ]);
  });
});

const kaspersky = {
  name: 'Kaspersky Lab',
  aliases: ['Kaspersky', 'AO Kaspersky Lab'],
  kind: 'Company' as const,
  country: 'RU',
};

describe('matchEntities', () => {
  it('is certain of the same name, kind and country, with each reason', () => {
    const match = matchEntities(kaspersky, {
      name: 'Kaspersky Lab, AO',
      kind: 'Company',
      country: 'RU',
    });
    expect(match).toEqual({
      score: 1,
      certain: true,
      reasons: [
        'same name once normalised ("kaspersky lab")',
        'same country (RU)',
        'same kind (Company)',
      ],
    });
  });

  it('finds no match between names that only share a word', () => {
    expect(
      matchEntities(kaspersky, { name: 'Kaspersky Foundation', kind: 'Company', country: 'RU' }),
    ).toBeUndefined();
  });

  it('never matches entities of different kinds', () => {
    expect(matchEntities(kaspersky, { name: 'Kaspersky Lab', kind: 'Person' })).toBeUndefined();
  });

  it('is uncertain when a name matches only an alias, or the countries differ', () => {
    const alias = matchEntities(kaspersky, { name: 'Kaspersky', kind: 'Company', country: 'RU' });
    expect(alias).toMatchObject({ certain: false, score: 0.8 });
    expect(alias?.reasons[0]).toBe('the name of one is an alias of the other');
    const elsewhere = matchEntities(kaspersky, {
      name: 'Kaspersky Lab',
      kind: 'Company',
      country: 'DE',
    });
    expect(elsewhere).toMatchObject({ certain: false, score: 0.5 });
    expect(elsewhere?.reasons).toContain('different countries (RU, DE)');
  });

  it('is certain of the same Wikidata id whatever the names, and never of different ones', () => {
    expect(
      matchEntities(
        { ...kaspersky, wikidata: 'Q1136728' },
        { name: 'Лаборатория Касперского', kind: 'Company', wikidata: 'Q1136728' },
      ),
    ).toMatchObject({
      certain: true,
      score: 1,
      reasons: ['same Wikidata id (Q1136728)', 'same kind (Company)'],
    });
    expect(
      matchEntities({ ...kaspersky, wikidata: 'Q1' }, { ...kaspersky, wikidata: 'Q2' }),
    ).toMatchObject({ certain: false });
  });

  it('is certain of an alias match that shares an identifier', () => {
    const ogrn = [{ scheme: 'OGRN', value: '1027739867473' }];
    const match = matchEntities(
      { ...kaspersky, identifiers: ogrn },
      { name: 'Kaspersky', kind: 'Company', identifiers: ogrn },
    );
    expect(match).toMatchObject({ certain: true });
    expect(match?.reasons).toContain('same identifier (OGRN 1027739867473)');
  });

  it('matches a name given as text, of no known kind, to an entity of any kind', () => {
    const council = {
      name: 'Council of the European Union',
      aliases: ['Council of the EU'],
      kind: 'Institution' as const,
    };
    expect(
      matchEntities({ name: 'Council of the European Union', country: 'EU' }, council),
    ).toMatchObject({ certain: true, score: 0.7 });
    expect(matchEntities({ name: 'Council of the EU' }, council)).toMatchObject({
      certain: false,
    });
  });
});
