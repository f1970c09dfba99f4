import { ENTITY_KINDS } from '../../../server/src/domain/entity-kinds.ts';
import { fromEnumName } from '../../../server/src/domain/enum-names.ts';
import { IDENTIFIER_SCHEMES } from '../../../server/src/domain/identifier-schemes.ts';
import { RELATIONSHIP_TYPES } from '../../../server/src/domain/relationship-types.ts';
import { RELATIONSHIP_STATUSES } from '../../../server/src/domain/statuses.ts';
import type { ExchangeGraph } from '../../../server/src/exchange/graph.ts';
import type {
  EntityRecord,
  EvidenceRecord,
  RelationshipRecord,
  SourceRecord,
} from '../../../server/src/validation/records.ts';
import type { ExportRecords } from '../api/types.ts';

/**
 * The API's answer for the canvas's records as the records the exchange writers take (the
 * dataset format's): enum values as the ontology spells them, absent values left out, a
 * relationship's status the one it began in (its first phase) and its history the later phases,
 * the sources its evidence cites. A source's publisher or author off the canvas is left out, so
 * that what is written refers only to what it holds.
 */

type Answer = ExportRecords;
type AnswerEvidence = Answer['nodes'][number]['evidence'][number];

function defined<T extends object>(record: T): T {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== null && value !== undefined),
  ) as T;
}

function known<T extends string>(values: readonly T[], name: string, what: string): T {
  const value = fromEnumName(values, name);
  if (!value) throw new Error(`the API answered an unknown ${what} ${name}`);
  return value;
}

export function exportGraph(answer: Answer, edgeIds: readonly string[]): ExchangeGraph {
  const entityIds = new Set(answer.nodes.map((node) => node.id));
  const sources = new Map<string, SourceRecord>();
  const evidence = (items: readonly AnswerEvidence[]): EvidenceRecord[] =>
    items.map(({ quote, source }) => {
      const { publisher, author, ...rest } = source;
      sources.set(
        source.id,
        defined({
          ...rest,
          publisher: publisher && entityIds.has(publisher.id) ? publisher.id : undefined,
          author: author && entityIds.has(author.id) ? author.id : undefined,
        }) as SourceRecord,
      );
      return defined({ source: source.id, quote: quote ?? undefined });
    });

  const entities = answer.nodes.map(
    ({ kind, identifiers, evidence: items, ...node }): EntityRecord =>
      defined({
        ...node,
        kind: known(ENTITY_KINDS, kind, 'kind'),
        identifiers:
          identifiers.length > 0
            ? identifiers.map((item) => ({
                scheme: known(IDENTIFIER_SCHEMES, item.scheme, 'identifier scheme'),
                value: item.value,
              }))
            : undefined,
        evidence: evidence(items),
      }) as EntityRecord,
  );
  const drawn = new Set(edgeIds);
  const relationships = answer.edges
    .filter((edge) => drawn.has(edge.id))
    .map(({ type, from, to, history, evidence: items, ...edge }): RelationshipRecord => {
      const [own, ...later] = history;
      return defined({
        ...edge,
        from: from.id,
        type: known(RELATIONSHIP_TYPES, type, 'relationship type'),
        to: to.id,
        status: known(RELATIONSHIP_STATUSES, own?.status ?? 'ACTIVE', 'status'),
        evidence: evidence(items),
        history: later.map((phase) =>
          defined({
            status: known(RELATIONSHIP_STATUSES, phase.status, 'status'),
            since: phase.since ?? '',
            note: phase.note ?? undefined,
            evidence: evidence(phase.evidence),
          }),
        ),
      }) as RelationshipRecord;
    });
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
  return {
    entities: entities.sort(byId),
    relationships: relationships.sort(byId),
    sources: [...sources.values()].sort(byId),
  };
}
