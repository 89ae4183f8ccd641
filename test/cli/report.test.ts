import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { FIXTURE, TRANSCRIPTS } from '../report/fixture.js';
import { expectGolden } from '../helpers/golden.js';

const codebook = `${FIXTURE}/codebook.yaml`;
const cases = `${FIXTURE}/cases.csv`;
const temp = () => mkdtempSync(join(tmpdir(), 'qda-report-'));

/** Every file under a folder with its text (XLSX entries unzipped, so names inside them are found too). */
function texts(dir: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.xlsx'))
        for (const [entry, bytes] of Object.entries(unzipSync(readFileSync(path))))
          out.push([`${relative(dir, path)}!${entry}`, strFromU8(bytes)]);
      else out.push([relative(dir, path), readFileSync(path, 'utf8')]);
    }
  };
  walk(dir);
  return out;
}

function totals(csv: string): Record<string, number> {
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  return Object.fromEntries(rows.filter((r) => Object.values(r).includes('(all)')).map((r) => [r.code, Number(r.segments)]));
}

describe('qda report', () => {
  it('writes the whole report, the same as the library renders it', async () => {
    const out = join(temp(), 'report');
    const r = await runCli('report', ...TRANSCRIPTS, '--codebook', codebook, '--cases', cases, '--by', 'role', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `${cases}:5:1: warning: case "Rina Wati" matches no speaker or document id in the transcripts; its attributes are not used [case-unmatched]\n` +
        `${out}: 16 files — 3 documents, 15 segments, 12 codings (auto)\n`,
    );
    expect(readdirSync(out).sort()).toEqual([
      'charts',
      'codebook.csv',
      'codebook.md',
      'codebook.tex',
      'cooccurrence.csv',
      'cooccurrence.md',
      'frequencies.csv',
      'frequencies.md',
      'frequencies.tex',
      'quotes.csv',
      'quotes.md',
      'report.html',
      'report.js',
      'tables.xlsx',
    ]);
    expect(readdirSync(join(out, 'charts')).sort()).toEqual(['code-by-informant.svg', 'code-frequencies.svg', 'cooccurrence.svg']);
    for (const name of [
      'frequencies.csv',
      'frequencies.md',
      'frequencies.tex',
      'cooccurrence.csv',
      'cooccurrence.md',
      'quotes.md',
      'codebook.md',
    ]) {
      expectGolden(`report/${name}`, readFileSync(join(out, name), 'utf8'));
    }
  });

  it('with --pseudonyms, no real name of the key is left anywhere under the output folder', async () => {
    const key = Papa.parse<Record<string, string>>(readFileSync(`${FIXTURE}/pseudonyms.csv`, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data.map((r) => r.name);
    const plain = join(temp(), 'plain');
    const anonymous = join(temp(), 'anonymous');
    expect((await runCli('report', ...TRANSCRIPTS, '-c', codebook, '--cases', cases, '--by', 'speaker', '--out', plain)).code).toBe(0);
    const r = await runCli(
      'report',
      ...TRANSCRIPTS,
      '-c',
      codebook,
      '--cases',
      cases,
      '--by',
      'speaker',
      '--pseudonyms',
      `${FIXTURE}/pseudonyms.csv`,
      '--out',
      anonymous,
    );
    expect(r.code).toBe(0);
    const leaks = (dir: string) =>
      texts(dir).flatMap(([file, text]) =>
        key.filter((name) => new RegExp(`\\b${name}\\b`, 'i').test(text)).map((name) => `${file}: ${name}`),
      );
    // Without the key the names are everywhere (so this check can fail) …
    expect(leaks(plain).length).toBeGreaterThan(20);
    // … with it, nowhere: not in tables, citations, quote text, charts, the workbook or the page.
    expect(leaks(anonymous)).toEqual([]);
    const quotes = readFileSync(join(anonymous, 'quotes.md'), 'utf8');
    expect(quotes).toContain('(Informan A, 2024)');
    expect(quotes).toContain('kata Informan B-nya');
    expect(quotes).toContain('Informant C always tells clients');
    expect(readFileSync(join(anonymous, 'charts', 'code-by-informant.svg'), 'utf8')).toContain('>Informan B<');
  });

  it('reports human coding from --codings (manual by default), one coder, or merged with the automatic one', async () => {
    const ana = `${FIXTURE}/ana.csv`;
    const manual = await runCli('report', ...TRANSCRIPTS, '-c', codebook, '--codings', ana, '--out', join(temp(), 'r'));
    expect(manual.code).toBe(0);
    expect(manual.stderr).toContain(
      `${ana}: warning: 1 coding name document "nope", which is not among the transcripts; skipped [unknown-document]`,
    );
    expect(manual.stderr).toContain(`${ana}: warning: code "factor/unknown" (1 coding) is not in the codebook; skipped [unknown-code]`);
    // The row with an unknown code is left out when placed, so it is not counted either.
    expect(manual.stderr).toMatch(/5 codings \(ana\)\n$/);
    const manualDir = join(temp(), 'm');
    await runCli('report', ...TRANSCRIPTS, '-c', codebook, '--codings', ana, '--coder', 'ANA', '--out', manualDir);
    expect(totals(readFileSync(join(manualDir, 'frequencies.csv'), 'utf8'))).toEqual({
      factor: 2,
      'factor/attachment': 1,
      'factor/proximity': 1,
      stage: 2,
      'stage/assessment': 1,
      'stage/planning': 2,
    });
    const allDir = join(temp(), 'a');
    const all = await runCli('report', ...TRANSCRIPTS, '-c', codebook, '--codings', ana, '--coder', 'all', '--out', allDir);
    expect(all.stderr).toMatch(/17 codings \(auto, ana\)\n$/);
    // wawancara-b segment 6 and interview-c segment 4 are in both; ana adds stage/assessment and stage/planning to wawancara-a segment 4 (auto has them too).
    expect(totals(readFileSync(join(allDir, 'frequencies.csv'), 'utf8'))).toEqual({
      factor: 7,
      'factor/attachment': 5,
      'factor/proximity': 2,
      stage: 3,
      'stage/assessment': 2,
      'stage/planning': 3,
    });
    const bob = await runCli('report', ...TRANSCRIPTS, '-c', codebook, '--codings', ana, '--coder', 'bob', '--out', join(temp(), 'b'));
    expect(bob.code).toBe(2);
    expect(bob.stderr).toContain('--coder "bob" has no codings (the coding tables have: ana); or use auto or all');
  });

  it('counts sentences with --unit sentence and groups by any attribute', async () => {
    const out = join(temp(), 'r');
    const r = await runCli(
      'report',
      ...TRANSCRIPTS,
      '-c',
      codebook,
      '--cases',
      cases,
      '--unit',
      'sentence',
      '--by',
      'institution',
      '--level',
      '2',
      '--quotes',
      '1',
      '--out',
      out,
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/3 documents, \d+ segments/);
    const freq = readFileSync(join(out, 'frequencies.csv'), 'utf8');
    expect(freq.split('\n')[0]).toBe('code,label,institution,segments,documents,speakers,base_segments,share_pct,base');
    expect(freq).toContain('factor,Faktor,Fakultas Dakwah,');
    expect(freq).toContain('factor,Faktor,(none),');
    const co = Papa.parse<string[]>(readFileSync(join(out, 'cooccurrence.csv'), 'utf8'), { skipEmptyLines: true }).data;
    expect(co).toHaveLength(1 + 16);
    const quotes = Papa.parse<Record<string, string>>(readFileSync(join(out, 'quotes.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(quotes.map((q) => q.rank)).toEqual(['1', '1', '1', '1']);
  });

  it('shows the co-occurrence of families by default, of every code with --level all, and says which', async () => {
    const rows = async (...level: string[]) => {
      const out = join(temp(), 'r');
      const r = await runCli('report', ...TRANSCRIPTS, '-c', codebook, ...level, '--out', out);
      expect(r.code, r.stderr).toBe(0);
      const html = readFileSync(join(out, 'report.html'), 'utf8');
      const csv = Papa.parse<string[]>(readFileSync(join(out, 'cooccurrence.csv'), 'utf8'), { skipEmptyLines: true }).data.slice(1);
      return { codes: [...new Set(csv.map((row) => row[0]))], html };
    };
    const families = await rows();
    expect(families.codes).toEqual(['factor', 'stage']);
    expect(families.html).toContain('Families (the top-level codes) are shown');
    const all = await rows('--level', 'all');
    expect(all.codes).toEqual(['factor', 'factor/attachment', 'factor/proximity', 'stage', 'stage/assessment', 'stage/planning']);
    expect(all.html).toContain('Every code is shown.');
    expect((await rows('--level', '2')).codes).toEqual(['factor/attachment', 'factor/proximity', 'stage/assessment', 'stage/planning']);
    const help = await runCli('report', '--help');
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/--level <n> depth of the co-occurrence table and heat-map: 1 = families/);
    expect(help.stdout).toContain('--level all --out report');
  });

  it('replaces an earlier report in place', async () => {
    const out = join(temp(), 'r');
    expect((await runCli('report', ...TRANSCRIPTS, '-c', codebook, '--out', out)).code).toBe(0);
    expect((await runCli('report', ...TRANSCRIPTS, '-c', codebook, '--by', 'document', '--out', out)).code).toBe(0);
    expect(readFileSync(join(out, 'frequencies.csv'), 'utf8').split('\n')[0]).toContain(',document,');
  });
});

describe('qda report: bad input', () => {
  it.each([
    ['no --out', ['report', TRANSCRIPTS[0], '-c', codebook], 2, /required option '-o, --out <dir>' not specified/],
    [
      'unknown --by',
      ['report', TRANSCRIPTS[0], '-c', codebook, '--by', 'height', '--out', 'OUT'],
      2,
      /--by "height" is neither document, speaker, role nor an attribute of these transcripts; choose one of: document, speaker, role, date, id, language, title/,
    ],
    [
      '--level too deep',
      ['report', TRANSCRIPTS[0], '-c', codebook, '--level', '3', '--out', 'OUT'],
      2,
      /--level 3 is deeper than the codebook, whose codes go 2 levels deep/,
    ],
    [
      'bad --level',
      ['report', TRANSCRIPTS[0], '-c', codebook, '--level', 'every', '--out', 'OUT'],
      2,
      /--level must be a whole number from 1 up, or all \(got "every"\)/,
    ],
    ['bad --quotes', ['report', TRANSCRIPTS[0], '-c', codebook, '--quotes', 'many', '--out', 'OUT'], 2, /--quotes must be a whole number/],
    ['missing transcript', ['report', 'nope.md', '-c', codebook, '--out', 'OUT'], 1, /nope\.md: error: file not found \[file-unreadable\]/],
    [
      'missing cases file',
      ['report', TRANSCRIPTS[0], '-c', codebook, '--cases', 'none.csv', '--out', 'OUT'],
      1,
      /none\.csv: error: file not found/,
    ],
    [
      'bad pseudonym key',
      ['report', TRANSCRIPTS[0], '-c', codebook, '--pseudonyms', cases, '--out', 'OUT'],
      1,
      /a pseudonym key needs the columns name and pseudonym/,
    ],
    [
      '--coder manual without tables',
      ['report', TRANSCRIPTS[0], '-c', codebook, '--coder', 'manual', '--out', 'OUT'],
      2,
      /--coder manual needs the coding tables: give them with --codings/,
    ],
    [
      'bad codebook',
      ['report', TRANSCRIPTS[0], '-c', 'test/fixtures/core/syntax-error.yaml', '--out', 'OUT'],
      1,
      /syntax-error\.yaml:4:1: error: YAML syntax error/,
    ],
  ])('%s', async (_name, argv, code, pattern) => {
    const out = join(temp(), 'report');
    const r = await runCli(...argv.map((a) => (a === 'OUT' ? out : a)));
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses to write into a folder that holds other files', async () => {
    const out = temp();
    mkdirSync(join(out, 'data'));
    writeFileSync(join(out, 'data', 'interview.md'), 'precious');
    const r = await runCli('report', TRANSCRIPTS[0], '-c', codebook, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('--out already holds files that are not part of a report (data/interview.md)');
    expect(readdirSync(out)).toEqual(['data']);
  });
});

describe('qda report with two human coders', () => {
  it('adds their agreement: agreement.md/csv, disagreements.csv, two XLSX sheets and a report section', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'qda-report-agree-')), 'report');
    const r = await runCli(
      'report',
      'data-sample/transcripts/informan-01.md',
      '--codebook',
      'codebooks/lk3-psychosocial.yaml',
      '--codings',
      'data-sample/coders/coder-a.csv',
      'data-sample/coders/coder-b.csv',
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    const summary = readFileSync(join(out, 'agreement.csv'), 'utf8');
    expect(summary.split('\n')[0]).toMatch(/^code,units,applied:ayu,applied:bima,percent_agreement,cohen_kappa/);
    const pooled = summary
      .split('\n')
      .find((l) => l.startsWith('(pooled)'))!
      .split(',');
    expect(Number(pooled[5]).toFixed(3)).toBe('0.792');
    const disagreements = Papa.parse<Record<string, string>>(readFileSync(join(out, 'disagreements.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(disagreements.map((d) => [d.segment, d.code, d.coded_by])).toEqual([
      ['6', 'factor/helplessness', 'bima'],
      ['10', 'foundation/skills', 'ayu'],
      ['14', 'foundation/values', 'bima'],
    ]);
    expect(readFileSync(join(out, 'agreement.md'), 'utf8')).toContain('factor/helplessness');
    const workbook = strFromU8(unzipSync(new Uint8Array(readFileSync(join(out, 'tables.xlsx'))))['xl/workbook.xml']);
    const sheets = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(sheets).toEqual(['Code frequencies', 'Co-occurrence', 'Quote bank', 'Codebook', 'Agreement between coders', 'Disagreements']);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('Agreement between coders');
  });

  it('has no agreement part with one coder', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'qda-report-one-')), 'report');
    const r = await runCli(
      'report',
      'data-sample/transcripts/informan-01.md',
      '--codebook',
      'codebooks/lk3-psychosocial.yaml',
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(out, 'agreement.csv'))).toBe(false);
  });
});

