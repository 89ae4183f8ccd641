import { strToU8, unzipSync, zipSync } from 'fflate';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unzipQdpx } from '../../src/refi/archive.js';
import { fromQdpx } from '../../src/refi/read-project.js';
import { runCli } from '../helpers/cli.js';

const MB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'qda-bomb-'));
const project = readFileSync('test/fixtures/agreement/coders.qdpx');

/** The fixture project with extra entries. */
function withEntries(extra: Record<string, Uint8Array>): Uint8Array {
  return zipSync({ ...unzipSync(project), ...extra });
}

describe('zip bombs', () => {
  it('qdpx import stops a project.qde bomb at --max-input-size and writes nothing', async () => {
    const file = join(dir, 'bomb.qdpx');
    const qde = strToU8(`<?xml version="1.0"?><Project name="x">${' '.repeat(20 * MB)}</Project>`);
    writeFileSync(file, zipSync({ 'project.qde': qde }));
    const out = join(dir, 'bomb-out');
    const r = await runCli('qdpx', 'import', file, '--out', out, '--max-input-size', '2MB');
    expect(r.stderr).toBe(
      `${file}: error: entry project.qde unpacks to more than 2 MB, the limit for one entry; unpacking stopped there. If the file is genuine, raise the limit with --max-input-size [zip-limit]\n`,
    );
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('reads a project without unpacking entries it does not name', async () => {
    const bytes = withEntries(Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`Sources/unused-${i}.bin`, new Uint8Array(8 * MB)])));
    const { entries } = unzipQdpx(bytes, 'p.qdpx');
    const result = await fromQdpx(entries, { file: 'p.qdpx' });
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
    expect(result.corpus.documents.length).toBeGreaterThan(0);
    expect(entries.total).toBeLessThan(MB);
    writeFileSync(join(dir, 'unused.qdpx'), bytes);
    expect((await runCli('qdpx', 'import', join(dir, 'unused.qdpx'), '--out', join(dir, 'unused-out'))).code).toBe(0);
  });

  it('import stops a .docx bomb and an .xlsx bomb, naming the entry and the limit', async () => {
    const docx = join(dir, 'bomb.docx');
    writeFileSync(docx, zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': new Uint8Array(20 * MB) }));
    const d = await runCli('import', docx, '--max-input-size', '4MB');
    expect(d.code).toBe(1);
    expect(d.stderr).toBe(
      `${docx}: error: entry word/document.xml unpacks to more than 4 MB, the limit for one entry; unpacking stopped there. If the file is genuine, raise the limit with --max-input-size [zip-limit]\n`,
    );
    const xlsx = join(dir, 'bomb.xlsx');
    writeFileSync(xlsx, zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(20 * MB) }));
    const x = await runCli('import', xlsx);
    expect(x.code).toBe(1);
    expect(x.stderr).toMatch(
      /entry xl\/worksheets\/sheet1\.xml unpacks to more than 1000 times its packed size: a zip bomb; unpacking stopped there.*\[zip-limit\]/,
    );
  });

  it('still reads the sample .docx and .xlsx transcripts', async () => {
    for (const f of ['data-sample/formats/interview.docx', 'data-sample/formats/interview.xlsx'])
      expect((await runCli('import', f)).code).toBe(0);
  });
});
