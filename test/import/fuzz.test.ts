import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { READERS } from '../../src/io/formats.js';
import type { ImportResult } from '../../src/model/document.js';
import { runCli, seeded } from '../helpers/cli.js';

// Damaged versions of the sample files go through every reader: each must come back with
// documents and messages (never an exception), quickly, with spans inside the text.
const SAMPLES = [
  'data-sample/formats/interview.md',
  'data-sample/formats/interview.docx',
  'data-sample/formats/interview.vtt',
  'data-sample/formats/interview.srt',
  'data-sample/formats/interview.csv',
  'data-sample/formats/interview.xlsx',
  '../shared/corpora/webvtt-py-subtitles/sample.sbv',
  '../shared/corpora/webvtt-py-subtitles/youtube_dl.vtt',
];
const ROUNDS = 40;

type Mutation = (bytes: Uint8Array, random: () => number) => Uint8Array;

const pick = (random: () => number, n: number) => Math.floor(random() * n);

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = pick(random, i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Pieces of the bytes: lines for text, 256-byte blocks for zip containers. */
function pieces(bytes: Uint8Array): Uint8Array[] {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const out: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (isZip ? i - start === 255 : bytes[i] === 0x0a) {
      out.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) out.push(bytes.subarray(start));
  return out;
}

const MUTATIONS: Record<string, Mutation> = {
  truncated: (bytes, random) => bytes.slice(0, pick(random, bytes.length)),
  shuffled: (bytes, random) => {
    const parts = shuffled(pieces(bytes), random);
    const out = new Uint8Array(bytes.length);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  },
  'random bytes': (bytes, random) => {
    const out = bytes.slice();
    const count = 1 + pick(random, 24);
    for (let i = 0; i < count && out.length > 0; i++) out[pick(random, out.length)] = pick(random, 256);
    return out;
  },
  'all random': (bytes, random) => Uint8Array.from({ length: pick(random, Math.min(bytes.length, 2048)) }, () => pick(random, 256)),
};

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

describe('readers on damaged files', () => {
  const started = Date.now();

  it.each(Object.keys(MUTATIONS))('%s versions of every sample, through every reader', async (kind) => {
    const random = seeded(0x5eed + kind.length);
    let calls = 0;
    const outcomes = { documents: 0, fatal: 0 };
    for (const sample of SAMPLES) {
      const original = new Uint8Array(readFileSync(sample));
      for (let round = 0; round < ROUNDS; round++) {
        const bytes = MUTATIONS[kind](original, random);
        for (const [format, reader] of Object.entries(READERS)) {
          const file = `fuzz/${kind}-${round}.${format}`;
          const t0 = performance.now();
          let result: ImportResult;
          try {
            result = await reader(bytes, file, {});
          } catch (e) {
            throw new Error(`${format} reader threw on a ${kind} version of ${sample} (round ${round}): ${(e as Error).stack}`);
          }
          expect(performance.now() - t0, `${format} on ${kind} ${sample}`).toBeLessThan(2000);
          checkResult(result, file);
          calls++;
          if (result.messages.some((m) => m.fatal)) outcomes.fatal++;
          else if (result.corpus.documents.length > 0) outcomes.documents++;
        }
      }
    }
    expect(calls).toBe(SAMPLES.length * ROUNDS * Object.keys(READERS).length);
    // Both paths are exercised: damaged files that still read, and files refused with a message.
    // A damaged zip is never a REFI-QDA project, so the qdpx reader's calls only add refusals.
    const qdpxCalls = SAMPLES.length * ROUNDS;
    expect(outcomes.documents).toBeGreaterThan((calls - qdpxCalls) / 20);
    expect(outcomes.fatal).toBeGreaterThan(calls / 20);
  });

  it('the CLI exits 0 or 1 without a stack trace on damaged files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qda-fuzz-'));
    const random = seeded(42);
    for (const sample of SAMPLES) {
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

  it('stays well within its time budget', () => {
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
