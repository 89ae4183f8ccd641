import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLMap } from 'yaml';
import { message, type Message } from '../model/message.js';
import { emptyRules, parentId, type Code, type Codebook, type NearRule, type TermRule } from '../model/codebook.js';
import { closest } from '../util/closest.js';
import { normaliseText } from '../text/normalise.js';
import { isStemLanguage } from '../text/stem.js';
import { CSS_COLOR_NAMES, isCssColor } from './css-color.js';
import { parseTerm } from './parse-term.js';
import { compileLinearRegex, hasNestedQuantifier, UnsupportedRegexError } from './linear-regex.js';

/** What reading a codebook gives: the codebook (null when it cannot be used) and every problem found. */
export interface CodebookResult {
  codebook: Codebook | null;
  messages: Message[];
}

const TOP_KEYS = ['name', 'description', 'language', 'defaults', 'codes'];
const DEFAULT_KEYS = ['speakers', 'roles'];
const CODE_KEYS = [
  'id',
  'label',
  'definition',
  'include',
  'exclude',
  'examples',
  'color',
  'terms',
  'near',
  'regex',
  'not',
  'speakers',
  'roles',
];
const NEAR_KEYS = ['terms', 'within', 'language'];
const ID_PATTERN = /^[\p{L}\p{N}_.-]+(?:\/[\p{L}\p{N}_.-]+)*$/u;

/**
 * Parse and validate a YAML codebook (format in `docs/codebook.md`). Every problem is a
 * located message naming the code and what is expected; the codebook is null if any is fatal.
 * @example parseCodebook('codes:\n  - id: a\n    terms: [halo]\n', 'cb.yaml').codebook?.codes.length // 1
 */
export function parseCodebook(input: string, file: string): CodebookResult {
  const text = normaliseText(input);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const messages: Message[] = [];
  const at = (node: Node | null | undefined, reason: string, ruleId: string, fatal = true, note?: string) => {
    const offset = node?.range?.[0] ?? 0;
    const pos = lineCounter.linePos(offset);
    messages.push(message(reason, { file, line: pos.line, column: pos.col, ruleId, source: 'codebook', fatal, ...(note ? { note } : {}) }));
  };
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    messages.push(
      message(`YAML syntax error: ${e.message.split('\n')[0]}`, {
        file,
        line: pos.line,
        column: pos.col,
        ruleId: 'yaml-syntax',
        source: 'codebook',
        fatal: true,
      }),
    );
  }
  if (messages.length > 0) return { codebook: null, messages };
  const root = doc.contents;
  if (!isMap(root)) {
    at(root, 'a codebook is a mapping with a `codes:` list', 'codebook-shape');
    return { codebook: null, messages };
  }
  checkKeys(root, TOP_KEYS, 'the codebook', at);
  const language = languageAt(root, at) ?? 'id';
  const codebook: Codebook = { language, codes: [] };
  const name = stringAt(root, 'name', at);
  if (name !== undefined) codebook.name = name;
  const description = stringAt(root, 'description', at);
  if (description !== undefined) codebook.description = description;

  const defaults = root.get('defaults', true) as Node | undefined;
  let defaultSpeakers: string[] = [];
  let defaultRoles: string[] = [];
  if (defaults !== undefined) {
    if (!isMap(defaults)) at(defaults, '`defaults` must be a mapping with `speakers` and/or `roles`', 'codebook-shape');
    else {
      checkKeys(defaults, DEFAULT_KEYS, '`defaults`', at);
      defaultSpeakers = stringList(defaults, 'speakers', 'defaults', at);
      defaultRoles = stringList(defaults, 'roles', 'defaults', at);
    }
  }

  const codes = root.get('codes', true) as Node | undefined;
  if (!isSeq(codes)) {
    at(codes ?? root, 'the codebook needs a `codes:` list of codes', 'codebook-shape');
    return { codebook: null, messages };
  }
  const seen = new Map<string, Node>();
  const idNodes = new Map<string, Node>();
  for (const item of codes.items) {
    if (!isMap(item)) {
      at(item as Node, 'each entry of `codes` must be a mapping with at least an `id`', 'codebook-shape');
      continue;
    }
    const code = readCode(item, language, at);
    if (code === null) continue;
    const idNode = item.get('id', true) as Node;
    if (seen.has(code.id)) {
      const first = lineCounter.linePos(seen.get(code.id)!.range?.[0] ?? 0);
      at(idNode, `duplicate code id "${code.id}" (first defined on line ${first.line})`, 'duplicate-id');
      continue;
    }
    seen.set(code.id, idNode);
    idNodes.set(code.id, idNode);
    if (code.rules.speakers.length === 0) code.rules.speakers = [...defaultSpeakers];
    if (code.rules.roles.length === 0) code.rules.roles = [...defaultRoles];
    codebook.codes.push(code);
  }
  for (const code of codebook.codes) {
    if (code.parent !== null && !seen.has(code.parent)) {
      at(
        idNodes.get(code.id),
        `code "${code.id}": parent "${code.parent}" is missing; add a code with id "${code.parent}" above it`,
        'parent-missing',
      );
    }
  }
  if (codebook.codes.length === 0 && !messages.some((m) => m.fatal)) at(codes, 'the `codes:` list is empty', 'codebook-empty');
  const fatal = messages.some((m) => m.fatal);
  return { codebook: fatal ? null : orderParentsFirst(codebook), messages };
}

