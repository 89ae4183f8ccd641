import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/universal';
import { describe, expect, it } from 'vitest';
import { readCodings } from '../../src/io/read-codings.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'qda-codings-'));

/** A coder's CSV saved from Excel as .xlsx, as students hand them in. */
async function asXlsx(csvFile: string, name: string): Promise<string> {
  const rows = Papa.parse<string[]>(readFileSync(csvFile, 'utf8'), { skipEmptyLines: true }).data;
  const cells = rows.map((r, i) => r.map((v) => (i > 0 && /^\d+$/.test(v) ? Number(v) : v)));
  const blob = await writeXlsxFile(cells).toBlob();
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array(await blob.arrayBuffer()));
  return path;
}

describe('coding tables in every form they come', () => {
  it('reads an .xlsx coding table like the CSV it was saved from', async () => {
    const xlsx = await asXlsx('data-sample/coders/coder-a.csv', 'coder-a.xlsx');
    const [fromCsv, fromXlsx] = await Promise.all([readCodings(['data-sample/coders/coder-a.csv']), readCodings([xlsx])]);
    expect(fromXlsx.messages).toEqual([]);
    expect(fromXlsx.codings).toEqual(fromCsv.codings);
  });

  it('qda validate --gold takes the .xlsx, and report --codings a .qdpx', async () => {
    const xlsx = await asXlsx('data-sample/coders/coder-a.csv', 'gold.xlsx');
    const args = ['data-sample/transcripts/informan-01.md', '--codebook', 'codebooks/lk3-psychosocial.yaml', '--format', 'json'];
    const a = await runCli('validate', ...args, '--gold', xlsx);
    const b = await runCli('validate', ...args, '--gold', 'data-sample/coders/coder-a.csv');
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual(JSON.parse(b.stdout));
    const out = join(dir, 'report');
    const r = await runCli(
      'report',
      'test/fixtures/agreement/wawancara-uji.md',
      '--codebook',
      'test/fixtures/agreement/codebook.yaml',
      '--codings',
      'test/fixtures/agreement/coders.qdpx',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/codings \(ana, budi\)/);
  });

  it('never prints a binary file: a Word document given as a coding table is one located error', async () => {
    const r = await runCli(
      'validate',
      'data-sample/transcripts/informan-01.md',
      '--codebook',
      'codebooks/lk3-psychosocial.yaml',
      '--gold',
      'data-sample/formats/interview.docx',
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'data-sample/formats/interview.docx: error: this is a binary file, not a coding table: give a .csv, an .xlsx or a .qdpx [binary-file]\n',
    );
  });
});
