import type { CodedCorpus } from '../analysis/rollup.js';
import { alignCodings } from '../coding/align-codings.js';
import type { Coding } from '../model/coding.js';
import type { Document } from '../model/document.js';
import type { Segment } from '../model/segment.js';
import { modelCodings } from '../store/project-codings.js';
import type { CodingFilter, ProjectReader } from '../store/store.js';
import { segmentDocument } from '../text/segment.js';

/** A project's documents, turn segments and (non-rejected) codings as the analysis functions take them. */
export interface CodedProject extends CodedCorpus {
  documents: Document[];
  segments: Segment[];
  /** Per turn a coding overlaps, UTF-16 offsets clipped to the turn (as `alignCodings` places them). */
  codings: Coding[];
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
  const { codings } = alignCodings(modelCodings(stored, documents), documents, segmentsByDocument, 'project');
  return { documents, segments: [...segmentsByDocument.values()].flat(), codings };
}
