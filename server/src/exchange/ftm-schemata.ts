import type { EntityKind } from '../domain/entity-kinds.ts';
import type { IdentifierScheme } from '../domain/identifier-schemes.ts';
import { isSlug } from '../domain/relationship-id.ts';
import type { RelationshipType } from '../domain/relationship-types.ts';

/**
 * How FollowTheMoney schemata map onto the ontology, the one table the FtM reader
 * (seed/src/formats/ftm.ts) and the FtM writer (ftm-write.ts) both read. FtM property values are
 * always lists of strings; a property we read is the first usable value of it.
 */

export type FtmProperties = Record<string, string[]>;

/** Thing schemata that become entities; every other Thing (Address, Vessel...) is counted unmapped. */
export const THING_KINDS: Readonly<Record<string, EntityKind>> = {
  Company: 'Company',
  Organization: 'Organization',
  // FtM PublicBody covers ministries, regulators, state bodies: our Agency.
  PublicBody: 'Agency',
  // LegalEntity is FtM's "could be a person or a body": Organization is the least wrong guess.
  LegalEntity: 'Organization',
  Person: 'Person',
};

/** What a link record says beyond its ends. */
export interface LinkDetails {
  role?: string;
  measure?: string;
  instrument?: string;
  description?: string;
}

/**
 * A link whose `to` end is an intermediate record rather than the party itself: an Occupancy's
 * `post` is a Position, whose `organization` is the body the holder serves and whose `name`
 * ("Minister of Finance") is the holder's role.
 */
export interface LinkThrough {
  schema: string;
  /** The property of the intermediate record that holds the `to` party's id. */
  to: string;
  /** The property of the intermediate record that names the role. */
  role: string;
}

export interface LinkMapping {
  type: RelationshipType;
  /** The properties holding the ids of the `from` and `to` ends. */
  from: string;
  to: string;
  /** What `from` is to `to`: kept as the role when the ends do not fit `type` (see ftm.ts). */
  noun: string;
  /** Where the start date is, best first; startDate, then date when not given. */
  sinceKeys?: string[];
  through?: LinkThrough;
  details: (p: FtmProperties) => LinkDetails;
}

/** The first non-blank value of the first of `keys` that has one. */
export function first(p: FtmProperties, ...keys: string[]): string | undefined {
  for (const key of keys) {
    for (const value of p[key] ?? []) {
      const trimmed = typeof value === 'string' ? value.trim() : '';
      if (trimmed) return trimmed;
    }
  }
  return undefined;
}

/** Every non-blank value of `keys`, in order. */
export function all(p: FtmProperties, ...keys: string[]): string[] {
  return keys.flatMap((key) =>
    (p[key] ?? []).filter((v) => typeof v === 'string').map((v) => v.trim()),
  );
}

function ownershipShare(p: FtmProperties): string | undefined {
  const percentage = first(p, 'percentage');
  if (percentage) return percentage.endsWith('%') ? percentage : `${percentage}%`;
  const shares = first(p, 'sharesCount');
  return shares ? `${shares} shares` : undefined;
}

function paymentAmount(p: FtmProperties): string | undefined {
  const amount = first(p, 'amount');
  if (amount) return [amount, first(p, 'currency')].filter(Boolean).join(' ');
  const eur = first(p, 'amountEur');
  if (eur) return `${eur} EUR`;
  const usd = first(p, 'amountUsd');
  return usd ? `${usd} USD` : undefined;
}

const role = (p: FtmProperties): LinkDetails => ({ role: first(p, 'role') });

/**
 * Link schemata with a counterpart in the ontology, keyed by schema. The first schema listed
 * for a type is the one the writer uses for it.
 */
