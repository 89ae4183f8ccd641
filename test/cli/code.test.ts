import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../src/text/normalise.js';
import { runCli } from '../helpers/cli.js';

const fx = 'test/fixtures/core';
const header = 'document,segment,speaker,code,start,end,matches,text';

function parseCsv(csv: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
}

describe('qda code', () => {
  it('prints the contract CSV', async () => {
    const r = await runCli('code', `${fx}/plain.txt`, '--codebook', `${fx}/codebook.yaml`);
    expect(r.code).toBe(0);
    // Ani and Sari have no roles: the codebook's `!interviewer` leaves nobody out, and says so.
    expect(r.stderr).toMatch(
      /^\S+codebook.yaml: warning: role filter "!interviewer" leaves nobody out .*\[role-filter-unmatched\]\n {2}give roles .*\n$/,
    );
    expect(r.stdout.split('\n')[0]).toBe(header);
    expect(parseCsv(r.stdout)).toEqual([
      {
        document: 'plain',
        segment: '1',
        speaker: 'Ani',
        code: 'factor/attachment',
        start: '10',
        end: '18',
        matches: 'pacar',
        text: 'Halo pacarnya.',
      },
      {
        document: 'plain',
        segment: '2',
        speaker: 'Sari',
        code: 'factor/attachment',
        start: '26',
        end: '31',
        matches: 'pacar',
        text: 'Pacar 😀 dan asesmen.',
      },
      {
        document: 'plain',
        segment: '2',
        speaker: 'Sari',
        code: 'stage/assessment',
        start: '38',
        end: '45',
        matches: 'asesmen',
        text: 'Pacar 😀 dan asesmen.',
      },
    ]);
  });

  it.each(['turn', 'paragraph', 'sentence'])('offsets (code points) round-trip on a BOM + CRLF + emoji file, unit %s', async (unit) => {
    const file = `${fx}/crlf-emoji-bom.md`;
    const r = await runCli('code', file, '--codebook', `${fx}/codebook.yaml`, '--unit', unit);
    expect(r.code).toBe(0);
    const text = [...normaliseText(readFileSync(file, 'utf8'))];
    const rows = parseCsv(r.stdout);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      const span = text.slice(Number(row.start), Number(row.end)).join('');
      expect(row.text).toContain(span);
      const words = row.matches.split('|');
      expect(words.some((w) => span.toLowerCase().includes(w.replace('*', '').split(' ')[0].slice(0, 5).toLowerCase()))).toBe(true);
    }
    const json = await runCli('code', file, '--codebook', `${fx}/codebook.yaml`, '--unit', unit, '--format', 'json');
    const parsed = JSON.parse(json.stdout) as Array<{
      start: number;
      end: number;
      hits: Array<{ start: number; end: number; term: string }>;
    }>;
    expect(parsed).toHaveLength(rows.length);
    for (const c of parsed) for (const h of c.hits) expect(h.start).toBeGreaterThanOrEqual(c.start);
  });

  it('finds the exact spans in the emoji file', async () => {
    const r = await runCli('code', `${fx}/crlf-emoji-bom.md`, '--codebook', `${fx}/codebook.yaml`, '--format', 'jsonl');
    const text = [...normaliseText(readFileSync(`${fx}/crlf-emoji-bom.md`, 'utf8'))];
    const spans = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .map((c) => [c.code, text.slice(c.start, c.end).join('')]);
    expect(spans).toEqual([
      ['factor/attachment', 'terlalu cinta sama pacarnya'],
      ['stage/assessment', 'asesmen 👩🏽‍⚕️ dan genogramnya'],
      ['factor/attachment', 'pacar'],
      ['stage/assessment', 'Assessment\twith\u00a0the family'],
    ]);
  });

  it('writes --out whole, and prints nothing to stdout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qda-code-'));
    const out = join(dir, 'sub', 'codings.csv');
    const r = await runCli('code', `${fx}/plain.txt`, '--codebook', `${fx}/codebook.yaml`, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8').startsWith(header)).toBe(true);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['codings.csv']);
  });

  it('prints just the header (csv) or an empty list (json) when nothing is coded', async () => {
    const csv = await runCli('code', `${fx}/plain.txt`, '--codebook', `${fx}/nothing.yaml`);
    expect(csv).toEqual({ code: 0, stdout: `${header}\n`, stderr: '' });
    const json = await runCli('code', `${fx}/plain.txt`, '--codebook', `${fx}/nothing.yaml`, '--format', 'json');
    expect(JSON.parse(json.stdout)).toEqual([]);
  });
});

