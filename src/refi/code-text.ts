import { parse as parseYaml, stringify } from 'yaml';
import { emptyRules, labelOf, type Code, type Codebook } from '../model/codebook.js';
import { parseCodebook } from '../codebook/parse.js';
import { codeToYamlObject, yamlText } from '../codebook/to-yaml.js';

/** The info string of the fenced block that carries what REFI-QDA has no place for. */
export const RULES_FENCE = 'qda-rules';

/** Colours REFI-QDA accepts (`RGBType`). */
const REFI_COLOR = /^#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})$/;

const RULE_KEYS = ['terms', 'near', 'regex', 'not', 'speakers', 'roles'] as const;
const TEXT_FIELDS = ['definition', 'include', 'exclude'] as const;

/** A code as a REFI-QDA `<Code>` shows it. */
export interface RefiCodeText {
  name: string;
  /** Only a colour REFI-QDA accepts (`#rrggbb`, `#rgb`); any other colour goes into the description block. */
  color?: string;
  /** Undefined when there is nothing to say. */
  description?: string;
}

/** What a REFI-QDA `<Code>` gives for one of our codes, before it has a place in the tree. */
export interface RefiCodeContent {
  /** The id segment the description block asks for (last part of its `id`), if any. */
  segment: string | null;
  code: Omit<Code, 'id' | 'parent'>;
  /** Problems with the description block, as reasons (the caller locates them). */
  problems: string[];
}

/** A description split into the readable text and the parsed `qda-rules` block. */
export interface SplitDescription {
  readable: string;
  block: Record<string, unknown> | null;
  blockError?: string;
}

/**
 * The id segment for a code name: lower case, runs of anything but letters, digits and `_`
 * become `-` (so `Negativ/Aufgeregt` cannot be read as a path). Never empty.
 * @example idSegmentOf('Hurt (personally offended)') // 'hurt-personally-offended'
 */
export function idSegmentOf(name: string): string {
  const slug = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/\p{M}+/gu, '')
    .replace(/[^\p{L}\p{N}_]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length > 0 ? slug : 'code';
}

/**
 * How one of our codes is written as a REFI-QDA `<Code>`: its name (the label in `language`),
 * a colour REFI-QDA accepts, and a Description with the definition, `Include:`, `Exclude:`
 * and `Examples:` in readable text, followed by a fenced `qda-rules` YAML block with whatever
 * REFI-QDA has no place for (the id when the name does not give it, other labels, rules).
 * `readRefiCode` reads it back to the same code. `labelInBlock` writes the labels into the block
 * even when the name is the only one (for a reader that cannot tell the codebook's language).
 * @example refiCodeText(attachment, 'id') // { name: 'faktor kelekatan', color: '#ff7f0e', description: 'An emotional bond…\n\n```qda-rules\n…```' }
 */
export function refiCodeText(code: Code, language: string, options: { labelInBlock?: boolean } = {}): RefiCodeText {
  const segment = code.id.slice(code.id.lastIndexOf('/') + 1);
  const label = labelOf(code, language, segment);
  const name = label.replace(/\s+/g, ' ').trim();
  const block: Record<string, unknown> = {};
  if (idSegmentOf(name) !== segment) block.id = code.id;
  const labelKeys = Object.keys(code.labels);
  const plainLabel = labelKeys.length === 1 && labelKeys[0] === language && code.labels[language] === name;
  if (options.labelInBlock || !plainLabel) block.label = { ...code.labels };
  const out: RefiCodeText = { name };
  if (code.color !== undefined) {
    if (REFI_COLOR.test(code.color)) out.color = code.color;
    else block.color = code.color;
  }

  const readable = readableFieldsOf(code);
  for (const key of [...TEXT_FIELDS, 'examples' as const]) {
    // A field the readable layout cannot carry exactly (a line starting with "Include:", an
    // example with outer spaces…) goes into the block, which the reader prefers.
    if (readable[key] !== undefined && !roundTrips({ [key]: readable[key] })) moveToBlock(readable, block, key);
  }
  if (!roundTrips(readable)) for (const key of [...TEXT_FIELDS, 'examples' as const]) moveToBlock(readable, block, key);
  const rules = codeToYamlObject(code, { language, explicit: true });
  for (const key of RULE_KEYS) if (rules[key] !== undefined) block[key] = rules[key];

  const parts = [composeReadable(readable)].filter((p) => p.length > 0);
  if (Object.keys(block).length > 0) parts.push(`\`\`\`${RULES_FENCE}\n${yamlText(block)}\`\`\``);
  if (parts.length > 0) out.description = parts.join('\n\n');
  return out;
}

