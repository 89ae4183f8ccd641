import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expandInputs } from '../../src/io/expand-inputs.js';
import { formatMessage } from '../../src/model/message.js';
import { runCli } from '../helpers/cli.js';

// A class folder as a lecturer's laptop has it: Word still open on one file, a hidden
// file from the OS, a PDF of the consent form, and last year's interviews in a subfolder.
const dir = mkdtempSync(join(tmpdir(), 'qda-inputs-'));
const put = (name: string, text = 'Ani: Saya dibantu teman dan keluarga saya.\n') => writeFileSync(join(dir, name), text);
put('guru-01.md');
put('guru-02.txt');
copyFileSync('data-sample/formats/interview.docx', join(dir, 'interview.docx'));
put('~$interview.docx', 'lock');
put('.DS_Store', 'x');
put('consent.pdf', '%PDF');
mkdirSync(join(dir, '2024'));
put(join('2024', 'guru-00.md'));

const lines = (messages: Parameters<typeof formatMessage>[0][]) => messages.map(formatMessage);

describe('expanding command-line inputs', () => {
  it('reads the transcripts of a folder, skipping lock, hidden and other files with a warning', async () => {
    const r = await expandInputs([dir]);
    expect(r.files).toEqual([join(dir, 'guru-01.md'), join(dir, 'guru-02.txt'), join(dir, 'interview.docx')]);
    expect(lines(r.messages)).toEqual([
      `${join(dir, '.DS_Store')}: warning: skipped: a hidden file [skipped-file]`,
      `${join(dir, 'consent.pdf')}: warning: skipped: not a transcript format qda reads [skipped-file]`,
      `${join(dir, '~$interview.docx')}: warning: skipped: a Word lock file (~$…), not a transcript: Word writes it while the document is open [skipped-file]`,
      `${dir}: warning: 1 subfolder is not read (add --recursive) [subfolders]`,
    ]);
  });

  it('reads subfolders with recursive', async () => {
    const r = await expandInputs([dir], { recursive: true });
    expect(r.files).toEqual([
      join(dir, '2024', 'guru-00.md'),
      join(dir, 'guru-01.md'),
      join(dir, 'guru-02.txt'),
      join(dir, 'interview.docx'),
    ]);
  });

  it('expands * and ** itself (as a Windows shell does not), without hidden files; a pattern matching nothing is an error', async () => {
    expect((await expandInputs([join(dir, '*.md')])).files).toEqual([join(dir, 'guru-01.md')]);
    expect((await expandInputs([join(dir, '**', 'guru-0?.md')])).files).toEqual([join(dir, '2024', 'guru-00.md'), join(dir, 'guru-01.md')]);
    const star = await expandInputs([join(dir, '*')]);
    expect(star.files).not.toContain(join(dir, '.DS_Store'));
    expect(star.files).not.toContain(join(dir, '~$interview.docx'));
    const none = await expandInputs([join(dir, '*.vtt')]);
    expect(lines(none.messages)).toEqual([`${join(dir, '*.vtt')}: error: no file matches this pattern [no-match]`]);
  });

  it('skips a lock file the shell expanded, and keeps - for stdin', async () => {
    const r = await expandInputs([join(dir, '~$interview.docx'), '-']);
    expect(r.files).toEqual(['-']);
    expect(r.messages).toHaveLength(1);
  });

  it('qda code takes a folder and a quoted pattern', async () => {
    const cb = join(dir, 'cb.yaml');
    writeFileSync(cb, 'codes:\n  - id: support\n    terms: [teman, keluarga]\n');
    const folder = await runCli('code', dir, '--codebook', cb, '--recursive');
    expect(folder.code).toBe(0);
    expect(
      folder.stdout
        .split('\n')
        .filter((l) => l.includes(',support,'))
        .map((l) => l.split(',')[0]),
    ).toEqual(['guru-00', 'guru-01', 'guru-02', 'interview', 'interview', 'interview', 'interview']);
    const pattern = await runCli('code', join(dir, '*.md'), '--codebook', cb);
    expect(
      pattern.stdout
        .split('\n')
        .filter((l) => l.includes(',support,'))
        .map((l) => l.split(',')[0]),
    ).toEqual(['guru-01']);
  });
});
