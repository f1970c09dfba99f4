import type { EntityKind } from '../../../server/src/domain/entity-kinds.ts';
import {
  IDENTIFIER_SCHEME_INFO,
  type IdentifierScheme,
} from '../../../server/src/domain/identifier-schemes.ts';
import { parsePartialDate } from '../../../server/src/domain/partial-date.ts';
import { slugify, stableHash } from '../../../server/src/domain/relationship-id.ts';
import type { RelationshipType } from '../../../server/src/domain/relationship-types.ts';
import { entitySchema, identifierSchema } from '../../../server/src/validation/record-schemas.ts';
import type { EntityRecord, IdentifierRecord } from '../../../server/src/validation/records.ts';

/**
 * How FollowTheMoney schemata map onto the ontology. FtM property values are always lists of
 * strings; a property we read is the first usable value of it.
 */

export type FtmProperties = Record<string, string[]>;

/**
 * The entity id for an FtM id. Depends on the id alone, so the same FtM entity gets the same
 * id in every read and every file. Ids with nothing sluggable in them (all punctuation or
 * non-Latin script) fall back to a hash, prefixed so they read as imported.
 */
export function ftmIdToSlug(ftmId: string): string {
  return slugify(ftmId) || `ftm-${stableHash(ftmId)}`;
}

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

export interface LinkMapping {
  type: RelationshipType;
  /** The properties holding the ids of the `from` and `to` ends. */
  from: string;
  to: string;
  /** What `from` is to `to`: kept as the role when the ends do not fit `type` (see ftm.ts). */
  noun: string;
  /** Where the start date is, best first; startDate, then date when not given. */
  sinceKeys?: string[];
  details: (p: FtmProperties) => LinkDetails;
}

const role = (p: FtmProperties): LinkDetails => ({ role: first(p, 'role') });

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
};

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

/**
 * The first value of `keys` that is a real date, cut to its known precision: FtM dates may be
 * full timestamps ("2011-12-29T00:00:00") or partial ("2011-12"). Values that are no date at
 * all (2018-02-30, "unknown") are passed over rather than failing the whole record: FtM exports
 * carry such values and the other values of the property are often fine.
 */
export function firstDate(p: FtmProperties, ...keys: string[]): string | undefined {
  for (const value of all(p, ...keys)) {
    const match = /^\d{4}(?:-\d{2}(?:-\d{2})?)?/.exec(value);
    if (match && parsePartialDate(match[0]).ok) return match[0];
  }
  return undefined;
}

/** FtM countries are lowercase ISO alpha-2 plus a few longer codes ("suhh", "ge-ab") we cannot use. */
export function firstCountry(p: FtmProperties): string | undefined {
  const code = all(p, 'country', 'jurisdiction', 'nationality').find((v) => /^[a-z]{2}$/i.test(v));
  return code?.toUpperCase();
}

export function firstWebsite(p: FtmProperties): string | undefined {
  for (const value of all(p, 'website')) {
    // Registries often give "example.com"; the ontology wants a URL a browser can open.
    const url = /^https?:\/\//i.test(value) ? value : `https://${value}`;
    if (entitySchema.shape.website.safeParse(url).success) return url;
  }
  return undefined;
}

export function firstWikidata(p: FtmProperties): string | undefined {
  return all(p, 'wikidataId').find((v) => /^Q\d+$/.test(v));
}

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
 * Every identifier the properties give, once each. Codes of a fixed form are read without the
 * spaces and lower case registries sometimes print them with; a value that still does not fit
 * its scheme is passed over, as an unusable date is.
 */
export function identifiersOf(p: FtmProperties): IdentifierRecord[] | undefined {
  const seen = new Set<string>();
  const found: IdentifierRecord[] = [];
  for (const [property, scheme] of Object.entries(FTM_IDENTIFIER_PROPERTIES)) {
    for (const raw of all(p, property)) {
      const value = IDENTIFIER_SCHEME_INFO[scheme].pattern
        ? raw.replace(/\s+/g, '').toUpperCase()
        : raw;
      const key = `${scheme}:${value}`;
      if (seen.has(key) || !identifierSchema.safeParse({ scheme, value }).success) continue;
      seen.add(key);
      found.push({ scheme, value });
    }
  }
  return found.length > 0 ? found : undefined;
}

export const DESCRIPTION_LIMIT = 500;

export function firstDescription(p: FtmProperties): string | undefined {
  const text = first(p, 'description', 'summary');
  if (!text || text.length <= DESCRIPTION_LIMIT) return text;
  return `${text.slice(0, DESCRIPTION_LIMIT - 1).trimEnd()}…`;
}

/** Name: the caption FtM exports pick for display, else the first name, else a person's name parts. */
export function entityFields(
  p: FtmProperties,
  caption?: string,
): Omit<EntityRecord, 'id' | 'kind' | 'evidence'> | undefined {
  const parts = ['firstName', 'middleName', 'lastName'].map((key) => first(p, key));
  const name = caption?.trim() || first(p, 'name') || parts.filter(Boolean).join(' ');
  if (!name) return undefined;
  const aliases = [...new Set(all(p, 'name', 'alias', 'previousName', 'weakAlias'))];
  return {
    name,
    aliases: aliases.filter((alias) => alias && alias !== name),
    description: firstDescription(p),
    country: firstCountry(p),
    founded: firstDate(p, 'incorporationDate', 'birthDate'),
    dissolved: firstDate(p, 'dissolutionDate', 'deathDate'),
    website: firstWebsite(p),
    wikidata: firstWikidata(p),
    identifiers: identifiersOf(p),
  };
}
