/** The little XML the GEXF and GraphML writers need: escaped text and attributes, one element a line. */

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** Attributes with a value, in the given order: ` id="a" label="b"`. */
export function xmlAttributes(attributes: Record<string, string | undefined>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join('');
}

/** An element, empty or holding the given lines indented by two spaces. */
export function xmlElement(
  name: string,
  attributes: Record<string, string | undefined>,
  children: readonly string[] = [],
): string[] {
  const open = `<${name}${xmlAttributes(attributes)}`;
  if (children.length === 0) return [`${open}/>`];
  return [`${open}>`, ...children.map((line) => `  ${line}`), `</${name}>`];
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** An element holding text only, on one line. */
export function xmlText(
  name: string,
  text: string,
  attributes: Record<string, string | undefined> = {},
): string {
  return `<${name}${xmlAttributes(attributes)}>${escapeXml(text)}</${name}>`;
}
