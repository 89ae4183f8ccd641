import { strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ZIP_LIMITS, ZipArchive, ZipFormatError, ZipLimitError, type ZipLimits } from '../../src/util/zip.js';

const MB = 1024 * 1024;
const small: ZipLimits = { maxTotalBytes: 2 * MB, maxEntryBytes: 1 * MB, maxRatio: 1000 };

/** Set every entry's declared unpacked size to `size`, in the central directory and local headers (as a forged bomb does). */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
  }
  return out;
}

describe('ZipArchive', () => {
  it('unpacks entries on demand and gives what fflate gives', () => {
    const bytes = readFileSync('test/fixtures/agreement/coders.qdpx');
    const archive = new ZipArchive(bytes);
    const expected = unzipSync(bytes);
    expect([...archive.keys()].sort()).toEqual(
      Object.keys(expected)
        .filter((n) => !n.endsWith('/'))
        .sort(),
    );
    expect(archive.total).toBe(0);
    for (const name of archive.keys()) expect(archive.get(name)).toEqual(expected[name]);
  });

  it('stops a bomb entry at the entry limit, whatever size it declares', () => {
    const zip = lieAboutSizes(zipSync({ 'project.qde': new Uint8Array(50 * MB) }), 100);
    const archive = new ZipArchive(zip, small);
    expect(() => archive.get('project.qde')).toThrow(ZipLimitError);
    expect(() => new ZipArchive(zip, small).get('project.qde')).toThrow(
      'entry project.qde unpacks to more than 1 MB, the limit for one entry',
    );
    // Unpacking stopped within one slice (4 KB packed) of the limit.
    expect(archive.total).toBeLessThanOrEqual(1 * MB + 4 * MB);
  });

  it('stops at the archive total across entries, naming the entry that passed it', () => {
    const entries = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`Sources/${i}.txt`, strToU8('kata '.repeat(150_000))]));
    const archive = new ZipArchive(zipSync(entries), { ...small, maxEntryBytes: 2 * MB });
    let error: unknown;
    try {
      archive.checkAll();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ZipLimitError);
    expect(error).toMatchObject({ entry: 'Sources/2.txt', limit: 'maxTotalBytes' });
    expect((error as Error).message).toBe('the archive unpacks to more than 2 MB (the limit for one archive) by entry Sources/2.txt');
  });

  it('refuses an entry that unpacks more than 1000 times its packed size, past the first megabyte', () => {
    const zip = zipSync({ 'word/document.xml': new Uint8Array(8 * MB), 'tiny.xml': new Uint8Array(100_000) });
    const archive = new ZipArchive(zip, { ...DEFAULT_ZIP_LIMITS });
    expect(archive.get('tiny.xml')!.length).toBe(100_000);
    expect(() => archive.get('word/document.xml')).toThrow(expect.objectContaining({ limit: 'maxRatio', entry: 'word/document.xml' }));
  });

  it('unpacks none of the entries that are never asked for', () => {
    const archive = new ZipArchive(zipSync({ 'project.qde': strToU8('<Project/>'), 'Sources/bomb.bin': new Uint8Array(50 * MB) }), small);
    expect(new TextDecoder().decode(archive.get('project.qde'))).toBe('<Project/>');
    expect(archive.total).toBe(10);
  });

  it('says what is wrong with bytes that are not a zip', () => {
    expect(() => new ZipArchive(strToU8('not a zip at all, just some text'))).toThrow(ZipFormatError);
  });
});
