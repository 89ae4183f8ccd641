/**
 * qda as a library: everything the command line does, a script can do with these calls.
 *
 * @example
 * import { readCorpus, readCodebook, codeCorpus, frequencies, frequencyCrosstab, toMarkdown } from 'qda';
 * const { corpus } = await readCorpus(['data-sample/transcripts/informan-01.md']);
 * const { codebook } = await readCodebook('codebooks/lk3-psychosocial.yaml');
 * const coded = codeCorpus(corpus, codebook!);
 * console.log(toMarkdown(frequencyCrosstab(frequencies({ documents: corpus.documents, ...coded }, codebook!, { by: 'role' }))));
 */

// Model: documents, segments, codebooks, codings, messages.
export * from './model/index.js';

// Text: normalisation, offsets, words, stems, sentences, segments.
export { normaliseText } from './text/normalise.js';
export { OffsetMap, codePointLength } from './text/offsets.js';
export { tokenise, type Token } from './text/tokenise.js';
export { stem } from './text/stem.js';
export { splitSentences, type Span } from './text/sentences.js';
export { segmentDocument } from './text/segment.js';
export { decodeBytes } from './text/decode.js';

// Reading transcripts (pure readers; `readCorpus` reads files of any format).
export { fromText, type TextImportOptions } from './import/text.js';
export { fromCaptions, type CaptionImportOptions } from './import/captions.js';
export { fromDocx, type DocxImportOptions } from './import/docx.js';
export { fromCsv, fromXlsx, fromTableRows, type TableImportOptions } from './import/table.js';
export { fromJsonl } from './import/jsonl.js';
export { documentFromUtterances, type Utterance } from './import/utterances.js';
export { parseCodingsCsv, type CodingsCsvOptions } from './import/codings-csv.js';

// Codebooks: YAML, REFI-QDA .qdc, Markdown.
export { parseCodebook, type CodebookResult } from './codebook/parse.js';
export { codebookToYaml } from './codebook/to-yaml.js';
export { codebookToMarkdown } from './codebook/to-markdown.js';
export { addCode, updateCode, moveCode, mergeCode, type CodePatch, type RenamedCodebook } from './codebook/edit.js';
export { compileCodebook } from './codebook/compile.js';

// Coding.
export { codeCorpus, createCoder, type Coder, type CodeOptions, type CodedDocument } from './coding/code-corpus.js';
export { kwic, type KwicLine, type KwicQuery } from './coding/kwic.js';
export { placeCodings, PLACEMENT_MODES, type PlacementMode, type PlaceOptions, type Placement } from './coding/place-codings.js';
export { chooseCoder, type CoderChoice } from './coding/choose-coder.js';

// Analysis: pure functions on model types.
export { rollUp, segmentKey, codesAtLevel, type CodedCorpus } from './analysis/rollup.js';
export { frequencies, groupingAttributes, type Frequencies, type FrequencyRow, type Grouping } from './analysis/frequencies.js';
export { cooccurrence, type Cooccurrence, type CooccurrenceCell } from './analysis/cooccurrence.js';
export { quoteBank, citationOf, type Quote, type EvidencedCoding } from './analysis/quotes.js';
export { retrieve, type RetrievalQuery } from './analysis/retrieve.js';
export { codebookRows, type CodebookRow } from './analysis/codebook-table.js';
export * from './analysis/agreement/index.js';
export { validateCoding, type ValidationResult } from './analysis/validation.js';

// Rendering: tables to CSV, Markdown, LaTeX, XLSX, HTML; charts to SVG; whole reports.
export { toCsv, type Table } from './report/csv.js';
export { codingRows, codingRowsToCsv, CODING_COLUMNS } from './report/coding-table.js';
export { frequencyTable, frequencyCrosstab, cooccurrenceTable, cooccurrencePairs, quoteTable, codebookTable, kwicTable } from './report/tables.js';
export { toMarkdown, quotesToMarkdown, markdownPage } from './report/markdown.js';
export { toLatex } from './report/latex.js';
export { toXlsx, type Sheet } from './report/xlsx.js';
export { htmlPage, htmlTable } from './report/html.js';
export type { Block, Page } from './report/blocks.js';
export { codeFrequencyChart } from './report/charts/frequency-bars.js';
export { codeInformantHeatmap } from './report/charts/code-informant-heatmap.js';
export { cooccurrenceHeatmap } from './report/charts/cooccurrence-heatmap.js';
export { pseudonymise, type Pseudonym } from './report/pseudonyms.js';
export { agreementTables, agreementToMarkdown } from './report/agreement-table.js';
export { validationTables, validationToMarkdown } from './report/validation-table.js';
export { buildReport, type ReportData } from './report/build-report.js';
export { renderReport, reportPage, type ReportFiles } from './report/render-report.js';

// REFI-QDA: projects (.qdpx) and codebooks (.qdc) in and out.
export { fromQdpx, type QdpxImport, type QdpxImportOptions, type QdpxUser, type PositionsReport } from './refi/read-project.js';
export { qdpxFromBytes, unzipQdpx } from './refi/archive.js';
export { parseQdc, type QdcOptions, type QdcResult } from './refi/read-qdc.js';
export { codebookToQdc } from './refi/write-qdc.js';
export { qdpxArchive, type QdpxArchive, type QdpxExport } from './refi/write-project.js';
export { projectCodingRows, projectCodingsCsv, projectSummary, type ProjectSummary } from './refi/project-tables.js';
export { POSITION_CONVENTIONS, type PositionConvention } from './refi/positions.js';

// Files.
export { readCorpus, readTranscript } from './io/read-corpus.js';
export { readCodebook } from './io/read-codebook.js';
export { readCodings } from './io/read-codings.js';
export { readCases, readTableFile } from './io/read-cases.js';
export { casesFromTable, joinCases, type Cases, type CaseKey } from './import/cases.js';
export { readPseudonyms } from './io/read-pseudonyms.js';
export { readReliability } from './io/read-reliability.js';
export { readQdpx, readProjectCodings } from './io/read-qdpx.js';
export { readManualCodings } from './io/read-manual-codings.js';
export { writeQdpx } from './io/write-qdpx.js';
export { writeReport } from './io/write-report.js';
export { writeFileAtomic } from './io/write-file.js';

// Projects: a study in one file (the store contract, its SQLite implementation, project verbs).
export type * from './store/store.js';
export { AUTO_CODER, CODING_ORIGINS, CODING_STATUSES } from './store/store.js';
export { openSqliteStore } from './store/sqlite-store.js';
export { codeProject, modelCodings, newCodings, segmentCodings, tableCodings, type CodeProjectResult } from './store/project-codings.js';
export { reanchorSpans } from './store/reanchor.js';

// The command line.
export { main } from './cli/main.js';
