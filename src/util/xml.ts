// XML in and out, for the REFI-QDA formats: parse with element offsets, walk the parsed nodes,
// build documents.
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

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
export function parseXml(
  text: string,
  repeated: ReadonlySet<string>,
): { doc: XmlNode } | { error: { reason: string; line: number; column: number } } {
  const valid = XMLValidator.validate(text);
  if (valid !== true)
    return { error: { reason: `the XML is not well-formed: ${valid.err.msg}`, line: valid.err.line, column: valid.err.col } };
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
  try {
    return { doc: parser.parse(text) as XmlNode };
  } catch (e) {
    // The parser refuses what the validator lets through: external entities, entity expansion past its limits.
    const doctype = text.search(/<!DOCTYPE/i);
    const at = doctype < 0 ? 0 : doctype;
    const line = text.slice(0, at).split('\n').length;
    return {
      error: {
        reason: `the XML cannot be read: ${(e as Error).message.replace(/\.$/, '')} (qda never loads external entities)`,
        line,
        column: at - text.lastIndexOf('\n', at - 1),
      },
    };
  }
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

/**
 * The child elements `name` of a node (none when absent).
 * @example children(project, 'Users').length
 */
export function children(node: unknown, name: string): XmlNode[] {
  if (node === null || typeof node !== 'object') return [];
  const value = (node as XmlNode)[name];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is XmlNode => typeof v === 'object' && v !== null);
}

/**
 * The one child element `name`, when present.
 * @example child(project, 'Sources')
 */
export function child(node: unknown, name: string): XmlNode | undefined {
  return children(node, name)[0];
}

/**
 * An attribute's value, when present.
 * @example attr(user, 'name') // 'cp'
 */
export function attr(node: XmlNode, name: string): string | undefined {
  const value = node[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The text of a child element such as `<Description>`: undefined when the element is absent.
 * @example textOf(project, 'Description')
 */
export function textOf(node: XmlNode, name: string): string | undefined {
  const value = node[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first;
  if (first !== null && typeof first === 'object') {
    const text = (first as XmlNode)['#text'];
    return typeof text === 'string' ? text : '';
  }
  return undefined;
}

/** An element for fast-xml-parser's builder: `@_x` keys are attributes, the rest child elements. */
export type XmlElement = { [key: string]: string | XmlElement | XmlElement[] };

/**
 * Serialise an element tree as an XML document: UTF-8 declaration, two-space indent, text
 * stripped of characters XML 1.0 cannot hold, attribute values on one line.
 * @example xmlDocument({ A: { '@_x': '1' } }) // '<?xml version="1.0" encoding="utf-8"?>\n<A x="1"/>\n'
 */
export function xmlDocument(root: XmlElement): string {
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
    suppressBooleanAttributes: false,
    processEntities: true,
    tagValueProcessor: (_name, value) => (typeof value === 'string' ? xmlSafe(value) : value),
    attributeValueProcessor: (_name, value) => (typeof value === 'string' ? xmlSafe(value).replace(/[\t\n\r]+/g, ' ') : value),
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n${builder.build(root).trimEnd()}\n`;
}

/** Drop what XML 1.0 forbids: control characters other than tab and line ends, lone surrogates, U+FFFE/U+FFFF. */
function xmlSafe(text: string): string {
  return text.replace(
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '',
  );
}