describe('qda code: bad input', () => {
  const cb = `${fx}/codebook.yaml`;
  it.each([
    ['missing file', ['code', `${fx}/nope.md`, '--codebook', cb], 1, /nope\.md: error: file not found \[file-unreadable\]/],
    ['binary file', ['code', `${fx}/binary.txt`, '--codebook', cb], 1, /binary\.txt: error: this is a binary file.*\[binary-file\]/],
    ['empty file', ['code', `${fx}/empty.txt`, '--codebook', cb], 1, /empty\.txt: error: file is empty.*\[empty-file\]/],
    [
      'folder without transcripts',
      ['code', mkdtempSync(join(tmpdir(), 'qda-empty-')), '--codebook', cb],
      1,
      /error: folder has no transcripts \[empty-folder\]/,
    ],
    [
      'a PDF',
      ['code', `${fx}/notes.pdf`, '--codebook', cb],
      1,
      /^[^\n]*notes\.pdf: error: qda cannot read PDF files: open it and save it as \.docx \(Word\) or \.txt \(plain text\), then give that file \[save-as-docx\]\n$/,
    ],
    [
      'unknown extension',
      ['code', `${fx}/codebook.yaml`, '--codebook', cb],
      1,
      /codebook\.yaml: error: cannot read files ending in \.yaml; known formats: txt, md, .*--input-format\) \[unknown-format\]/,
    ],
    [
      'YAML syntax error',
      ['code', `${fx}/plain.txt`, '--codebook', `${fx}/syntax-error.yaml`],
      1,
      /syntax-error\.yaml:4:1: error: YAML syntax error.*\[yaml-syntax\]/,
    ],
    [
      'duplicate id',
      ['code', `${fx}/plain.txt`, '--codebook', `${fx}/duplicate-id.yaml`],
      1,
      /duplicate-id\.yaml:4:\d+: error: duplicate code id "a" \(first defined on line 2\) \[duplicate-id\]/,
    ],
    [
      'unknown key',
      ['code', `${fx}/plain.txt`, '--codebook', `${fx}/unknown-key.yaml`],
      1,
      /unknown-key\.yaml:4:5: error: code "a": unknown key `colour` \(did you mean `color`\?\).*\[unknown-key\]/,
    ],
    [
      'bad regex',
      ['code', `${fx}/plain.txt`, '--codebook', `${fx}/bad-regex.yaml`],
      1,
      /bad-regex\.yaml:3:\d+: error: code "a": bad regex.*\[bad-regex\]/,
    ],
    [
      'missing codebook file',
      ['code', `${fx}/plain.txt`, '--codebook', `${fx}/none.yaml`],
      1,
      /none\.yaml: error: codebook file not found/,
    ],
    ['no --codebook', ['code', `${fx}/plain.txt`], 2, /required option '-c, --codebook <file>' not specified/],
    ['bad --unit', ['code', `${fx}/plain.txt`, '--codebook', cb, '--unit', 'word'], 2, /Allowed choices are turn, paragraph, sentence/],
    ['bad --format', ['code', `${fx}/plain.txt`, '--codebook', cb, '--format', 'xml'], 2, /Allowed choices are csv, json, jsonl/],
    ['unknown command', ['cod'], 2, /unknown command 'cod'/],
  ])('%s', async (_name, argv, code, pattern) => {
    const r = await runCli(...argv);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('leaves no partial --out file when a later file fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qda-code-'));
    const out = join(dir, 'codings.csv');
    const r = await runCli('code', `${fx}/plain.txt`, `${fx}/empty.txt`, '--codebook', cb, '--out', out);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('exits as a real process with a located message and no stack trace', async () => {
    const run = promisify(execFile);
    const err = await run(process.execPath, [
      '--import',
      'tsx',
      'test/helpers/qda-bin.ts',
      'code',
      `${fx}/binary.txt`,
      '--codebook',
      cb,
    ]).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr).toMatch(/binary\.txt: error: .*\[binary-file\]/);
    expect(err.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    const help = await run(process.execPath, ['--import', 'tsx', 'test/helpers/qda-bin.ts', 'code', '--help']);
    expect(help.stdout).toContain('document,segment,speaker,code,start,end,matches,text');
  });
});
