import type {
  EntityRecord,
  PhaseAdditionRecord,
  RelationshipRecord,
  SourceRecord,
} from '../validation/records.ts';

/**
 * What the exchange formats are written from: records as the dataset format has them, so that
 * the seeder's export (from Neo4j) and the explorer (from the API) hand the writers the same
 * thing. Relationships whose ends are not among the entities are the caller's to leave out.
 */
export interface ExchangeGraph {
  entities: readonly EntityRecord[];
  relationships: readonly RelationshipRecord[];
  /** The sources the records' evidence cites. */
  sources: readonly SourceRecord[];
  /** Phases added to relationships held elsewhere (CSV writes them to phases.csv). */
  phases?: readonly PhaseAdditionRecord[];
}

/** The URLs of the sources a record's evidence cites, in its order, once each. */
export function evidenceUrls(
  evidence: readonly { source: string }[] | undefined,
  sources: ReadonlyMap<string, SourceRecord>,
): string[] {
  const urls = (evidence ?? []).map((item) => sources.get(item.source)?.url);
  return [...new Set(urls.filter((url): url is string => Boolean(url)))];
}

export function sourcesById(graph: ExchangeGraph): ReadonlyMap<string, SourceRecord> {
  return new Map(graph.sources.map((source) => [source.id, source]));
}
