import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { EntityKind } from '../../server/src/domain/entity-kinds.ts';
import type { RelationshipType } from '../../server/src/domain/relationship-types.ts';
import type {
  DatasetContent,
  EntityRecord,
  RelationshipRecord,
} from '../../server/src/validation/records.ts';
import {
  FTM_IDENTIFIER_PROPERTIES,
  type FtmProperties,
  LINK_MAPPINGS,
  THING_KINDS,
} from './formats/ftm-mapping.ts';

/**
 * A dataset as FollowTheMoney lines, in the vocabulary the FtM reader (formats/ftm.ts) maps
 * back: the schema of each kind and type is the one whose mapping gives it, so reading the
 * file again gives the same entities and relationships as far as FtM can say them. What FtM
 * cannot say is written as its nearest term (see docs/DATASET-FORMAT.md): kinds without a
 * schema as Organization, types without a schema as UnknownLink with the type as its role,
 * and no status history (FtM dates a tie's interval, never a change of status).
 */

/** FtM line of one record. */
export interface FtmLine {
  id: string;
  schema: string;
  properties: FtmProperties;
}

const LINK_TYPE = 'UnknownLink';

/** The first schema the reader maps onto `kind`, else Organization (its least wrong guess). */
function schemaOfKind(kind: EntityKind): string {
  return Object.entries(THING_KINDS).find(([, mapped]) => mapped === kind)?.[0] ?? 'Organization';
}

/** The first link schema the reader maps onto `type`, else UnknownLink. */
function schemaOfType(type: RelationshipType): string {
  return Object.entries(LINK_MAPPINGS).find(([, m]) => m.type === type)?.[0] ?? LINK_TYPE;
}

/** Properties with a value only: FtM lists are never empty. */
function properties(entries: Record<string, (string | undefined)[]>): FtmProperties {
  const out: FtmProperties = {};
  for (const [key, values] of Object.entries(entries)) {
    const present = values.filter((value): value is string => Boolean(value));
    if (present.length > 0) out[key] = present;
  }
  return out;
}

export function entityLine(entity: EntityRecord): FtmLine {
  const person = entity.kind === 'Person';
  const identifiers = Object.fromEntries(
    Object.entries(FTM_IDENTIFIER_PROPERTIES).map(([property, scheme]) => [
      property,
      (entity.identifiers ?? []).filter((i) => i.scheme === scheme).map((i) => i.value),
    ]),
  );
  return {
    id: entity.id,
    schema: schemaOfKind(entity.kind),
    properties: properties({
      name: [entity.name],
      alias: entity.aliases,
      description: [entity.description],
      country: [entity.country?.toLowerCase()],
      [person ? 'birthDate' : 'incorporationDate']: [entity.founded],
      [person ? 'deathDate' : 'dissolutionDate']: [entity.dissolved],
      website: [entity.website],
      wikidataId: [entity.wikidata],
      ...identifiers,
    }),
  };
}

export function relationshipLine(relationship: RelationshipRecord): FtmLine {
  const schema = schemaOfType(relationship.type);
  const mapping = LINK_MAPPINGS[schema];
  if (!mapping) throw new Error(`no FtM link schema ${schema}`);
  const { role, measure, instrument, description } = relationship;
  const unknown = schema === LINK_TYPE && relationship.type !== 'LINKED_TO';
  const details: Record<string, (string | undefined)[]> =
    schema === 'Sanction'
      ? { provisions: [measure], program: [instrument], reason: [description] }
      : schema === 'Payment'
        ? { amount: [measure], purpose: [description] }
        : {
            [schema === 'Family' || schema === 'Associate' ? 'relationship' : 'role']: [
              unknown ? [relationship.type, role].filter(Boolean).join(': ') : role,
            ],
            description: [description],
          };
  return {
    id: relationship.id,
    schema,
    properties: properties({
      [mapping.from]: [relationship.from],
      [mapping.to]: [relationship.to],
      startDate: [relationship.since],
      endDate: [relationship.until],
      ...details,
    }),
  };
}

/** Writes the dataset's entities, then its relationships, one line each, as they are made into lines. */
export async function writeFtmLines(
  content: DatasetContent,
  path: string,
  onProgress?: (progress: { done: number; total: number }) => void,
): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  // A path that cannot be written fails here, before any line is made.
  await once(out, 'open');
  const total = content.entities.length + content.relationships.length;
  let done = 0;
  const write = async (line: FtmLine) => {
    // Honour backpressure so the file is never held in memory as a whole.
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
    done += 1;
    if (done % 10_000 === 0) onProgress?.({ done, total });
  };
  for (const entity of content.entities) await write(entityLine(entity));
  for (const relationship of content.relationships) await write(relationshipLine(relationship));
  out.end();
  await finished(out);
  onProgress?.({ done: total, total });
  return total;
}
