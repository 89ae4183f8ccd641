import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/text/decode.js';
import { runCli } from '../helpers/cli.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const transcript = 'Pewawancara: Apa kabar?\nNurlaila: Baik, terima kasih 😀.\n';

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

describe('decodeBytes', () => {
  it('reads UTF-16 without a BOM, little- and big-endian', () => {
    expect(decodeBytes(Buffer.from(transcript, 'utf16le'))).toEqual({ text: transcript, encoding: 'utf-16le', binary: false });
    expect(decodeBytes(utf16be(transcript))).toEqual({ text: transcript, encoding: 'utf-16be', binary: false });
  });

  it('still calls binary files binary', () => {
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(decodeBytes(binary).binary).toBe(true);
    expect(decodeBytes(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 8, 0, 0, 0])).binary).toBe(true);
  });

  it('reads UTF-8 and UTF-16 with a BOM as before', () => {
    expect(decodeBytes(Buffer.from(`\ufeff${transcript}`, 'utf16le')).encoding).toBe('utf-16le');
    expect(decodeBytes(Buffer.from(transcript)).encoding).toBe('utf-8');
  });

  it('lets qda import read a UTF-16 transcript without a BOM', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'qda-utf16-')), 'nobom.txt');
    writeFileSync(file, Buffer.from(transcript, 'utf16le'));
    const r = await runCli('import', file);
    // Only the line saying which language the (short) transcript is read in.
    expect(r.stderr).toBe(
      "nobom: language unknown: too little text, or mixed (stemming in the codebook's languages; give --language id|en)\n",
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).documents[0].text).toBe(transcript);
  });
});
