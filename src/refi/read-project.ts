import { parse as parseYaml } from 'yaml';
import type { Codebook } from '../model/codebook.js';
import type { Coding, CodingRow } from '../model/coding.js';
import { placeCodings } from '../coding/place-codings.js';
import type { Attributes, Document, ImportResult } from '../model/document.js';
import { message, type Message } from '../model/message.js';
import { decodeBytes } from '../text/decode.js';
import { fromText } from '../import/text.js';
import { parseQdc } from './read-qdc.js';
import { QdpxEntryIndex, type QdpxEntries } from './entries.js';
import {
  CONVENTION_TEXT,
  detectConvention,
  POSITION_CONVENTIONS,
  positionMapper,
  snapSpan,
  type ConventionChoice,
  type PositionConvention,
  type RawSelection,
  type SourceText,
} from './positions.js';
import { readSourceText } from './source-text.js';
import { readCases, readValues, readVariables, type QdpxCase, type QdpxVariable } from './variables.js';
import { parseProjectXml } from './project-xml.js';
import { PROJECT_FENCE } from './conventions.js';
import { uniqueName } from '../util/unique-name.js';
import { attr, child, children, textOf, type XmlNode } from '../util/xml.js';
import { stripBom } from '../util/bom.js';
import { fileStem } from '../util/file-name.js';

/** A user (coder) of a REFI-QDA project. */
export interface QdpxUser {
  guid: string;
  /** The name codings carry as their coder: the user's name, else its id, else its GUID. */
  name: string;
  id?: string;
}

/** Options of the REFI-QDA project reader. */
export interface QdpxImportOptions {
  /** The `.qdpx` path, used in messages and document files (`p.qdpx!sources/a.txt`). */
  file: string;
  /** The codebook's default language when the project does not say. */
  language?: string;
}

/** How positions were read, for messages and `project.json`. */
export interface PositionsReport extends ConventionChoice {
  text: string;
  /** The convention the project itself states (qda writes it in the project's description). */
  stated?: PositionConvention;
}

/** Everything read from a `.qdpx`. Codings have UTF-16 offsets into their document's text. */
export interface QdpxImport extends ImportResult {
  codebook: Codebook | null;
  codings: Coding[];
  users: QdpxUser[];
  cases: QdpxCase[];
  variables: QdpxVariable[];
  meta: { format: 'qdpx'; name: string; origin?: string; entry?: string; positions?: PositionsReport };
}

const SOURCE = 'import-qdpx';
const OTHER_SOURCES = ['PictureSource', 'PDFSource', 'AudioSource', 'VideoSource'];

interface PendingSource {
  node: XmlNode;
  guid: string;
  label: string;
  source: SourceText;
  from: string;
  selections: Array<{ node: XmlNode; raw: RawSelection }>;
}

/**
 * A `.qdpx` import holding nothing yet but `messages` (the result of one that could not be read).
 * @example emptyQdpxImport().codings // []
 */
export function emptyQdpxImport(messages: Message[] = []): QdpxImport {
  return {
    corpus: { documents: [] },
    codebook: null,
    codings: [],
    users: [],
    cases: [],
    variables: [],
    messages,
    meta: { format: 'qdpx', name: '' },
  };
}

/**
 * Read a REFI-QDA project from its unzipped entries: users, codebook, text sources (plain
 * text, inline, or `.docx` when there is no plain text), selections with their codings,
 * variables and cases as document attributes. The position convention is detected from how
 * the selections fit the texts (see `detectConvention`) and reported in `meta.positions`.
 * Empty sources, dangling references and selections outside their text are warnings.
 * @example const { corpus, codings } = await fromQdpx(new Map(Object.entries(unzipSync(bytes))), { file: 'p.qdpx' })
 */
