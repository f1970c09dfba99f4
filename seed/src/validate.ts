import type { StoredEntityKind } from '../../server/src/db/dataset-repository.ts';
import { storedEntity } from '../../server/src/db/stored-records.ts';
import type { EntityKind } from '../../server/src/domain/entity-kinds.ts';
import { firstDay, lastDay } from '../../server/src/domain/partial-date.ts';
import { endpointProblem } from '../../server/src/domain/relationship-types.ts';
import {
  endedProblem,
  historyProblems,
  sortPhases,
} from '../../server/src/domain/status-history.ts';
import type {
  EntityRecord,
  Origin,
  RelationshipRecord,
} from '../../server/src/validation/records.ts';
import { byPlace, type Located, type Problem, type ReadDataset, reachable } from './model.ts';
import { storyProblems } from './validate-stories.ts';

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

  const entities = new Map<
    string,
    { kind: EntityKind; origin: Origin; dataset: string; record: EntityRecord }
  >();
  const defined = datasets.flatMap((dataset) =>
    dataset.entities.map((entity) => ({ ...entity, dataset: dataset.dataset.record.id })),
  );
  for (const { record, origin, fields, dataset } of defined) {
    const first = entities.get(record.id);
    // Datasets that state an entity alike share it (an export lists it in each of its datasets).
    if (first && first.dataset !== dataset && sameEntity(first.record, record)) continue;
    if (first) {
      push(
        at(origin, fields, first.dataset !== dataset && first.kind !== record.kind ? 'kind' : 'id'),
        first.dataset !== dataset && first.kind !== record.kind
          ? `entity "${record.id}" is already defined as ${first.kind} by dataset "${first.dataset}" (${where(first.origin)}), here as ${record.kind}: refer to it by its id instead`
          : `duplicate entity id "${record.id}" (first at ${where(first.origin)})`,
      );
      continue;
    }
    entities.set(record.id, { kind: record.kind, origin, dataset, record });
    problems.push(...entityProblems({ record, origin, fields }));
  }

  const rejectedEntities = new Set(datasets.flatMap((dataset) => dataset.rejected?.entities ?? []));
  const rejectedSources = new Set(datasets.flatMap((dataset) => dataset.rejected?.sources ?? []));
  // Entities a name given as text was linked to: of the run (above) or held by the database.
  const linked = new Map(
    datasets.flatMap((dataset) =>
      (dataset.names?.linked ?? []).map((link) => [link.entity, link.kind] as const),
    ),
  );
  const knownEntity = (id: string) =>
    entities.has(id) || rejectedEntities.has(id) || linked.has(id);

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
    if (!knownEntity(record.from))
      push(at(origin, fields, 'from'), `from "${record.from}" is not a known entity`);
    if (!knownEntity(record.to))
      push(at(origin, fields, 'to'), `to "${record.to}" is not a known entity`);
    const kindOf = (id: string) => entities.get(id)?.kind ?? linked.get(id);
    const ends = { from: kindOf(record.from), to: kindOf(record.to) };
    const own = relationshipProblems({ record, origin, fields }, ends);
    checkEvidence(record.evidence, origin, fields);
    problems.push(...own);
    record.history.forEach((phase, i) => {
      checkEvidence(phase.evidence, at(origin, fields, `history.${i}`), {});
    });
  }
  problems.push(...phaseAdditionProblems(datasets, checkEvidence));
  problems.push(...storyProblems(datasets));
  return problems.sort(byPlace);
}

/** Two statements of an entity agree on every field (compared as they would be stored). */
function sameEntity(a: EntityRecord, b: EntityRecord): boolean {
  return storedEntity(a, []).hash === storedEntity(b, []).hash;
}

/** What is wrong with an entity of itself, whatever else is loaded: its dates' order. */
export function entityProblems({ record, origin, fields }: Located<EntityRecord>): Problem[] {
  if (record.founded && record.dissolved && endsBefore(record.dissolved, record.founded)) {
    return [
      {
        ...at(origin, fields, 'dissolved'),
        message: `dissolved ${record.dissolved} is before founded ${record.founded}`,
      },
    ];
  }
  return [];
}

/**
 * What is wrong with a relationship of itself, whatever else is loaded: its type for the kinds of
 * its ends (when known), its dates' order, its status and its history.
 */
