import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInterviewerLabel } from '../../src/import/speaker-roles.js';
import { joinCases } from '../../src/import/cases.js';
import { readCases } from '../../src/io/read-cases.js';
import { readCorpus } from '../../src/io/read-corpus.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'qda-roles-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// A social-work researcher's ordinary transcripts: no front matter, no role column.
const INTERVIEW = `Interviewer: How did you support your colleagues after the case?
Participant: I talked with my colleagues every week and we made a plan together.
Interviewer: Did your colleagues ask for supervision?
Participant: Yes, supervision helped, and the counselling unit gave us time.
`;
const WAWANCARA = `PEWAWANCARA: Bagaimana dukungan dari rekan kerja?
Informan: Rekan kerja saya selalu membantu dan kami berdiskusi tiap minggu.
`;
const codebook = file(
  'cb.yaml',
  `language: en
defaults:
  roles: ["!interviewer"]
codes:
  - id: support
    terms:
      en: [colleague, supervision]
      id: [rekan]
`,
);

describe('interviewer labels', () => {
  it.each(['Interviewer', 'INTERVIEWER', 'interviewer 2', 'Pewawancara', 'Peneliti', 'Moderator', 'I', 'Q', 'Researcher1'])(
    '%s is an interviewer label',
    (label) => {
      expect(isInterviewerLabel(label)).toBe(true);
    },
  );

  it.each(['Participant', 'Informan', 'Ibu Sari', 'Ika', 'P1', 'Q2'])('%s is not', (label) => {
    expect(isInterviewerLabel(label)).toBe(false);
  });

  it('gives Interviewer/PEWAWANCARA turns role interviewer, so `!interviewer` keeps interview questions out of the codings', async () => {
    const r = await runCli('code', file('teacher-01.txt', INTERVIEW), file('wawancara-02.txt', WAWANCARA), '--codebook', codebook);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const speakers = r.stdout
      .trim()
      .split('\n')
      .slice(1)
      .map((row) => row.split(',')[2]);
    expect(speakers).toEqual(['Participant', 'Participant', 'Informan']);
  });

  it('is overridable: --interviewer none gives no role, and the unmatched `!interviewer` is reported', async () => {
    const r = await runCli('code', file('teacher-01.txt', INTERVIEW), '--codebook', codebook, '--interviewer', 'none');
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((row) => row.split(',')[2]),
    ).toEqual(['Interviewer', 'Participant', 'Interviewer', 'Participant']);
    expect(r.stderr).toContain(
      `${codebook}: warning: role filter "!interviewer" leaves nobody out (codes support): no speaker in these transcripts has role "interviewer"; no speaker has a role [role-filter-unmatched]`,
    );
  });

  it('--interviewer names other labels (a moderator called "Fasil")', async () => {
    const { corpus } = await readCorpus([file('fgd.txt', 'Fasil: Apa yang kalian rasakan?\nAni: Kami merasa didukung.\n')], {
      interviewerLabels: ['fasil'],
    });
    expect(corpus.documents[0].participants.map((p) => [p.name, p.role])).toEqual([
      ['Fasil', 'interviewer'],
      ['Ani', undefined],
    ]);
  });

  it('keeps a front-matter role, and lets a cases file with a `Role` column replace the guessed one', async () => {
    const declared = file(
      'declared.md',
      '---\nparticipants:\n  - name: Moderator\n    role: informant\n---\nModerator: Saya juga korban dulu.\n',
    );
    const { corpus } = await readCorpus([declared, file('teacher-01.txt', INTERVIEW)]);
    expect(corpus.documents[0].participants[0].role).toBe('informant');
    expect(corpus.documents[1].participants.map((p) => p.role)).toEqual(['interviewer', undefined]);
    const { cases } = await readCases(
      file('cases.csv', 'Speaker,ROLE,Site\nParticipant,teacher,Bandung\nInterviewer,co-researcher,Bandung\n'),
    );
    const joined = joinCases(corpus, cases!);
    expect(joined.corpus.documents[1].participants.map((p) => [p.name, p.role, p.attributes.Site])).toEqual([
      ['Interviewer', 'co-researcher', 'Bandung'],
      ['Participant', 'teacher', 'Bandung'],
    ]);
  });

  it('report: warns when a `!role` filter matches nobody, and counts no interviewer quote', async () => {
    const out = join(dir, 'report');
    const r = await runCli('report', file('teacher-01.txt', INTERVIEW), '--codebook', codebook, '--out', out, '--by', 'role');
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('role-filter-unmatched');
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(out, 'quotes.csv'), 'utf8')).not.toContain('Interviewer');
  });

  // The same check as code and report (coding/role-filters.ts), not a copy of it.
  const unmatched = `${codebook}: warning: role filter "!interviewer" leaves nobody out (codes support): no speaker in these transcripts has role "interviewer"; no speaker has a role [role-filter-unmatched]`;
  const gold = file('gold.csv', 'document,segment,code,coder\nteacher-01,2,support,ana\n');

  it('validate: warns when a `!role` filter matches nobody, and not when it matches', async () => {
    const transcript = file('teacher-01.txt', INTERVIEW);
    const none = await runCli('validate', transcript, '--codebook', codebook, '--gold', gold, '--interviewer', 'none');
    expect(none.code, none.stderr).toBe(0);
    expect(none.stderr).toContain(unmatched);
    const matched = await runCli('validate', transcript, '--codebook', codebook, '--gold', gold);
    expect(matched.code, matched.stderr).toBe(0);
    expect(matched.stderr).not.toContain('role-filter-unmatched');
  });

  it('kwic --code: warns when a `!role` filter of the code matches nobody; kwic --term has no filter to check', async () => {
    const transcript = file('teacher-01.txt', INTERVIEW);
    const none = await runCli('kwic', transcript, '--code', 'support', '--codebook', codebook, '--interviewer', 'none');
    expect(none.code, none.stderr).toBe(0);
    expect(none.stderr).toContain(unmatched);
    // The interviewer's questions are found too: nothing keeps them out.
    expect(none.stdout).toContain('Interviewer');
    const matched = await runCli('kwic', transcript, '--code', 'support', '--codebook', codebook);
    expect(matched.code, matched.stderr).toBe(0);
    expect(matched.stderr).not.toContain('role-filter-unmatched');
    expect(matched.stdout).not.toContain('Interviewer');
    const term = await runCli('kwic', transcript, '--term', 'colleague', '--interviewer', 'none');
    expect(term.stderr).not.toContain('role-filter-unmatched');
  });
});
