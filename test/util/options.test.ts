// Every public function with options checks them: a wrong option is a TypeError naming the
// function, the option and what it may be — never a silent default.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bootstrapAlpha,
  buildReport,
  codebookRows,
  codeCorpus,
  codesAtLevel,
  codingAgreement,
  cohenKappa,
  cohenKappaOfRatings,
  cooccurrence,
  codeInformantHeatmap,
  createCoder,
  fromCaptions,
  fromCsv,
  fromDocx,
  fromJsonl,
  fromTableRows,
  fromText,
  fromXlsx,
  readTranscript,
  toMarkdown,
  validateCoding,
  toCsv,
  toLatex,
  frequencies,
  krippendorffAlpha,
  kwic,
  overlapUnits,
  parseCodebook,
  parseReliabilityCsv,
  placeCodings,
  quoteBank,
  quotesToMarkdown,
  segmentDocument,
  segmentUnits,
} from '../../src/index.js';

const codebook = parseCodebook(readFileSync('test/fixtures/report/codebook.yaml', 'utf8'), 'codebook.yaml').codebook!;
const text = 'Pewawancara: Bagaimana awalnya?\n\nSari: Pacarnya posesif, dia terlalu cinta. Kami asesmen dulu.\n';
const doc = fromText(text, { file: 'w.md' }).corpus.documents[0];
const corpus = { documents: [doc] };
const coded = { documents: [doc], ...codeCorpus(corpus, codebook) };
const reliability = {
  coders: ['a', 'b'],
  units: ['u1', 'u2', 'u3'],
  values: [
    ['x', 'y', 'x'],
    ['x', 'y', 'y'],
  ],
};
const units = segmentUnits([
  { document: 'w', segment: 1, span: null, code: 'x', coder: 'a' },
  { document: 'w', segment: 1, span: null, code: 'x', coder: 'b' },
]);

