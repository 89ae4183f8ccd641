import type { Document } from './document.js';

/**
 * Labels that name a position in an interview, not a person: `Participant`, `P1`,
 * `Respondent 3`, `Informan`, `Interviewer`, `Speaker 2`, `Narasumber`, `Q`. Two documents'
 * `Participant` are two people unless a cases file or front matter says otherwise.
 */
const GENERIC_LABEL =
  /^(?:participant|partisipan|peserta|respondent|responden|informant|informan|narasumber|interviewee|interviewer|pewawancara|peneliti|researcher|moderator|speaker|pembicara|subject|subjek|unknown speaker|[pirqsa])[ _-]?\d{0,3}$/iu;

/**
 * Whether a speaker label is generic (a position, not a name).
 * @example isGenericLabel('P1') // true
 */
export function isGenericLabel(name: string): boolean {
  return GENERIC_LABEL.test(name.trim());
}

/** Who speaks, across the corpus: `key` is the same for the same person in every document. */
export interface SpeakerIdentity {
  key: string;
  /** The label as written in the transcript. */
  label: string;
  /** How the person is named in tables: the label, with the document id for a generic one. */
  name: string;
  /** The document id when the label is generic and undeclared (the speaker is one of that document only). */
  document?: string;
}

/**
 * A function naming who speaks in a segment. A participant with a declared `person` is that
 * person everywhere; a named speaker (`Nurlaila`) is the same person in every document
 * (case-insensitive); a generic label (`Participant`, `P1`, `Interviewer`) is a speaker of its
 * own document, named `Participant (teacher-01)`.
 * @example speakerIdentities(corpus.documents)('teacher-01', 'Participant').name // 'Participant (teacher-01)'
 */
export function speakerIdentities(documents: readonly Document[]): (document: string, speaker: string) => SpeakerIdentity {
  const docs = new Map(documents.map((d) => [d.id, d]));
  const cache = new Map<string, SpeakerIdentity>();
  return (document, speaker) => {
    const cacheKey = `${document}\u0000${speaker}`;
    let id = cache.get(cacheKey);
    if (id === undefined) {
      id = speakerIdentity(docs.get(document), document, speaker);
      cache.set(cacheKey, id);
    }
    return id;
  };
}

/**
 * Who speaks in one document (see `speakerIdentities`, which caches this over a corpus).
 * @example speakerIdentity(doc, 'teacher-01', 'Participant').name // 'Participant (teacher-01)'
 */
export function speakerIdentity(doc: Document | undefined, document: string, speaker: string): SpeakerIdentity {
  const lower = speaker.toLocaleLowerCase();
  const person = doc?.participants.find((p) => p.name.toLocaleLowerCase() === lower)?.person;
  if (person !== undefined) return { key: person.toLocaleLowerCase(), label: speaker, name: isGenericLabel(speaker) ? person : speaker };
  if (isGenericLabel(speaker)) return { key: `${lower}\u0000${document}`, label: speaker, name: `${speaker} (${document})`, document };
  return { key: lower, label: speaker, name: speaker };
}
