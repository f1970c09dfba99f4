import { describe, expect, it } from 'vitest';
import { matchedAlias } from './search-match.ts';

const entity = {
  name: 'Federal Office for Information Security',
  aliases: ['BSI', 'Bundesamt für Sicherheit'],
};

describe('matchedAlias', () => {
  it('names the alias when only an alias matches', () => {
    expect(matchedAlias(entity, 'bsi')).toBe('BSI');
    expect(matchedAlias(entity, 'bundesamt fur')).toBe('Bundesamt für Sicherheit');
  });

  it('is null when the name explains the hit', () => {
    expect(matchedAlias(entity, 'federal office')).toBeNull();
  });
});