type At = (node: Node | null | undefined, reason: string, ruleId: string, fatal?: boolean, note?: string) => void;

function readCode(item: YAMLMap, language: string, at: At): Code | null {
  const idNode = item.get('id', true) as Node | undefined;
  if (!isScalar(idNode) || (typeof idNode.value !== 'string' && typeof idNode.value !== 'number')) {
    at(idNode ?? item, 'code without an `id` (expected a `/`-separated path such as `stage/assessment`)', 'missing-id');
    return null;
  }
  const id = String(idNode.value).trim();
  if (!ID_PATTERN.test(id)) {
    at(idNode, `code id "${id}" is not a path of words separated by "/" (letters, digits, "_", "-", ".")`, 'bad-id');
    return null;
  }
  const where = `code "${id}"`;
  checkKeys(item, CODE_KEYS, where, at);
  const code: Code = { id, parent: parentId(id), labels: {}, examples: [], rules: emptyRules() };
  const label = item.get('label', true) as Node | undefined;
  if (isScalar(label)) code.labels[language] = String(label.value);
  else if (isMap(label)) {
    for (const pair of label.items) {
      if (isScalar(pair.key) && isScalar(pair.value)) code.labels[String(pair.key.value)] = String(pair.value.value);
      else at((pair.value ?? pair.key) as Node, `${where}: each label is \`language: text\``, 'bad-label');
    }
  } else if (label !== undefined) at(label, `${where}: \`label\` is a text or a mapping such as {id: …, en: …}`, 'bad-label');
  for (const key of ['definition', 'include', 'exclude'] as const) {
    const v = stringAt(item, key, at, where);
    if (v !== undefined) code[key] = v;
  }
  const color = stringAt(item, 'color', at, where);
  if (color !== undefined && isCssColor(color)) code.color = color;
  else if (color !== undefined) {
    const guess = closest(color.replace(/[\s_-]/g, ''), CSS_COLOR_NAMES, 3);
    at(
      item.get('color', true) as Node,
      `${where}: \`color\` "${color}" is not a CSS colour${guess ? ` (did you mean \`${guess}\`?)` : ''}; use a name such as teal, a hex code such as "#1b9e77", or rgb(27 158 119)`,
      'bad-color',
    );
  }
  code.examples = stringList(item, 'examples', where, at);
  code.rules.terms = termList(item.get('terms', true) as Node | undefined, language, `${where}: terms`, at);
  code.rules.not = termList(item.get('not', true) as Node | undefined, language, `${where}: not`, at);
  code.rules.near = nearList(item.get('near', true) as Node | undefined, language, where, at);
  code.rules.regex = regexList(item, where, at);
  code.rules.speakers = stringList(item, 'speakers', where, at);
  code.rules.roles = stringList(item, 'roles', where, at);
  return code;
}

/** Terms are a list (in the code's language) or a mapping `language: [terms]`. */
function termList(node: Node | undefined, language: string, where: string, at: At): TermRule[] {
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  const out: TermRule[] = [];
  const readSeq = (seq: Node | undefined, lang: string) => {
    let items: Node[];
    if (isSeq(seq)) items = seq.items as Node[];
    else if (isScalar(seq) && typeof seq.value === 'string') items = [seq];
    else {
      at(seq, `${where} must be a list of words or phrases`, 'bad-terms');
      return;
    }
    if (items.length === 0) at(seq, `${where} is an empty list: remove it or add terms`, 'empty-rule');
    for (const t of items) {
      if (!isScalar(t) || (typeof t.value !== 'string' && typeof t.value !== 'number')) {
        at(t, `${where}: expected a word or phrase, e.g. "pacar" or "orang terdekat"`, 'bad-terms');
        continue;
      }
      const term = parseTerm(String(t.value), lang);
      if (term === null) at(t, `${where}: empty term`, 'empty-rule');
      else out.push(term);
    }
  };
  if (isMap(node)) {
    for (const pair of node.items) {
      const lang = checkedLanguage(String((pair.key as { value?: unknown })?.value ?? language), pair.key as Node, `${where}:`, at);
      if (lang !== undefined) readSeq(pair.value as Node | undefined, lang);
    }
  } else readSeq(node, language);
  return out;
}

function nearList(node: Node | undefined, language: string, where: string, at: At): NearRule[] {
  if (node === undefined) return [];
  if (!isSeq(node)) {
    at(node, `${where}: \`near\` is a list of {terms: [a, b], within: N}`, 'bad-near');
    return [];
  }
  const out: NearRule[] = [];
  for (const item of node.items as Node[]) {
    if (!isMap(item)) {
      at(item, `${where}: each \`near\` rule is {terms: [a, b], within: N}`, 'bad-near');
      continue;
    }
    checkKeys(item, NEAR_KEYS, `${where}: near`, at);
    const lang = languageAt(item, at, `${where}: near`) ?? language;
    const terms = termList(item.get('terms', true) as Node | undefined, lang, `${where}: near terms`, at);
    const withinNode = item.get('within', true) as Node | undefined;
    const within = isScalar(withinNode) ? Number(withinNode.value) : NaN;
    if (terms.length < 2) at(item, `${where}: a \`near\` rule needs at least two terms`, 'empty-rule');
    else if (!Number.isInteger(within) || within < 1)
      at(withinNode ?? item, `${where}: \`within\` must be a whole number of words (1 or more)`, 'bad-near');
    else out.push({ terms, within });
  }
  return out;
}

