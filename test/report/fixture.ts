// The report fixture read, coded and analysed through the library, as `qda report` does.
import type { EvidencedCoding } from '../../src/analysis/quotes.js';
import { codeCorpus } from '../../src/coding/code-corpus.js';
import { joinCases } from '../../src/import/cases.js';
import { readCases } from '../../src/io/read-cases.js';
import { readCodebook } from '../../src/io/read-codebook.js';
import { readCorpus } from '../../src/io/read-corpus.js';
import type { Codebook } from '../../src/model/codebook.js';
import type { Corpus } from '../../src/model/document.js';
import type { Segment } from '../../src/model/segment.js';
import { buildReport, type BuildReportOptions, type ReportData } from '../../src/report/build-report.js';

export const FIXTURE = 'test/fixtures/report';
export const TRANSCRIPTS = ['wawancara-a.md', 'wawancara-b.md', 'interview-c.md'].map((f) => `${FIXTURE}/transcripts/${f}`);

/** The fixture corpus (cases joined), its codebook and automatic coding. */
export async function fixtureCorpus(): Promise<{ corpus: Corpus; codebook: Codebook; segments: Segment[]; codings: EvidencedCoding[] }> {
  const { codebook } = await readCodebook(`${FIXTURE}/codebook.yaml`);
  const { corpus } = await readCorpus(TRANSCRIPTS);
  const { cases } = await readCases(`${FIXTURE}/cases.csv`);
  const joined = joinCases(corpus, cases!).corpus;
  const { segments, codings } = codeCorpus(joined, codebook!);
  return { corpus: joined, codebook: codebook!, segments, codings };
}

/** The report data of the fixture. */
export async function fixtureReport(options: Partial<BuildReportOptions> = {}): Promise<ReportData> {
  const { corpus, codebook, segments, codings } = await fixtureCorpus();
  return buildReport({ documents: corpus.documents, segments, codings }, codebook, { by: 'role', ...options });
}
