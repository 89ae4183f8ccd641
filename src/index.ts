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
export { message, formatMessage, lineColumn, QdaError, type Message } from './model/message.js';
export {
  roleOf,
  type AttributeValue,
  type Attributes,
  type Corpus,
  type Document,
  type ImportResult,
  type Participant,
  type Turn,
} from './model/document.js';
export { UNITS, type Segment, type Unit } from './model/segment.js';
export {
  ancestors,
  emptyRules,
  labelOf,
  parentId,
  type Code,
  type CodeRules,
  type Codebook,
  type NearRule,
  type TermRule,
} from './model/codebook.js';
export type { AutoCoding, CodePointSpan, Coding, CodingRow, CodingSource, CountedSegment, Hit } from './model/coding.js';
export type { KwicLine } from './model/kwic.js';
export type { TableFile } from './model/table-file.js';

// Text: normalisation, offsets, words, stems, sentences, segments.
export { normaliseText } from './text/normalise.js';
export { OffsetMap, codePointLength } from './text/offsets.js';
export { tokenise, type Token } from './text/tokenise.js';
export { stem, type StemLanguage } from './text/stem.js';
export { splitSentences, type Span } from './text/sentences.js';
export { segmentDocument } from './text/segment.js';
export { decodeBytes, type Decoded } from './text/decode.js';

// Reading transcripts (pure readers; `readCorpus` reads files of any format).
export { fromText, type TextImportOptions } from './import/text.js';
export { fromCaptions, type CaptionImportOptions } from './import/captions.js';
export type { CaptionFormat } from './import/caption-cues.js';
export { fromDocx, type DocxImportOptions } from './import/docx.js';
export { fromCsv, fromXlsx, fromTableRows, type TableImportOptions } from './import/table.js';
export type { Cell, TableRow } from './import/table-columns.js';
export { fromJsonl } from './import/jsonl.js';
export { documentFromUtterances, type Utterance, type UtteranceDocumentOptions } from './import/utterances.js';
export { parseCodingsCsv, type CodingsCsvOptions } from './import/codings-csv.js';
export { casesFromTable, joinCases, type Cases, type CaseKey } from './import/cases.js';

// Codebooks: YAML, JSON, Markdown (REFI-QDA .qdc below).
export { parseCodebook, type CodebookResult } from './codebook/parse.js';
export { codebookToYaml } from './codebook/to-yaml.js';
export { codebookToMarkdown } from './codebook/to-markdown.js';
export { addCode, updateCode, moveCode, mergeCode, type CodePatch, type RenamedCodebook } from './codebook/edit.js';

// Coding: automatic, keyword in context, human codings placed on segments.
export { codeCorpus, createCoder, type Coder, type CodeOptions, type CodedDocument } from './coding/code-corpus.js';
export { kwic, type KwicOptions, type KwicQuery } from './coding/kwic.js';
export { placeCodings, PLACEMENT_MODES, type PlacementMode, type PlaceOptions, type Placement } from './coding/place-codings.js';
export { chooseCoder, type CoderChoice } from './coding/choose-coder.js';

// Analysis: pure functions on model types.
export { rollUp, segmentKey, codesAtLevel, type CodedCorpus, type RolledUp } from './analysis/rollup.js';
export {
  frequencies,
  groupingAttributes,
  type Frequencies,
  type FrequencyBase,
  type FrequencyOptions,
  type FrequencyRow,
  type Grouping,
} from './analysis/frequencies.js';
export { CodeCountsBuilder, countedCodes, type CodeCounts, type CountedCode, type GroupCounts } from './analysis/code-counts.js';
export { cooccurrence, type Cooccurrence, type CooccurrenceCell, type CooccurrenceOptions } from './analysis/cooccurrence.js';
export { quoteBank, citationOf, type EvidencedCoding, type Quote, type QuoteMark, type QuoteOptions } from './analysis/quotes.js';
export { retrieve, type RetrievalQuery } from './analysis/retrieve.js';
export { codebookRows, type CodebookRow } from './analysis/codebook-table.js';
export {
  validateCoding,
  type CodeValidation,
  type CodingForValidation,
  type SegmentMismatch,
  type ValidationOptions,
  type ValidationResult,
  type ValidationScores,
} from './analysis/validation.js';

// Agreement between coders (the statistics in one place, tested against published examples).
export type { RatingValue, ReliabilityData } from './analysis/agreement/reliability-data.js';
export {
  parseReliabilityCsv,
  RELIABILITY_LAYOUTS,
  type ReliabilityCsvOptions,
  type ReliabilityLayout,
} from './analysis/agreement/reliability-csv.js';
export { percentAgreement } from './analysis/agreement/percent-agreement.js';
export {
  cohenKappa,
  cohenKappaOfRatings,
  contingencyTable,
  type ContingencyTable,
  type KappaResult,
  type KappaWeights,
} from './analysis/agreement/cohen-kappa.js';
export { scottPi } from './analysis/agreement/scott-pi.js';
export { categoryCounts, fleissKappa, type CategoryCounts, type FleissResult } from './analysis/agreement/fleiss-kappa.js';
export {
  krippendorffAlpha,
  MEASUREMENT_LEVELS,
  type AlphaOptions,
  type AlphaResult,
  type MeasurementLevel,
} from './analysis/agreement/krippendorff-alpha.js';
export { bootstrapAlpha, type AlphaInterval, type BootstrapOptions } from './analysis/agreement/bootstrap-alpha.js';
export {
  overlapShare,
  overlapUnits,
  segmentUnits,
  type AgreementUnit,
  type AgreementUnitKind,
  type AgreementUnits,
  type CodingForAgreement,
  type CoderSpan,
  type UnitOptions,
} from './analysis/agreement/coding-units.js';
export {
  agreementStatistics,
  codingAgreement,
  describeUnits,
  type AgreementStatistics,
  type CodeAgreement,
  type CodingAgreement,
  type CodingAgreementOptions,
  type Disagreement,
} from './analysis/agreement/coding-agreement.js';

