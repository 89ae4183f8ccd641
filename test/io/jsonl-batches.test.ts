import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonlBatches } from '../../src/io/jsonl-batches.js';
import { seeded } from '../helpers/cli.js';

describe('jsonlBatches', () => {
  it('cuts a corpus into batches of whole lines, numbered, each in memory of its own (seeded)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qda-batches-'));
    const rand = seeded(3);
    for (let round = 0; round < 20; round++) {
      const lines = Array.from({ length: 1 + Math.floor(rand() * 40) }, (_, i) =>
        JSON.stringify({ id: `d${i}`, text: 'é😀 kata '.repeat(Math.floor(rand() * 30)) }),
      );
      const bom = round % 2 === 0 ? '\ufeff' : '';
      const eol = round % 3 === 0 ? '\r\n' : '\n';
      const file = join(dir, `c${round}.jsonl`);
      writeFileSync(file, `${bom}${lines.join(eol)}${round % 4 === 0 ? '' : eol}`);
      const seen: string[] = [];
      let expectedLine = 1;
      for await (const task of jsonlBatches(file, 1 + Math.floor(rand() * 400))) {
        if (task.kind !== 'lines') throw new Error('a JSONL corpus gives batches of lines');
        expect(task.firstLine).toBe(expectedLine);
        expect(task.bytes.byteOffset).toBe(0);
        expect(task.bytes.byteLength).toBe(task.bytes.buffer.byteLength);
        const batch = new TextDecoder()
          .decode(task.bytes)
          .split('\n')
          .map((l) => l.replace(/\r$/, ''));
        expectedLine += batch.length;
        seen.push(...batch);
      }
      expect(seen).toEqual(lines);
    }
  });
});
