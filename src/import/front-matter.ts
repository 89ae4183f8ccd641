import { LineCounter, parseDocument } from 'yaml';
import { message, type Message } from '../model/message.js';
import type { Attributes, AttributeValue, Participant } from '../model/document.js';

/** Front matter split off a normalised text. `bodyStart` is the UTF-16 offset where the body begins. */
export interface FrontMatter {
  data: Record<string, unknown>;
  bodyStart: number;
  messages: Message[];
}

const OPEN = /^---[ \t]*\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * Read optional YAML front matter (`---` … `---`) at the start of a normalised text.
 * A YAML error becomes a fatal message located in the file.
 * @example readFrontMatter('---\nid: a\n---\nHalo', 'a.md').data.id // 'a'
 */
export function readFrontMatter(text: string, file: string): FrontMatter {
  const open = OPEN.exec(text);
  if (!open) return { data: {}, bodyStart: 0, messages: [] };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) {
    return {
      data: {},
      bodyStart: 0,
      messages: [
        message('front matter opened with `---` is never closed', {
          file,
          line: 1,
          column: 1,
          ruleId: 'front-matter-unclosed',
          source: 'import-text',
          fatal: true,
        }),
      ],
    };
  }
  const yamlText = rest.slice(0, close.index);
  let bodyStart = open[0].length + close.index + close[0].length;
  if (text[bodyStart] === '\n') bodyStart++;
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const messages = doc.errors.map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return message(`front matter is not valid YAML: ${firstLine(e.message)}`, {
      file,
      line: pos.line + 1,
      column: pos.col,
      ruleId: 'front-matter-yaml',
      source: 'import-text',
      fatal: true,
    });
  });
  if (messages.length > 0) return { data: {}, bodyStart, messages };
  const data = doc.toJS() as unknown;
  if (data === null || data === undefined) return { data: {}, bodyStart, messages };
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      data: {},
      bodyStart,
      messages: [
        message('front matter must be a mapping of `key: value` lines', {
          file,
          line: 2,
          column: 1,
          ruleId: 'front-matter-shape',
          source: 'import-text',
          fatal: true,
        }),
      ],
    };
  }
  return { data: data as Record<string, unknown>, bodyStart, messages };
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

/** A front-matter value as an attribute: scalars stay, lists are joined with `; `, objects become JSON. */
export function toAttributeValue(value: unknown): AttributeValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map((v) => String(toAttributeValue(v))).join('; ');
  return JSON.stringify(value);
}

/**
 * Participants from front matter: a list of `{name, role, person, …}` objects or of names, or
 * a mapping `name: role`. `person` says who the participant is across documents.
 */
export function readParticipants(value: unknown): Participant[] {
  const out: Participant[] = [];
  const add = (name: unknown, role: unknown, extra: Record<string, unknown> = {}) => {
    if (typeof name !== 'string' && typeof name !== 'number') return;
    const attributes: Attributes = {};
    for (const [k, v] of Object.entries(extra)) if (k !== 'name' && k !== 'role' && k !== 'person') attributes[k] = toAttributeValue(v);
    const p: Participant = { name: String(name).trim(), attributes };
    if (typeof role === 'string' && role.trim()) p.role = role.trim();
    const person = extra.person;
    if ((typeof person === 'string' && person.trim()) || typeof person === 'number') p.person = String(person).trim();
    out.push(p);
  };
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item && typeof item === 'object')
        add((item as Record<string, unknown>).name, (item as Record<string, unknown>).role, item as Record<string, unknown>);
      else add(item, undefined);
    }
  } else if (value && typeof value === 'object') {
    for (const [name, role] of Object.entries(value)) add(name, role);
  }
  return out;
}