/**
 * `refiCodeText` for every code of a codebook. A `.qdc` does not say its codebook's language,
 * so the reader takes it from the rules' terms (`blockLanguages`); when that would not give it
 * back, labels are written into the blocks so that they keep their language.
 * @example codebook.codes.map(refiPresenter(codebook))
 */
export function refiPresenter(codebook: Codebook): (code: Code) => RefiCodeText {
  const rules = codebook.codes.map((c) => codeToYamlObject(c, { language: codebook.language, explicit: true }));
  const labelInBlock = (blockLanguages(rules)[0] ?? 'id') !== codebook.language;
  return (code) => refiCodeText(code, codebook.language, { labelInBlock });
}

/**
 * Split a REFI-QDA Description into its readable text (dedented, trimmed) and the parsed
 * `qda-rules` block. Descriptions written by other tools are all readable text.
 * @example splitDescription('Why.\n\n```qda-rules\nid: a/b\n```').block // { id: 'a/b' }
 */
export function splitDescription(description: string): SplitDescription {
  const text = dedent(description.replace(/\r\n?/g, '\n'));
  // The closing fence must start a line: block YAML never does (its lines are keys or indented).
  const fence = new RegExp(`(?:^|\\n)\`\`\`${RULES_FENCE}[ \\t]*\\n(?:([\\s\\S]*?)\\n)?\`\`\`[ \\t]*(?=\\n|$)`).exec(text);
  if (!fence) return { readable: text.trim(), block: null };
  const readable = (text.slice(0, fence.index) + text.slice(fence.index + fence[0].length)).trim();
  try {
    const value: unknown = parseYaml(fence[1] ?? '');
    if (value === null || value === undefined) return { readable, block: {} };
    if (typeof value !== 'object' || Array.isArray(value))
      return { readable, block: null, blockError: `the ${RULES_FENCE} block is not a mapping` };
    return { readable, block: value as Record<string, unknown> };
  } catch (e) {
    return { readable, block: null, blockError: `the ${RULES_FENCE} block is not valid YAML: ${(e as Error).message.split('\n')[0]}` };
  }
}

/**
 * Read a REFI-QDA code (name, colour, split description) into our code's content, in a
 * codebook whose default language is `language`. The block wins over the readable text.
 * @example readRefiCode({ name: 'Rage', color: '#c95858', description: splitDescription('Anger.') }, 'en').code.definition // 'Anger.'
 */
export function readRefiCode(input: { name: string; color?: string; description: SplitDescription }, language: string): RefiCodeContent {
  const problems: string[] = [];
  if (input.description.blockError) problems.push(input.description.blockError);
  const fields = parseReadable(input.description.readable);
  const code: Omit<Code, 'id' | 'parent'> = { labels: { [language]: input.name }, examples: fields.examples, rules: emptyRules() };
  for (const key of TEXT_FIELDS) if (fields[key] !== undefined) code[key] = fields[key];
  if (input.color !== undefined) {
    if (REFI_COLOR.test(input.color.trim())) code.color = input.color.trim();
    else problems.push(`colour "${input.color}" is not #rrggbb; it is left out`);
  }
  const block = input.description.block;
  let segment: string | null = null;
  if (block === null) return { segment, code, problems };
  if (block.id !== undefined) {
    const last = String(block.id).split('/').pop()!.trim();
    if (/^[\p{L}\p{N}_.-]+$/u.test(last)) segment = last;
    else
      problems.push(
        `the ${RULES_FENCE} block's id "${String(block.id)}" does not end in a word of letters, digits, "_", "-" or "."; the name gives the id`,
      );
  }
  const entry: Record<string, unknown> = { ...block, id: 'code' };
  const { codebook, messages } = parseCodebook(stringify({ language, codes: [entry] }), RULES_FENCE);
  if (codebook === null) {
    for (const m of messages.filter((x) => x.fatal))
      problems.push(`in the ${RULES_FENCE} block: ${m.reason.replace(/^code "code": /, '')}`);
    return { segment, code, problems };
  }
  for (const m of messages.filter((x) => x.ruleId === 'nested-quantifier'))
    problems.push(`in the ${RULES_FENCE} block: ${m.reason.replace(/^code "code": /, '')}`);
  const read = codebook.codes[0];
  if (block.label !== undefined) code.labels = read.labels;
  for (const key of [...TEXT_FIELDS, 'color'] as const) {
    if (block[key] !== undefined && read[key] !== undefined) code[key] = read[key];
  }
  if (block.examples !== undefined) code.examples = read.examples;
  code.rules = read.rules;
  return { segment, code, problems };
}

