import { ENTITY_KINDS, type EntityKind } from '../../../server/src/domain/entity-kinds.ts';
import {
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../../../server/src/domain/relationship-types.ts';
import {
  all,
  ententeId,
  type FtmProperties,
  first,
  LINK_MAPPINGS,
  type LinkMapping,
  THING_KINDS,
} from '../../../server/src/exchange/ftm-schemata.ts';
import { UNKNOWN_LINK } from '../../../server/src/exchange/ftm-write.ts';

/**
 * What an FtM record says beyond its schema's mapping: the kind and type a line Entente wrote
 * names (see ENTENTE_ID_PREFIX), and the posts (Positions) that Occupancies point at.
 */

interface FtmRecord {
  id: string;
  schema: string;
  properties: FtmProperties;
}

/** The kind a Thing becomes: its schema's, or for a line Entente wrote the kind it classifies as. */
export function kindOf(record: FtmRecord): EntityKind | undefined {
  const kind = THING_KINDS[record.schema];
  if (!kind || !ententeId(record.id)) return kind;
  const named = first(record.properties, 'classification');
  return ENTITY_KINDS.find((known) => known === named) ?? kind;
}

/**
 * The type and role of a link: its schema's, or for an UnknownLink Entente wrote the type at the
 * head of its role ("PART_OF: unit", "GOVERNS").
 */
export function typeAndRole(
  link: FtmRecord,
  mapping: LinkMapping,
  role: string | undefined,
): { type: RelationshipType; role?: string } {
  if (link.schema !== UNKNOWN_LINK || !ententeId(link.id) || !role)
    return { type: mapping.type, role };
  const [head = '', ...rest] = role.split(': ');
  const type = RELATIONSHIP_TYPES.find((known) => known === head);
  return type ? { type, role: rest.join(': ') || undefined } : { type: mapping.type, role };
}

/** The schemata that are read as the intermediate record of a link (a Position). */
export const POST_SCHEMATA: ReadonlySet<string> = new Set(
  Object.values(LINK_MAPPINGS).flatMap((mapping) =>
    mapping.through ? [mapping.through.schema] : [],
  ),
);

/** What a post says: the parties it is held at and its name, the holder's role. */
export interface Post {
  to: string[];
  role?: string;
}

/** A post as the links through its schema read it. */
export function postOf(record: FtmRecord): Post {
  const through = Object.values(LINK_MAPPINGS).find(
    (m) => m.through?.schema === record.schema,
  )?.through;
  if (!through) return { to: [] };
  return {
    to: all(record.properties, through.to).filter(Boolean),
    role: first(record.properties, through.role),
  };
}
