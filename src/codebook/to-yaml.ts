import { Document as YamlDocument, isPair, isScalar, visit } from 'yaml';
import type { Code, Codebook, NearRule, TermRule } from '../model/codebook.js';
import { formatTerm } from './parse-term.js';

/** How `codeToYamlObject` writes languages. */
export interface CodeYamlOptions {
  /** The codebook's default language: labels and terms in it are written without a language key. */
  language: string;
  /**
   * Write every label and term list under its language, for places (a REFI-QDA description)
   * whose reader does not know the codebook's default language.
   */
  explicit?: boolean;
}

/**
 * A code as the plain object of the YAML codebook format (`docs/codebook.md`): the inverse of
 * `parseCodebook` for one entry of `codes:`. Empty fields are left out.
 * @example codeToYamlObject(code, { language: 'id' }) // { id: 'factor/attachment', terms: ['pacar'] }
 */
export function codeToYamlObject(code: Code, options: CodeYamlOptions): Record<string, unknown> {
  const out: Record<string, unknown> = { id: code.id };
  const labelKeys = Object.keys(code.labels);
  const explicit = options.explicit ?? false;
  if (!explicit && labelKeys.length === 1 && labelKeys[0] === options.language) out.label = code.labels[labelKeys[0]];
  else if (labelKeys.length > 0) out.label = { ...code.labels };
  for (const key of ['definition', 'include', 'exclude'] as const) {
    if (code[key] !== undefined) out[key] = code[key];
  }
  if (code.examples.length > 0) out.examples = [...code.examples];
  if (code.color !== undefined) out.color = code.color;
  if (code.rules.terms.length > 0) out.terms = termsToYaml(code.rules.terms, options.language, explicit);
  if (code.rules.near.length > 0) out.near = code.rules.near.map((rule) => nearToYaml(rule, options.language, explicit));
  if (code.rules.regex.length > 0) out.regex = [...code.rules.regex];
  if (code.rules.not.length > 0) out.not = termsToYaml(code.rules.not, options.language, explicit);
  if (code.rules.speakers.length > 0) out.speakers = [...code.rules.speakers];
  if (code.rules.roles.length > 0) out.roles = [...code.rules.roles];
  return out;
}

/**
 * A codebook as the plain object of the YAML format (also valid JSON for `parseCodebook`).
 * Speaker and role filters are written per code (the parser already spread `defaults` over them).
 * @example JSON.stringify(codebookToYamlObject(codebook)) // '{"language":"id","codes":[…]}'
 */
export function codebookToYamlObject(codebook: Codebook): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  if (codebook.name !== undefined) root.name = codebook.name;
  if (codebook.description !== undefined) root.description = codebook.description;
  root.language = codebook.language;
  root.codes = codebook.codes.map((code) => codeToYamlObject(code, { language: codebook.language }));
  return root;
}

/**
 * Write a codebook in the YAML format that `parseCodebook` reads back to the same codebook.
 * @example parseCodebook(codebookToYaml(codebook), 'cb.yaml').codebook // deep-equals codebook
 */
export function codebookToYaml(codebook: Codebook): string {
  return yamlText(codebookToYamlObject(codebook));
}

/**
 * YAML text of a plain object, with short lists and label maps in flow style (`[a, b]`) so that
 * a codebook stays readable.
 * @example yamlText({ terms: ['pacar', 'cinta'] }) // 'terms: [ pacar, cinta ]\n'
 */
export function yamlText(value: unknown): string {
  const doc = new YamlDocument(value);
  visit(doc, {
    Seq(_key, node) {
      if (node.items.every((i) => isScalar(i)) && short(node.toJSON())) node.flow = true;
    },
    Map(_key, node, path) {
      const owner = path[path.length - 1];
      const isLabel = isPair(owner) && isScalar(owner.key) && owner.key.value === 'label';
      if (isLabel && node.items.every((p) => isScalar(p.value)) && short(node.toJSON())) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0 });
}

/** Fits on one line of a flow collection: no line breaks, not too long. */
function short(value: unknown): boolean {
  const json = JSON.stringify(value);
  return json.length <= 72 && !json.includes('\\n');
}

/** Terms as a list when all are in `language`, else as `language: [terms]` in order of first use. */
function termsToYaml(terms: readonly TermRule[], language: string, explicit: boolean): string[] | Record<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const t of terms) {
    const lang = t.language ?? language;
    const list = groups.get(lang) ?? [];
    list.push(formatTerm(t));
    groups.set(lang, list);
  }
  if (!explicit && groups.size === 1 && groups.has(language)) return terms.map(formatTerm);
  return Object.fromEntries(groups);
}

function nearToYaml(rule: NearRule, language: string, explicit: boolean): Record<string, unknown> {
  const languages = new Set(rule.terms.map((t) => t.language ?? language));
  if (languages.size === 1) {
    const [only] = languages;
    const out: Record<string, unknown> = {};
    if (explicit || only !== language) out.language = only;
    out.terms = rule.terms.map(formatTerm);
    out.within = rule.within;
    return out;
  }
  return { terms: termsToYaml(rule.terms, language, true), within: rule.within };
}