/**
 * The languages that `qda-rules` blocks name for their terms, most used first: a `.qdc` does
 * not say its codebook's default language, so it is taken from them.
 * @example blockLanguages([{ terms: { id: ['pacar'] } }]) // ['id']
 */
export function blockLanguages(blocks: ReadonlyArray<Record<string, unknown>>): string[] {
  const counts = new Map<string, number>();
  const add = (lang: unknown, n: number) => {
    if (typeof lang === 'string' && lang.length > 0) counts.set(lang, (counts.get(lang) ?? 0) + n);
  };
  const addTerms = (terms: unknown) => {
    if (terms !== null && typeof terms === 'object' && !Array.isArray(terms)) {
      for (const [lang, list] of Object.entries(terms)) add(lang, Array.isArray(list) ? list.length : 1);
    }
  };
  for (const block of blocks) {
    addTerms(block.terms);
    addTerms(block.not);
    if (Array.isArray(block.near)) {
      for (const rule of block.near as Array<Record<string, unknown>>) {
        if (rule === null || typeof rule !== 'object') continue;
        add(rule.language, Array.isArray(rule.terms) ? rule.terms.length : 0);
        addTerms(rule.terms);
      }
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([lang]) => lang);
}

interface ReadableFields {
  definition?: string;
  include?: string;
  exclude?: string;
  examples: string[];
}

function readableFieldsOf(code: Code): Partial<ReadableFields> {
  const fields: Partial<ReadableFields> = {};
  for (const key of TEXT_FIELDS) if (code[key] !== undefined) fields[key] = code[key];
  if (code.examples.length > 0) fields.examples = [...code.examples];
  return fields;
}

/** True when the readable layout of `fields` reads back to exactly them (and holds no fence). */
function roundTrips(fields: Partial<ReadableFields>): boolean {
  const text = composeReadable(fields);
  if (/^```/m.test(text)) return false;
  const back: Partial<ReadableFields> = parseReadable(text);
  if (back.examples?.length === 0) delete back.examples;
  return JSON.stringify(back, Object.keys(back).sort()) === JSON.stringify(fields, Object.keys(fields).sort());
}

function moveToBlock(readable: Partial<ReadableFields>, block: Record<string, unknown>, key: keyof ReadableFields): void {
  if (readable[key] === undefined) return;
  block[key] = readable[key];
  delete readable[key];
}

function composeReadable(fields: Partial<ReadableFields>): string {
  const parts: string[] = [];
  if (fields.definition !== undefined) parts.push(fields.definition);
  if (fields.include !== undefined) parts.push(`Include: ${fields.include}`);
  if (fields.exclude !== undefined) parts.push(`Exclude: ${fields.exclude}`);
  if (fields.examples !== undefined && fields.examples.length > 0) {
    parts.push(`Examples:\n${fields.examples.map((e) => `- ${e.split('\n').join('\n  ')}`).join('\n')}`);
  }
  return parts.join('\n\n');
}

/** Read the readable layout: definition first, then `Include:`, `Exclude:` and `Examples:` (a `- ` list). */
function parseReadable(text: string): ReadableFields {
  const buffers: Record<'definition' | 'include' | 'exclude', string[]> = { definition: [], include: [], exclude: [] };
  const examples: string[][] = [];
  let field: keyof typeof buffers | 'examples' = 'definition';
  for (const line of text.split('\n')) {
    const heading = /^(Include|Exclude):[ \t]?(.*)$/.exec(line);
    if (heading) {
      field = heading[1].toLowerCase() as 'include' | 'exclude';
      buffers[field].push(heading[2]);
    } else if (/^Examples:[ \t]*$/.test(line)) {
      field = 'examples';
    } else if (field !== 'examples') {
      buffers[field].push(line);
    } else if (line.startsWith('- ')) {
      examples.push([line.slice(2)]);
    } else if (line.startsWith('  ') && examples.length > 0) {
      examples[examples.length - 1].push(line.slice(2));
    } else if (line.trim().length > 0) {
      examples.push([line]);
    }
  }
  const out: ReadableFields = { examples: examples.map((lines) => lines.join('\n').trim()).filter((e) => e.length > 0) };
  for (const key of TEXT_FIELDS) {
    const value = buffers[key].join('\n').trim();
    if (value.length > 0) out[key] = value;
  }
  return out;
}

/** Remove the indentation that pretty-printed XML puts before every line of a description. */
function dedent(text: string): string {
  const lines = text.split('\n');
  const indents = lines
    .slice(1)
    .filter((l) => l.trim().length > 0)
    .map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  if (cut === 0) return text;
  return [lines[0], ...lines.slice(1).map((l) => l.slice(Math.min(cut, /^[ \t]*/.exec(l)![0].length)))].join('\n');
}
