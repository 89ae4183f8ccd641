import { describe, expect, it } from 'vitest';
import { helpPages } from '../helpers/help.js';
import { runExamples, type ExampleRun } from '../helpers/run-examples.js';

const withSample = helpPages().filter((c) => /^\s+qda .*(data-sample|codebooks)\//m.test(c.help.replace(/ \\\n\s*/g, ' ')));

const ran: ExampleRun[] = [];

describe('the examples of --help that use the bundled sample run as written, from the qda folder', () => {
  it('there are such examples in the main help and in most commands', () => {
    expect(withSample.map((c) => c.name)).toEqual(
      expect.arrayContaining(['qda', 'qda code', 'qda report', 'qda kwic', 'qda agree', 'qda project']),
    );
  });

  it.each(withSample)('$name --help', async ({ help }) => {
    const runs = await runExamples(help);
    // Every path into the sample exists; the other files are a study's the reader does not
    // have, unless an earlier example wrote them (study.qda). What can run, runs and succeeds.
    const wrongSamplePaths = runs.filter((r) => /^no .*(data-sample|codebooks)\//.test(r.notRun ?? ''));
    expect(wrongSamplePaths.map((r) => `${r.command.line}: ${r.notRun}`)).toEqual([]);
    ran.push(...runs.filter((r) => r.code !== undefined));
    for (const run of runs.filter((r) => r.code !== undefined)) expect(run.code, `${run.command.line}\n${run.stderr}`).toBe(0);
  });

  it('ran at least one example of each help above but serve and project add, and the quick start', () => {
    const lines = ran.map((r) => r.command.line);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^qda report data-sample\/transcripts --cases/),
        expect.stringMatching(/^qda agree data-sample/),
      ]),
    );
    expect(ran.length).toBeGreaterThanOrEqual(withSample.length - 2);
  });
});
