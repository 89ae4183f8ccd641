import { ancestors, labelOf, type Code, type Codebook, type TermRule } from '../model/codebook.js';
import { formatTerm } from './parse-term.js';

/**
 * A codebook as a readable Markdown document (for an appendix or a coders' handbook): one
 * heading per code, nested like the tree, with labels, definition, inclusion and exclusion
 * criteria, examples as quotes, and the rules of automatic coding. One-way: Markdown is not
 * read back.
 * @example codebookToMarkdown(codebook).split('\n')[0] // '# LK3 psychosocial support'
 */
export function codebookToMarkdown(codebook: Codebook): string {
  const lines: string[] = [`# ${codebook.name ?? 'Codebook'}`, ''];
  if (codebook.description) lines.push(codebook.description, '');
  lines.push(`${codebook.codes.length} codes; terms are in \`${codebook.language}\` unless marked otherwise.`, '');
  for (const code of codebook.codes) lines.push(...codeSection(code, codebook.language));
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function codeSection(code: Code, language: string): string[] {
  const level = Math.min(2 + ancestors(code.id).length, 6);
  const title = labelOf(code, language, code.id.slice(code.id.lastIndexOf('/') + 1));
  const out = [`${'#'.repeat(level)} ${title} — \`${code.id}\``, ''];
  const labels = Object.entries(code.labels);
  if (labels.length > 1) out.push(`Labels: ${labels.map(([lang, text]) => `${text} (${lang})`).join('; ')}`, '');
  if (code.color) out.push(`Colour: ${code.color}`, '');
  if (code.definition) out.push(code.definition, '');
  if (code.include) out.push(`**Include:** ${code.include}`, '');
  if (code.exclude) out.push(`**Exclude:** ${code.exclude}`, '');
  if (code.examples.length > 0) {
    out.push('**Examples:**', '');
    for (const example of code.examples) out.push(...example.split('\n').map((l) => `> ${l}`), '');
  }
  const rules = rulesList(code, language);
  if (rules.length > 0) out.push('**Automatic coding:**', '', ...rules.map((r) => `- ${r}`), '');
  return out;
}

function rulesList(code: Code, language: string): string[] {
  const r = code.rules;
  const out: string[] = [];
  if (r.terms.length > 0) out.push(`terms: ${termsText(r.terms, language)}`);
  for (const near of r.near) out.push(`near (within ${near.within} words): ${termsText(near.terms, language)}`);
  if (r.regex.length > 0) out.push(`regex: ${r.regex.map((x) => `\`/${x}/\``).join(', ')}`);
  if (r.not.length > 0) out.push(`not when: ${termsText(r.not, language)}`);
  if (r.speakers.length > 0) out.push(`speakers: ${r.speakers.join(', ')}`);
  if (r.roles.length > 0) out.push(`roles: ${r.roles.join(', ')}`);
  return out;
}

/** Terms in backticks, each marked with its language when it is not the codebook's. */
function termsText(terms: readonly TermRule[], language: string): string {
  return terms.map((t) => `\`${formatTerm(t)}\`${t.language && t.language !== language ? ` (${t.language})` : ''}`).join(', ');
}
