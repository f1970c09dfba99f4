import type { EntityKind } from '../domain/entity-kinds.ts';
import type { RelationshipType } from '../domain/relationship-types.ts';
import type { EntityRecord, RelationshipRecord, SourceRecord } from '../validation/records.ts';
import {
  ENTENTE_ID_PREFIX,
  FTM_IDENTIFIER_PROPERTIES,
  type FtmProperties,
  LINK_MAPPINGS,
  THING_KINDS,
} from './ftm-schemata.ts';
import { type ExchangeGraph, evidenceUrls, sourcesById } from './graph.ts';

/**
 * Records as FollowTheMoney lines, in the vocabulary the FtM reader (seed/src/formats/ftm.ts)
 * maps back: the schema of each kind and type is the one whose mapping gives it. What FtM has no
 * schema for is written as its nearest term — a kind as Organization, a type as UnknownLink —
 * and, since every id carries ENTENTE_ID_PREFIX, the reader takes the kind back from the
 * `classification` and the type from the head of the role. Evidence becomes `sourceUrl` (the
 * URLs of the sources cited; FtM has no quotes); a status history is not written (FtM dates a
 * tie's interval, never a change of status).
 */

/** FtM line of one record. */
export interface FtmLine {
  id: string;
  schema: string;
  properties: FtmProperties;
}

export const UNKNOWN_LINK = 'UnknownLink';

/** The first schema the reader maps onto `kind`, else Organization (its least wrong guess). */
export function schemaOfKind(kind: EntityKind): string {
  return Object.entries(THING_KINDS).find(([, mapped]) => mapped === kind)?.[0] ?? 'Organization';
}

/** The first link schema the reader maps onto `type`, else UnknownLink. */
export function schemaOfType(type: RelationshipType): string {
  return Object.entries(LINK_MAPPINGS).find(([, m]) => m.type === type)?.[0] ?? UNKNOWN_LINK;
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

const NO_SOURCES: ReadonlyMap<string, SourceRecord> = new Map();

export function entityLine(
  entity: EntityRecord,
  sources: ReadonlyMap<string, SourceRecord> = NO_SOURCES,
): FtmLine {
  const person = entity.kind === 'Person';
  const schema = schemaOfKind(entity.kind);
  const identifiers = Object.fromEntries(
    Object.entries(FTM_IDENTIFIER_PROPERTIES).map(([property, scheme]) => [
      property,
      (entity.identifiers ?? []).filter((i) => i.scheme === scheme).map((i) => i.value),
    ]),
  );
  return {
    id: `${ENTENTE_ID_PREFIX}${entity.id}`,
    schema,
    properties: properties({
      name: [entity.name],
      alias: entity.aliases,
      classification: [THING_KINDS[schema] === entity.kind ? undefined : entity.kind],
      description: [entity.description],
      country: [entity.country?.toLowerCase()],
      [person ? 'birthDate' : 'incorporationDate']: [entity.founded],
      [person ? 'deathDate' : 'dissolutionDate']: [entity.dissolved],
      website: [entity.website],
      wikidataId: [entity.wikidata],
      sourceUrl: evidenceUrls(entity.evidence, sources),
      ...identifiers,
    }),
  };
}

export function relationshipLine(
  relationship: RelationshipRecord,
  sources: ReadonlyMap<string, SourceRecord> = NO_SOURCES,
): FtmLine {
  const schema = schemaOfType(relationship.type);
  const mapping = LINK_MAPPINGS[schema];
  if (!mapping) throw new Error(`no FtM link schema ${schema}`);
  const { role, measure, instrument, description } = relationship;
  const unknown = schema === UNKNOWN_LINK && relationship.type !== 'LINKED_TO';
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
    id: `${ENTENTE_ID_PREFIX}${relationship.id}`,
    schema,
    properties: properties({
      [mapping.from]: [`${ENTENTE_ID_PREFIX}${relationship.from}`],
      [mapping.to]: [`${ENTENTE_ID_PREFIX}${relationship.to}`],
      startDate: [relationship.since],
      endDate: [relationship.until],
      sourceUrl: evidenceUrls(relationship.evidence, sources),
      ...details,
    }),
  };
}

/** The graph as FtM lines: its entities, then its relationships, one JSON object a line. */
export function toFtmLines(graph: ExchangeGraph): string {
  const sources = sourcesById(graph);
  const lines = [
    ...graph.entities.map((entity) => entityLine(entity, sources)),
    ...graph.relationships.map((relationship) => relationshipLine(relationship, sources)),
  ];
  return lines.map((line) => `${JSON.stringify(line)}\n`).join('');
}
