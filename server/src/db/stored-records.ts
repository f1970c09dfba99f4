import { firstDay, lastDay } from '../domain/partial-date.ts';
import type {
  EntityRecord,
  EvidenceRecord,
  RelationshipRecord,
  SourceRecord,
} from '../domain/records.ts';
import { stableHash } from '../domain/relationship-id.ts';

/**
 * How records are stored in Neo4j, shared by the seeder and the curator's mutations so both
 * write the same properties and the same content hash: a record written by one and then by
 * the other, unchanged, is reported unchanged.
 */

export type Props = Record<string, unknown>;

/** Drops undefined values (Neo4j stores no nulls) and adds a hash of the content. */
function withHash(props: Props): Props {
  const clean = Object.fromEntries(
    Object.entries(props).filter(([, value]) => value !== undefined),
  );
  // Sorted keys: the hash depends on the content only, not on the order fields were given in.
  const hash = stableHash(JSON.stringify(clean, Object.keys(clean).sort()));
  return { ...clean, hash };
}

/** Empty lists are left out: an absent property reads back as [] and costs no array record. */
function evidenceProps(evidence: readonly EvidenceRecord[]): Props {
  if (evidence.length === 0) return {};
  return {
    evidenceSources: evidence.map((item) => item.source),
    evidenceQuotes: evidence.map((item) => item.quote ?? ''),
  };
}

export function storedEntity(entity: EntityRecord, datasets: readonly string[]): Props {
  const { evidence, aliases, ...rest } = entity;
  return withHash({
    ...rest,
    ...(aliases.length > 0 ? { aliases } : {}),
    ...evidenceProps(evidence),
    datasets: [...datasets],
  });
}

/** Ends and type are the relationship itself, not properties; validity days are derived. */
export function storedRelationship(rel: RelationshipRecord, dataset: string): Props {
  const { evidence, from: _from, to: _to, type: _type, ...rest } = rel;
  return withHash({
    ...rest,
    ...evidenceProps(evidence),
    validFrom: rel.since ? firstDay(rel.since) : undefined,
    validTo: rel.until ? lastDay(rel.until) : undefined,
    dataset,
  });
}

export function storedSource(source: SourceRecord, dataset: string): Props {
  return withHash({ ...source, dataset });
}

export function storedDataset(dataset: { id: string } & Props): Props {
  return withHash({ ...dataset });
}
