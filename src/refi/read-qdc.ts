import type { Code, Codebook } from '../model/codebook.js';
import { lineColumn, message, type Message } from '../model/message.js';
import type { CodebookResult } from '../codebook/parse.js';
import { uniqueName } from '../util/unique-name.js';
import { attr, child, children, parseXml, textOf, xmlOffsetOf as offsetOf, type XmlNode } from '../util/xml.js';
import { blockLanguages, idSegmentOf, readRefiCode, splitDescription, type SplitDescription } from './code-text.js';
import { stripBom } from '../util/bom.js';

/** Options of the REFI-QDA codebook reader. */
export interface QdcOptions {
  /**
   * The codebook's default language (labels are filed under it). Default: the language most
   * terms of the `qda-rules` blocks are in, else `id` as in the YAML format.
   */
  language?: string;
  /** True when the codebook is part of a project (`<Project>`): an empty one is then allowed. */
  inProject?: boolean;
}

/** A REFI-QDA codebook read into ours, with the code id of every `<Code guid>`. */
export interface QdcResult extends CodebookResult {
  idByGuid: Map<string, string>;
}

interface FoundCode {
  node: XmlNode;
  parent: number | null;
  name: string;
  guid: string | undefined;
  description: SplitDescription;
  offset: number;
}

const ARRAY_ELEMENTS = new Set(['Code', 'Set', 'MemberCode']);

/**
 * Read a REFI-QDA codebook: a `.qdc` file (`<CodeBook>`) or the `<CodeBook>` of a project's
 * `.qde`. Accepts what real tools write: GUIDs that are not GUIDs, missing optional
 * attributes, nested codes, sets (reported, not kept). Code names become id segments
 * (`idSegmentOf`), unique among siblings; the name stays the label. Malformed XML is a fatal
 * message at its `line:col`.
 * @example parseQdc(readFileSync('example_codebook.qdc', 'utf8'), 'example_codebook.qdc').codebook?.codes.length // 44
 */
export function parseQdc(input: string, file: string, options: QdcOptions = {}): QdcResult {
  const text = stripBom(input);
  const idByGuid = new Map<string, string>();
  const messages: Message[] = [];
  const at = (offset: number, reason: string, ruleId: string, fatal = false) => {
    const pos = lineColumn(text, offset);
    messages.push(message(reason, { file, line: pos.line, column: pos.column, ruleId, source: 'codebook-qdc', fatal }));
  };
  const parsed = parseXml(text, ARRAY_ELEMENTS);
  if ('error' in parsed) {
    messages.push(
      message(parsed.error.reason, {
        file,
        line: parsed.error.line,
        column: parsed.error.column,
        ruleId: 'xml-syntax',
        source: 'codebook-qdc',
        fatal: true,
      }),
    );
    return { codebook: null, messages, idByGuid };
  }
  const doc = parsed.doc;
  const root = (doc.CodeBook ?? (doc.Project as XmlNode | undefined)?.CodeBook) as XmlNode | undefined;
  const empty = (reason: string, ruleId: string, offset: number): QdcResult => {
    at(offset, reason, ruleId, !options.inProject);
    return { codebook: options.inProject ? { language: options.language ?? 'id', codes: [] } : null, messages, idByGuid };
  };
  if (root === undefined || typeof root !== 'object') {
    if (doc.Project !== undefined) return empty('the project has no codebook', 'codebook-empty', offsetOf(doc.Project));
    at(0, 'not a REFI-QDA codebook: the root element must be <CodeBook> (.qdc) or <Project> (.qde)', 'qdc-shape', true);
    return { codebook: null, messages, idByGuid };
  }
  const found: FoundCode[] = [];
  const walk = (nodes: readonly XmlNode[], parent: number | null) => {
    for (const node of nodes) {
      const guid = attr(node, 'guid');
      const name = attr(node, 'name');
      const offset = offsetOf(node);
      if (name === undefined) at(offset, `code ${guid ?? 'without guid'} has no name; its guid is used`, 'missing-name');
      if (guid === undefined) at(offset, `code "${name ?? ''}" has no guid: codings cannot refer to it`, 'missing-guid');
      found.push({
        node,
        parent,
        name: (name ?? guid ?? 'code').trim(),
        guid,
        description: splitDescription(textOf(node, 'Description') ?? ''),
        offset,
      });
      walk(children(node, 'Code'), found.length - 1);
    }
  };
  walk(children(child(root, 'Codes'), 'Code'), null);
  if (found.length === 0) return empty('the codebook has no codes', 'codebook-empty', offsetOf(root));

  const blocks = found.map((f) => f.description.block).filter((b) => b !== null);
  const language = options.language ?? blockLanguages(blocks)[0] ?? 'id';
  const contents = found.map((f) => {
    const content = readRefiCode(
      { name: f.name, ...(attr(f.node, 'color') !== undefined ? { color: attr(f.node, 'color') } : {}), description: f.description },
      language,
    );
    for (const problem of content.problems) at(f.offset, `code "${f.name}": ${problem}`, 'code-description');
    return content;
  });
  const ids = assignIds(
    found,
    contents.map((c) => c.segment),
    (f, reason) => at(f.offset, reason, 'duplicate-id'),
  );

  const codes: Code[] = found.map((f, i) => ({ id: ids[i], parent: f.parent === null ? null : ids[f.parent], ...contents[i].code }));
  found.forEach((f, i) => {
    if (f.guid === undefined) return;
    if (idByGuid.has(f.guid))
      at(
        f.offset,
        `code "${f.name}": guid ${f.guid} is already used by code "${idByGuid.get(f.guid)}"; codings with it go to the first`,
        'duplicate-guid',
      );
    else idByGuid.set(f.guid, ids[i]);
  });
  const sets = children(child(root, 'Sets'), 'Set');
  if (sets.length > 0) {
    const names = sets.map((s) => `"${attr(s, 'name') ?? attr(s, 'guid') ?? ''}"`).join(', ');
    at(offsetOf(child(root, 'Sets')), `${sets.length} code set(s) are not kept (${names}): a qda codebook is one tree`, 'sets-dropped');
  }
  const codebook: Codebook = { language, codes };
  return { codebook, messages, idByGuid };
}

/**
 * Ids of the found codes (parents before children): the block's segment where it gives one,
 * else the name's segment; `-2`, `-3`… make siblings unique, in document order.
 */
function assignIds(
  found: readonly FoundCode[],
  explicit: ReadonlyArray<string | null>,
  clash: (f: FoundCode, reason: string) => void,
): string[] {
  const segments = new Array<string | undefined>(found.length);
  const used = new Map<number | null, Set<string>>();
  const usedUnder = (parent: number | null) => {
    let set = used.get(parent);
    if (!set) used.set(parent, (set = new Set()));
    return set;
  };
  // Explicit segments are claimed first so that a name's slug never takes the id another code asks for.
  found.forEach((f, i) => {
    const segment = explicit[i];
    if (segment === null) return;
    const set = usedUnder(f.parent);
    if (set.has(segment)) clash(f, `code "${f.name}": id segment "${segment}" is used twice under the same parent; this one gets a suffix`);
    else {
      set.add(segment);
      segments[i] = segment;
    }
  });
  found.forEach((f, i) => {
    if (segments[i] !== undefined) return;
    const set = usedUnder(f.parent);
    segments[i] = uniqueName(explicit[i] ?? idSegmentOf(f.name), set);
  });
  const ids: string[] = [];
  found.forEach((f, i) => ids.push(f.parent === null ? segments[i]! : `${ids[f.parent]}/${segments[i]}`));
  return ids;
}
