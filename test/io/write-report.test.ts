import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeReport } from '../../src/io/write-report.js';
import { formatMessage } from '../../src/model/message.js';

const files = () =>
  new Map<string, string | Uint8Array>([
    ['a.csv', 'x\n1\n'],
    ['charts/b.svg', '<svg/>'],
    ['t.xlsx', new Uint8Array([1, 2, 3])],
  ]);

describe('writeReport', () => {
  it('writes every file into a new folder, and nothing beside it', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'qda-out-'));
    expect(await writeReport(join(parent, 'report'), files())).toEqual([]);
    expect(readdirSync(parent)).toEqual(['report']);
    expect(readdirSync(join(parent, 'report')).sort()).toEqual(['a.csv', 'charts', 't.xlsx']);
    expect([...readFileSync(join(parent, 'report', 't.xlsx'))]).toEqual([1, 2, 3]);
  });

  it('replaces an earlier report whole (old charts go too)', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'qda-out-'));
    const out = join(parent, 'report');
    mkdirSync(join(out, 'charts'), { recursive: true });
    writeFileSync(join(out, 'a.csv'), 'old');
    writeFileSync(join(out, 'charts', 'old-chart.svg'), '<svg/>');
    expect(await writeReport(out, files())).toEqual([]);
    expect(readFileSync(join(out, 'a.csv'), 'utf8')).toBe('x\n1\n');
    expect(existsSync(join(out, 'charts', 'old-chart.svg'))).toBe(false);
    expect(readdirSync(parent)).toEqual(['report']);
  });

  it('refuses a folder holding other files, and leaves it untouched', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'qda-out-'));
    writeFileSync(join(parent, 'thesis.docx'), 'precious');
    const messages = await writeReport(parent, files());
    expect(messages.map(formatMessage)).toEqual([
      `${parent}: error: --out already holds files that are not part of a report (thesis.docx); choose a new or empty folder [out-not-report]`,
    ]);
    expect(readdirSync(parent)).toEqual(['thesis.docx']);
  });

  it('leaves no half report when writing fails', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'qda-out-'));
    const bad = files();
    bad.set('a.csv/impossible', 'a file cannot be a folder');
    await expect(writeReport(join(parent, 'report'), bad)).rejects.toThrow();
    expect(readdirSync(parent)).toEqual([]);
  });
});