export async function fromQdpx(entries: QdpxEntries, options: QdpxImportOptions): Promise<QdpxImport> {
  const file = options.file;
  const result = emptyQdpxImport();
  const messages = result.messages;
  const index = new QdpxEntryIndex(entries);
  const project = index.project();
  if ('problem' in project) {
    messages.push(message(project.problem, { file, ruleId: 'no-project', source: SOURCE, fatal: true }));
    return result;
  }
  const qdeFile = `${file}!${project.name}`;
  const decoded = decodeBytes(project.bytes);
  const xml = stripBom(decoded.text);
  const parsed = parseProjectXml(xml, qdeFile, 'Project');
  messages.push(...parsed.messages);
  if (parsed.root === null) return result;
  const root = parsed.root;
  const at = parsed.at;
  result.meta = { format: 'qdpx', name: attr(root, 'name') ?? '', entry: project.name };
  const origin = attr(root, 'origin');
  if (origin !== undefined) result.meta.origin = origin;

  const stated = readProjectBlock(textOf(root, 'Description'), (reason) =>
    messages.push(at(child(root, 'Description'), reason, 'project-description')),
  );
  const language = options.language ?? stated.language;
  const read = parseQdc(xml, qdeFile, { inProject: true, ...(language !== undefined ? { language } : {}) });
  messages.push(...read.messages);
  result.codebook = read.codebook;
  if (result.codebook === null) return result;
  // A codebook qda exported says its own name; other tools' codebooks take the project's.
  const codebookName = stated.codebook ? stated.codebook.name : result.meta.name || undefined;
  if (codebookName !== undefined) result.codebook.name = codebookName;
  if (stated.codebook?.description !== undefined) result.codebook.description = stated.codebook.description;

  const users = readUsers(root);
  result.users = [...users.values()];
  const variables = readVariables(root);
  result.variables = [...variables.values()];
  result.cases = readCases(root, variables, at, messages);

  const sources = child(root, 'Sources');
  for (const kind of OTHER_SOURCES) {
    const n = children(sources, kind).length;
    if (n > 0) messages.push(at(sources, `${n} ${kind} element(s) are not imported: only text sources are read`, 'source-kind'));
  }
  const pending = await readTextSources(children(sources, 'TextSource'), index, at, messages);
  const choice = detectConvention(
    pending.map((p) => ({ source: p.source, selections: p.selections.map((s) => s.raw) })),
    stated.positions,
  );
  const positions: PositionsReport = { ...choice, text: CONVENTION_TEXT[choice.convention] };
  if (stated.positions !== undefined) positions.stated = stated.positions;
  result.meta.positions = positions;
  reportConvention(positions, qdeFile, messages);

  const coderOf = coderNames(users);
  const caseAttributes = attributesFromCases(result.cases);
  const taken = new Set<string>();
  const documentOfSource = new Map<string, string>();
  for (const p of pending) {
    const attributes: Attributes = { ...caseAttributes.get(p.guid), ...readValues(p.node, variables, at, messages) };
    const doc = documentOf(p, `${file}!${p.from}`, attributes, options.language, messages);
    const safe = safeId(doc.id);
    const id = uniqueName(safe, taken);
    if (id !== safe) messages.push(at(p.node, `two sources are named "${safe}"; this one is "${id}"`, 'duplicate-document-id'));
    doc.id = id;
    documentOfSource.set(p.guid, id);
    result.corpus.documents.push(doc);
    const codings = codingsOf(p, doc, positionMapper(p.source, choice.convention), read.idByGuid, coderOf, at, messages);
    for (const c of codings) result.codings.push(c);
  }
  for (const c of result.cases) c.documents = c.sources.map((g) => documentOfSource.get(g)).filter((id): id is string => id !== undefined);
  return result;
}

async function readTextSources(nodes: readonly XmlNode[], index: QdpxEntryIndex, at: AtFn, messages: Message[]): Promise<PendingSource[]> {
  const pending: PendingSource[] = [];
  for (const [i, node] of nodes.entries()) {
    const guid = attr(node, 'guid') ?? `source-${i + 1}`;
    const label = sourceLabel(node, guid);
    const text = await readSourceText(node, index);
    const selectionNodes = children(node, 'PlainTextSelection');
    if (text.source === null) {
      const codings = selectionNodes.reduce((n, s) => n + children(s, 'Coding').length, children(node, 'Coding').length);
      const lost = codings > 0 ? ` and its ${codings} coding(s) are` : ' is';
      messages.push(at(node, `source "${label}" has no text (${text.notes.join('; ')}); it${lost} left out`, 'empty-source'));
      continue;
    }
    for (const note of text.notes) messages.push(at(node, `source "${label}": ${note}`, 'source-text'));
    const selections: PendingSource['selections'] = [];
    for (const s of selectionNodes) {
      const start = Number(attr(s, 'startPosition'));
      const end = Number(attr(s, 'endPosition'));
      if (!Number.isInteger(start) || !Number.isInteger(end)) {
        messages.push(
          at(s, `selection ${attr(s, 'guid') ?? ''} has no whole-number startPosition/endPosition; it is left out`, 'bad-selection'),
        );
        continue;
      }
      const name = attr(s, 'name');
      selections.push({ node: s, raw: { start, end, ...(name ? { name } : {}) } });
    }
    pending.push({ node, guid, label, source: text.source, from: text.from, selections });
  }
  return pending;
}

