import { ENTITY_KINDS, type EntityKind } from '../../server/src/domain/entity-kinds.ts';
import type { PartialDate } from '../../server/src/domain/partial-date.ts';
import type {
  DatasetContent,
  EntityRecord,
  RelationshipRecord,
  SourceRecord,
} from '../../server/src/domain/records.ts';
import { deriveRelationshipId } from '../../server/src/domain/relationship-id.ts';
import {
  RELATIONSHIP_TYPE_INFO,
  RELATIONSHIP_TYPES,
  type RelationshipType,
} from '../../server/src/domain/relationship-types.ts';
import type { RelationshipStatus } from '../../server/src/domain/statuses.ts';
import {
  AGENCY_FORMS,
  AGENCY_TOPICS,
  CAUSES,
  CLAIMS,
  COUNTRY_CODES,
  COUNTRY_ENDS,
  COUNTRY_STARTS,
  FIRST_NAMES,
  INSTITUTIONS,
  IO_ADJECTIVES,
  IO_BODIES,
  IO_TOPICS,
  LEGAL_FORMS,
  MEASURES,
  MINISTRIES,
  NAME_ENDS,
  NAME_PARTS,
  OUTLET_FORMS,
  OUTLETS,
  PAPERS,
  PARTIES,
  PARTNERSHIP_ADJECTIVES,
  PARTNERSHIP_FORMS,
  PARTNERSHIP_TOPICS,
  REGION_ENDS,
  REPORT_TOPICS,
  ROLES,
  SECTORS,
  SURNAMES,
  TRADES,
} from './synthetic-names.ts';

/**
 * A deterministic synthetic dataset for scale tests and benchmarks: plausible names, a realistic
 * mix of kinds, and about three relationships per entity whose degrees are heavy-tailed (one end
 * of each edge is drawn from a Zipf distribution, the other uniformly), like real ownership and
 * membership graphs where a few bodies and countries gather thousands of links.
 */
export interface SyntheticOptions {
  /** How many entities to generate; relationships come to about three per entity. */
  entities: number;
  /** PRNG seed: the same (entities, seed) always gives the same dataset. Default 1. */
  seed?: number;
  /** The dataset id. Default "synthetic". */
  datasetId?: string;
}

type Rng = () => number;

/** Percent of entities per kind; Country is also capped at MAX_COUNTRIES. */
const KIND_SHARE: Record<EntityKind, number> = {
  Company: 40,
  Person: 25,
  Agency: 10,
  Organization: 8,
  MediaOutlet: 4,
  Government: 3,
  Institution: 3,
  InternationalOrganization: 2,
  Partnership: 2,
  Country: 3,
};
const MAX_COUNTRIES = 200;
const RELATIONSHIPS_PER_ENTITY = 3;
/** Share of relationships that are an organisation's seat in its own country. */
const HEADQUARTERS_SHARE = 0.12;
const SOURCE_COUNT = 50;
/** Statuses by cumulative percent: mostly active, some ended, a few frozen, proposed or alleged. */
const STATUS_TABLE = {
  items: ['active', 'ended', 'frozen', 'proposed', 'alleged'] as const,
  cumulative: [75, 92, 95, 98, 100],
};
const ZIPF_EXPONENT = 1;

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

const KIND_SLUG: Record<EntityKind, string> = {
  Company: 'company',
  Organization: 'organization',
  Government: 'government',
  Agency: 'agency',
  Institution: 'institution',
  InternationalOrganization: 'international-organization',
  Partnership: 'partnership',
  Country: 'country',
  Person: 'person',
  MediaOutlet: 'media-outlet',
};

