import type { EntityKind } from '../../server/src/domain/entity-kinds.ts';
import { deriveRelationshipId } from '../../server/src/domain/relationship-id.ts';
import {
  RELATIONSHIP_TYPE_INFO,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../../server/src/domain/relationship-types.ts';
import type { RelationshipStatus } from '../../server/src/domain/statuses.ts';
import type {
  EntityRecord,
  EvidenceRecord,
  RelationshipRecord,
  SourceRecord,
  StatusPhaseRecord,
} from '../../server/src/validation/records.ts';
import type { SyntheticEntities } from './synthetic-entities.ts';
import { CLAIMS, MEASURES, ROLES } from './synthetic-names.ts';
import {
  cumulate,
  pick,
  pickIndex,
  pickWeighted,
  type Rng,
  randomDate,
  sampleHub,
  type Weighted,
} from './synthetic-random.ts';

/** Share of relationships that are an organisation's seat in its own country. */
const HEADQUARTERS_SHARE = 0.12;
/** Statuses by cumulative percent: mostly active, some ended, a few frozen, proposed or alleged. */
const STATUS_TABLE = {
  items: ['active', 'ended', 'frozen', 'proposed', 'alleged'] as const,
  cumulative: [75, 92, 95, 98, 100],
};

type Affinity = Partial<Record<EntityKind, number>>;
/**
 * How often each type is drawn, which end is the hub, and how much more likely some allowed
 * kinds are than their share of entities. HEADQUARTERED_IN has its own pass.
 */
const TYPE_PLANS: Record<
  RelationshipType,
  { weight: number; hub: 'from' | 'to'; from?: Affinity; to?: Affinity }
> = {
  MEMBER_OF: {
    weight: 14,
    hub: 'to',
    from: { Person: 0.5, Country: 5 },
    to: { InternationalOrganization: 4, Partnership: 4 },
  },
  WORKS_FOR: { weight: 14, hub: 'to', to: { Company: 1.5, Agency: 1.5 } },
  OWNS: { weight: 11, hub: 'from', from: { Company: 2, Government: 2 } },
  OPERATES_IN: { weight: 11, hub: 'to' },
  COOPERATES_WITH: { weight: 11, hub: 'to', from: { Person: 0.2 }, to: { Person: 0.2 } },
  PART_OF: { weight: 5, hub: 'to', to: { Government: 3, Country: 3 } },
  LEADS: { weight: 4, hub: 'to' },
  GOVERNS: { weight: 3, hub: 'from', from: { Government: 3 }, to: { Country: 5, Agency: 2 } },
  FOUNDED: { weight: 3, hub: 'from' },
  RELATED_TO: { weight: 2, hub: 'to' },
  PAYS: { weight: 2.5, hub: 'from' },
  LINKED_TO: { weight: 2.5, hub: 'to' },
  RESTRICTS: {
    weight: 2.5,
    hub: 'from',
    from: { Government: 5, Agency: 5, Country: 5, InternationalOrganization: 5 },
    to: { Company: 3 },
  },
  ACCUSES: { weight: 2, hub: 'to', to: { Company: 2, Person: 2 } },
  DISPUTES: { weight: 1.5, hub: 'from', from: { Company: 2 } },
  HEADQUARTERED_IN: { weight: 0, hub: 'to' },
};

export function generateRelationships(
  { counts, entities, pools }: SyntheticEntities,
  sources: SourceRecord[],
  target: number,
  rng: Rng,
  onRelationship: (done: number) => void = () => {},
): RelationshipRecord[] {
  const relationships: RelationshipRecord[] = [];
  const ids = new Set<string>();
  const add = (type: RelationshipType, from: number, to: number, q: Qualifiers) => {
    const fromEntity = entities[from];
    const toEntity = entities[to];
    if (from === to || !fromEntity || !toEntity) return;
    const [fromId, toId] = [fromEntity.id, toEntity.id];
    const id = deriveRelationshipId({ type, from: fromId, to: toId, since: q.since, role: q.role });
    if (ids.has(id)) return;
    ids.add(id);
    const source = sources[Math.floor(rng() ** 2 * sources.length)]?.id ?? '';
    const evidence =
      rng() < 0.3
        ? {
            source,
            quote: `${fromEntity.name} ${RELATIONSHIP_TYPE_INFO[type].label} ${toEntity.name}.`,
          }
        : { source };
    const history = changesOf(type, q, evidence, rng);
    relationships.push({ id, type, from: fromId, to: toId, ...q, evidence: [evidence], history });
    onRelationship(relationships.length);
  };

  // An organisation's seat is in its own country, which keeps `country` and the graph in step.
  const countryIndex = new Map(entities.slice(0, counts.Country).map((e, i) => [e.country, i]));
  const hasSeat = (e: EntityRecord) => e.kind !== 'Country' && e.kind !== 'Person' && !!e.country;
  const seatChance = Math.min(
    1,
    (HEADQUARTERS_SHARE * target) / Math.max(1, entities.filter(hasSeat).length),
  );
  entities.forEach((entity, index) => {
    if (!hasSeat(entity) || !entity.country || rng() >= seatChance) return;
    // The seat dates from the founding when that falls in the generated range (1990 on).
    const founded = Number(entity.founded?.slice(0, 4));
    const since =
      founded >= 1990 ? String(founded) : rng() < 0.8 ? randomDate(rng, 1990, 2025) : undefined;
    const qualifiers: Qualifiers = since ? { status: 'active', since } : { status: 'active' };
    add('HEADQUARTERED_IN', index, countryIndex.get(entity.country) ?? -1, qualifiers);
  });

  const plans = RELATIONSHIP_TYPES.map((type) => createPlan(type, counts));
  const typeTable = cumulate(plans.map((plan) => plan.weight));
  // Retries cover skipped self-loops and duplicates; tiny datasets may run out of distinct edges.
  const maxAttempts = (typeTable.at(-1) ?? 0) > 0 ? target * 3 + 100 : 0;
  for (let attempt = 0; relationships.length < target && attempt < maxAttempts; attempt += 1) {
    const plan = plans[pickIndex(typeTable, rng)];
    if (!plan) break;
    const hubKind = pickWeighted(plan.hubKinds, rng);
    const otherKind = pickWeighted(plan.otherKinds, rng);
    const hubPool = hubKind && pools.get(hubKind);
    const otherPool = otherKind && pools.get(otherKind);
    if (!hubPool || !otherPool) continue;
    const hub = sampleHub(hubPool, rng);
    const other = otherPool.members[Math.floor(rng() * otherPool.members.length)] ?? -1;
    const [from, to] = plan.hub === 'from' ? [hub, other] : [other, hub];
    add(plan.type, from, to, describe(plan.type, rng));
  }
  return relationships;
}

type Qualifiers = Omit<RelationshipRecord, 'id' | 'type' | 'from' | 'to' | 'evidence' | 'history'>;

/** What a tie of each type may become later: a cooperation frozen, a proposed measure in force. */
const LATER_STATUS: Partial<
  Record<RelationshipType, Partial<Record<RelationshipStatus, RelationshipStatus>>>
> = {
  COOPERATES_WITH: { active: 'frozen', frozen: 'active' },
  MEMBER_OF: { active: 'frozen', frozen: 'active' },
  RESTRICTS: { proposed: 'active', active: 'ended' },
};

/** A fifth of the dated, open ties that can change status get one or two later phases. */
function changesOf(
  type: RelationshipType,
  q: Qualifiers,
  evidence: EvidenceRecord,
  rng: Rng,
): StatusPhaseRecord[] {
  const next = LATER_STATUS[type];
  if (!next || !q.since || q.until || !next[q.status] || rng() >= 0.2) return [];
  const history: StatusPhaseRecord[] = [];
  let status = q.status;
  let year = Number(q.since.slice(0, 4));
  for (let i = 0; i < 2 && year < 2025; i += 1) {
    const became = next[status];
    if (!became || (i > 0 && rng() < 0.5)) break;
    year = year + 1 + Math.floor(rng() * Math.min(5, 2025 - year));
    history.push({ status: became, since: String(year), evidence: [evidence] });
    status = became;
  }
  return history;
}

/** The status, dates and details that make a relationship read like a real one (and vary its id). */
function describe(type: RelationshipType, rng: Rng): Qualifiers {
  const status = pickStatus(type, rng);
  const ended = status === 'ended';
  const since = rng() < 0.85 ? randomDate(rng, 1990, ended ? 2024 : 2025) : undefined;
  const firstEnd = since ? Number(since.slice(0, 4)) + 1 : 1991;
  const rel: Qualifiers = { status, ...(since ? { since } : {}) };
  if (ended) rel.until = randomDate(rng, firstEnd, Math.min(2025, firstEnd + 11), 0.5);
  const roles = ROLES[type];
  if (roles && rng() < 0.7) rel.role = pick(roles, rng);
  if (type === 'OWNS' && rng() < 0.6) rel.measure = `${1 + Math.floor(rng() * 100)}%`;
  if (type === 'PAYS' && rng() < 0.5) rel.measure = `EUR ${1 + Math.floor(rng() * 500)} million`;
  if (type === 'RESTRICTS') {
    rel.measure = pick(MEASURES, rng);
    if (rng() < 0.5) rel.instrument = `Decree ${firstEnd - 1}/${1 + Math.floor(rng() * 400)}`;
  }
  if (type === 'ACCUSES' || type === 'DISPUTES') rel.claim = pick(CLAIMS, rng);
  return rel;
}

function pickStatus(type: RelationshipType, rng: Rng): RelationshipStatus {
  if ((type === 'ACCUSES' || type === 'LINKED_TO') && rng() < 0.3) return 'alleged';
  if (type === 'RESTRICTS' && rng() < 0.1) return 'proposed';
  return pickWeighted(STATUS_TABLE, rng) ?? 'active';
}

interface Plan {
  type: RelationshipType;
  weight: number;
  hub: 'from' | 'to';
  hubKinds: Weighted<EntityKind>;
  otherKinds: Weighted<EntityKind>;
}

/** Kinds at each end weighted by how many entities they have, so uniform picks stay uniform. */
function createPlan(type: RelationshipType, counts: Record<EntityKind, number>): Plan {
  const plan = TYPE_PLANS[type];
  const info = RELATIONSHIP_TYPE_INFO[type];
  const side = (kinds: readonly EntityKind[], affinity: Affinity = {}) => {
    const present = kinds.filter((kind) => counts[kind] > 0);
    return {
      items: present,
      cumulative: cumulate(present.map((k) => counts[k] * (affinity[k] ?? 1))),
    };
  };
  const from = side(info.from, plan.from);
  const to = side(info.to, plan.to);
  const possible = from.items.length > 0 && to.items.length > 0;
  const [hubKinds, otherKinds] = plan.hub === 'from' ? [from, to] : [to, from];
  return { type, weight: possible ? plan.weight : 0, hub: plan.hub, hubKinds, otherKinds };
}
