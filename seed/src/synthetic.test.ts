import { describe, expect, it } from 'vitest';
import { ENTITY_KINDS } from '../../server/src/domain/entity-kinds.ts';
import { firstDay, lastDay, parsePartialDate } from '../../server/src/domain/partial-date.ts';
import { deriveRelationshipId, isSlug } from '../../server/src/domain/relationship-id.ts';
import { endpointProblem, RELATIONSHIP_TYPES } from '../../server/src/domain/relationship-types.ts';
import { RELATIONSHIP_STATUSES } from '../../server/src/domain/statuses.ts';
import {
  entitySchema,
  relationshipSchema,
  sourceSchema,
} from '../../server/src/validation/record-schemas.ts';
import type { DatasetContent } from '../../server/src/validation/records.ts';
import { generateSynthetic, type SyntheticProgress } from './synthetic.ts';

const data = generateSynthetic({ entities: 5000 });
let large: DatasetContent | undefined;
/** 20,000 entities: generated once, and only for the tests that need the size. */
const generateLarge = () => {
  large ??= generateSynthetic({ entities: 20_000, seed: 7 });
  return large;
};

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function degrees(content: DatasetContent): number[] {
  const degree = new Map(content.entities.map((e) => [e.id, 0]));
  for (const rel of content.relationships) {
    degree.set(rel.from, (degree.get(rel.from) ?? 0) + 1);
    degree.set(rel.to, (degree.get(rel.to) ?? 0) + 1);
  }
  return [...degree.values()].sort((a, b) => a - b);
}