const CASES: Array<[string, () => unknown, RegExp]> = [
  [
    'codeCorpus unit',
    () => codeCorpus(corpus, codebook, { unit: 'sentense' as never }),
    /^codeCorpus: option unit must be one of turn, paragraph, sentence; got "sentense"$/,
  ],
  [
    'codeDocument unit',
    () => createCoder(codebook).codeDocument(doc, { unit: 'line' as never }),
    /^codeDocument: option unit must be one of turn, paragraph, sentence; got "line"$/,
  ],
  [
    'segmentDocument unit',
    () => segmentDocument(doc, 'page' as never),
    /^segmentDocument: option unit must be one of turn, paragraph, sentence; got "page"$/,
  ],
  [
    'kwic window',
    () => kwic(corpus.documents, { term: 'pacar' }, { window: -1 }),
    /^kwic: option window must be a whole number from 0 up; got -1$/,
  ],
  [
    'kwic window not whole',
    () => kwic(corpus.documents, { term: 'pacar' }, { window: 2.5 }),
    /^kwic: option window must be a whole number from 0 up; got 2\.5$/,
  ],
  [
    'kwic unit',
    () => kwic(corpus.documents, { term: 'pacar' }, { unit: 'sentense' as never }),
    /^kwic: option unit must be one of turn, paragraph, sentence; got "sentense"$/,
  ],
  [
    'frequencies by',
    () => frequencies(coded, codebook, { by: 'rolee' }),
    /^frequencies: option by must be one of document, speaker, role; got "rolee"$/,
  ],
  [
    'frequencies language',
    () => frequencies(coded, codebook, { language: 3 as never }),
    /^frequencies: option language must be a text; got 3$/,
  ],
  [
    'cooccurrence level',
    () => cooccurrence(coded.codings, codebook, { level: 0 }),
    /^cooccurrence: option level must be a whole number from 1 up; got 0$/,
  ],
  ['codesAtLevel level', () => codesAtLevel(codebook, 1.5), /^codesAtLevel: option level must be a whole number from 1 up; got 1\.5$/],
  [
    'codebookRows language',
    () => codebookRows(codebook, { language: null as never }),
    /^codebookRows: option language must be a text; got null$/,
  ],
  [
    'quoteBank perCode',
    () => quoteBank(coded, codebook, { perCode: -2 }),
    /^quoteBank: option perCode must be a whole number from 0 up; got -2$/,
  ],
  [
    'quoteBank maxWords',
    () => quoteBank(coded, codebook, { maxWords: 0 }),
    /^quoteBank: option maxWords must be a whole number from 1 up; got 0$/,
  ],
  [
    'buildReport unit',
    () => buildReport(coded, codebook, { unit: 'sentense' as never }),
    /^buildReport: option unit must be one of turn, paragraph, sentence; got "sentense"$/,
  ],
  [
    'buildReport quotes',
    () => buildReport(coded, codebook, { quotes: -1 }),
    /^buildReport: option quotes must be a whole number from 0 up; got -1$/,
  ],
  [
    'buildReport by',
    () => buildReport(coded, codebook, { by: 'gender' }),
    /^frequencies: option by must be one of document, speaker, role; got "gender"$/,
  ],
  [
    'quotesToMarkdown headingLevel',
    () => quotesToMarkdown([], { headingLevel: 7 }),
    /^quotesToMarkdown: option headingLevel must be a whole number from 1 to 6; got 7$/,
  ],
  [
    'krippendorffAlpha level',
    () => krippendorffAlpha(reliability, { level: 'metric' as never }),
    /^krippendorffAlpha: option level must be one of nominal, ordinal, interval, ratio; got "metric"$/,
  ],
  [
    'krippendorffAlpha metric',
    () => krippendorffAlpha(reliability, { metric: 'cardinal' as never }),
    /^krippendorffAlpha: option metric must be one of nominal, ordinal, interval, ratio; got "cardinal"$/,
  ],
  [
    'bootstrapAlpha confidence',
    () => bootstrapAlpha(reliability, { samples: 10, confidence: 95 }),
    /^bootstrapAlpha: option confidence must be a number above 0 and below 1; got 95$/,
  ],
  [
    'bootstrapAlpha samples',
    () => bootstrapAlpha(reliability, { samples: 0 }),
    /^bootstrapAlpha: option samples must be a whole number from 1 to 100000; got 0$/,
  ],
  [
    'cohenKappa weights',
    () =>
      cohenKappa(
        {
          levels: ['a', 'b'],
          counts: [
            [1, 0],
            [0, 1],
          ],
        },
        { weights: 'cubic' as never },
      ),
    /^cohenKappa: option weights must be one of unweighted, linear, quadratic, an array of numbers \(one per level\); got "cubic"$/,
  ],
  [
    'cohenKappaOfRatings weights',
    () => cohenKappaOfRatings(['a'], ['a'], { weights: ['x'] as never }),
    /^cohenKappaOfRatings: option weights must be one of .*; got object$/,
  ],
  [
    'codingAgreement bootstrap',
    () => codingAgreement(units, { bootstrap: -5 }),
    /^codingAgreement: option bootstrap must be a whole number from 0 up; got -5$/,
  ],
  [
    'overlapUnits minOverlap',
    () => overlapUnits([], { minOverlap: 1.5 }),
    /^overlapUnits: option minOverlap must be a number above 0 and at most 1; got 1\.5$/,
  ],
  [
    'parseReliabilityCsv layout',
    () => parseReliabilityCsv('c,u\na,1\n', { file: 'r.csv', layout: 'long' as never }),
    /^parseReliabilityCsv: option layout must be one of coders-by-units, units-by-coders; got "long"$/,
  ],
  [
    'codeInformantHeatmap maxGroups',
    () => codeInformantHeatmap(frequencies(coded, codebook), { maxGroups: 0 }),
    /^codeInformantHeatmap: option maxGroups must be a whole number from 1 up; got 0$/,
  ],
  [
    'toLatex label',
    () => toLatex({ columns: ['a'], rows: [] }, { label: ' ' }),
    /^toLatex: option label must be a non-empty text; got " "$/,
  ],
  [
    'toCsv header',
    () => toCsv({ columns: ['a'], rows: [] }, { header: 'no' as never }),
    /^toCsv: option header must be true or false; got "no"$/,
  ],
  [
    'placeCodings unit',
    () => placeCodings([], corpus.documents, { unit: 'sentense' as never, file: 'a.csv' }),
    /^placeCodings: option unit must be one of turn, paragraph, sentence; got "sentense"$/,
  ],
  ['fromText file', () => fromText(text, { file: '' }), /^fromText: option file must be a non-empty text; got ""$/],
  ['fromText file missing', () => fromText(text, {} as never), /^fromText: option file must be a non-empty text; got undefined$/],
  [
    'fromText format',
    () => fromText(text, { file: 'w.md', format: 'docx' as never }),
    /^fromText: option format must be one of txt, md; got "docx"$/,
  ],
  ['fromText language', () => fromText(text, { file: 'w.md', language: 1 as never }), /^fromText: option language must be a text; got 1$/],
  ['fromText id', () => fromText(text, { file: 'w.md', id: ' ' }), /^fromText: option id must be a non-empty text; got " "$/],
  [
    'fromText speakers',
    () => fromText(text, { file: 'w.md', speakers: 'Sari' as never }),
    /^fromText: option speakers must be a list of texts; got "Sari"$/,
  ],
  [
    'fromText speakers item',
    () => fromText(text, { file: 'w.md', speakers: ['Sari', 3] as never }),
    /^fromText: option speakers must be a list of texts; got 3$/,
  ],
  [
    'fromText participants',
    () => fromText(text, { file: 'w.md', participants: [{ role: 'informant' }] as never }),
    /^fromText: option participants must be a list of objects with a text name; got object$/,
  ],
  [
    'fromText participants not a list',
    () => fromText(text, { file: 'w.md', participants: 'Sari' as never }),
    /^fromText: option participants must be a list of objects with a text name; got "Sari"$/,
  ],
  [
    'fromText attributes',
    () => fromText(text, { file: 'w.md', attributes: { site: ['Bandung'] } as never }),
    /^fromText: option attributes must be an object of texts, numbers, true\/false or null; got object$/,
  ],
  [
    'fromText attributes not an object',
    () => fromText(text, { file: 'w.md', attributes: [] as never }),
    /^fromText: option attributes must be an object of texts, numbers, true\/false or null; got object$/,
  ],
  [
    'fromCaptions format',
    () => fromCaptions('WEBVTT\n', { file: 'a.vtt', format: 'ass' as never }),
    /^fromCaptions: option format must be one of vtt, srt, sbv; got "ass"$/,
  ],
  [
    'fromCaptions format missing',
    () => fromCaptions('WEBVTT\n', { file: 'a.vtt' } as never),
    /^fromCaptions: option format must be one of vtt, srt, sbv; got undefined$/,
  ],
  [
    'fromCaptions id',
    () => fromCaptions('WEBVTT\n', { file: 'a.vtt', format: 'vtt', id: 7 as never }),
    /^fromCaptions: option id must be a non-empty text; got 7$/,
  ],
  ['fromJsonl file', () => fromJsonl('{}', { file: null as never }), /^fromJsonl: option file must be a non-empty text; got null$/],
  [
    'fromCsv format',
    () => fromCsv('speaker,text\n', { file: 'a.csv', format: 'tsv' as never }),
    /^fromCsv: option format must be one of csv, xlsx; got "tsv"$/,
  ],
  [
    'fromCsv speakerColumn',
    () => fromCsv('speaker,text\n', { file: 'a.csv', format: 'csv', speakerColumn: 2 as never }),
    /^fromCsv: option speakerColumn must be a non-empty text; got 2$/,
  ],
  [
    'fromCsv survey',
    () => fromCsv('speaker,text\n', { file: 'a.csv', format: 'csv', survey: 'yes' as never }),
    /^fromCsv: option survey must be true or false; got "yes"$/,
  ],
  [
    'fromTableRows textColumn',
    () => fromTableRows([], { file: 'a.csv', format: 'csv', textColumn: '' }),
    /^fromTableRows: option textColumn must be a non-empty text; got ""$/,
  ],
  [
    'segmentUnits coders',
    () => segmentUnits([], { coders: 'a,b' as never }),
    /^segmentUnits: option coders must be a list of texts; got "a,b"$/,
  ],
  [
    'segmentUnits codes',
    () => segmentUnits([], { codes: [null] as never }),
    /^segmentUnits: option codes must be a list of texts; got null$/,
  ],
  [
    'overlapUnits coders',
    () => overlapUnits([], { minOverlap: 0.5, coders: 2 as never }),
    /^overlapUnits: option coders must be a list of texts; got 2$/,
  ],
  [
    'validateCoding unit',
    () => validateCoding(coded.segments, coded.codings, [], { unit: 'sentense' as never }),
    /^validateCoding: option unit must be one of turn, paragraph, sentence; got "sentense"$/,
  ],
  [
    'validateCoding documents',
    () => validateCoding(coded.segments, coded.codings, [], { documents: 'some' as never }),
    /^validateCoding: option documents must be one of gold, all; got "some"$/,
  ],
  [
    'toMarkdown right',
    () => toMarkdown({ columns: ['code', 'n'], rows: [] }, { right: ['count'] }),
    /^toMarkdown: option right must be a list of code, n; got "count"$/,
  ],
  [
    'toMarkdown right not a list',
    () => toMarkdown({ columns: ['code', 'n'], rows: [] }, { right: 'n' as never }),
    /^toMarkdown: option right must be a list of code, n; got "n"$/,
  ],
  [
    'toMarkdown total',
    () => toMarkdown({ columns: ['code', 'n'], rows: [] }, { total: 1 as never }),
    /^toMarkdown: option total must be true or false; got 1$/,
  ],
];