function regexList(item: YAMLMap, where: string, at: At): string[] {
  const node = item.get('regex', true) as Node | undefined;
  if (node === undefined) return [];
  const items = isSeq(node) ? (node.items as Node[]) : [node];
  const out: string[] = [];
  for (const r of items) {
    if (!isScalar(r) || typeof r.value !== 'string' || r.value.length === 0) {
      at(r, `${where}: \`regex\` must be a non-empty pattern or a list of them`, 'empty-rule');
      continue;
    }
    try {
      new RegExp(r.value, 'giu');
      compileLinearRegex(r.value);
      out.push(r.value);
      if (hasNestedQuantifier(r.value)) {
        at(
          r,
          `${where}: regex /${r.value}/ repeats a repetition (like \`(a+)+\`): qda runs it in linear time, but backtracking engines (other QDA tools, spreadsheets) can take hours on it`,
          'nested-quantifier',
          false,
        );
      }
    } catch (e) {
      const reason =
        e instanceof UnsupportedRegexError
          ? `${e.message} (qda runs regexes in a linear-time engine)`
          : (e as Error).message.replace(/^Invalid regular expression: /, '');
      at(r, `${where}: bad regex /${r.value}/: ${reason}`, 'bad-regex');
    }
  }
  return out;
}

// What people write for the two languages qda stems.
const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  inggris: 'en',
  'bahasa inggris': 'en',
  eng: 'en',
  indonesian: 'id',
  indonesia: 'id',
  bahasa: 'id',
  'bahasa indonesia': 'id',
  ind: 'id',
  in: 'id',
};