type AtFn = (node: unknown, reason: string, ruleId: string, fatal?: boolean) => Message;

function codingsOf(
  p: PendingSource,
  doc: Document,
  map: (position: number) => number | null,
  idByGuid: ReadonlyMap<string, string>,
  coderOf: (guid: string | undefined) => string,
  at: AtFn,
  messages: Message[],
): Coding[] {
  const rows: CodingRow[] = [];
  const add = (codingNode: XmlNode, start: number, end: number, fallbackUser: string | undefined) => {
    const target = attr(child(codingNode, 'CodeRef') ?? {}, 'targetGUID');
    const code = target === undefined ? undefined : idByGuid.get(target);
    if (code === undefined) {
      messages.push(
        at(
          codingNode,
          `coding refers to ${target === undefined ? 'no code' : `code ${target}, which is not in the codebook`}; it is left out`,
          'unknown-code',
        ),
      );
      return;
    }
    const coder = coderOf(attr(codingNode, 'creatingUser') ?? fallbackUser);
    rows.push({
      document: doc.id,
      segment: null,
      span: { start, end },
      code,
      coder,
      source: coder === 'auto' ? 'auto' : 'manual',
      matches: [],
    });
  };
  for (const { node, raw } of p.selections) {
    const start = map(raw.start);
    const end = map(raw.end);
    if (start === null || end === null || start > end) {
      messages.push(
        at(
          node,
          `selection ${raw.name ?? attr(node, 'guid') ?? ''} (${raw.start}–${raw.end}) lies outside the text of "${p.label}"; it is left out`,
          'selection-out-of-range',
        ),
      );
      continue;
    }
    const span = snapSpan(doc.text, start, end);
    for (const codingNode of children(node, 'Coding')) add(codingNode, span.start, span.end, attr(node, 'creatingUser'));
  }
  // A coding of the source itself (not of a selection) covers the whole text.
  for (const codingNode of children(p.node, 'Coding')) add(codingNode, 0, doc.text.length, attr(p.node, 'creatingUser'));
  // A selection stays one coding, filed under the turn it overlaps most.
  const placed = placeCodings(rows, [doc], { unit: 'turn', mode: 'span', offsets: 'utf16', file: doc.file });
  messages.push(...placed.messages);
  return placed.codings;
}

/**
 * A document from a source's text, read as a plain-text transcript (speaker turns, front
 * matter) so that it codes and counts like any other; a text that reader rejects becomes one
 * turn, with its complaints kept as warnings.
 */
function documentOf(p: PendingSource, file: string, attributes: Attributes, language: string | undefined, messages: Message[]): Document {
  const id = safeId(p.label);
  const read = fromText(p.source.text, { file, format: 'txt', id, attributes, ...(language !== undefined ? { language } : {}) });
  const doc = read.corpus.documents[0];
  for (const m of read.messages) messages.push(m.fatal ? { ...m, fatal: false, note: 'the source is imported as one turn' } : m);
  if (doc !== undefined) return { ...doc, format: 'qdpx' };
  const text = p.source.text;
  const start = text.length - text.trimStart().length;
  return { id, file, format: 'qdpx', text, attributes, participants: [], turns: [{ speaker: null, start, end: text.trimEnd().length }] };
}

function readUsers(root: XmlNode): Map<string, QdpxUser> {
  const users = new Map<string, QdpxUser>();
  const names = new Map<string, number>();
  const list = children(child(root, 'Users'), 'User');
  for (const u of list) {
    const name = attr(u, 'name') ?? attr(u, 'id') ?? attr(u, 'guid') ?? 'unknown';
    names.set(name, (names.get(name) ?? 0) + 1);
  }
  for (const u of list) {
    const guid = attr(u, 'guid');
    if (guid === undefined) continue;
    const id = attr(u, 'id');
    let name = attr(u, 'name') ?? id ?? guid;
    // Two users with one name stay two coders.
    if ((names.get(name) ?? 0) > 1) name = `${name} (${id ?? guid})`;
    users.set(guid, { guid, name, ...(id !== undefined ? { id } : {}) });
  }
  return users;
}

