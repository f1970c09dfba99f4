/** "InternationalOrganization" -> "INTERNATIONAL_ORGANIZATION": GraphQL enum values are UPPER_SNAKE. */
export function enumName(value: string): string {
  return value.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

/** The value among `values` whose enum name is `name`, as the API's clients read them back. */
export function fromEnumName<T extends string>(values: readonly T[], name: string): T | undefined {
  return values.find((value) => enumName(value) === name);
}
