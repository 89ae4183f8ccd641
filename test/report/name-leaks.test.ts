import { zipSync, strToU8 } from 'fflate';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../src/model/message.js';
import { nameLeaks } from '../../src/report/name-leaks.js';
import { runCli } from '../helpers/cli.js';

const key = [
  { name: 'Nurlaila', pseudonym: 'Informan A' },
  { name: 'Dewa', pseudonym: 'Dewa Putra' },
  { name: 'Budi', pseudonym: 'Informan B' },
];

describe('nameLeaks', () => {
  it('finds a key name behind HTML character references, JSON escapes and in an unzipped .xlsx', () => {
    const xlsx = zipSync({ 'xl/sharedStrings.xml': strToU8('<sst><si><t>Informan A</t></si><si><t>kata B&#117;di</t></si></sst>'), 'xl/media/x.png': new Uint8Array([1, 2]) });
    const files = new Map<string, string | Uint8Array>([
      ['report.html', '<p>ok</p>\n<p>kata N&#117;rl&#x61;&shy;ila.</p>'],
      ['data.json', '{"t":"\\u004eurlaila"}'],
      ['tables.xlsx', xlsx],
      ['quotes.md', 'Informan A dan Dewa Putra: nothing here.'],
    ]);
    expect(nameLeaks(files, key, 'out').map(formatMessage)).toEqual([
      'out/report.html:2:9: error: a real name from the pseudonym key ("N…", 8 letters) is still in this output; nothing was written [name-left]',
      'out/data.json:1:7: error: a real name from the pseudonym key ("N…", 8 letters) is still in this output; nothing was written [name-left]',
      'out/tables.xlsx:1:44: error: a real name from the pseudonym key ("B…", 4 letters) is still in this output (in xl/sharedStrings.xml); nothing was written [name-left]',
    ]);
  });

  it('reads the project and sources of a .qdpx (project.qde is XML under another name)', () => {
    const qdpx = zipSync({
      'project.qde': strToU8('<Project name="x"><Users><User name="Budi"/></Users></Project>'),
      'sources/a.txt': strToU8('Informan A: halo.\nNurlaila: hai.'),
    });
    expect(nameLeaks(new Map([['p.qdpx', qdpx]]), key, 'out').map(formatMessage)).toEqual([
      'out/p.qdpx:1:38: error: a real name from the pseudonym key ("B…", 4 letters) is still in this output (in project.qde); nothing was written [name-left]',
      'out/p.qdpx:2:1: error: a real name from the pseudonym key ("N…", 8 letters) is still in this output (in sources/a.txt); nothing was written [name-left]',
    ]);
  });
});

/**
 * A sample transcript in a fresh folder with a name the pseudonymiser cannot see: a character
 * reference is not a name to it, but Markdown, HTML and XML viewers show it as one.
 */
function leakyTranscript(): { dir: string; transcript: string } {
  const dir = mkdtempSync(join(tmpdir(), 'qda-leak-'));
  const transcript = join(dir, 'informan-01.md');
  writeFileSync(transcript, readFileSync('data-sample/transcripts/informan-01.md', 'utf8').replace('Jadi gini, kalau saya lihat', 'Jadi gini, kata N&#117;rlaila, kalau saya lihat'));
  return { dir, transcript };
}

describe('qda qdpx export --pseudonyms', () => {
  it('fails and writes nothing when a name reaches the archive around the pseudonymiser', async () => {
    const { dir, transcript } = leakyTranscript();
    const out = join(dir, 'shared.qdpx');
    const r = await runCli('qdpx', 'export', transcript, '--codebook', 'codebooks/lk3-psychosocial.yaml', '--pseudonyms', 'data-sample/pseudonyms.csv', '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/shared\.qdpx:\d+:\d+: error: a real name from the pseudonym key \("N…", 8 letters\) is still in this output \(in sources\/[0-9a-f-]+\.txt\); nothing was written \[name-left\]/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('qda report --pseudonyms', () => {
  it('fails and writes nothing when a name reaches an output around the pseudonymiser', async () => {
    const { dir, transcript } = leakyTranscript();
    const out = join(dir, 'report');
    const r = await runCli('report', transcript, '--codebook', 'codebooks/lk3-psychosocial.yaml', '--pseudonyms', 'data-sample/pseudonyms.csv', '--out', out);
    expect(r.stderr).toMatch(/quotes\.md:\d+:\d+: error: a real name from the pseudonym key \("N…", 8 letters\) is still in this output; nothing was written \[name-left\]/);
    expect(r.code).toBe(1);
    expect(existsSync(out)).toBe(false);
  });

  it('writes the sample report with no name of the key left', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'qda-leak-')), 'report');
    const r = await runCli('report', 'data-sample/transcripts/informan-01.md', '--codebook', 'codebooks/lk3-psychosocial.yaml', '--pseudonyms', 'data-sample/pseudonyms.csv', '--out', out);
    expect(r.code).toBe(0);
    expect(readFileSync(join(out, 'quotes.md'), 'utf8')).toContain('Informan A');
  });
});
