import { lineColumn, message, type Message } from '../model/message.js';
import { parseXml, xmlOffsetOf as offsetOf, type XmlNode } from '../util/xml.js';

/** A parsed REFI-QDA project document and a way to locate messages in it. */
export interface ParsedXml {
  root: XmlNode | null;
  messages: Message[];
  /** A located message at an element (line and column of its start tag). */
  at(node: unknown, reason: string, ruleId: string, fatal?: boolean): Message;
}

// Elements that may repeat: always arrays, so one occurrence reads like many.
const REPEATED = new Set([
  'User',
  'Code',
  'Variable',
  'Case',
  'TextSource',
  'PictureSource',
  'PDFSource',
  'AudioSource',
  'VideoSource',
  'PlainTextSelection',
  'Coding',
  'CodeRef',
  'VariableValue',
  'SourceRef',
  'SelectionRef',
  'Set',
  'Note',
  'NoteRef',
]);

/**
 * Parse a `.qde` document. Malformed XML is one fatal message at its line and column; the
 * element named `rootName` must be the root.
 * @example parseProjectXml('<Project name="p"/>', 'p.qdpx!project.qde', 'Project').root?.name // 'p'
 */
export function parseProjectXml(text: string, file: string, rootName: string): ParsedXml {
  const at = (node: unknown, reason: string, ruleId: string, fatal = false): Message => {
    const pos = lineColumn(text, offsetOf(node));
    return message(reason, { file, line: pos.line, column: pos.column, ruleId, source: 'import-qdpx', fatal });
  };
  const parsed = parseXml(text, REPEATED);
  if ('error' in parsed) {
    return {
      root: null,
      at,
      messages: [
        message(parsed.error.reason, {
          file,
          line: parsed.error.line,
          column: parsed.error.column,
          ruleId: 'xml-syntax',
          source: 'import-qdpx',
          fatal: true,
        }),
      ],
    };
  }
  const doc = parsed.doc;
  const root = doc[rootName];
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    return {
      root: null,
      at,
      messages: [
        message(`not a REFI-QDA project: the root element must be <${rootName}>`, {
          file,
          line: 1,
          column: 1,
          ruleId: 'qdpx-shape',
          source: 'import-qdpx',
          fatal: true,
        }),
      ],
    };
  }
  return { root: root as XmlNode, at, messages: [] };
}
