import { z } from 'zod';
import { ENTITY_KINDS } from '../domain/entity-kinds.ts';
import { IDENTIFIER_SCHEMES, identifierProblem } from '../domain/identifier-schemes.ts';
import { MAX_CAPTION_LENGTH, MAX_STORY_STEPS, MAX_SUBGRAPH_IDS } from '../domain/limits.ts';
import { parsePartialDate } from '../domain/partial-date.ts';
import { SLUG } from '../domain/relationship-id.ts';
import { RELATIONSHIP_TYPES } from '../domain/relationship-types.ts';
import { DEFAULT_STATUS, RELATIONSHIP_STATUSES } from '../domain/statuses.ts';

/**
 * The shape of one record in any input format. Readers parse each record with these, so
 * YAML, CSV and the API's mutations agree on what is valid.
 */

const slug = z.string({ error: 'must be a lowercase slug such as "kaspersky-lab"' }).regex(SLUG, {
  error: (issue) => `must be a lowercase slug such as "kaspersky-lab", got "${issue.input}"`,
});

const text = z.string().trim().min(1, { error: 'must not be empty' });

/** Exported so that readers of a schema's fields (record-fields.ts) can tell a date from text. */
export const partialDate = z.unknown().transform((value, ctx) => {
  // Only a required date reaches here undefined: `.optional()` lets an absent one through.
  if (value === undefined) {
    ctx.addIssue({ code: 'custom', message: 'is required' });
    return z.NEVER;
  }
  const parsed = parsePartialDate(value);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
});

const url = z.url({ error: (issue) => `must be a URL, got ${JSON.stringify(issue.input)}` });

const stringList = z.array(text).default([]);

export const evidenceSchema = z.strictObject({
  source: slug,
  quote: text.optional(),
});

/** A code naming the entity in a register; the scheme's format, where it has one, is checked. */
export const identifierSchema = z
  .strictObject({
    scheme: z.enum(IDENTIFIER_SCHEMES, {
      error: (issue) =>
        `unknown identifier scheme ${JSON.stringify(issue.input)} (schemes: ${IDENTIFIER_SCHEMES.join(', ')})`,
    }),
    value: text,
  })
  .superRefine((identifier, ctx) => {
    const problem = identifierProblem(identifier.scheme, identifier.value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });

export const datasetSchema = z.strictObject({
  id: slug,
  title: text,
  description: text.optional(),
  license: text.optional(),
  version: z.number().int().positive().optional(),
  requires: z.array(slug).default([]),
});

export const sourceSchema = z.strictObject({
  id: slug,
  title: text,
  url: url.optional(),
  publisher: slug.optional(),
  author: slug.optional(),
  published: partialDate.optional(),
});

/**
 * An entity: the one definition of its fields. The record type (records.ts), the CSV columns,
 * the stored properties and the GraphQL type and input are derived from it (docs/ARCHITECTURE.md,
 * "Adding a field to entities").
 */
export const entitySchema = z.strictObject({
  id: slug.describe('A lowercase slug such as "kaspersky-lab"'),
  kind: z.enum(ENTITY_KINDS, {
    error: (issue) =>
      `unknown kind ${JSON.stringify(issue.input)} (kinds: ${ENTITY_KINDS.join(', ')})`,
  }),
  name: text,
  aliases: stringList,
  description: text.optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, {
      error: (issue) => `must be an ISO 3166-1 alpha-2 code such as "RU", got "${issue.input}"`,
    })
    .optional()
    .describe('ISO 3166-1 alpha-2'),
  founded: partialDate.optional(),
  dissolved: partialDate.optional(),
  website: url.optional(),
  wikidata: z
    .string()
    .regex(/^Q\d+$/, {
      error: (issue) => `must be a Wikidata id such as "Q207203", got "${issue.input}"`,
    })
    .optional()
    .describe('A Wikidata id such as "Q207203"'),
  identifiers: z
    .array(identifierSchema)
    .optional()
    .describe('Codes naming it in registers: LEI, company number, tax number...'),
  evidence: z.array(evidenceSchema).default([]),
});