/** The coder of a GUID: its user's name; a project with one user attributes unsigned codings to it. */
function coderNames(users: ReadonlyMap<string, QdpxUser>): (guid: string | undefined) => string {
  const only = users.size === 1 ? [...users.values()][0].name : undefined;
  return (guid) => (guid !== undefined ? (users.get(guid)?.name ?? guid) : (only ?? 'unknown'));
}

/** Attributes each source gets from its cases: `case` (names joined by `|`) and the cases' variables. */
function attributesFromCases(cases: readonly QdpxCase[]): Map<string, Attributes> {
  const out = new Map<string, Attributes>();
  for (const c of cases) {
    for (const guid of c.sources) {
      const attrs = out.get(guid) ?? {};
      attrs.case = typeof attrs.case === 'string' ? `${attrs.case}|${c.name}` : c.name;
      for (const [k, v] of Object.entries(c.attributes)) if (!(k in attrs)) attrs[k] = v;
      out.set(guid, attrs);
    }
  }
  return out;
}

function reportConvention(p: PositionsReport, file: string, messages: Message[]): void {
  if (!p.decisive) return;
  const runnerUp = POSITION_CONVENTIONS.filter((c) => c !== p.convention).sort((a, b) => p.scores[b] - p.scores[a])[0];
  const reason = `positions read as ${p.text}: ${p.aligned[p.convention]} of ${p.selections} selections start and end on word boundaries (as ${CONVENTION_TEXT[runnerUp]}: ${p.aligned[runnerUp]})`;
  messages.push(message(reason, { file, ruleId: 'position-convention', source: SOURCE }));
  if (p.stated !== undefined && p.stated !== p.convention) {
    messages.push(
      message(`the project says its positions are ${CONVENTION_TEXT[p.stated]}, but they fit the text better as ${p.text}`, {
        file,
        ruleId: 'position-convention',
        source: SOURCE,
      }),
    );
  }
}

interface ProjectBlock {
  positions?: PositionConvention;
  language?: string;
  codebook?: { name?: string; description?: string };
}

/** Read the `qda-project` block qda writes into the project's Description. */
function readProjectBlock(description: string | undefined, warn: (reason: string) => void): ProjectBlock {
  const fence = new RegExp(`(?:^|\\n)[ \\t]*\`\`\`${PROJECT_FENCE}[ \\t]*\\n([\\s\\S]*?)\\n[ \\t]*\`\`\``).exec(description ?? '');
  if (!fence) return {};
  let value: unknown;
  try {
    value = parseYaml(fence[1]);
  } catch (e) {
    warn(`the ${PROJECT_FENCE} block is not valid YAML (${(e as Error).message.split('\n')[0]}); it is ignored`);
    return {};
  }
  if (value === null || typeof value !== 'object') return {};
  const v = value as Record<string, unknown>;
  const out: ProjectBlock = {};
  if (typeof v.positions === 'string' && (POSITION_CONVENTIONS as readonly string[]).includes(v.positions))
    out.positions = v.positions as PositionConvention;
  if (typeof v.language === 'string') out.language = v.language;
  if (v.codebook !== null && typeof v.codebook === 'object') {
    const cb = v.codebook as Record<string, unknown>;
    out.codebook = {};
    if (typeof cb.name === 'string') out.codebook.name = cb.name;
    if (typeof cb.description === 'string') out.codebook.description = cb.description;
  }
  return out;
}

function sourceLabel(node: XmlNode, guid: string): string {
  const name = attr(node, 'name')?.trim();
  if (name) return name.replace(/\.(?:txt|docx?|rtf|md|pdf)$/i, '');
  const path = attr(node, 'plainTextPath') ?? attr(node, 'richTextPath');
  if (path) return fileStem(path.replace(/^[a-z]+:\/\//i, '')) || guid;
  return guid;
}

/** A document id that is also a safe file name (the import writes `<id>.txt`). */
function safeId(label: string): string {
  const id = label.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/^[\s.-]+|[\s.]+$/g, '');
  return id.length > 0 ? id : 'source';
}