/** A `language` key's value, checked: `id` or `en`, else a located error with a did-you-mean. */
function languageAt(map: YAMLMap, at: At, where = 'the codebook'): string | undefined {
  const value = stringAt(map, 'language', at, where);
  return value === undefined ? undefined : checkedLanguage(value, map.get('language', true) as Node, where, at);
}

function checkedLanguage(value: string, node: Node, where: string, at: At): string | undefined {
  if (isStemLanguage(value)) return value;
  const lower = value.toLowerCase();
  const guess = isStemLanguage(lower)
    ? lower
    : (LANGUAGE_NAMES[lower] ??
      LANGUAGE_NAMES[lower.split(/[-_]/)[0]] ??
      (isStemLanguage(lower.split(/[-_]/)[0]) ? lower.split(/[-_]/)[0] : undefined));
  at(
    node,
    `${where} language "${value}" is not one qda stems${guess ? ` (did you mean \`${guess}\`?)` : ''}; use id (Indonesian) or en (English)`,
    'bad-language',
  );
  return undefined;
}

function stringAt(map: YAMLMap, key: string, at: At, where = 'the codebook'): string | undefined {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined || (isScalar(node) && node.value === null)) return undefined;
  if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value).trim();
  at(node, `${where}: \`${key}\` must be a text`, 'bad-value');
  return undefined;
}

function stringList(map: YAMLMap, key: string, where: string, at: At): string[] {
  const node = map.get(key, true) as Node | undefined;
  if (node === undefined || (isScalar(node) && node.value === null)) return [];
  if (isScalar(node)) return [String(node.value)];
  if (isSeq(node)) {
    const out: string[] = [];
    for (const item of node.items as Node[]) {
      if (isScalar(item) && item.value !== null) out.push(String(item.value));
      else at(item, `${where}: \`${key}\` must be a list of texts`, 'bad-value');
    }
    return out;
  }
  at(node, `${where}: \`${key}\` must be a list of texts`, 'bad-value');
  return [];
}

function checkKeys(map: YAMLMap, allowed: readonly string[], where: string, at: At): void {
  const seen = new Set<string>();
  for (const pair of map.items) {
    const keyNode = pair.key as Node;
    const key = isScalar(keyNode) ? String(keyNode.value) : '';
    if (seen.has(key)) at(keyNode, `${where}: key \`${key}\` appears twice`, 'duplicate-key');
    seen.add(key);
    if (!allowed.includes(key)) {
      const guess = closest(key, allowed);
      at(
        keyNode,
        `${where}: unknown key \`${key}\`${guess ? ` (did you mean \`${guess}\`?)` : ''}; expected one of ${allowed.join(', ')}`,
        'unknown-key',
      );
    }
  }
}

/** Stable order with every parent before its children (depth-first, in the written order). */
function orderParentsFirst(codebook: Codebook): Codebook {
  const children = new Map<string | null, Code[]>();
  for (const c of codebook.codes) {
    const list = children.get(c.parent) ?? [];
    list.push(c);
    children.set(c.parent, list);
  }
  const ordered: Code[] = [];
  const visit = (parent: string | null) => {
    for (const c of children.get(parent) ?? []) {
      ordered.push(c);
      visit(c.id);
    }
  };
  visit(null);
  return { ...codebook, codes: ordered };
}
