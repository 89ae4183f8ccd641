import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element as fast-xml-parser gives it: attributes by name, child elements by tag. */
export interface XmlNode {
  [key: string]: unknown;
}

const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/**
 * Parse XML the way REFI-QDA files need it: attributes without prefix, namespace prefixes
 * dropped, values kept as written (no number parsing, no trimming), entities decoded, each
 * element's start offset recorded (see `xmlOffsetOf`), and the `repeated` elements always
 * arrays, so one occurrence reads like many. Malformed XML gives its 1-based line and column.
 * @example parseXml('<CodeBook><Codes/></CodeBook>', new Set(['Code'])).doc?.CodeBook
 */
export function parseXml(text: string, repeated: ReadonlySet<string>): { doc: XmlNode } | { error: { reason: string; line: number; column: number } } {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { error: { reason: `the XML is not well-formed: ${valid.err.msg}`, line: valid.err.line, column: valid.err.col } };
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    htmlEntities: true,
    captureMetaData: true,
    isArray: (name) => repeated.has(name),
  });
  return { doc: parser.parse(text) as XmlNode };
}

/**
 * The offset in the XML text where an element parsed by `parseXml` starts (0 when unknown).
 * @example lineColumn(text, xmlOffsetOf(node))
 */
export function xmlOffsetOf(node: unknown): number {
  if (node === null || typeof node !== 'object') return 0;
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
  return meta?.startIndex ?? 0;
}
