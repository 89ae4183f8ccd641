import { codingAgreement, type CodingAgreement } from '../analysis/agreement/coding-agreement.js';
import { segmentUnits } from '../analysis/agreement/coding-units.js';
import { codebookRows, type CodebookRow } from '../analysis/codebook-table.js';
import { cooccurrence, type Cooccurrence } from '../analysis/cooccurrence.js';
import { frequencies, type Frequencies, type FrequencyBase, type Grouping } from '../analysis/frequencies.js';
import { quoteBank, type EvidencedCoding, type Quote } from '../analysis/quotes.js';
import { rollUp, type CodedCorpus } from '../analysis/rollup.js';
import type { Codebook } from '../model/codebook.js';
import { checkChoice, checkInteger, checkString } from '../util/options.js';
import { UNITS } from '../model/segment.js';

/** Everything a report shows, as plain data (what the renderers and `pseudonymise` take). */
export interface ReportData {
  title: string;
  /** How the material was coded, for the report's opening lines. */
  summary: {
    documents: number;
    segments: number;
    codedSegments: number;
    codings: number;
    unit: string;
    coder: string;
  };
  frequencies: Frequencies;
  /** Frequencies by speaker, for the code × informant heatmap. */
  bySpeaker: Frequencies;
  cooccurrence: Cooccurrence;
  quotes: Quote[];
  codebook: CodebookRow[];
  /** Codebook colours by code id, for charts. */
  colors: Record<string, string>;
  /** Agreement between the coders (segment units), when the codings come from two or more. */
  agreement?: CodingAgreement;
}

/** Options of `buildReport`. */
export interface BuildReportOptions {
  /** Grouping of the frequency table (default `speaker`). */
  by?: Grouping;
  /** Depth of the co-occurrence matrix: 1 = families (top-level codes, the default), 2 = their children, …, or `all` for every code. */
  level?: number | 'all';
  /** Quotes per code (default 3). */
  quotes?: number;
  /** Title of the report (default: the codebook's name). */
  title?: string;
  /** Segment unit, as said in the summary (default `turn`). */
  unit?: string;
  /** Whose coding this is, as said in the summary (default `auto`). */
  coder?: string;
  /** Language of code labels (default: the codebook's). */
  language?: string;
  /** Base of the frequency shares: the segments each code can apply to (default) or all. */
  base?: FrequencyBase;
}

/**
 * Compute every table of the report from a coded corpus: frequencies (by the chosen grouping and
 * by speaker), co-occurrence, the quote bank, the codebook appendix, and the agreement between
 * coders when the codings come from two or more.
 * @example const data = buildReport({ ...corpus, ...codeCorpus(corpus, codebook) }, codebook, { by: 'role' })
 */
export function buildReport(coded: CodedCorpus & { codings: readonly EvidencedCoding[] }, codebook: Codebook, options: BuildReportOptions = {}): ReportData {
  checkChoice('buildReport', 'unit', options.unit, UNITS);
  checkInteger('buildReport', 'quotes', options.quotes, { min: 0 });
  if (options.level !== undefined && options.level !== 'all' && !(Number.isInteger(options.level) && options.level >= 1))
    throw new TypeError(`buildReport: option level must be a whole number from 1 up, or 'all'; got ${JSON.stringify(options.level)}`);
  checkString('buildReport', 'language', options.language);
  checkString('buildReport', 'title', options.title);
  checkString('buildReport', 'coder', options.coder);
  const language = options.language ?? codebook.language;
  const by = options.by ?? 'speaker';
  const base = options.base ?? 'applicable';
  const level = options.level ?? 1;
  const freq = frequencies(coded, codebook, { by, language, base });
  const colors: Record<string, string> = {};
  for (const c of codebook.codes) if (c.color) colors[c.id] = c.color;
  const coders = new Set(coded.codings.map((c) => c.coder));
  const data: ReportData = {
    title: options.title ?? codebook.name ?? 'Qualitative analysis report',
    summary: {
      documents: coded.documents.length,
      segments: coded.segments.length,
      codedSegments: rollUp(coded.codings).size,
      codings: coded.codings.length,
      unit: options.unit ?? 'turn',
      coder: options.coder ?? 'auto',
    },
    frequencies: freq,
    bySpeaker: by === 'speaker' ? freq : frequencies(coded, codebook, { by: 'speaker', language, base }),
    cooccurrence: cooccurrence(coded.codings, codebook, { ...(level === 'all' ? {} : { level }), language }),
    quotes: quoteBank(coded, codebook, { perCode: options.quotes ?? 3, language }),
    codebook: codebookRows(codebook, { language }),
    colors,
  };
  if (coders.size >= 2) data.agreement = codingAgreement(segmentUnits(coded.codings.map((c) => ({ document: c.document, segment: c.segment, span: null, code: c.code, coder: c.coder }))));
  return data;
}
