import type { CodedCorpus } from '../analysis/rollup.js';
import type { EvidencedCoding } from '../analysis/quotes.js';
import type { Document } from '../model/document.js';
import type { Segment } from '../model/segment.js';
import { placeStoredCodings } from '../store/project-codings.js';
import type { CodingFilter, ProjectReader } from '../store/store.js';

/** A project's documents, turn segments and (non-rejected) codings as the analysis functions take them. */
export interface CodedProject extends CodedCorpus {
  documents: Document[];
  segments: Segment[];
  /** On every turn a coding overlaps, UTF-16 offsets clipped to the turn (see `placeCodings`). */
  codings: EvidencedCoding[];
}

/**
 * Read a project into a coded corpus: every document cut into turns, and the codings the filter
 * selects (rejected suggestions never count) placed on the turns they overlap.
 * @example const coded = await codedProject(store, { coder: ['ana', 'budi'] })
 */
export async function codedProject(store: ProjectReader, filter: CodingFilter = {}): Promise<CodedProject> {
  const documents = await store.getDocuments();
  const stored = await store.listCodings({ status: ['suggested', 'accepted'], ...filter });
  const placed = placeStoredCodings(stored, documents, 'turn', 'project');
  return { documents, segments: documents.flatMap((d) => placed.segments.get(d.id) ?? []), codings: placed.codings };
}
