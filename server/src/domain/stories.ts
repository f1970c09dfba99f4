/**
 * A story: an ordered list of steps, each a saved view of the graph (the entities drawn and where,
 * the as-of date, the relationships highlighted, what is selected) with a title, a Markdown
 * caption and the evidence the step rests on. These are the rules of a step that its record's
 * shape cannot check alone; datasets and the API both apply them.
 */

/** One step as the rules read it. */
export interface StepShape {
  entities: readonly string[];
  positions?: Readonly<Record<string, unknown>>;
  highlight: readonly string[];
  selected?: string;
}

/** A problem of one step's field, for a `file:line` or a GraphQL error naming the field. */
export interface StepProblem {
  field: 'entities' | 'positions' | 'highlight' | 'selected';
  message: string;
}

/**
 * What is wrong within a step: an entity listed twice, a position for an entity the step does
 * not draw, a relationship highlighted twice. Whether the ids exist is for the caller to check.
 */
export function stepProblems(step: StepShape): StepProblem[] {
  const problems: StepProblem[] = [];
  const drawn = new Set<string>();
  for (const id of step.entities) {
    if (drawn.has(id)) problems.push({ field: 'entities', message: `lists "${id}" twice` });
    drawn.add(id);
  }
  for (const id of Object.keys(step.positions ?? {})) {
    if (!drawn.has(id))
      problems.push({
        field: 'positions',
        message: `places "${id}", which the step does not draw (add it to entities)`,
      });
  }
  if (new Set(step.highlight).size !== step.highlight.length)
    problems.push({ field: 'highlight', message: 'lists a relationship twice' });
  return problems;
}

/**
 * Whether a step's `selected` names something it shows: one of its entities, or a relationship
 * among them (`relationshipIds`, those drawn between its entities).
 */
export function selectionShown(step: StepShape, relationshipIds: ReadonlySet<string>): boolean {
  return (
    step.selected === undefined ||
    step.entities.includes(step.selected) ||
    relationshipIds.has(step.selected)
  );
}
