import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { corpusPath, describeWithCorpora } from '../helpers/corpora.js';

describe('qda suggest: usage', () => {
  it('rejects a score outside 0–1, too few folds and a file that is not a project (exit 2)', async () => {
    for (const args of [['x.qdpx', '--min-score', '1.5'], ['x.qdpx', '--folds', '1'], ['notes.txt']]) {
      const r = await runCli('suggest', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^qda: /);
    }
  });

  it('refuses --interviewer and --cases on a qda project, whose roles were set when its transcripts were added (exit 2)', async () => {
    const interviewer = await runCli('suggest', 'study.qda', '--interviewer', 'Guru');
    expect(interviewer.code).toBe(2);
    expect(interviewer.stderr).toContain('--interviewer cannot be used with a qda project');
    const cases = await runCli('suggest', 'study.qda', '--cases', 'data-sample/cases.csv');
    expect(cases.code).toBe(2);
    expect(cases.stderr).toContain('--cases cannot be used with a qda project');
  });

  it('reports a missing project as a located data error (exit 1)', async () => {
    const r = await runCli('suggest', 'missing.qdpx', '--evaluate');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('missing.qdpx: error:');
  });
});

describeWithCorpora('qda suggest on the qc demo project', () => {
  const file = corpusPath('qc-qualitative-coding', 'demo.qdpx');

  // The role is a feature; in board_2017 (the coded source) the Moderator and Alfeck speak.
  it('gives a .qdpx roles with --interviewer and --cases, and they change what it learns', async () => {
    const args = ['suggest', file, '--min-score', '0.3'];
    const plain = await runCli(...args);
    expect(plain.code, plain.stderr).toBe(0);
    const interviewer = await runCli(...args, '--interviewer', 'Moderator');
    expect(interviewer.code, interviewer.stderr).toBe(0);
    expect(interviewer.stdout).not.toBe(plain.stdout);
    const cases = join(mkdtempSync(join(tmpdir(), 'qda-suggest-')), 'roles.csv');
    writeFileSync(cases, 'speaker,role\nAlfeck,board member\n');
    const withCases = await runCli(...args, '--cases', cases);
    expect(withCases.code, withCases.stderr).toBe(0);
    expect(withCases.stdout).not.toBe(plain.stdout);
    const missing = await runCli(...args, '--cases', join(tmpdir(), 'no-such-cases.csv'));
    expect(missing.code).toBe(1);
  });

  it('writes suggestions with scores and reasons, in code points', async () => {
    const r = await runCli('suggest', file, '--min-score', '0.5');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('document,unit,start,end,speaker,code,score,uncertainty,because');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(Number(line.split(',')[6])).toBeGreaterThanOrEqual(0.5);
  });

  it('evaluates to Markdown, and to three CSV files with --out', async () => {
    const md = await runCli('suggest', file, '--evaluate');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('| learned from the codings |');
    expect(md.stdout).toContain('### Reported, not scored (fewer than 5 examples): 66 codes');
    const dir = mkdtempSync(join(tmpdir(), 'qda-suggest-'));
    const csv = await runCli('suggest', file, '--evaluate', '--format', 'csv', '--out', join(dir, 'eval.csv'));
    expect(csv.code).toBe(0);
    expect(readFileSync(join(dir, 'eval.csv'), 'utf8').split('\n')[0]).toBe(
      'code,examples,scored,method,true_positives,false_positives,false_negatives,precision,recall,f1',
    );
    expect(
      readFileSync(join(dir, 'eval-micro.csv'), 'utf8')
        .split('\n')
        .slice(1, 4)
        .map((l) => l.split(',')[0]),
    ).toEqual(['learned', 'rules', 'most-frequent']);
    expect(readFileSync(join(dir, 'eval-curve.csv'), 'utf8').split('\n')[0]).toBe(
      'fraction,training_units,training_codings,precision,recall,f1',
    );
  });

  it('refuses an unknown coder with the ones the project has', async () => {
    const r = await runCli('suggest', file, '--coder', 'nobody');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no codings of coder "nobody"; the project has: cp [unknown-coder]');
  });
});