// The readers of zipped formats are asynchronous: a wrong option rejects before the bytes are read.
const ASYNC_CASES: Array<[string, () => Promise<unknown>, RegExp]> = [
  ['fromDocx file', () => fromDocx(new Uint8Array(), { file: '' }), /^fromDocx: option file must be a non-empty text; got ""$/],
  [
    'fromDocx maxInputSize',
    () => fromDocx(new Uint8Array(), { file: 'a.docx', maxInputSize: 0 }),
    /^fromDocx: option maxInputSize must be a whole number from 1 up; got 0$/,
  ],
  [
    'fromXlsx format',
    () => fromXlsx(new Uint8Array(), { file: 'a.xlsx', format: 'xls' as never }),
    /^fromXlsx: option format must be one of csv, xlsx; got "xls"$/,
  ],
  [
    'fromXlsx documentColumn',
    () => fromXlsx(new Uint8Array(), { file: 'a.xlsx', format: 'xlsx', documentColumn: [] as never }),
    /^fromXlsx: option documentColumn must be a non-empty text; got object$/,
  ],
  [
    'readTranscript interviewerLabels',
    () => readTranscript('test/fixtures/core/plain.txt', { interviewerLabels: 'Guru' as never }),
    /^readTranscript: option interviewerLabels must be a list of texts; got "Guru"$/,
  ],
  [
    'readTranscript speakerCol',
    () => readTranscript('test/fixtures/core/plain.txt', { speakerCol: 1 }),
    /^readTranscript: option speakerCol must be a non-empty text; got 1$/,
  ],
  [
    'readTranscript maxInputSize',
    () => readTranscript('test/fixtures/core/plain.txt', { maxInputSize: -1 }),
    /^readTranscript: option maxInputSize must be a whole number from 1 up; got -1$/,
  ],
];

