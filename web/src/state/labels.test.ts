import { describe, expect, it } from 'vitest';
import { COOPERATION, ONTOLOGY, PATH } from '../../../test/fixtures/api-answers.ts';
import { labelFrom, statusLabel } from './labels.ts';

describe('labelFrom', () => {
  const founded = PATH.edges[1];
  it('reads the label from the stored start and the inverse label from the other end', () => {
    if (!founded) throw new Error('the fixture path has two hops');
    expect(labelFrom(founded, founded.from.id, ONTOLOGY)).toBe('founded');
    expect(labelFrom(founded, founded.to.id, ONTOLOGY)).toBe('was founded by');
  });

  it('a type the ontology does not list / reads its own label both ways', () => {
    const rel = { ...COOPERATION, type: 'UNLISTED', label: 'knows' };
    expect(labelFrom(rel, rel.to.id, ONTOLOGY)).toBe('knows');
  });
});

describe('statusLabel', () => {
  it('names a status as the ontology does, or by its enum name when it does not list it', () => {
    expect(statusLabel(ONTOLOGY, 'FROZEN')).toBe(
      ONTOLOGY.statuses.find((s) => s.status === 'FROZEN')?.label,
    );
    expect(statusLabel({ statuses: [] }, 'FROZEN')).toBe('frozen');
  });
});
