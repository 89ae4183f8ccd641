import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewOf, reviewQueue } from '../../src/learn/review.js';
import { projectDecisions, suggestProject } from '../../src/store/project-suggestions.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';
import { runCli } from '../helpers/cli.js';
import { corpusPath, describeWithCorpora } from '../helpers/corpora.js';
import { smallStudy } from '../learn/small-project.js';
import { tempDir } from './helpers.js';

/** The small fixed project as a real project file. */
async function smallStudyFile() {
  const file = join(tempDir(), 'study.qda');
  return { file, store: await smallStudy(file) };
}

describe('learned suggestions in a project', () => {
  it('writes suggestions with score and explanation, replaces unreviewed ones, and learns from reviews', async () => {
    const { store } = await smallStudyFile();
    const first = await suggestProject(store, 'ana', { minScore: 0.5 });
    expect(first).toMatchObject({ coder: 'ana', models: 3, removed: 0 });
    const suggested = await store.listCodings({ origin: 'learned' });
    expect(suggested).toHaveLength(first.added);
    expect(first.added).toBeGreaterThan(2);
    for (const s of suggested) {
      expect(s).toMatchObject({ coder: 'ana', status: 'suggested' });
      expect(s.score).toBeGreaterThanOrEqual(0.5);
      expect(s.explanation.length).toBeGreaterThan(0);
      expect(reviewOf(s)!.text).toBe(`suggested because: ${s.explanation.map((r) => r.label).join(', ')}`);
    }
    const byScore = reviewQueue(suggested, 'score').map((s) => s.score!);
    expect(byScore).toEqual([...byScore].sort((a, b) => b - a));
    const byDoubt = reviewQueue(suggested, 'uncertainty').map((s) => reviewOf(s)!.uncertainty);
    expect(byDoubt).toEqual([...byDoubt].sort((a, b) => b - a));

    const referral = suggested.find((s) => s.document === 'staff-04' && s.code === 'support/referral')!;
    const listening = suggested.find((s) => s.document === 'staff-04' && s.code === 'support/listening')!;
    await store.change('ana', 'review', async (tx) => {
      await tx.updateCoding(referral.id, { status: 'rejected' });
      await tx.updateCoding(listening.id, { status: 'accepted' });
    });
    const decisions = projectDecisions(await store.listCodings(), await store.getDocuments());
    expect(decisions.filter((d) => d.verdict === 'rejected').map((d) => d.code)).toEqual(['support/referral']);
    expect(decisions.filter((d) => d.verdict === 'applied')).toHaveLength(11);

    const second = await suggestProject(store, 'ana', { minScore: 0.5 });
    expect(second.removed).toBe(first.added - 2);
    const now = await store.listCodings({ origin: 'learned' });
    expect(now.filter((c) => c.status !== 'suggested').map((c) => [c.id, c.status])).toEqual(
      [
        [referral.id, 'rejected'],
        [listening.id, 'accepted'],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );
    const again = now.filter(
      (c) => c.status === 'suggested' && c.document === referral.document && c.start === referral.start && c.code === referral.code,
    );
    expect(again).toEqual([]);
    await store.close();
  });

  it('asks which coder when several people coded, and names them', async () => {
    const { store } = await smallStudyFile();
    await store.change('budi', 'one coding', (tx) =>
      tx.addCoding({ document: 'staff-01', start: 0, end: 5, code: 'barrier/shame', origin: 'manual' }),
    );
    await expect(suggestProject(store, 'lead')).rejects.toThrow(
      'projectDataset: option coder is needed: the project has codings of ana, budi',
    );
    await expect(suggestProject(store, 'lead', { coder: 'cici' })).rejects.toThrow(
      'projectDataset: option coder must name someone who coded in the project (ana, budi); got "cici"',
    );
    await store.close();
  });

  it('qda suggest study.qda writes them, and qda report leaves unreviewed ones out', async () => {
    const { file, store } = await smallStudyFile();
    await store.close();
    const dir = tempDir();
    const before = await runCli('report', '--project', file, '--out', join(dir, 'before'));
    expect(before.code).toBe(0);
    const r = await runCli('suggest', file, '--min-score', '0.5');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^qda suggest: \d+ suggestions for ana from models of 3 codes; 0 unreviewed ones of the last run replaced\n$/);
    const evaluation = await runCli('suggest', file, '--evaluate', '--folds', '3', '--format', 'json');
    expect(evaluation.code).toBe(0);
    expect(JSON.parse(evaluation.stdout)).toMatchObject({ k: 3, grouping: 'document' });
    expect((await runCli('report', '--project', file, '--out', join(dir, 'after'))).code).toBe(0);
    const frequencies = (name: string) => readFileSync(join(dir, name, 'frequencies.csv'), 'utf8');
    expect(frequencies('after')).toBe(frequencies('before'));
    expect(frequencies('after')).toContain('support/referral');
  });
});

describeWithCorpora('learned suggestions in a project imported from REFI-QDA', () => {
  it('evaluates demo.qdpx the same from the .qdpx and from the imported project, and writes suggestions', async () => {
    const qdpx = corpusPath('qc-qualitative-coding', 'demo.qdpx');
    const file = join(tempDir(), 'demo.qda');
    expect((await runCli('project', 'import', qdpx, '--out', file)).code).toBe(0);
    const fromQdpx = await runCli('suggest', qdpx, '--evaluate', '--format', 'json');
    const fromProject = await runCli('suggest', file, '--evaluate', '--format', 'json');
    expect(fromProject.code).toBe(0);
    expect(JSON.parse(fromProject.stdout).methods).toEqual(JSON.parse(fromQdpx.stdout).methods);
    expect((await runCli('suggest', file)).code).toBe(0);
    const store = await openSqliteStore(file, { mode: 'read' });
    const learned = await store.listCodings({ origin: 'learned' });
    expect(learned.length).toBeGreaterThan(0);
    expect(new Set(learned.map((c) => c.coder))).toEqual(new Set(['cp']));
    await store.close();
  });
});