describe('library option checks', () => {
  it.each(ASYNC_CASES)('%s', async (_name, call, message) => {
    await expect(call()).rejects.toThrow(TypeError);
    await expect(call()).rejects.toThrow(message);
  });

  it('readTranscript inputFormat and language', async () => {
    await expect(readTranscript('test/fixtures/core/plain.txt', { inputFormat: 'pdf' })).rejects.toThrow(
      /^readTranscript: option inputFormat must be one of txt, md, .*; got "pdf"$/,
    );
    await expect(readTranscript('test/fixtures/core/plain.txt', { language: 1 as never })).rejects.toThrow(TypeError);
  });

  it.each(CASES)('%s', (_name, call, message) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(message);
  });

  it('accept every allowed value', () => {
    for (const unit of ['turn', 'paragraph', 'sentence'] as const)
      expect(codeCorpus(corpus, codebook, { unit }).segments.length).toBeGreaterThan(0);
    for (const by of ['document', 'speaker', 'role']) expect(frequencies(coded, codebook, { by }).groups.length).toBeGreaterThan(0);
    for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const)
      expect(() =>
        krippendorffAlpha(
          {
            ...reliability,
            values: [
              [1, 2, 1],
              [1, 2, 2],
            ],
          },
          { level },
        ),
      ).not.toThrow();
    expect(kwic(corpus.documents, { term: 'pacar' }, { window: 0 })).toHaveLength(1);
    // The old name of metric still works for one release.
    const numeric = {
      ...reliability,
      values: [
        [1, 2, 1],
        [1, 2, 2],
      ],
    };
    expect(krippendorffAlpha(numeric, { level: 'interval' })).toEqual(krippendorffAlpha(numeric, { metric: 'interval' }));
    expect(() =>
      cohenKappa(
        {
          levels: ['a', 'b'],
          counts: [
            [1, 0],
            [0, 1],
          ],
        },
        { weights: [0, 1] },
      ),
    ).not.toThrow();
  });
});
