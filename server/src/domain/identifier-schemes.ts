/**
 * The registers an entity's identifiers come from: codes that name one company or body in an
 * official list, so that two datasets speaking of it can be matched by value rather than by name.
 * A closed set, drawn from the identifier properties of FollowTheMoney's LegalEntity.
 */
export const IDENTIFIER_SCHEMES = [
  'LEI',
  'REGISTRATION_NUMBER',
  'TAX_NUMBER',
  'VAT',
  'OGRN',
  'INN',
  'SWIFT_BIC',
  'ISIN',
  'DUNS',
] as const;

export type IdentifierScheme = (typeof IDENTIFIER_SCHEMES)[number];

export interface IdentifierSchemeInfo {
  label: string;
  /** The form every value of the scheme has, where the register fixes one. */
  pattern?: RegExp;
  /** The pattern in words, with an example, for messages. */
  format?: string;
}

export const IDENTIFIER_SCHEME_INFO: Record<IdentifierScheme, IdentifierSchemeInfo> = {
  LEI: {
    label: 'Legal Entity Identifier (ISO 17442)',
    pattern: /^[A-Z0-9]{20}$/,
    format: '20 capital letters and digits such as "HWUPKR0MPOU8FGXBT394"',
  },
  REGISTRATION_NUMBER: { label: 'company register number' },
  TAX_NUMBER: { label: 'tax identification number' },
  VAT: { label: 'VAT number' },
  OGRN: {
    label: 'Russian primary state registration number (OGRN)',
    pattern: /^\d{13}(\d{2})?$/,
    format: '13 digits (15 for a sole trader) such as "1027700132195"',
  },
  INN: {
    label: 'Russian taxpayer number (INN)',
    pattern: /^\d{10}(\d{2})?$/,
    format: '10 digits (12 for a person) such as "7707083893"',
  },
  SWIFT_BIC: {
    label: 'SWIFT/BIC bank code (ISO 9362)',
    pattern: /^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/,
    format: '8 or 11 capital letters and digits such as "SABRRUMM"',
  },
  ISIN: {
    label: 'securities number (ISIN, ISO 6166)',
    pattern: /^[A-Z]{2}[A-Z0-9]{9}\d$/,
    format:
      '12 characters: a country code, 9 letters or digits, a check digit, such as "RU0009029540"',
  },
  DUNS: {
    label: 'Dun & Bradstreet number (D-U-N-S)',
    pattern: /^\d{9}$/,
    format: '9 digits such as "150483782"',
  },
};

/** Why `value` cannot be an identifier of `scheme`, or undefined when it can. */
export function identifierProblem(scheme: IdentifierScheme, value: string): string | undefined {
  const { pattern, format } = IDENTIFIER_SCHEME_INFO[scheme];
  if (!pattern || pattern.test(value)) return undefined;
  return `${scheme} must be ${format}, got "${value}"`;
}
