import { describe, expect, it } from 'vitest';
import { stableHash } from '../domain/relationship-id.ts';
import { storedEntity } from './stored-records.ts';

describe('storedEntity', () => {
  const entity = {
    id: 'kaspersky-lab',
    kind: 'Company' as const,
    name: 'Kaspersky Lab',
    aliases: ['Kaspersky', 'AO Kaspersky Lab'],
    country: 'RU',
    evidence: [],
  };

  it('stores the name keys duplicates are found by', () => {
    const props = storedEntity(entity, ['kaspersky-eu-2018']);
    expect(props.nameKey).toBe('kaspersky lab');
    expect(props.nameKeys).toEqual(['kaspersky lab', 'kaspersky']);
  });

  it('hashes the content alone, so the name keys change no version', () => {
    const { hash, nameKey: _key, nameKeys: _keys, ...content } = storedEntity(entity, ['x']);
    expect(hash).toBe(stableHash(JSON.stringify(content, Object.keys(content).sort())));
  });
});