export const LINK_MAPPINGS: Readonly<Record<string, LinkMapping>> = {
  Membership: {
    type: 'MEMBER_OF',
    from: 'member',
    to: 'organization',
    noun: 'member',
    details: role,
  },
  Directorship: {
    type: 'LEADS',
    from: 'director',
    to: 'organization',
    noun: 'director',
    details: role,
  },
  Employment: {
    type: 'WORKS_FOR',
    from: 'employee',
    to: 'employer',
    noun: 'employee',
    details: role,
  },
  // A post held (a PEP's "Member of the Bundestag", "Minister of Finance"): the holder works for
  // the Position's organization, the post's name as the role.
  Occupancy: {
    type: 'WORKS_FOR',
    from: 'holder',
    to: 'post',
    noun: 'holder',
    through: { schema: 'Position', to: 'organization', role: 'name' },
    details: () => ({}),
  },
  Ownership: {
    type: 'OWNS',
    from: 'owner',
    to: 'asset',
    noun: 'owner',
    details: (p) => ({ role: ownershipShare(p) ?? first(p, 'role') }),
  },
  Family: {
    type: 'RELATED_TO',
    from: 'person',
    to: 'relative',
    noun: 'relative',
    details: (p) => ({ role: first(p, 'relationship') }),
  },
  Associate: {
    type: 'RELATED_TO',
    from: 'person',
    to: 'associate',
    noun: 'associate',
    details: (p) => ({ role: first(p, 'relationship') }),
  },
  Payment: {
    type: 'PAYS',
    from: 'payer',
    to: 'beneficiary',
    noun: 'payer',
    details: (p) => ({ measure: paymentAmount(p), description: first(p, 'purpose') }),
  },
  // `authority` is a text property in FtM; ftm.ts turns a name into an Agency entity.
  // Our curated data reads measure as what is imposed and instrument as the legal act, so
  // FtM's provisions ("Asset freeze") is the measure, program the instrument, reason the why.
  Sanction: {
    type: 'RESTRICTS',
    from: 'authority',
    to: 'entity',
    noun: 'sanctioning authority',
    sinceKeys: ['startDate', 'listingDate', 'date'],
    details: (p) => ({
      measure: first(p, 'provisions') ?? 'sanctions listing',
      instrument: first(p, 'program') ?? first(p, 'programId'),
      description: first(p, 'reason'),
    }),
  },
  UnknownLink: {
    type: 'LINKED_TO',
    from: 'subject',
    to: 'object',
    noun: 'linked party',
    details: role,
  },
  // An agent acting for a client (a lawyer, a lobbyist, a registered agent): the ontology has
  // no "represents", so it is a link with the agent's role.
  Representation: {
    type: 'LINKED_TO',
    from: 'agent',
    to: 'client',
    noun: 'representative',
    details: (p) => ({ role: first(p, 'role') ?? 'representative' }),
  },
};

/** FtM's identifier properties (of LegalEntity and its descendants) and the scheme of each. */
export const FTM_IDENTIFIER_PROPERTIES: Readonly<Record<string, IdentifierScheme>> = {
  leiCode: 'LEI',
  registrationNumber: 'REGISTRATION_NUMBER',
  taxNumber: 'TAX_NUMBER',
  vatCode: 'VAT',
  ogrnCode: 'OGRN',
  innCode: 'INN',
  swiftBic: 'SWIFT_BIC',
  isinCode: 'ISIN',
  dunsCode: 'DUNS',
};

/**
 * What begins the id of every line Entente writes: the rest is the record's own id, read back as
 * it is. Such a line also says what FtM has no word for: the entity's kind as its
 * `classification`, a type without a schema of its own at the head of an UnknownLink's role.
 */
export const ENTENTE_ID_PREFIX = 'entente:';

/** The record id an FtM id written by Entente carries, else undefined. */
export function ententeId(ftmId: string): string | undefined {
  if (!ftmId.startsWith(ENTENTE_ID_PREFIX)) return undefined;
  const id = ftmId.slice(ENTENTE_ID_PREFIX.length);
  return isSlug(id) ? id : undefined;
}
