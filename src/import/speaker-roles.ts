import type { Document, Participant } from '../model/document.js';

/** The role that interviewer labels give. */
export const INTERVIEWER_ROLE = 'interviewer';

/**
 * Speaker labels that mark the interviewer in Indonesian and English transcripts, lower case;
 * a label also counts with a number after it (`Interviewer 2`, `Peneliti1`).
 */
export const INTERVIEWER_LABELS: readonly string[] = [
  'interviewer',
  'interviewers',
  'int',
  'i',
  'q',
  'question',
  'researcher',
  'moderator',
  'facilitator',
  'host',
  'pewawancara',
  'peneliti',
  'penanya',
  'fasilitator',
  'tanya',
  'pertanyaan',
];

/**
 * Whether a speaker label is one of `labels` (case-insensitive), optionally numbered.
 * @example isInterviewerLabel('INTERVIEWER 2') // true
 */
export function isInterviewerLabel(name: string, labels: readonly string[] = INTERVIEWER_LABELS): boolean {
  const key = name.trim().toLocaleLowerCase();
  if (labels.includes(key)) return true;
  const numbered = /^(.*?\p{L})[ _-]?\d{1,2}$/u.exec(key);
  return numbered !== null && numbered[1].length > 1 && labels.includes(numbered[1]);
}

/**
 * The document with role `interviewer` given to participants that have no role and speak
 * under an interviewer label (input not mutated). A role from front matter, a transcript
 * table or a cases file is never replaced; pass `labels: []` to give no role at all.
 * @example withInterviewerRoles(doc).participants.find((p) => p.name === 'Pewawancara')?.role // 'interviewer'
 */
export function withInterviewerRoles(doc: Document, labels: readonly string[] = INTERVIEWER_LABELS): Document {
  if (!doc.participants.some((p) => p.role === undefined && isInterviewerLabel(p.name, labels))) return doc;
  const participants: Participant[] = doc.participants.map((p) =>
    p.role === undefined && isInterviewerLabel(p.name, labels) ? { ...p, role: INTERVIEWER_ROLE } : p,
  );
  return { ...doc, participants };
}
