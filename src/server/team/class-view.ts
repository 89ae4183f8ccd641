import { classAgreement, type ClassAgreement } from '../../analysis/class-agreement.js';
import { coderProgress, type CoderProgress } from '../../analysis/coder-progress.js';
import type { CodingForAgreement } from '../../analysis/agreement/coding-units.js';
import { agreementToCsv } from '../../report/agreement-table.js';
import { toCsv } from '../../report/csv.js';
import type { Coding } from '../../model/coding.js';
import { qdpxArchive } from '../../refi/write-project.js';
import type { ProjectReader, StoredCoding } from '../../store/store.js';
import { OffsetMap } from '../../text/offsets.js';
import { segmentCodings } from '../../store/project-codings.js';
import { segmentDocument } from '../../text/segment.js';
import type { Download } from '../http.js';

/** The automatic coder: its suggestions are not a person's judgement, so class view leaves them out. */
const AUTO_CODER = 'auto';

/** Everything the owner's class view shows. */
export interface ClassView {
  documents: Array<{ id: string; segments: number }>;
  progress: CoderProgress[];
  agreement: ClassAgreement;
}

/**
 * People's accepted codings filed under turns as `qda agree` files them (each whole span under
 * the turn it overlaps most, with the turn's text): the units class view compares.
 */
export async function classCodings(
  store: ProjectReader,
  document?: string,
): Promise<{ codings: CodingForAgreement[]; documents: Array<{ id: string; segments: number }>; stored: StoredCoding[] }> {
  const [all, listed] = await Promise.all([
    store.getDocuments(),
    store.listCodings({ status: 'accepted', ...(document ? { document } : {}) }),
  ]);
  const documents = all.filter((d) => !document || d.id === document);
  const stored = listed.filter((c) => c.coder !== AUTO_CODER);
  const codings = segmentCodings(stored, documents, 'project');
  return { codings, stored, documents: documents.map((d) => ({ id: d.id, segments: segmentDocument(d, 'turn').length })) };
}

/**
 * Progress of every coder, agreement of each with the reference and of all together, and the
 * disagreements ranked: class view's figures.
 * @example await classView(store, { reference: 'lecturer', coders: ['ana', 'budi'] })
 */
export async function classView(
  store: ProjectReader,
  options: { reference?: string; coders?: readonly string[]; document?: string } = {},
): Promise<ClassView> {
  const { codings, documents, stored } = await classCodings(store, options.document);
  const codebook = await store.currentCodebook();
  const coders = (options.coders ?? []).filter((c) => c !== AUTO_CODER);
  const latest = new Map<string, string>();
  for (const c of stored) if ((latest.get(c.coder) ?? '') < c.updatedAt) latest.set(c.coder, c.updatedAt);
  const progress = coderProgress(
    codings.map((c) => ({ coder: c.coder, document: c.document, segment: c.segment ?? 0, code: c.code, updatedAt: latest.get(c.coder) })),
    coders,
  );
  const agreement = classAgreement(codings, {
    ...(options.reference ? { reference: options.reference } : {}),
    coders,
    ...(codebook ? { codes: codebook.codebook.codes.map((c) => c.id) } : {}),
  });
  return { documents, progress, agreement };
}

/** Every person's accepted codings as CSV (code points), one row per coding, for a spreadsheet or `qda agree`. */
export async function codingsCsv(store: ProjectReader): Promise<Download> {
  const { codings } = await classCodings(store);
  const table = {
    columns: ['document', 'segment', 'code', 'start', 'end', 'coder', 'text'],
    rows: codings.map((c) => [c.document, c.segment ?? '', c.code, c.span?.start ?? '', c.span?.end ?? '', c.coder, c.text ?? '']),
  };
  return { name: 'class-codings.csv', type: 'text/csv; charset=utf-8', body: toCsv(table) };
}

/** The agreement table of all coders (or of each with the reference) as CSV. */
export function agreementCsv(view: ClassView): Download {
  const parts = [`# all coders\n${agreementToCsv(view.agreement.all)}`];
  for (const v of view.agreement.versusReference) parts.push(`# ${v.coder} vs ${view.agreement.reference}\n${agreementToCsv(v.agreement)}`);
  return { name: 'class-agreement.csv', type: 'text/csv; charset=utf-8', body: parts.join('\n') };
}

/** The whole project with every person's codings as a REFI-QDA archive (each coder a user). */
export async function classQdpx(store: ProjectReader, name: string): Promise<Download> {
  const [documents, current, stored] = await Promise.all([
    store.getDocuments(),
    store.currentCodebook(),
    store.listCodings({ status: 'accepted' }),
  ]);
  if (!current) throw new Error('this project has no codebook yet');
  const offsets = new Map(documents.map((d) => [d.id, new OffsetMap(d.text)]));
  const codings: Coding[] = stored
    .filter((c) => c.coder !== AUTO_CODER && offsets.has(c.document))
    .map((c: StoredCoding) => ({
      document: c.document,
      segment: 0,
      code: c.code,
      coder: c.coder,
      source: 'manual',
      matches: [],
      start: offsets.get(c.document)!.toUtf16(c.start),
      end: offsets.get(c.document)!.toUtf16(c.end),
    }));
  const archive = qdpxArchive({ name, codebook: current.codebook, documents, codings });
  return { name: `${name.replace(/\.qda$/i, '')}-class.qdpx`, type: 'application/zip', body: archive.bytes };
}
