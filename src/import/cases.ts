import type { Attributes, Corpus, Document } from '../model/document.js';
import { message, type Message } from '../model/message.js';
import { isGenericLabel } from '../model/speaker.js';
import type { TableFile } from '../model/table-file.js';
import { INTERVIEWER_ROLE, isInterviewerLabel } from './speaker-roles.js';

/** How the rows of a cases file name what they describe. */
export type CaseKey = 'speaker' | 'document' | 'either' | 'speaker-in-document';

/** A cases (attributes) table: one row per informant or per document. */
export interface Cases {
  file: string;
  key: CaseKey;
  rows: Array<{ line: number; speaker?: string; document?: string; attributes: Attributes }>;
}

const SPEAKER_COLUMNS = ['speaker', 'participant', 'informant', 'informan'];
const DOCUMENT_COLUMNS = ['document', 'doc', 'document_id', 'id'];
const EITHER_COLUMNS = ['name', 'case', 'nama'];

/**
 * Cases from a table: one row per case, the other columns its attributes. The key column is
 * `speaker` (joined to speakers), `document` (to document ids), both (a speaker in one
 * document), or `name`/`case`/the first column (to either).
 * @example casesFromTable({ header: ['speaker', 'age'], rows: [{ line: 2, cells: ['Sari', 34] }] }, 'cases.csv').cases.key // 'speaker'
 */
export function casesFromTable(table: TableFile, file: string): { cases: Cases; messages: Message[] } {
  const messages: Message[] = [];
  const lower = table.header.map((h) => h.toLowerCase());
  const find = (names: string[]) => lower.findIndex((h) => names.includes(h));
  const speakerCol = find(SPEAKER_COLUMNS);
  const documentCol = find(DOCUMENT_COLUMNS);
  const eitherCol = speakerCol === -1 && documentCol === -1 ? Math.max(0, find(EITHER_COLUMNS)) : -1;
  const key: CaseKey =
    speakerCol !== -1 && documentCol !== -1
      ? 'speaker-in-document'
      : speakerCol !== -1
        ? 'speaker'
        : documentCol !== -1
          ? 'document'
          : 'either';
  const keyCols = new Set([speakerCol, documentCol, eitherCol].filter((c) => c !== -1));
  const cases: Cases = { file, key, rows: [] };
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const at = (c: number) => String(row.cells[c] ?? '').trim();
    const speaker = speakerCol !== -1 ? at(speakerCol) : eitherCol !== -1 ? at(eitherCol) : undefined;
    const document = documentCol !== -1 ? at(documentCol) : eitherCol !== -1 ? at(eitherCol) : undefined;
    if ((speakerCol !== -1 && !speaker) || (documentCol !== -1 && !document) || (eitherCol !== -1 && !speaker)) {
      messages.push(message('row has no case name; skipped', { file, line: row.line, column: 1, ruleId: 'empty-case', source: 'cases' }));
      continue;
    }
    // Speakers match case-insensitively, document ids exactly.
    const id =
      key === 'document'
        ? `d:${document}`
        : key === 'speaker'
          ? `s:${speaker!.toLocaleLowerCase()}`
          : key === 'either'
            ? `e:${speaker!.toLocaleLowerCase()}`
            : `p:${document}\u0000${speaker!.toLocaleLowerCase()}`;
    const first = seen.get(id);
    if (first !== undefined) {
      messages.push(
        message(`case "${speaker ?? document}" is listed twice (first on line ${first}); the later row's values win`, {
          file,
          line: row.line,
          column: 1,
          ruleId: 'duplicate-case',
          source: 'cases',
        }),
      );
    } else seen.set(id, row.line);
    const attributes: Attributes = {};
    table.header.forEach((name, c) => {
      const v = row.cells[c];
      if (!keyCols.has(c) && name !== '' && v !== null && v !== undefined && v !== '') attributes[name] = v;
    });
    cases.rows.push({
      line: row.line,
      ...(speaker !== undefined ? { speaker } : {}),
      ...(document !== undefined ? { document } : {}),
      attributes,
    });
  }
  return { cases, messages };
}

