import { IDENTIFIER_SCHEME_INFO } from '../../../server/src/domain/identifier-schemes.ts';
import { parsePartialDate } from '../../../server/src/domain/partial-date.ts';
import { slugify, stableHash } from '../../../server/src/domain/relationship-id.ts';
import {
  all,
  ententeId,
  FTM_IDENTIFIER_PROPERTIES,
  type FtmProperties,
  first,
} from '../../../server/src/exchange/ftm-schemata.ts';
import { entitySchema, identifierSchema } from '../../../server/src/validation/record-schemas.ts';
import type { EntityRecord, IdentifierRecord } from '../../../server/src/validation/records.ts';

/**
 * Reading FollowTheMoney values into the ontology's fields (the schemata each record maps onto
 * are in server/src/exchange/ftm-schemata.ts).
 */

/**
 * The entity id for an FtM id (for a line Entente wrote, the id it carries). Depends on the id
 * alone, so the same FtM entity gets the same id in every read and every file. Ids with nothing sluggable in them (all punctuation or
 * non-Latin script) fall back to a hash, prefixed so they read as imported.
 */
export function ftmIdToSlug(ftmId: string): string {
  return ententeId(ftmId) ?? (slugify(ftmId) || `ftm-${stableHash(ftmId)}`);
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
