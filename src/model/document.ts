/** A value of a document, participant or case attribute. */
export type AttributeValue = string | number | boolean | null;

/** Attributes by name. */
export type Attributes = Record<string, AttributeValue>;

/** Someone who speaks in a document, with a role such as `interviewer`, `social worker`, `academic`. */
export interface Participant {
  name: string;
  role?: string;
  /**
   * Who the participant is across documents, when front matter (`person:`) or a cases file
   * says so: the same `person` in two documents is one speaker even under generic labels.
   */
  person?: string;
  attributes: Attributes;
}

/**
 * One speaker turn. `start`/`end` are UTF-16 offsets into the document's `text` and cover the
 * utterance only (not the speaker label or timestamp); `end` is exclusive.
 */
export interface Turn {
  speaker: string | null;
  /** As written in the source, normalised to `HH:MM:SS` (or `HH:MM:SS.mmm` for captions). */
  timestamp?: string;
  start: number;
  end: number;
}

/**
 * A transcript after import. `text` is the normalised text (BOM stripped, line endings `\n`);
 * every offset in the toolkit points into it.
 */
export interface Document {
  id: string;
  /** The path the document was read from (or a label such as `<stdin>`). */
  file: string;
  /** Format it was read from: `txt`, `md`, `docx`, `vtt`, `srt`, `sbv`, `csv`, `xlsx`, `jsonl`, `qdpx`. */
  format: string;
  text: string;
  /** Language code (`id`, `en`) from front matter or options; undefined when unknown. */
  language?: string;
  /** Where `language` came from: the file itself, the reader's option, or detection from the text. */
  languageSource?: 'declared' | 'option' | 'detected';
  attributes: Attributes;
  participants: Participant[];
  turns: Turn[];
}

/** A set of documents. */
export interface Corpus {
  documents: Document[];
}

/** What every importer returns (after PapaParse): bad parts are messages, the rest still comes through. */
export interface ImportResult {
  corpus: Corpus;
  messages: import('./message.js').Message[];
  meta: { format: string; encoding?: string; [key: string]: unknown };
}

/** The role of a speaker in a document, looked up in its participants (case-insensitive). */
export function roleOf(doc: Document, speaker: string | null): string | undefined {
  if (speaker === null) return undefined;
  const key = speaker.toLocaleLowerCase();
  return doc.participants.find((p) => p.name.toLocaleLowerCase() === key)?.role;
}
