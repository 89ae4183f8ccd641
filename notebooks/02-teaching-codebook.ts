// A lesson in deductive coding: start from a three-code codebook, code one interview, compare
// with a student's hand coding, look at the misses and false hits in context (KWIC), refine
// the rules, measure again, and finally measure the agreement between two students.
// Run: npx tsx notebooks/02-teaching-codebook.ts
import {
  agreementTables,
  codeCorpus,
  codingAgreement,
  kwic,
  kwicTable,
  parseCodebook,
  placeCodings,
  readCodings,
  readCorpus,
  segmentUnits,
  validateCoding,
  validationTables,
  type Block,
  type Codebook,
  type Table,
} from '../src/index.js';
import { must, publish } from './lib/publish.js';

const read = await readCorpus(['data-sample/transcripts/informan-01.md']);
const corpus = must(read.corpus, read.messages);
const gold = await readCodings(['notebooks/data/sinta-gold.csv']);
const sinta = must(gold.codings, gold.messages);

const first = `
language: id
defaults:
  roles: ["!interviewer"]
codes:
  - id: factor
  - id: factor/proximity
    terms: [kedekatan]
  - id: factor/attachment
    terms: [pacar]
  - id: stage
  - id: stage/assessment
    terms: [asesmen]
`;

// After reading the KWIC lines: "kedekatan" is stemmed to "dekat", which is everywhere; "pacar"
// alone also finds a boyfriend merely listed among the people around her; and "asesmen" also
// finds the turn that moves on to planning.
const refined = `
language: id
defaults:
  roles: ["!interviewer"]
codes:
  - id: factor
  - id: factor/proximity
    terms: ["=kedekatan", "orang dekat", "seperti keluarga"]
  - id: factor/attachment
    terms: ["terlalu cinta"]
    near:
      - terms: [pacar, balik]
        within: 4
      - terms: [pacar, dominan]
        within: 6
  - id: stage
  - id: stage/assessment
    terms: [asesmen, genogram*]
    not: ["setelah asesmen"]
`;

function codebookOf(yaml: string, name: string): Codebook {
  const parsed = parseCodebook(yaml, name);
  return must(parsed.codebook, parsed.messages);
}

/** Code the interview with a codebook and score it against Sinta's coding. */
function score(codebook: Codebook): { table: Table; misses: Table } {
  const coded = codeCorpus(corpus, codebook);
  const gold = placeCodings(sinta, corpus.documents, { file: 'notebooks/data/sinta-gold.csv' }).codings;
  const result = validateCoding(coded.segments, coded.codings, gold, { codes: codebook.codes.map((c) => c.id), unit: 'turn' });
  const tables = validationTables(result);
  return { table: tables.scores, misses: tables.mismatches };
}

const before = score(codebookOf(first, 'first.yaml'));
const after = score(codebookOf(refined, 'refined.yaml'));
const dekat = kwic(corpus.documents, { term: 'kedekatan' }, { window: 6 });
const contexts = kwic(corpus.documents, { term: 'pacar' }, { window: 6 });
const asesmen = kwic(corpus.documents, { term: 'asesmen' }, { window: 6 });

const pair = await readCodings(['data-sample/coders/coder-a.csv', 'data-sample/coders/coder-b.csv']);
const agreement = codingAgreement(segmentUnits(must(pair.codings, pair.messages)));
const agreementTable = agreementTables(agreement);

const blocks: Block[] = [
  {
    kind: 'paragraph',
    text: 'Deductive coding starts from a codebook written before reading the data. Here it has three codes from the LK3 study, each with one term. We code the interview with Nurlaila (informan-01) and compare with Sinta, a student who coded the same interview by hand.',
  },
  { kind: 'heading', text: '1. The first codebook' },
  {
    kind: 'paragraph',
    text: 'Precision: of the turns the rules coded, how many Sinta coded too. Recall: of the turns Sinta coded, how many the rules found. A parent counts a turn when any of its children does.',
  },
  { kind: 'table', table: before.table, caption: 'First codebook against Sinta.' },
  {
    kind: 'table',
    table: before.misses,
    caption: 'Where they differ: missed (Sinta coded it, the rules did not) and over-coded (the rules coded it, Sinta did not).',
  },
  { kind: 'heading', text: '2. Looking at the matches in context' },
  {
    kind: 'paragraph',
    text: 'Keyword in context shows every place a term matches. Terms are stemmed, so "kedekatan" becomes "dekat" and matches every closeness — even "terdekatnya" and "mendekati": write =kedekatan to match the word exactly.',
  },
  { kind: 'table', table: kwicTable(dekat), caption: 'KWIC for the term "kedekatan" (6 words of context).' },
  {
    kind: 'paragraph',
    text: '"pacar" matches pacarnya and pacaran too; but in one turn the boyfriend is only listed among the people around the client — that is not attachment.',
  },
  { kind: 'table', table: kwicTable(contexts), caption: 'KWIC for the term "pacar" (6 words of context).' },
  { kind: 'table', table: kwicTable(asesmen), caption: 'KWIC for "asesmen": one turn only says that planning comes after assessment.' },
  { kind: 'heading', text: '3. Refining the rules' },
  {
    kind: 'paragraph',
    text: 'Attachment now needs "terlalu cinta", or "pacar" near "balik" or "dominan"; assessment gains genogram* and a veto for "setelah asesmen"; proximity matches the exact word and two phrases. Score again:',
  },
  { kind: 'table', table: after.table, caption: 'Refined codebook against Sinta.' },
  {
    kind: 'paragraph',
    text: 'Rules tuned on one interview can overfit it: check them on interviews you did not look at before trusting them.',
  },
  { kind: 'heading', text: '4. Agreement between two students' },
  { kind: 'paragraph', text: `Ayu and Bima coded the same turns of informan-01 with eight codes. ${agreement.method}` },
  { kind: 'table', table: agreementTable.summary, caption: 'Agreement per code and pooled.' },
  { kind: 'table', table: agreementTable.disagreements, caption: 'The disagreements to talk through.' },
];
await publish(import.meta.url, { title: 'Teaching deductive coding: rules, misses, refinement, agreement', blocks });
