import { compileCodebook } from '../codebook/compile.js';
import type { Codebook } from '../model/codebook.js';
import type { CountedSegment } from '../model/coding.js';
import type { Corpus, Document } from '../model/document.js';
import { UNITS, type Segment, type Unit } from '../model/segment.js';
import { segmentDocument } from '../text/segment.js';
import { codeAndCountSegment, codeSegment, type AutoCoding } from './code-segment.js';
import { WordCache } from './word-cache.js';
import { checkChoice } from '../util/options.js';

/** Options of automatic coding. */
export interface CodeOptions {
  /** The unit that is coded: `turn` (default), `paragraph` or `sentence`. */
  unit?: Unit;
}

/** The segments of a document and its automatic codings, in segment then codebook order. */
export interface CodedDocument {
  document: Document;
  segments: Segment[];
  codings: AutoCoding[];
}

/** A codebook compiled once, with its word cache, that codes document after document. */
export interface Coder {
  codeDocument(doc: Document, options?: CodeOptions): CodedDocument;
  /** Every segment of a document with its words and the codes coding it (with their hits), for counting. */
  countDocument(doc: Document, options?: CodeOptions): CountedSegment[];
}

/**
 * Compile a codebook into a coder. Reuse one coder for many documents: the word cache grows
 * with the vocabulary, not with the text.
 * @example createCoder(codebook).codeDocument(doc, { unit: 'sentence' }).codings
 */
export function createCoder(codebook: Codebook): Coder {
  const compiled = compileCodebook(codebook);
  const cache = new WordCache(compiled);
  return {
    codeDocument(doc, options = {}) {
      checkChoice('codeDocument', 'unit', options.unit, UNITS);
      const segments = segmentDocument(doc, options.unit ?? 'turn');
      const codings = segments.flatMap((s) => codeSegment(compiled, cache, doc.text, s));
      return { document: doc, segments, codings };
    },
    countDocument(doc, options = {}) {
      return segmentDocument(doc, options.unit ?? 'turn').map((segment) => {
        const { codings, words } = codeAndCountSegment(compiled, cache, doc.text, segment);
        return { segment, words, codes: codings.map((c) => ({ code: c.code, hits: c.hits.length })) };
      });
    },
  };
}

/**
 * Code every document of a corpus with a codebook.
 * @example codeCorpus(corpus, codebook).codings.filter((c) => c.code === 'factor/attachment')
 */
export function codeCorpus(corpus: Corpus, codebook: Codebook, options: CodeOptions = {}): { segments: Segment[]; codings: AutoCoding[] } {
  checkChoice('codeCorpus', 'unit', options.unit, UNITS);
  const coder = createCoder(codebook);
  const segments: Segment[] = [];
  const codings: AutoCoding[] = [];
  for (const doc of corpus.documents) {
    const coded = coder.codeDocument(doc, options);
    for (const s of coded.segments) segments.push(s);
    for (const c of coded.codings) codings.push(c);
  }
  return { segments, codings };
}
