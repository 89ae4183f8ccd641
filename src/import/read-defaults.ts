import type { Document } from '../model/document.js';
import { detectLanguage } from '../text/language.js';
import { INTERVIEWER_LABELS, withInterviewerRoles } from './speaker-roles.js';

/** What readers fill in when a file does not say. */
export interface ReadDefaults {
  /** Language of documents that declare none (otherwise detected from the text). */
  language?: string;
  /** Speaker labels that get role `interviewer` when no role is given (default `INTERVIEWER_LABELS`; `[]` for none). */
  interviewerLabels?: readonly string[];
}

/**
 * A document as every command reads it: its declared language, else `options.language`, else
 * the language detected from its turns (Indonesian or English; left unset when the text does
 * not tell), with `languageSource` saying which; and role `interviewer` for participants
 * under an interviewer label that have no role. The input is not mutated.
 * @example withReadDefaults(doc, { language: 'en' }).languageSource // 'declared' when the front matter says
 */
export function withReadDefaults(doc: Document, options: ReadDefaults = {}): Document {
  const out = withInterviewerRoles(doc, options.interviewerLabels ?? INTERVIEWER_LABELS);
  if (doc.language !== undefined) return { ...out, languageSource: doc.languageSource ?? 'declared' };
  if (options.language !== undefined) return { ...out, language: options.language, languageSource: 'option' };
  const detected = detectedLanguage(doc);
  return detected === null ? out : { ...out, language: detected, languageSource: 'detected' };
}

function detectedLanguage(doc: Document): string | null {
  if (doc.turns.length === 0) return detectLanguage(doc.text).language;
  // Front matter and labels say nothing about the language of what was said.
  let text = '';
  for (const t of doc.turns) {
    text += `${doc.text.slice(t.start, t.end)}\n`;
    if (text.length > 20_000) break;
  }
  return detectLanguage(text).language;
}
