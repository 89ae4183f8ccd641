import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shellBlocks } from '../helpers/example-commands.js';
import { runExamples, type ExampleRun } from '../helpers/run-examples.js';

const documents = [
  'README.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const ran: ExampleRun[] = [];

describe('the qda commands of the README and docs/ work as written, from the qda folder', () => {
  it.each(documents)('%s', async (file) => {
    const runs = await runExamples(shellBlocks(readFileSync(file, 'utf8')));
    // A path into the bundled sample must exist; other files belong to the reader's own study
    // (or to an earlier line of the same page, such as study.qda) and those lines are not run.
    expect(runs.filter((r) => /^no .*(data-sample|codebooks)\//.test(r.notRun ?? '')).map((r) => `${r.command.line}: ${r.notRun}`)).toEqual(
      [],
    );
    for (const run of runs.filter((r) => r.code !== undefined)) expect(run.code, `${run.command.line}\n${run.stderr}`).toBe(0);
    ran.push(...runs.filter((r) => r.code !== undefined));
  });

  it('ran the README quick start lines and the sample lines of the guides', () => {
    const lines = ran.map((r) => r.command.line);
    expect(lines).toEqual(
      expect.arrayContaining([expect.stringMatching(/^qda kwic data-sample/), expect.stringMatching(/^qda project create class\.qda/)]),
    );
    expect(ran.length).toBeGreaterThanOrEqual(7);
  });
});
