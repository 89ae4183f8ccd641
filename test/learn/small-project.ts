// A small fixed, fictional project: four interviews with staff of a campus counselling unit,
// coded by one coder ("ana") on every turn of the first three; the fourth is not read yet.
import { parseCodebook } from '../../src/codebook/parse.js';
import { fromText } from '../../src/import/text.js';
import type { CodingDecision } from '../../src/learn/dataset.js';
import type { Codebook } from '../../src/model/codebook.js';
import type { Corpus } from '../../src/model/document.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import type { ProjectStore } from '../../src/store/store.js';

const HEADER = (id: string) => `---
id: ${id}
language: en
participants:
  - name: Interviewer
    role: interviewer
  - name: Dewi
    role: counsellor
---
`;

/** Turns per document; the code (if any) the coder gave each turn follows `#`. */
const SCRIPTS: Record<string, string[]> = {
  'staff-01': [
    'Interviewer: How does a first meeting usually go?',
    'Dewi: We listen first. The student talks and we listen without judging. # support/listening',
    'Interviewer: And after that?',
    'Dewi: When she needs a doctor or a lawyer we make a referral to the clinic. # support/referral',
    'Interviewer: Do students come easily?',
    'Dewi: Many feel ashamed and worry what their family will say. # barrier/shame',
    'Interviewer: Thank you.',
  ],
  'staff-02': [
    'Interviewer: What matters most to you in the sessions?',
    'Dewi: Listening patiently, so the student feels heard and believed. # support/listening',
    'Interviewer: Who else is involved?',
    'Dewi: We refer her to the legal aid office and the clinic when she agrees. # support/referral',
    'Interviewer: What keeps students away?',
    'Dewi: Shame, mostly, and fear that friends will find out. # barrier/shame',
    'Interviewer: I see.',
    'Dewi: The room is small and the schedule is full.',
  ],
  'staff-03': [
    'Interviewer: Tell me about a typical week.',
    'Dewi: Most of the week we listen to students and let them set the pace. # support/listening',
    'Interviewer: And partners outside campus?',
    'Dewi: The clinic and the legal aid office take our referrals quickly. # support/referral',
    'Interviewer: Is anything hard?',
    'Dewi: Students feel ashamed to ask for help at first. # barrier/shame',
    'Dewi: We listen and we refer when needed. # support/listening',
  ],
  'staff-04': [
    'Interviewer: How do you begin?',
    'Dewi: We listen carefully and let the student talk first.',
    'Interviewer: Then?',
    'Dewi: A referral to the clinic is made when she wants one.',
    'Dewi: Some feel ashamed to come back.',
  ],
};

/** The codebook: one rule, so rule features and the rules baseline have something to fire. */
export const CODEBOOK: Codebook = codebookOf(
  `name: Fictional counselling study
language: en
codes:
  - id: support
    label: { en: support }
  - id: barrier
    label: { en: barriers }
  - id: support/listening
    label: { en: listening }
    terms: { en: [ listen ] }
  - id: support/referral
    label: { en: referral }
  - id: barrier/shame
    label: { en: shame }
`,
);

function codebookOf(yaml: string): Codebook {
  const { codebook, messages } = parseCodebook(yaml, 'small-project.yaml');
  if (codebook === null) throw new Error(messages.map((m) => m.reason).join('\n'));
  return codebook;
}

/** The corpus and ana's decisions (UTF-16 spans of the coded turns). */
export function smallProject(): { corpus: Corpus; decisions: CodingDecision[] } {
  const corpus: Corpus = { documents: [] };
  const decisions: CodingDecision[] = [];
  for (const [id, lines] of Object.entries(SCRIPTS)) {
    const text = HEADER(id) + lines.map((l) => l.replace(/ # .*$/, '')).join('\n');
    const doc = fromText(text, { file: `${id}.md`, format: 'md' }).corpus.documents[0];
    corpus.documents.push(doc);
    for (const line of lines) {
      const code = / # (.*)$/.exec(line)?.[1];
      if (code === undefined) continue;
      const said = line.replace(/ # .*$/, '').replace(/^[^:]+: /, '');
      const start = doc.text.indexOf(said);
      decisions.push({ document: id, code, start, end: start + said.length, coder: 'ana', verdict: 'applied' });
    }
  }
  return { corpus, decisions };
}

/**
 * The small project as a project file at `file`, ana's codings manual (its text is ASCII: code
 * points = UTF-16), left open for writing.
 */
export async function smallStudy(file: string): Promise<ProjectStore> {
  const store = await openSqliteStore(file, { mode: 'write', create: true });
  const { corpus, decisions } = smallProject();
  await store.change('ana', 'set up', async (tx) => {
    await tx.saveCodebook(CODEBOOK);
    for (const d of corpus.documents) await tx.addDocument(d);
    await tx.addCodings(
      decisions.map((d) => ({ document: d.document, start: d.start, end: d.end, code: d.code, coder: 'ana', origin: 'manual' })),
    );
  });
  return store;
}