const status = z.enum(RELATIONSHIP_STATUSES, {
  error: (issue) =>
    `unknown status ${JSON.stringify(issue.input)} (statuses: ${RELATIONSHIP_STATUSES.join(', ')})`,
});

/** A change of status (see domain/status-history.ts): every phase is dated and cites evidence. */
export const phaseSchema = z.strictObject({
  status,
  since: partialDate,
  note: text.optional(),
  evidence: z
    .array(evidenceSchema)
    .min(1, { error: 'a phase needs evidence (a source and a quote)' }),
});

/** A phase a dataset adds to a relationship of a dataset it requires, named by its id. */
export const phaseAdditionSchema = z.strictObject({
  relationship: slug,
  ...phaseSchema.shape,
});

export const relationshipSchema = z.strictObject({
  id: slug.optional(),
  from: slug,
  type: z.enum(RELATIONSHIP_TYPES, {
    error: (issue) =>
      `unknown relationship type ${JSON.stringify(issue.input)} (types: ${RELATIONSHIP_TYPES.join(', ')})`,
  }),
  to: slug,
  status: status.default(DEFAULT_STATUS),
  since: partialDate.optional(),
  until: partialDate.optional(),
  role: text.optional(),
  measure: text.optional(),
  instrument: text.optional(),
  claim: text.optional(),
  description: text.optional(),
  evidence: z.array(evidenceSchema).default([]),
  history: z.array(phaseSchema).default([]),
});

/** Where a step draws an entity, in the canvas's model coordinates. */
export const storyPointSchema = z.strictObject({ x: z.number(), y: z.number() });

/**
 * One step of a story: a saved view (see domain/stories.ts for the rules between its fields).
 * Without positions the explorer lays the step's entities out itself.
 */
export const storyStepSchema = z.strictObject({
  title: text,
  caption: text
    .max(MAX_CAPTION_LENGTH, { error: `must be at most ${MAX_CAPTION_LENGTH} characters` })
    .optional()
    .describe('Markdown: emphasis, links, lists, quotes; raw HTML is shown as text'),
  asOf: partialDate.optional(),
  entities: z
    .array(slug)
    .min(1, { error: 'a step draws at least one entity' })
    .max(MAX_SUBGRAPH_IDS, { error: `a step draws at most ${MAX_SUBGRAPH_IDS} entities` }),
  positions: z.record(slug, storyPointSchema).optional(),
  highlight: z.array(slug).default([]).describe('Ids of the relationships the step highlights'),
  selected: slug.optional().describe('The entity or relationship whose details the step shows'),
  evidence: z.array(evidenceSchema).default([]),
});

export const storySchema = z.strictObject({
  id: slug,
  title: text,
  summary: text.optional(),
  steps: z
    .array(storyStepSchema)
    .min(1, { error: 'a story has at least one step' })
    .max(MAX_STORY_STEPS, { error: `a story has at most ${MAX_STORY_STEPS} steps` }),
});

/** The keys a record of each list may have: for "unknown key" messages that suggest the right one. */
export const KNOWN_KEYS = {
  dataset: Object.keys(datasetSchema.shape),
  sources: Object.keys(sourceSchema.shape),
  entities: Object.keys(entitySchema.shape),
  relationships: Object.keys(relationshipSchema.shape),
  phases: Object.keys(phaseAdditionSchema.shape),
  history: Object.keys(phaseSchema.shape),
  evidence: Object.keys(evidenceSchema.shape),
  identifiers: Object.keys(identifierSchema.shape),
  stories: Object.keys(storySchema.shape),
  steps: Object.keys(storyStepSchema.shape),
} as const;

/** The closest known key to a misspelt one, if it is close enough to be a likely typo. */
export function suggestKey(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const current = row[j] ?? 0;
      row[j] = Math.min(
        current + 1,
        (row[j - 1] ?? 0) + 1,
        previous + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      previous = current;
    }
  }
  return row[b.length] ?? 0;
}