export function generateSynthetic(options: SyntheticOptions): DatasetContent {
  const { entities: total, seed = 1, datasetId = 'synthetic' } = options;
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RangeError(`entities must be a whole number >= 0, got ${total}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  const rng = mulberry32(seed);
  const counts = allocateKinds(total);
  const entities: EntityRecord[] = [];
  const pools = new Map<EntityKind, Pool>();

  // Countries first: every other entity takes its country (and its country's name) from them.
  const countryNames = shuffle(
    [...COUNTRY_STARTS.flatMap((s) => COUNTRY_ENDS.map((e) => s + e))],
    rng,
  );
  const countryCodes = shuffle([...COUNTRY_CODES], rng);
  for (let i = 0; i < counts.Country; i += 1) {
    const name = countryNames[i] ?? `Country ${i + 1}`;
    entities.push({
      id: entityId('Country', i),
      kind: 'Country',
      name,
      aliases: rng() < 0.4 ? [`Republic of ${name}`] : [],
      country: countryCodes[i],
      ...(rng() < 0.5 ? { founded: String(1800 + Math.floor(rng() * 196)) } : {}),
      evidence: [],
    });
  }
  const countries = createPool(0, counts.Country, rng);
  pools.set('Country', countries);
  for (const kind of ENTITY_KINDS) {
    if (kind === 'Country') continue;
    const start = entities.length;
    for (let i = 0; i < counts[kind]; i += 1) {
      // Each country has one national government; the governments beyond those are regional.
      const national = kind === 'Government' && i < counts.Country;
      const country = national
        ? entities[i]
        : counts.Country > 0
          ? entities[sampleHub(countries, rng)]
          : undefined;
      const fields = describeEntity(kind, country, national, rng);
      entities.push({ id: entityId(kind, i), kind, ...fields, evidence: [] });
    }
    pools.set(kind, createPool(start, counts[kind], rng));
  }

  const sources = createSources(pools.get('MediaOutlet'), entities, rng);
  const target = total * RELATIONSHIPS_PER_ENTITY;
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
    relationships.push({ id, type, from: fromId, to: toId, ...q, evidence: [evidence] });
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

  return {
    dataset: {
      id: datasetId,
      title: `Synthetic organisations (${total} entities, seed ${seed})`,
      requires: [],
    },
    sources,
    entities,
    relationships,
  };
}

/** Entity counts per kind: shares by largest remainder, and one of each kind once there is room. */
function allocateKinds(total: number): Record<EntityKind, number> {
  const others = ENTITY_KINDS.filter((kind) => kind !== 'Country');
  const counts = Object.fromEntries(ENTITY_KINDS.map((kind) => [kind, 0])) as Record<
    EntityKind,
    number
  >;
  counts.Country = Math.min(MAX_COUNTRIES, Math.round((total * KIND_SHARE.Country) / 100));
  if (total >= ENTITY_KINDS.length) counts.Country = Math.max(1, counts.Country);
  const rest = total - counts.Country;
  const shareSum = others.reduce((sum, kind) => sum + KIND_SHARE[kind], 0);
  const exact = others.map((kind) => (rest * KIND_SHARE[kind]) / shareSum);
  others.forEach((kind, i) => {
    counts[kind] = Math.floor(exact[i] ?? 0);
  });
  const byRemainder = others
    .map((kind, i) => ({ kind, remainder: (exact[i] ?? 0) - counts[kind] }))
    .sort((a, b) => b.remainder - a.remainder);
  let left = rest - others.reduce((sum, kind) => sum + counts[kind], 0);
  for (const { kind } of byRemainder) {
    if (left-- <= 0) break;
    counts[kind] += 1;
  }
  if (total >= ENTITY_KINDS.length) {
    for (const kind of others) {
      if (counts[kind] > 0) continue;
      const largest = others.reduce((a, b) => (counts[b] > counts[a] ? b : a));
      counts[largest] -= 1;
      counts[kind] = 1;
    }
  }
  return counts;
}

type EntityFields = Omit<EntityRecord, 'id' | 'kind' | 'evidence'>;

/** Name, aliases, country and founding of an entity, many named after their country. */
function describeEntity(
  kind: EntityKind,
  country: EntityRecord | undefined,
  national: boolean,
  rng: Rng,
): EntityFields {
  const place = country?.name ?? 'the Union';
  const code = country?.country;
  const located = code ? { country: code } : {};
  const founded = (from: number, chance: number) =>
    rng() < chance ? { founded: randomDate(rng, from, 2024, 0.8) } : {};
  switch (kind) {
    case 'Person': {
      const first = pick(FIRST_NAMES, rng);
      const last = pick(SURNAMES, rng);
      const aliases = rng() < 0.15 ? [`${first[0]}. ${last}`] : [];
      return {
        name: `${first} ${last}`,
        aliases,
        ...(rng() < 0.7 ? located : {}),
      };
    }
    case 'Company': {
      const stem = pick(NAME_PARTS, rng) + pick(NAME_ENDS, rng);
      const sector = pick(SECTORS, rng);
      const name = `${stem} ${sector} ${pick(LEGAL_FORMS, rng)}`;
      return {
        name,
        aliases: rng() < 0.2 ? [acronym(name)] : [],
        description: `A ${sector.toLowerCase()} company based in ${place}.`,
        ...located,
        ...founded(1950, 0.85),
        ...(rng() < 0.4
          ? { website: `https://${stem.toLowerCase()}-${sector.toLowerCase()}.example` }
          : {}),
      };
    }
    case 'Agency': {
      const name =
        rng() < 0.3
          ? `Ministry of ${pick(MINISTRIES, rng)} of ${place}`
          : `${pick(AGENCY_FORMS, rng)} for ${pick(AGENCY_TOPICS, rng)} of ${place}`;
      return {
        name,
        aliases: rng() < 0.6 ? [acronym(name)] : [],
        ...located,
        ...founded(1900, 0.6),
      };
    }
    case 'Government': {
      const region = `${pick(COUNTRY_STARTS, rng)}${pick(REGION_ENDS, rng)}`;
      const name = national ? `Government of ${place}` : `Regional Government of ${region}`;
      return { name, aliases: [], ...located };
    }
    case 'Institution':
      return {
        name: `${pick(INSTITUTIONS, rng)} of ${place}`,
        aliases: [],
        ...located,
        ...founded(1800, 0.5),
      };
    case 'InternationalOrganization': {
      const name = `${pick(IO_ADJECTIVES, rng)} ${pick(IO_TOPICS, rng)} ${pick(IO_BODIES, rng)}`;
      return { name, aliases: rng() < 0.7 ? [acronym(name)] : [], ...founded(1945, 0.7) };
    }
    case 'Partnership': {
      const name = `${pick(PARTNERSHIP_ADJECTIVES, rng)} ${pick(PARTNERSHIP_TOPICS, rng)} ${pick(PARTNERSHIP_FORMS, rng)}`;
      return { name, aliases: rng() < 0.3 ? [acronym(name)] : [], ...founded(2000, 0.8) };
    }
    case 'Organization': {
      const form = rng();
      const name =
        form < 0.25
          ? `${pick(SURNAMES, rng)} Foundation`
          : form < 0.5
            ? `Institute for ${pick(CAUSES, rng)}`
            : form < 0.8
              ? `${place} ${pick(TRADES, rng)} Association`
              : `${pick(PARTIES, rng)} Party of ${place}`;
      return {
        name,
        aliases: [],
        ...(rng() < 0.85 ? located : {}),
        ...founded(1900, 0.6),
      };
    }
    case 'MediaOutlet': {
      const name =
        rng() < 0.5
          ? `The ${place} ${pick(PAPERS, rng)}`
          : `${pick(OUTLETS, rng)} ${pick(OUTLET_FORMS, rng)}`;
      return { name, aliases: [], ...located, ...founded(1880, 0.6) };
    }
    case 'Country':
      throw new Error('countries are created before other entities');
  }
}