describe('qda report shares', () => {
  it('gives the share of informant turns, not of every turn, on the sample interviews (20.2%, not 10.1%: the Interviewer of the English interview is left out too), and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qda-base-'));
    const files = readdirSync('data-sample/transcripts').map((f) => join('data-sample/transcripts', f));
    const args = [...files, '--codebook', 'codebooks/lk3-psychosocial.yaml', '--cases', 'data-sample/cases.csv'];
    expect((await runCli('report', ...args, '--out', join(dir, 'a'))).code).toBe(0);
    const factor = readFileSync(join(dir, 'a', 'frequencies.csv'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('factor,') && l.includes(',(all),'));
    expect(factor).toBe('factor,Faktor penyebab kekerasan seksual,(all),22,7,7,109,20.2,roles: !interviewer');
    expect(readFileSync(join(dir, 'a', 'frequencies.md'), 'utf8')).toContain(
      'Base: % is of the segments each code can apply to (of the group), by its speaker and role rules: roles: !interviewer — 109 segments in all.',
    );
    expect((await runCli('report', ...args, '--base', 'all', '--out', join(dir, 'b'))).code).toBe(0);
    expect(readFileSync(join(dir, 'b', 'frequencies.csv'), 'utf8')).toContain(
      'factor,Faktor penyebab kekerasan seksual,(all),22,7,7,218,10.1,all segments',
    );
  });
});