/**
 * Join case attributes onto a corpus (inputs are not mutated): a speaker's row onto that
 * participant in every document, a document's row onto the document. A `role` column (any
 * capitalisation) also gives a role to participants that have none, or only the one their
 * interviewer label gave; a speaker row (or a `person` column) joins generic labels such as
 * `P1` of several documents into one person. A case that matches nothing, or matches both a
 * speaker and a document id, is reported at its line.
 * @example const joined = joinCases(corpus, cases).corpus
 */
export function joinCases(corpus: Corpus, cases: Cases): { corpus: Corpus; messages: Message[] } {
  const messages: Message[] = [];
  const documents: Document[] = corpus.documents.map((d) => ({
    ...d,
    attributes: { ...d.attributes },
    participants: d.participants.map((p) => ({ ...p, attributes: { ...p.attributes } })),
  }));
  const byId = new Map(documents.map((d) => [d.id, d]));
  for (const row of cases.rows) {
    const speakerKey = row.speaker?.toLocaleLowerCase();
    const inDocs = cases.key === 'speaker-in-document' ? documents.filter((d) => d.id === row.document) : documents;
    const participants =
      cases.key === 'document' || speakerKey === undefined
        ? []
        : inDocs.flatMap((d) => d.participants.filter((p) => p.name.toLocaleLowerCase() === speakerKey));
    const doc = cases.key === 'document' || cases.key === 'either' ? byId.get(row.document ?? '') : undefined;
    const name = row.speaker ?? row.document ?? '';
    if (participants.length === 0 && !doc) {
      const what =
        cases.key === 'speaker'
          ? 'speaker'
          : cases.key === 'document'
            ? 'document id'
            : cases.key === 'either'
              ? 'speaker or document id'
              : `speaker of document "${row.document}"`;
      messages.push(
        message(`case "${name}" matches no ${what} in the transcripts; its attributes are not used`, {
          file: cases.file,
          line: row.line,
          column: 1,
          ruleId: 'case-unmatched',
          source: 'cases',
        }),
      );
      continue;
    }
    if (participants.length > 0 && doc) {
      messages.push(
        message(
          `case "${name}" matches both a speaker and the document id "${doc.id}"; its attributes go to both (name the key column \`speaker\` or \`document\` to choose)`,
          {
            file: cases.file,
            line: row.line,
            column: 1,
            ruleId: 'case-ambiguous',
            source: 'cases',
          },
        ),
      );
    }
    const role = columnValue(row.attributes, 'role');
    // A row that names a speaker in every document says they are one person there, even
    // under a generic label such as `P1`; a `person` column says so explicitly.
    const person = columnValue(row.attributes, 'person') ?? (cases.key === 'speaker-in-document' ? undefined : row.speaker);
    for (const p of participants) {
      Object.assign(p.attributes, row.attributes);
      if (person !== undefined && (isGenericLabel(p.name) || person !== row.speaker)) p.person ??= person;
      // A role the cases file states replaces one guessed from an interviewer label.
      const guessed = p.role === INTERVIEWER_ROLE && isInterviewerLabel(p.name);
      if (role !== undefined && (p.role === undefined || guessed)) p.role = role;
    }
    if (doc) Object.assign(doc.attributes, row.attributes);
  }
  return { corpus: { documents }, messages };
}

/** The value of a column such as `role`, however its header is capitalised (`Role`, `ROLE`). */
function columnValue(attributes: Attributes, column: string): string | undefined {
  for (const [name, value] of Object.entries(attributes)) {
    if (name.trim().toLowerCase() === column && (typeof value === 'number' || (typeof value === 'string' && value.trim())))
      return String(value).trim();
  }
  return undefined;
}
