import type { CodedCorpus } from '../analysis/rollup.js';
import { alignCodings } from '../coding/align-codings.js';
import type { Coding } from '../model/coding.js';
import type { Document } from '../model/document.js';
import type { Segment } from '../model/segment.js';
import type { CodingFilter, ProjectReader, StoredCoding } from '../store/store.js';
import { segmentDocument } from '../text/segment.js';

/** A project's documents, turn segments and (non-rejected) codings as the analysis functions take them. */
export interface CodedProject extends CodedCorpus {
  documents: Document[];
  segments: Segment[];
  /** Per segment a coding overlaps, UTF-16 offsets clipped to the segment (as `alignCodings` places them). */
  codings: Coding[];
  segmentsByDocument: Map<string, Segment[]>;
}

/**
 * Read a project into a coded corpus: every document cut into turns, and the codings the filter
 * selects (rejected suggestions never count) placed on the turns they overlap.
 * @example const coded = await codedProject(store, { coder: ['ana', 'budi'] })
 */
export async function codedProject(store: ProjectReader, filter: CodingFilter = {}): Promise<CodedProject> {
  const documents = await store.getDocuments();
  const segmentsByDocument = new Map(documents.map((d) => [d.id, segmentDocument(d, 'turn')]));
  const stored = await store.listCodings({ status: ['suggested', 'accepted'], ...filter });
  const { codings } = alignCodings(stored.map(asModelCoding), documents, segmentsByDocument, 'project');
  return { documents, segments: [...segmentsByDocument.values()].flat(), codings, segmentsByDocument };
}

/** A stored coding as a model coding with code-point offsets and no segment yet (for `alignCodings`). */
function asModelCoding(c: StoredCoding): Coding {
  return { document: c.document, segment: -1, code: c.code, start: c.start, end: c.end, coder: c.coder, source: c.origin === 'auto' ? 'auto' : 'manual', matches: c.matches };
}
