import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { isGenericLabel, speakerIdentities } from '../../src/model/speaker.js';
import { readCorpus } from '../../src/io/read-corpus.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'qda-speakers-'));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

// A lecturer's class set: two interviews with teachers, both transcribed as Interviewer/Participant.
const teacher1 = file(
  'teacher-01.txt',
  `Interviewer: What helped you after the report?
Participant: My colleagues helped me, and the principal listened to my worries about the student.
Interviewer: Anything else?
Participant: The counsellor helped the student and her family with a long plan and regular visits.
`,
);
const teacher2 = file(
  'teacher-02.txt',
  `Interviewer: What helped you?
Participant: Honestly my colleagues helped most, they covered my classes while I went with the student to the clinic.
`,
);
const codebook = file(
  'cb.yaml',
  `language: en
defaults:
  roles: ["!interviewer"]
codes:
  - id: support
    terms:
      en: [help, colleague]
`,
);

const csv = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;

describe('speaker identity', () => {
  it.each(['Participant', 'P1', 'p 2', 'Respondent', 'Responden 3', 'Informan', 'Interviewer', 'Speaker 1', 'Narasumber'])(
    '%s is a generic label',
    (label) => {
      expect(isGenericLabel(label)).toBe(true);
    },
  );

  it.each(['Nurlaila', 'Ibu Sari', 'Pak Budi', 'Participants group'])('%s names a person', (label) => {
    expect(isGenericLabel(label)).toBe(false);
  });

  it('makes a generic label a speaker of its own document, and a name one speaker everywhere', async () => {
    const { corpus } = await readCorpus([
      teacher1,
      teacher2,
      file('a.txt', 'Nurlaila: Saya bantu.\n'),
      file('b.txt', 'NURLAILA: Saya juga.\n'),
    ]);
    const who = speakerIdentities(corpus.documents);
    expect(who('teacher-01', 'Participant')).toEqual({
      key: 'participant\u0000teacher-01',
      label: 'Participant',
      name: 'Participant (teacher-01)',
      document: 'teacher-01',
    });
    expect(who('teacher-01', 'Participant').key).not.toBe(who('teacher-02', 'Participant').key);
    expect(who('a', 'Nurlaila').key).toBe(who('b', 'NURLAILA').key);
  });

  it("report: two interviews' Participants are two speakers, cited with their document", async () => {
    const out = join(dir, 'report');
    const r = await runCli('report', teacher1, teacher2, '--codebook', codebook, '--out', out);
    expect(r.code).toBe(0);
    const support = csv(join(out, 'frequencies.csv')).filter((row) => row.code === 'support');
    expect(support.map((row) => [row.speaker, row.speakers])).toEqual([
      ['(all)', '2'],
      ['Interviewer (teacher-01)', '0'],
      ['Participant (teacher-01)', '1'],
      ['Interviewer (teacher-02)', '0'],
      ['Participant (teacher-02)', '1'],
    ]);
    const citations = csv(join(out, 'quotes.csv')).map((q) => q.citation);
    expect(citations.sort()).toEqual(['(Participant, teacher-01)', '(Participant, teacher-01)', '(Participant, teacher-02)']);
    expect(readFileSync(join(out, 'quotes.md'), 'utf8')).not.toContain('n.d.');
  });

  it('joins them when a cases file names the label for every document, or front matter gives the same person', async () => {
    const out = join(dir, 'joined');
    const cases = file('cases.csv', 'speaker,school\nParticipant,SMA 1\n');
    const r = await runCli('report', teacher1, teacher2, '--codebook', codebook, '--cases', cases, '--out', out);
    expect(r.code).toBe(0);
    const support = csv(join(out, 'frequencies.csv')).filter((row) => row.code === 'support');
    expect(support.find((row) => row.speaker === '(all)')!.speakers).toBe('1');
    expect(support.map((row) => row.speaker)).toContain('Participant');

    const a = file('x-01.md', '---\nparticipants:\n  - name: P1\n    person: guru-07\n---\nP1: Kolega saya membantu.\n');
    const b = file('x-02.md', '---\nparticipants:\n  - name: P1\n    person: guru-07\n---\nP1: Kolega membantu lagi.\n');
    const { corpus } = await readCorpus([a, b]);
    const who = speakerIdentities(corpus.documents);
    expect(who('x-01', 'P1')).toEqual({ key: 'guru-07', label: 'P1', name: 'guru-07' });
    expect(who('x-02', 'P1').key).toBe('guru-07');
    expect(corpus.documents[0].participants[0].attributes).toEqual({});
  });

  it('keeps them apart with a cases file keyed on document and speaker', async () => {
    const out = join(dir, 'paired');
    const cases = file('paired.csv', 'document,speaker,school\nteacher-01,Participant,SMA 1\nteacher-02,Participant,SMA 2\n');
    const r = await runCli('report', teacher1, teacher2, '--codebook', codebook, '--cases', cases, '--out', out, '--by', 'school');
    expect(r.code).toBe(0);
    const support = csv(join(out, 'frequencies.csv')).filter((row) => row.code === 'support');
    expect(support.map((row) => [row.school, row.speakers])).toEqual([
      ['(all)', '2'],
      ['SMA 1', '1'],
      ['SMA 2', '1'],
      ['(none)', '0'],
    ]);
  });
});