function createSources(
  media: Pool | undefined,
  entities: EntityRecord[],
  rng: Rng,
): SourceRecord[] {
  return Array.from({ length: SOURCE_COUNT }, (_, i) => {
    const id = `syn-source-${String(i + 1).padStart(3, '0')}`;
    const year = 2000 + Math.floor(rng() * 26);
    const publisher = media?.members.length
      ? entities[media.members[i % media.members.length] ?? -1]
      : undefined;
    return {
      id,
      title: `${pick(REPORT_TOPICS, rng)}: synthetic report ${year}-${i + 1}`,
      url: `https://example.org/synthetic/${id}`,
      ...(publisher ? { publisher: publisher.id } : {}),
      published: String(year),
    };
  });
}

type Qualifiers = Omit<RelationshipRecord, 'id' | 'type' | 'from' | 'to' | 'evidence'>;

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

/** One kind's entities in a random rank order, with cumulative Zipf weights by rank. */
interface Pool {
  members: Int32Array;
  cumulative: Float64Array;
}

function createPool(start: number, count: number, rng: Rng): Pool {
  const members = shuffle(
    Int32Array.from({ length: count }, (_, i) => start + i),
    rng,
  );
  const cumulative = new Float64Array(count);
  let sum = 0;
  for (let rank = 0; rank < count; rank += 1) {
    sum += 1 / (rank + 1) ** ZIPF_EXPONENT;
    cumulative[rank] = sum;
  }
  return { members, cumulative };
}

function sampleHub(pool: Pool, rng: Rng): number {
  return pool.members[pickIndex(pool.cumulative, rng)] ?? -1;
}

interface Weighted<T> {
  items: readonly T[];
  cumulative: ArrayLike<number>;
}

function pickWeighted<T>(table: Weighted<T>, rng: Rng): T | undefined {
  return table.items[pickIndex(table.cumulative, rng)];
}

/** Binary search of a cumulative weight table: the index whose interval holds a random point. */
function pickIndex(cumulative: ArrayLike<number>, rng: Rng): number {
  const point = rng() * (cumulative[cumulative.length - 1] ?? 0);
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulative[middle] ?? 0) > point) high = middle;
    else low = middle + 1;
  }
  return low;
}

function cumulate(weights: number[]): number[] {
  let sum = 0;
  return weights.map((weight) => {
    sum += weight;
    return sum;
  });
}

/** A date between two years, later years likelier; year, month or day precision. */
function randomDate(rng: Rng, minYear: number, maxYear: number, yearOnly = 0.45): PartialDate {
  const year = minYear + Math.floor((maxYear - minYear + 1) * Math.sqrt(rng()));
  const precision = rng();
  if (precision < yearOnly) return String(year);
  const month = 1 + Math.floor(rng() * 12);
  const mm = String(month).padStart(2, '0');
  if (precision < yearOnly + (1 - yearOnly) / 2) return `${year}-${mm}`;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return `${year}-${mm}-${String(1 + Math.floor(rng() * days)).padStart(2, '0')}`;
}

function entityId(kind: EntityKind, i: number): string {
  return `syn-${KIND_SLUG[kind]}-${String(i + 1).padStart(6, '0')}`;
}

function acronym(name: string): string {
  return name
    .split(' ')
    .filter((word) => /^[A-Z]/.test(word))
    .map((word) => word[0])
    .join('');
}

function pick<T>(list: readonly T[], rng: Rng): T {
  const item = list[Math.floor(rng() * list.length)];
  if (item === undefined) throw new Error('cannot pick from an empty list');
  return item;
}

function shuffle<T extends { length: number; [index: number]: unknown }>(list: T, rng: Rng): T {
  for (let i = list.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list;
}

/** mulberry32: a tiny, fast 32-bit PRNG; good enough for test data and stable everywhere. */
export function mulberry32(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
