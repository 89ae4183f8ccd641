import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPseudonyms } from '../../src/io/read-pseudonyms.js';
import { formatMessage } from '../../src/model/message.js';

const dir = mkdtempSync(join(tmpdir(), 'qda-key-'));
function file(text: string): string {
  const path = join(dir, `key-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(path, text);
  return path;
}

describe('readPseudonyms', () => {
  it('reads the fixture key', async () => {
    const { key, messages } = await readPseudonyms('test/fixtures/report/pseudonyms.csv');
    expect(messages).toEqual([]);
    expect(key![0]).toEqual({ name: 'Siti Rahma', pseudonym: 'Informan A' });
    expect(key).toHaveLength(6);
  });

  it('reports blank and contradictory rows at their line, and keeps the rest', async () => {
    const path = file('\uFEFFName,Pseudonym\nAni,P1\n,P2\nBudi,\nani,P3\nANI,P1\n');
    const { key, messages } = await readPseudonyms(path);
    expect(key).toEqual([{ name: 'Ani', pseudonym: 'P1' }]);
    expect(messages.map(formatMessage)).toEqual([
      `${path}:3:1: warning: row has no name; skipped [empty-pseudonym]`,
      `${path}:4:2: warning: row has no pseudonym; skipped [empty-pseudonym]`,
      `${path}:5:2: warning: "ani" already has the pseudonym "P1" (line 2); this row is ignored [conflicting-pseudonym]`,
    ]);
  });

  it('refuses a key without name and pseudonym columns', async () => {
    const path = file('real,fake\nAni,P1\n');
    const { key, messages } = await readPseudonyms(path);
    expect(key).toBeNull();
    expect(messages.map(formatMessage)).toEqual([
      `${path}:1:1: error: a pseudonym key needs the columns name and pseudonym; found: real, fake [missing-columns]`,
    ]);
  });
});