describe('generateSynthetic', () => {
  it('when given the same size and seed / returns the same dataset', () => {
    expect(generateSynthetic({ entities: 2000, seed: 3 })).toEqual(
      generateSynthetic({ entities: 2000, seed: 3 }),
    );
  });

  it('when given another seed / returns a different dataset', () => {
    const a = generateSynthetic({ entities: 2000, seed: 3 });
    const b = generateSynthetic({ entities: 2000, seed: 4 });
    expect(b.entities.map((e) => e.name)).not.toEqual(a.entities.map((e) => e.name));
    expect(b.relationships.map((r) => r.id)).not.toEqual(a.relationships.map((r) => r.id));
  });

  it('names the dataset after its size and seed, under the given or default id', () => {
    expect(data.dataset).toEqual({
      id: 'synthetic',
      title: 'Synthetic organisations (5000 entities, seed 1)',
      requires: [],
    });
    expect(generateSynthetic({ entities: 10, seed: 9, datasetId: 'bench' }).dataset).toEqual({
      id: 'bench',
      title: 'Synthetic organisations (10 entities, seed 9)',
      requires: [],
    });
  });

  it.each([0, 1, 9, 10, 50, 1234])('makes exactly %i entities', (entities) => {
    const content = generateSynthetic({ entities });
    expect(content.entities).toHaveLength(entities);
    if (entities >= 10) {
      expect(new Set(content.entities.map((e) => e.kind))).toEqual(new Set(ENTITY_KINDS));
    }
  });

  it('rejects a negative or fractional entity count', () => {
    expect(() => generateSynthetic({ entities: -1 })).toThrow(/entities must be a whole number/);
    expect(() => generateSynthetic({ entities: 2.5 })).toThrow(/entities must be a whole number/);
  });

  it('mixes kinds near their planned shares, with at most 200 countries', () => {
    const kinds = countBy(data.entities, (e) => e.kind);
    expect(kinds.get('Company')).toBeGreaterThan(0.38 * 5000);
    expect(kinds.get('Company')).toBeLessThan(0.42 * 5000);
    expect(kinds.get('Person')).toBeGreaterThan(0.23 * 5000);
    expect(kinds.get('Country')).toBe(150);
    expect(countBy(generateLarge().entities, (e) => e.kind).get('Country')).toBe(200);
  });

  it('makes about three relationships per entity', () => {
    expect(data.relationships.length).toBeGreaterThanOrEqual(2.9 * 5000);
    expect(data.relationships.length).toBeLessThanOrEqual(3 * 5000);
  });

  it('gives every record a unique id: slugs, and each relationship its derived id', () => {
    for (const list of [data.sources, data.entities, data.relationships]) {
      const ids = list.map((record) => record.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const ids = [...data.sources, ...data.entities].map((record) => record.id);
    expect(ids.filter((id) => !isSlug(id) || !id.startsWith('syn-'))).toEqual([]);
    const misderived = data.relationships.filter(
      (rel) => rel.id !== deriveRelationshipId(rel) || !isSlug(rel.id),
    );
    expect(misderived).toEqual([]);
  });

  it('joins only existing entities, never to themselves, with kinds their type allows', () => {
    const kindOf = new Map(data.entities.map((e) => [e.id, e.kind]));
    const problems = data.relationships.flatMap((rel) => {
      const from = kindOf.get(rel.from);
      const to = kindOf.get(rel.to);
      if (!from || !to) return [`${rel.id}: dangling end`];
      if (rel.from === rel.to) return [`${rel.id}: self-loop`];
      const problem = endpointProblem(rel.type, from, to);
      return problem ? [`${rel.id}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
  });

  it('cites only its own sources, and places entities only in its own countries', () => {
    const sources = new Set(data.sources.map((s) => s.id));
    expect(data.sources).toHaveLength(50);
    const cited = data.relationships.flatMap((rel) => rel.evidence.map((e) => e.source));
    expect(cited.filter((source) => !sources.has(source))).toEqual([]);
    expect(data.relationships.every((rel) => rel.evidence.length === 1)).toBe(true);
    const codes = new Set(data.entities.filter((e) => e.kind === 'Country').map((e) => e.country));
    expect(codes.size).toBe(150);
    const elsewhere = data.entities.filter((e) => e.country && !codes.has(e.country));
    expect(elsewhere).toEqual([]);
  });

  it('seats organisations in the country they belong to', () => {
    const byId = new Map(data.entities.map((e) => [e.id, e]));
    const seats = data.relationships.filter((rel) => rel.type === 'HEADQUARTERED_IN');
    expect(seats.length).toBeGreaterThan(0);
    const mismatched = seats.filter(
      (rel) => byId.get(rel.from)?.country !== byId.get(rel.to)?.country,
    );
    expect(mismatched).toEqual([]);
  });

  it('writes valid partial dates, mostly a since, and an until after it on ended ones', () => {
    const problems: string[] = [];
    for (const rel of data.relationships) {
      for (const date of [rel.since, rel.until]) {
        if (date !== undefined && !parsePartialDate(date).ok) problems.push(`${rel.id}: ${date}`);
      }
      if ((rel.until !== undefined) !== (rel.status === 'ended')) problems.push(`${rel.id}: until`);
      if (rel.since && rel.until && firstDay(rel.until) <= lastDay(rel.since)) {
        problems.push(`${rel.id}: until ${rel.until} not after since ${rel.since}`);
      }
      if (rel.since && (rel.since < '1990' || rel.since > '2025-12-31')) problems.push(rel.id);
    }
    expect(problems).toEqual([]);
    const withSince = data.relationships.filter((rel) => rel.since).length;
    expect(withSince / data.relationships.length).toBeGreaterThan(0.8);
    expect(withSince / data.relationships.length).toBeLessThan(0.9);
    const precisions = new Set(data.relationships.map((rel) => rel.since?.length));
    expect(precisions).toEqual(new Set([undefined, 4, 7, 10]));
  });

  it('uses every kind, relationship type and status at 5000 entities', () => {
    expect(new Set(data.entities.map((e) => e.kind))).toEqual(new Set(ENTITY_KINDS));
    expect(new Set(data.relationships.map((r) => r.type))).toEqual(new Set(RELATIONSHIP_TYPES));
    const statuses = countBy(data.relationships, (r) => r.status);
    expect(new Set(statuses.keys())).toEqual(new Set(RELATIONSHIP_STATUSES));
    expect(statuses.get('active')).toBeGreaterThan(0.6 * data.relationships.length);
  });

  it('writes records the dataset input schemas accept', () => {
    const rejected = [
      ...data.sources.map((record) => sourceSchema.safeParse(record)),
      ...data.entities.map((record) => entitySchema.safeParse(record)),
      // Without the id, as a dataset file writes it: the derived id is not a slug (see above).
      ...data.relationships.map(({ id, ...record }) => relationshipSchema.safeParse(record)),
    ].filter((result) => !result.success);
    expect(rejected.slice(0, 3)).toEqual([]);
  });

  it('has heavy-tailed degrees: at 20000 entities the top hub has over 20x the median', () => {
    const sorted = degrees(generateLarge());
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const max = sorted.at(-1) ?? 0;
    expect(median).toBeGreaterThan(0);
    expect(max).toBeGreaterThan(20 * median);
  });
});

describe('progress while generating', () => {
  it('reports every 10,000 records of a kind and its end, and changes nothing it generates', () => {
    const reports: SyntheticProgress[] = [];
    const content = generateSynthetic({
      entities: 20_000,
      seed: 7,
      onProgress: (report) => reports.push(report),
    });
    const made = content.relationships.length;
    expect(reports.filter((r) => r.phase === 'generating entities')).toEqual([
      { phase: 'generating entities', done: 10_000, total: 20_000 },
      { phase: 'generating entities', done: 20_000, total: 20_000 },
      { phase: 'generating entities', done: 20_000, total: 20_000 },
    ]);
    const relationships = reports.filter((r) => r.phase === 'generating relationships');
    expect(relationships.map((r) => r.done)).toEqual([
      ...Array.from({ length: Math.floor(made / 10_000) }, (_, i) => (i + 1) * 10_000),
      made,
    ]);
    expect(relationships.at(-1)?.total).toBe(made);
    expect(content).toEqual(generateLarge());
  });
});
