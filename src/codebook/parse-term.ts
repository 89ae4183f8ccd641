import type { TermRule } from '../model/codebook.js';

/**
 * Read a term written in a codebook: `word` (stemmed), `=word` (exact, unstemmed), `word*`
 * (prefix glob), or a phrase of several words. Returns null for an empty term.
 * @example parseTerm('trauma*', 'en') // { text: 'trauma', language: 'en', exact: false, prefix: true }
 */
export function parseTerm(raw: string, language: string | undefined): TermRule | null {
  let text = raw.trim().replace(/\s+/g, ' ');
  let exact = false;
  let prefix = false;
  if (text.startsWith('=')) {
    exact = true;
    text = text.slice(1).trim();
  }
  if (text.endsWith('*')) {
    prefix = true;
    text = text.slice(0, -1).trim();
  }
  if (text.length === 0) return null;
  const term: TermRule = { text, exact, prefix };
  if (language !== undefined) term.language = language;
  return term;
}

/** How a term is written back in a codebook: the inverse of `parseTerm`. */
export function formatTerm(term: TermRule): string {
  return `${term.exact ? '=' : ''}${term.text}${term.prefix ? '*' : ''}`;
}
