import { RELATIONSHIP_TYPE_INFO, type RelationshipType } from './relationship-types.ts';

/** 64-bit FNV-1a as 16 hex digits: stable across runs and platforms, no dependencies. */
export function stableHash(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 ^ 0x5bd1e995) >>> 0;
    h2 = (h2 ^ h1) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/**
 * The id of a relationship without an explicit one: derived from what identifies it (its ends,
 * type, start and role), not from its description or evidence, so editing those updates the
 * same relationship. Symmetric types ignore direction.
 */
export function deriveRelationshipId(rel: {
  type: RelationshipType;
  from: string;
  to: string;
  since?: string;
  role?: string;
}): string {
  const [a, b] =
    RELATIONSHIP_TYPE_INFO[rel.type].symmetric && rel.to < rel.from
      ? [rel.to, rel.from]
      : [rel.from, rel.to];
  const key = [a, rel.type, b, rel.since ?? '', rel.role ?? ''].join('\u0000');
  return `${a}-${rel.type.toLowerCase().replaceAll('_', '-')}-${b}-${stableHash(key).slice(0, 8)}`;
}

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * A lowercase slug of any text, cut at a hyphen-free end within `maxLength`:
 * "NK-2GdmHt" -> "nk-2gdmht", "Müller & Co" -> "muller-co". Empty if nothing in it is sluggable.
 */
export function slugify(text: string, maxLength = Number.POSITIVE_INFINITY): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}

export function isSlug(value: string): boolean {
  return SLUG.test(value);
}

/** The id a curator's new record gets from its name or title when none is given. */
export function idFromName(name: string): string {
  return slugify(name, 60);
}
