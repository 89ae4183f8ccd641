import { codingRowOf } from '../coding/coding-row.js';
import type { CodingRow } from '../model/coding.js';
import type { AttributeValue } from '../model/document.js';
import { CODING_COLUMNS } from '../report/coding-table.js';
import { toCsv } from '../report/csv.js';
import { codePointLength, OffsetMap } from '../text/offsets.js';
import { segmentDocument } from '../text/segment.js';
import type { PositionsReport, QdpxImport, QdpxUser } from './read-project.js';
import type { QdpxVariable } from './variables.js';

/** What `qda qdpx import` writes to `project.json`: everything of a project that is not text, codebook or codings. */
export interface ProjectSummary {
  file: string;
  name: string;
  origin: string | null;
  positions: PositionsReport | null;
  users: QdpxUser[];
  variables: QdpxVariable[];
  cases: Array<{ name: string; guid: string; attributes: Record<string, AttributeValue>; documents: string[] }>;
  documents: Array<{ id: string; file: string; characters: number; attributes: Record<string, AttributeValue> }>;
}

/**
 * The project's users, variables, cases, documents (as `sources/<id>.txt`) and how its
 * positions were read.
 * @example JSON.stringify(projectSummary(await readQdpx('p.qdpx'), 'p.qdpx'), null, 2)
 */
export function projectSummary(project: QdpxImport, file: string): ProjectSummary {
  return {
    file,
    name: project.meta.name,
    origin: project.meta.origin ?? null,
    positions: project.meta.positions ?? null,
    users: project.users,
    variables: project.variables,
    cases: project.cases.map((c) => ({ name: c.name, guid: c.guid, attributes: c.attributes, documents: c.documents })),
    documents: project.corpus.documents.map((d) => ({
      id: d.id,
      file: `sources/${d.id}.txt`,
      characters: codePointLength(d.text),
      attributes: d.attributes,
    })),
  };
}

/** Each document of a project with its offset map and turn segments. */
function documentIndex(project: QdpxImport) {
  return new Map(
    project.corpus.documents.map((doc) => [
      doc.id,
      {
        doc,
        offsets: new OffsetMap(doc.text),
        segments: new Map(segmentDocument(doc, 'turn').map((s) => [s.index, s])),
      },
    ]),
  );
}

/**
 * The codings of every user of a project as coding-table rows, as a coding table would give
 * them: spans in code points, the turn segment each selection was filed under, and the
 * segment's text. Coders come in the order the project lists its users.
 * @example projectCodingRows(await readQdpx('coders.qdpx')).map((r) => r.coder)
 */
export function projectCodingRows(project: QdpxImport): CodingRow[] {
  const documents = documentIndex(project);
  const rank = new Map(project.users.map((u, i) => [u.name, i]));
  const byUser = [...project.codings].sort((a, b) => (rank.get(a.coder) ?? rank.size) - (rank.get(b.coder) ?? rank.size));
  return byUser.flatMap((c) => {
    const d = documents.get(c.document);
    if (!d) return [];
    return [codingRowOf(c, d.offsets, d.segments.get(c.segment)?.text ?? '')];
  });
}

/**
 * A project's codings as our coding table plus `coder` (what `qda qdpx import` writes to
 * `codings.csv`); there `text` is the selected text, not the segment's.
 * @example projectCodingsCsv(project).split('\n')[0] // 'document,segment,speaker,code,start,end,matches,text,coder'
 */
export function projectCodingsCsv(project: QdpxImport): string {
  const documents = documentIndex(project);
  const rows = project.codings.map((c) => {
    const d = documents.get(c.document)!;
    return [
      c.document,
      c.segment,
      d.segments.get(c.segment)?.speaker ?? '',
      c.code,
      d.offsets.toCodePoint(c.start),
      d.offsets.toCodePoint(c.end),
      c.matches.join('|'),
      d.doc.text.slice(c.start, c.end),
      c.coder,
    ];
  });
  return toCsv({ columns: [...CODING_COLUMNS, 'coder'], rows });
}
