import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READERS } from '../../src/io/formats.js';
import type { ImportResult } from '../../src/model/document.js';
import { runCli, seeded } from '../helpers/cli.js';
import { corpusPath, describeWithCorpora } from '../helpers/corpora.js';
import { MUTATIONS, SAMPLES } from '../helpers/damage.js';

// Damaged versions of the sample files go through every reader: each must come back with
// documents and messages (never an exception), with spans inside the text. How fast they do it
// is measured by `npm run bench` (bench/readers.ts), not here.
const ROUNDS = 40;

function checkResult(result: ImportResult, file: string): void {
  expect(Array.isArray(result.messages)).toBe(true);
  for (const m of result.messages) {
    expect(m.file).toBe(file);
    expect(typeof m.reason).toBe('string');
    expect(m.reason).not.toMatch(/\n\s+at /);
    expect(m.line).toBeGreaterThanOrEqual(0);
  }
  if (result.messages.some((m) => m.fatal)) return;
  for (const doc of result.corpus.documents) {
    expect(typeof doc.id).toBe('string');
    for (const t of doc.turns) {
      expect(0 <= t.start && t.start <= t.end && t.end <= doc.text.length).toBe(true);
    }
  }
}

/** The fuzz tests over a list of sample files. */
function fuzz(samples: string[]): void {
  it.each(Object.keys(MUTATIONS))('%s versions of every sample, through every reader', async (kind) => {
    const random = seeded(0x5eed + kind.length);
    let calls = 0;
    const outcomes = { documents: 0, fatal: 0 };
    for (const sample of samples) {
      const original = new Uint8Array(readFileSync(sample));
      for (let round = 0; round < ROUNDS; round++) {
        const bytes = MUTATIONS[kind](original, random);
        for (const [format, reader] of Object.entries(READERS)) {
          const file = `fuzz/${kind}-${round}.${format}`;
          let result: ImportResult;
          try {
            result = await reader(bytes, file, {});
          } catch (e) {
            throw new Error(`${format} reader threw on a ${kind} version of ${sample} (round ${round}): ${(e as Error).stack}`);
          }
          checkResult(result, file);
          calls++;
          if (result.messages.some((m) => m.fatal)) outcomes.fatal++;
          else if (result.corpus.documents.length > 0) outcomes.documents++;
        }
      }
    }
    expect(calls).toBe(samples.length * ROUNDS * Object.keys(READERS).length);
    // Both paths are exercised: damaged files that still read, and files refused with a message.
    // A damaged zip is never a REFI-QDA project, so the qdpx reader's calls only add refusals.
    const qdpxCalls = samples.length * ROUNDS;
    expect(outcomes.documents).toBeGreaterThan((calls - qdpxCalls) / 40);
    expect(outcomes.fatal).toBeGreaterThan(calls / 20);
  });

  it('the CLI exits 0 or 1 without a stack trace on damaged files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qda-fuzz-'));
    const random = seeded(42);
    for (const sample of samples) {
      const original = new Uint8Array(readFileSync(sample));
      for (const [kind, mutate] of Object.entries(MUTATIONS)) {
        const file = join(dir, `${kind.replace(' ', '-')}-${sample.split('/').pop()}`);
        writeFileSync(file, mutate(original, random));
        const run = await runCli('import', file);
        expect([0, 1], `${file}: ${run.stderr}`).toContain(run.code);
        expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
        if (run.code === 1) expect(run.stderr).toContain(file);
      }
    }
  });
}

describe('readers on damaged sample files', () => fuzz(SAMPLES));

describeWithCorpora('readers on damaged webvtt-py captions', () =>
  fuzz([corpusPath('webvtt-py-subtitles', 'sample.sbv'), corpusPath('webvtt-py-subtitles', 'youtube_dl.vtt')]),
);
