// The stories of a run, checked against the records of the datasets each story's dataset may
// refer to (itself and those it requires), so that a story never names what its load lacks.
import { selectionShown, stepProblems } from '../../server/src/domain/stories.ts';
import type { Origin, StoryStepRecord } from '../../server/src/validation/records.ts';
import { type Problem, type ReadDataset, reachable } from './model.ts';

/** Ids of one kind of record, with the datasets that state each. */
type Owners = Map<string, Set<string>>;

function owners(datasets: readonly ReadDataset[], list: 'entities' | 'sources'): Owners {
  const found: Owners = new Map();
  for (const dataset of datasets) {
    for (const { record } of dataset[list]) {
      const set = found.get(record.id) ?? new Set<string>();
      set.add(dataset.dataset.record.id);
      found.set(record.id, set);
    }
  }
  return found;
}

interface Tie {
  from: string;
  to: string;
  dataset: string;
}

/**
 * Every problem of the run's stories: ids that are no entity, relationship or source of the
 * datasets the story may refer to, a highlight whose ends the step does not draw, a selection it
 * does not show, the rules of domain/stories.ts, and a story id given twice.
 */
export function storyProblems(datasets: readonly ReadDataset[]): Problem[] {
  const problems: Problem[] = [];
  const entities = owners(datasets, 'entities');
  const sources = owners(datasets, 'sources');
  const ties = new Map<string, Tie>();
  for (const dataset of datasets) {
    for (const { record } of dataset.relationships) {
      if (!ties.has(record.id))
        ties.set(record.id, {
          from: record.from,
          to: record.to,
          dataset: dataset.dataset.record.id,
        });
    }
  }
  // A record rejected with a problem of its own is not reported again at each story naming it.
  const rejected = new Set(
    datasets.flatMap((d) => [
      ...(d.rejected?.entities ?? []),
      ...(d.rejected?.sources ?? []),
      ...(d.rejected?.relationships ?? []),
    ]),
  );
  const storyIds = new Map<string, Origin>();

  for (const dataset of datasets) {
    const id = dataset.dataset.record.id;
    const allowed = reachable(datasets, id);
    const within = `of ${id} or the datasets it requires`;
    /** Why `ref` may not be named: unknown, or stated only by datasets `id` does not require. */
    const refused = (ref: string, stated: readonly string[] | undefined, what: string) => {
      if (rejected.has(ref)) return undefined;
      if (!stated || stated.length === 0) return `"${ref}", which is not ${what} ${within}`;
      if (stated.some((owner) => allowed.has(owner))) return undefined;
      return `"${ref}", which belongs to dataset "${stated[0]}", which ${id} does not require`;
    };
    for (const { record: story, origin, fields } of dataset.stories ?? []) {
      const at = (field: string) => fields?.[field] ?? origin;
      const first = storyIds.get(story.id);
      if (first)
        problems.push({
          ...at('id'),
          message: `duplicate story id "${story.id}" (first at ${first.file}:${first.line})`,
        });
      else storyIds.set(story.id, origin);
      story.steps.forEach((step, i) => {
        const push = (field: string, message: string) =>
          problems.push({
            ...(fields?.[`steps.${i}.${field}`] ?? at(`steps.${i}`)),
            message: `step ${i + 1} ${message}`,
          });
        for (const problem of stepProblems(step)) {
          push(problemField(step, problem.field, problem.message), problem.message);
        }
        step.entities.forEach((ref, j) => {
          const why = refused(ref, [...(entities.get(ref) ?? [])], 'an entity');
          if (why) push(`entities.${j}`, `draws ${why}`);
        });
        const drawn = new Set(step.entities);
        const between = new Set<string>();
        for (const [tieId, tie] of ties) {
          if (allowed.has(tie.dataset) && drawn.has(tie.from) && drawn.has(tie.to))
            between.add(tieId);
        }
        step.highlight.forEach((ref, j) => {
          const tie = ties.get(ref);
          const why = refused(ref, tie && [tie.dataset], 'a relationship');
          if (why) push(`highlight.${j}`, `highlights ${why}`);
          else if (tie && !between.has(ref)) {
            const missing = [tie.from, tie.to].filter((end) => !drawn.has(end));
            push(
              `highlight.${j}`,
              `highlights "${ref}" but does not draw its end ${missing.map((end) => `"${end}"`).join(' and ')} (add it to entities)`,
            );
          }
        });
        if (step.selected && !rejected.has(step.selected) && !selectionShown(step, between))
          push(
            'selected',
            `selects "${step.selected}", which is neither one of its entities nor a relationship between them`,
          );
        step.evidence.forEach((item, j) => {
          const why = refused(item.source, [...(sources.get(item.source) ?? [])], 'a source');
          if (why) push(`evidence.${j}`, `cites ${why}`);
        });
      });
    }
  }
  return problems;
}

/**
 * Stories of the run whose id the database holds for a dataset this run does not load: refused,
 * rather than taking over that dataset's story (a curator's, say). A story stored for a dataset
 * of the run may move to another of them.
 */
export function storedStoryProblems(
  datasets: readonly ReadDataset[],
  owners: ReadonlyMap<string, string>,
): Problem[] {
  const loaded = new Set(datasets.map((dataset) => dataset.dataset.record.id));
  return datasets.flatMap((dataset) =>
    (dataset.stories ?? []).flatMap(({ record, origin, fields }) => {
      const owner = owners.get(record.id);
      if (owner === undefined || loaded.has(owner)) return [];
      return [
        {
          ...(fields?.id ?? origin),
          message: `story id "${record.id}" is already a story of dataset "${owner}" (in the database): give this one another id`,
        },
      ];
    }),
  );
}

/** The field a step's problem is best shown at: the id listed twice, the entity placed. */
function problemField(
  step: StoryStepRecord,
  field: 'entities' | 'positions' | 'highlight' | 'selected',
  message: string,
): string {
  const id = /"([^"]+)"/.exec(message)?.[1];
  if (field === 'positions' && id) return `positions.${id}`;
  if (field === 'entities' && id) return `entities.${step.entities.lastIndexOf(id)}`;
  if (field === 'highlight') {
    const twice = step.highlight.findIndex((ref, j) => step.highlight.indexOf(ref) !== j);
    if (twice >= 0) return `highlight.${twice}`;
  }
  return field;
}
