import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { corpusPath, describeWithCorpora } from '../helpers/corpora.js';

const ref = corpusPath('agreement-reference');
const fx = 'test/fixtures/agreement';

describeWithCorpora('qda alpha on the reference tables', () => {
  it.each([
    ['nominal', 0.743],
    ['ordinal', 0.815],
    ['interval', 0.849],
    ['ratio', 0.797],
  ])('reproduces Krippendorff (2011) example C, %s α = %s, as exactly these JSON keys', async (level, published) => {
    const r = await runCli('alpha', `${ref}/krippendorff2011_C_4coders_missing.csv`, '--metric', level, '--format', 'json');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(r.stdout);
    // `metric` as the option is named; `level`, its old name, is kept one release, last.
    expect(Object.keys(json)).toEqual(['alpha', 'metric', 'coders', 'units', 'pairable_values', 'level']);
    expect(json).toMatchObject({ metric: level, level, coders: 4, units: 11, pairable_values: 40 });
    expect(json.alpha.toFixed(3)).toBe(published.toFixed(3));
  });

  it('prints a short text by default, saying which units were left out', async () => {
    const r = await runCli('alpha', `${ref}/krippendorff2011_C_4coders_missing.csv`);
    expect(r).toEqual({
      code: 0,
      stdout: "Krippendorff's alpha (nominal) = 0.7434\ncoders: 4, units: 11 (1 unit with a single value left out), pairable values: 40\n",
      stderr: '',
    });
  });

  it('reads the subjects × raters layout', async () => {
    const r = await runCli('alpha', `${ref}/irr_diagnoses_30x6.csv`, '--layout', 'units-by-coders', '--format', 'json');
    expect(JSON.parse(r.stdout)).toMatchObject({ coders: 6, units: 30, pairable_values: 180 });
  });

  it('writes --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qda-alpha-'));
    const r = await runCli('alpha', `${ref}/krippendorff2011_A_binary_2coders.csv`, '--out', join(dir, 'alpha.txt'));
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(join(dir, 'alpha.txt'), 'utf8')).toMatch(/^Krippendorff's alpha \(nominal\) = 0\.0952\n/);
    expect(readdirSync(dir)).toEqual(['alpha.txt']);
  });
});

describe('qda alpha', () => {
  it('handles missing values in a small fixture', async () => {
    const r = await runCli('alpha', `${fx}/reliability-missing.csv`, '--metric', 'interval', '--format', 'json');
    expect(JSON.parse(r.stdout)).toMatchObject({ coders: 3, units: 3, pairable_values: 8 });
  });

  it('prints null and a warning when α is undefined (no variation)', async () => {
    const r = await runCli('alpha', `${fx}/reliability-constant.csv`, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ alpha: null, metric: 'nominal', coders: 2, units: 2, pairable_values: 4, level: 'nominal' });
    expect(r.stderr).toMatch(/reliability-constant\.csv: warning: no variation: every pairable value is "yes".*\[alpha-undefined\]/);
  });
});

describe('qda alpha: numbers written two ways', () => {
  it('takes 1 and 1.0 as one value at the nominal level (α = 1, not 0.087)', async () => {
    // One coder typed whole numbers, the other's spreadsheet exported 1.0, 2.0, 3.0.
    const dir = mkdtempSync(join(tmpdir(), 'qda-alpha-'));
    const file = join(dir, 'ratings.csv');
    writeFileSync(file, 'coder,u1,u2,u3,u4,u5,u6\nayu,1,2,3,1,2,3\nbima,1.0,2.0,3.0,1.0,2,3.00\n');
    const r = await runCli('alpha', file, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ alpha: 1, coders: 2, units: 6 });
  });
});

describe('qda alpha: bad input', () => {
  it.each([
    [
      'a label where numbers are needed',
      [`${fx}/reliability-bad.csv`, '--metric', 'interval'],
      1,
      /reliability-bad\.csv:2:7: error: value "two" is not a number \[not-a-number\]/,
    ],
    ['missing file', [`${fx}/nope.csv`], 1, /nope\.csv: error: reliability table not found \[file-unreadable\]/],
    ['bad --metric', [`${fx}/reliability-missing.csv`, '--metric', 'cardinal'], 2, /Allowed choices are nominal, ordinal, interval, ratio/],
    ['bad --layout', [`${fx}/reliability-missing.csv`, '--layout', 'long'], 2, /Allowed choices are coders-by-units, units-by-coders/],
    ['two files', [`${fx}/reliability-missing.csv`, `${fx}/reliability-bad.csv`], 2, /too many arguments/],
  ])('%s', async (_name, args, code, pattern) => {
    const r = await runCli('alpha', ...args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(pattern);
    expect(r.stdout).toBe('');
  });
});

describe('qda alpha: old option spellings, one release more', () => {
  it('--level still works as --metric, and --format text as md, each with a warning', async () => {
    const now = await runCli('alpha', `${fx}/reliability-missing.csv`, '--metric', 'interval');
    const old = await runCli('alpha', `${fx}/reliability-missing.csv`, '--level', 'interval', '--format', 'text');
    expect(old.code).toBe(0);
    expect(old.stdout).toBe(now.stdout);
    expect(old.stderr).toContain(
      'qda alpha: warning: --level is deprecated and will be removed in the next release; use --metric [deprecated-option]',
    );
    expect(old.stderr).toContain(
      'qda alpha: warning: --format text is deprecated and will be removed in the next release; use --format md [deprecated-option]',
    );
    expect(now.stderr).toBe('');
  });

  it('does not show the old spellings in --help', async () => {
    const help = await runCli('alpha', '--help');
    expect(help.stdout).toContain('--metric <level>');
    expect(help.stdout).not.toContain('--level');
  });

  it('--format json names the metric "metric", and keeps "level" with the same value, marked deprecated in --help', async () => {
    const r = await runCli('alpha', `${fx}/reliability-missing.csv`, '--metric', 'ordinal', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect([json.metric, json.level]).toEqual(['ordinal', 'ordinal']);
    const help = (await runCli('alpha', '--help')).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('{"alpha", "metric", "coders", "units", "pairable_values"}');
    expect(help).toContain('"level", the old name of "metric", deprecated');
  });
});