// Learned suggestions: per-code models trained on a coder's own codings (pure; no I/O, no network).
export { buildDataset, type CodingDecision, type ReviewedSpan, type DatasetOptions, type Dataset, type Example } from './learn/dataset.js';
export { learningUnits, LEARNING_UNITS, type LearningUnit } from './learn/units.js';
export { trainSuggester, scoreUnit, type TrainOptions, type Suggester, type CodeModel, type Reason, type Scored } from './learn/model.js';
export type { FeatureKind } from './learn/features.js';
export type { FoldGrouping } from './learn/folds.js';
export type { LogisticModel } from './learn/logistic.js';
export { suggestCodings, type Suggestion } from './learn/suggest.js';
export {
  evaluateSuggester,
  type EvaluateOptions,
  type Evaluation,
  type Method,
  type MethodResult,
  type CodeResult,
  type CurvePoint,
  type Scores,
} from './learn/evaluate.js';
export { reviewOf, reviewQueue, uncertaintyOf, type ReviewReason, type SuggestionReview } from './learn/review.js';

// Rendering: tables to CSV, Markdown, LaTeX, XLSX, HTML; charts to SVG; whole reports.
export { toCsv, type Table } from './report/csv.js';
export { codingRows, codingRowsToCsv, CODING_COLUMNS, type WrittenCodingRow } from './report/coding-table.js';
export {
  countTable,
  countRows,
  COUNT_COLUMNS,
  frequencyTable,
  frequencyCrosstab,
  frequencyBaseNote,
  cooccurrenceTable,
  cooccurrencePairs,
  quoteTable,
  codebookTable,
  kwicTable,
  type KwicRow,
} from './report/tables.js';
export { toMarkdown, quotesToMarkdown, markdownPage, type MarkdownTableOptions } from './report/markdown.js';
export { toLatex, type LatexOptions } from './report/latex.js';
export { toXlsx, type Sheet } from './report/xlsx.js';
export { htmlPage, htmlTable } from './report/html.js';
export type { Block, Page } from './report/blocks.js';
export { codeFrequencyChart, type FrequencyChartOptions } from './report/charts/frequency-bars.js';
export { codeInformantHeatmap, type HeatmapOptions } from './report/charts/code-informant-heatmap.js';
export { cooccurrenceHeatmap } from './report/charts/cooccurrence-heatmap.js';
export { pseudonymise, pseudonymsFromTable, type Pseudonym, type Pseudonymiser } from './report/pseudonyms.js';
export { nameLeaks } from './report/name-leaks.js';
export { pseudonymisedDocuments } from './report/pseudonymised-documents.js';
export { agreementTables, agreementToMarkdown } from './report/agreement-table.js';
export { validationTables, validationToMarkdown } from './report/validation-table.js';
export { buildReport, type BuildReportOptions, type ReportData } from './report/build-report.js';
export { renderReport, reportPage, type ReportCharts, type ReportFiles } from './report/render-report.js';
export { evaluationTables, evaluationToMarkdown, suggestionTable } from './report/suggest-tables.js';

// REFI-QDA: projects (.qdpx) and codebooks (.qdc) in and out.
export { fromQdpx, type PositionsReport, type QdpxImport, type QdpxImportOptions, type QdpxUser } from './refi/read-project.js';
export type { QdpxEntries } from './refi/entries.js';
export type { QdpxCase, QdpxVariable } from './refi/variables.js';
export { POSITION_CONVENTIONS, type ConventionChoice, type PositionConvention } from './refi/positions.js';
export { qdpxFromBytes, unzipQdpx } from './refi/archive.js';
export type { ZipArchive, ZipLimits } from './util/zip.js';
export { parseQdc, type QdcOptions, type QdcResult } from './refi/read-qdc.js';
export { codebookToQdc } from './refi/write-qdc.js';
export { qdpxArchive, type QdpxArchive, type QdpxExport } from './refi/write-project.js';
export { projectCodingRows, projectCodingsCsv, projectSummary, type ProjectSummary } from './refi/project-tables.js';

// Files.
export { readCorpus, readTranscript, type ReadCorpusOptions } from './io/read-corpus.js';
export { readCounts } from './io/read-counts.js';
export type { ReadOptions } from './import/formats.js';
export { DEFAULT_MAX_INPUT_SIZE } from './io/read-input.js';
export { readCodebook } from './io/read-codebook.js';
export { readCodings } from './io/read-codings.js';
export { readManualCodings } from './io/read-manual-codings.js';
export { readCases, readTableFile } from './io/read-cases.js';
export { readPseudonyms } from './io/read-pseudonyms.js';
export { readReliability } from './io/read-reliability.js';
export { readQdpx, readProjectCodings } from './io/read-qdpx.js';
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
export type { CliIo } from './cli/context.js';