export function relationshipProblems(
  { record, origin, fields }: Located<RelationshipRecord>,
  ends: { from?: EntityKind; to?: EntityKind },
): Problem[] {
  const problems: Problem[] = [];
  const push = (where: Origin, message: string) => problems.push({ ...where, message });
  if (ends.from && ends.to) {
    const problem = endpointProblem(record.type, ends.from, ends.to);
    if (problem)
      push(
        at(origin, fields, 'type'),
        `${problem}: ${record.from} (${ends.from}) -> ${record.to} (${ends.to})`,
      );
  }
  if (record.since && record.until && endsBefore(record.until, record.since)) {
    push(at(origin, fields, 'until'), `until ${record.until} is before since ${record.since}`);
  }
  const ended = endedProblem(record);
  if (ended) push(at(origin, fields, 'status'), ended);
  for (const problem of historyProblems(record)) {
    const phase = `history.${problem.index}`;
    push(fields?.[`${phase}.${problem.field}`] ?? at(origin, fields, phase), problem.message);
  }
  return problems;
}

/**
 * Entities of the run that the database already holds as another kind for another dataset: refused
 * as a clash within the run is, rather than silently changing that dataset's entity. An entity that
 * only its own dataset holds may change kind.
 */
export function storedKindProblems(
  datasets: readonly ReadDataset[],
  stored: readonly StoredEntityKind[],
): Problem[] {
  const held = new Map(stored.map((entity) => [entity.id, entity]));
  return datasets.flatMap((dataset) =>
    dataset.entities.flatMap(({ record, origin, fields }) => {
      const found = held.get(record.id);
      const others = found?.datasets.filter((id) => id !== dataset.dataset.record.id) ?? [];
      if (!found || found.kind === record.kind || others.length === 0) return [];
      return [
        {
          ...at(origin, fields, 'kind'),
          message: `entity "${record.id}" is already defined as ${found.kind} by dataset "${others.join('", "')}" (in the database), here as ${record.kind}: refer to it by its id instead`,
        },
      ];
    }),
  );
}

/**
 * Phases added by id (`phases:`): each must name a relationship of its own dataset or of one it
 * requires, and together with that relationship's history (and the other datasets' additions)
 * keep the rules of a history. A problem with a merged history is reported at the addition.
 */
function phaseAdditionProblems(
  datasets: readonly ReadDataset[],
  checkEvidence: (
    evidence: readonly { source: string }[],
    origin: Origin,
    fields: undefined,
  ) => void,
): Problem[] {
  const problems: Problem[] = [];
  const owners = new Map<
    string,
    { dataset: string; record: ReadDataset['relationships'][number]['record'] }
  >();
  for (const dataset of datasets) {
    for (const { record } of dataset.relationships) {
      if (!owners.has(record.id))
        owners.set(record.id, { dataset: dataset.dataset.record.id, record });
    }
  }
  const rejected = new Set(datasets.flatMap((dataset) => dataset.rejected?.relationships ?? []));
  const added = new Map<
    string,
    { origin: Origin; phase: ReadDataset['phases'][number]['record'] }[]
  >();
  for (const dataset of datasets) {
    const id = dataset.dataset.record.id;
    const allowed = reachable(datasets, id);
    for (const { record, origin, fields } of dataset.phases) {
      checkEvidence(record.evidence, at(origin, fields, 'evidence'), undefined);
      const owner = owners.get(record.relationship);
      if (!owner) {
        if (!rejected.has(record.relationship)) {
          problems.push({
            ...at(origin, fields, 'relationship'),
            message: `phase for relationship "${record.relationship}", which no loaded dataset defines`,
          });
        }
        continue;
      }
      if (!allowed.has(owner.dataset)) {
        problems.push({
          ...at(origin, fields, 'relationship'),
          message: `relationship "${record.relationship}" belongs to dataset "${owner.dataset}", which ${id} does not require`,
        });
        continue;
      }
      const list = added.get(record.relationship) ?? [];
      list.push({ origin: at(origin, fields, 'since'), phase: record });
      added.set(record.relationship, list);
    }
  }
  for (const [relationship, additions] of added) {
    const owner = owners.get(relationship);
    if (!owner) continue;
    const merged = sortPhases([
      ...owner.record.history.map((phase) => ({
        ...phase,
        origin: undefined as Origin | undefined,
      })),
      ...additions.map(({ origin, phase }) => ({ ...phase, origin })),
    ]);
    for (const problem of historyProblems({ ...owner.record, history: merged })) {
      // A clash on the same day may be found at a phase of the relationship's own dataset: it is
      // the addition before it that caused it.
      const origin = merged[problem.index]?.origin ?? merged[problem.index - 1]?.origin;
      if (origin)
        problems.push({
          ...origin,
          message: `${problem.message} (in the history of ${relationship})`,
        });
    }
  }
  return problems;
}
