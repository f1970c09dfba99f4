import { ENTITY_KINDS, type EntityKind } from '../../server/src/domain/entity-kinds.ts';
import type { EntityRecord, SourceRecord } from '../../server/src/validation/records.ts';
import {
  AGENCY_FORMS,
  AGENCY_TOPICS,
  CAUSES,
  COUNTRY_CODES,
  COUNTRY_ENDS,
  COUNTRY_STARTS,
  FIRST_NAMES,
  INSTITUTIONS,
  IO_ADJECTIVES,
  IO_BODIES,
  IO_TOPICS,
  LEGAL_FORMS,
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
  SECTORS,
  SURNAMES,
  TRADES,
} from './synthetic-names.ts';
import {
  createPool,
  type Pool,
  pick,
  type Rng,
  randomDate,
  sampleHub,
  shuffle,
} from './synthetic-random.ts';

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
const SOURCE_COUNT = 50;

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

export interface SyntheticEntities {
  counts: Record<EntityKind, number>;
  entities: EntityRecord[];
  pools: Map<EntityKind, Pool>;
}

/** `onEntity(done)` is called as entities are made, for progress. */
export function generateEntities(
  total: number,
  rng: Rng,
  onEntity: (done: number) => void = () => {},
): SyntheticEntities {
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
      onEntity(entities.length);
    }
    pools.set(kind, createPool(start, counts[kind], rng));
  }
  return { counts, entities, pools };
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

export function createSources(
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
