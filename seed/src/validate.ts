import type { EntityKind } from '../../server/src/domain/entity-kinds.ts';
import { firstDay, lastDay } from '../../server/src/domain/partial-date.ts';
import type { Origin } from '../../server/src/domain/records.ts';
import { endpointProblem } from '../../server/src/domain/relationship-types.ts';
import type { Problem, ReadDataset } from './model.ts';

function where(origin: Origin): string {
  return `${origin.file}:${origin.line}`;
}

function at(
  origin: Origin,
  fields: Partial<Record<string, Origin>> | undefined,
  field: string,
): Origin {
  return fields?.[field] ?? origin;
}

/** "2019" is before "2018-06"? Only when it ends before the other can begin. */
function endsBefore(until: string, since: string): boolean {
  return lastDay(until) < firstDay(since);
}

/**
 * Checks across all datasets of a run, after each record's own shape was checked by its
 * reader: duplicate and dangling ids, endpoint kinds, date order, unknown sources, requires.
 * Returns every problem, in input order.
 */
export function validateDatasets(datasets: readonly ReadDataset[]): Problem[] {
  const problems: Problem[] = datasets.flatMap((dataset) => dataset.problems);
  const push = (origin: Origin, message: string) => problems.push({ ...origin, message });

  const datasetIds = new Map<string, Origin>();
  for (const { dataset } of datasets) {
    const first = datasetIds.get(dataset.record.id);
    if (first)
      push(
        dataset.origin,
        `duplicate dataset id "${dataset.record.id}" (first at ${where(first)})`,
      );
    else datasetIds.set(dataset.record.id, dataset.origin);
  }
  for (const { dataset } of datasets) {
    for (const required of dataset.record.requires) {
      if (!datasetIds.has(required))
        push(dataset.origin, `requires dataset "${required}", which is not loaded`);
    }
  }

  const entities = new Map<string, { kind: EntityKind; origin: Origin }>();
  for (const { record, origin, fields } of datasets.flatMap((dataset) => dataset.entities)) {
    const first = entities.get(record.id);
    if (first) {
      push(
        at(origin, fields, 'id'),
        `duplicate entity id "${record.id}" (first at ${where(first.origin)})`,
      );
      continue;
    }
    entities.set(record.id, { kind: record.kind, origin });
    if (record.founded && record.dissolved && endsBefore(record.dissolved, record.founded)) {
      push(
        at(origin, fields, 'dissolved'),
        `dissolved ${record.dissolved} is before founded ${record.founded}`,
      );
    }
  }

  const rejectedEntities = new Set(datasets.flatMap((dataset) => dataset.rejected?.entities ?? []));
  const rejectedSources = new Set(datasets.flatMap((dataset) => dataset.rejected?.sources ?? []));
  const knownEntity = (id: string) => entities.has(id) || rejectedEntities.has(id);

  const sources = new Map<string, Origin>();
  for (const { record, origin, fields } of datasets.flatMap((dataset) => dataset.sources)) {
    const first = sources.get(record.id);
    if (first)
      push(
        at(origin, fields, 'id'),
        `duplicate source id "${record.id}" (first at ${where(first)})`,
      );
    else sources.set(record.id, origin);
    for (const field of ['publisher', 'author'] as const) {
      const id = record[field];
      if (id && !knownEntity(id))
        push(at(origin, fields, field), `${field} "${id}" is not a known entity`);
    }
  }

  const checkEvidence = (
    evidence: readonly { source: string }[],
    origin: Origin,
    fields: Partial<Record<string, Origin>> | undefined,
  ) => {
    for (const item of evidence) {
      if (!sources.has(item.source) && !rejectedSources.has(item.source)) {
        push(at(origin, fields, 'evidence'), `evidence names unknown source "${item.source}"`);
      }
    }
  };
  for (const { record, origin, fields } of datasets.flatMap((dataset) => dataset.entities)) {
    checkEvidence(record.evidence, origin, fields);
  }

  const relationships = new Map<string, Origin>();
  for (const { record, origin, fields } of datasets.flatMap((dataset) => dataset.relationships)) {
    const first = relationships.get(record.id);
    if (first) {
      const explicit = fields?.id !== undefined;
      push(
        at(origin, fields, 'id'),
        explicit
          ? `duplicate relationship id "${record.id}" (first at ${where(first)})`
          : `duplicate relationship: same from, type, to, since and role as ${where(first)} (give one an explicit id if both are meant)`,
      );
      continue;
    }
    relationships.set(record.id, origin);
    const from = entities.get(record.from);
    const to = entities.get(record.to);
    if (!knownEntity(record.from))
      push(at(origin, fields, 'from'), `from "${record.from}" is not a known entity`);
    if (!knownEntity(record.to))
      push(at(origin, fields, 'to'), `to "${record.to}" is not a known entity`);
    if (from && to) {
      const problem = endpointProblem(record.type, from.kind, to.kind);
      if (problem)
        push(
          at(origin, fields, 'type'),
          `${problem}: ${record.from} (${from.kind}) -> ${record.to} (${to.kind})`,
        );
    }
    if (record.since && record.until && endsBefore(record.until, record.since)) {
      push(at(origin, fields, 'until'), `until ${record.until} is before since ${record.since}`);
    }
    checkEvidence(record.evidence, origin, fields);
  }
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}
