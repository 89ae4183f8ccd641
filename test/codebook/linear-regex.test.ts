import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compileLinearRegex, hasNestedQuantifier, RegexWorkLimitError, UnsupportedRegexError } from '../../src/codebook/linear-regex.js';
import { parseCodebook } from '../../src/codebook/parse.js';
import { formatMessage } from '../../src/model/message.js';
import { corpusPath, describeWithCorpora } from '../helpers/corpora.js';
import { runCli, seeded } from '../helpers/cli.js';

/** What a global JavaScript `exec` loop finds (the engine the coder used before), as [start, end). */
function jsMatches(pattern: string, text: string): Array<[number, number]> {
  const re = new RegExp(pattern, 'giu');
  const out: Array<[number, number]> = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    else out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

const bundledRegexes: string[] = (
  parse(readFileSync('codebooks/lk3-psychosocial.yaml', 'utf8')) as { codes: Array<{ regex?: string[] }> }
).codes.flatMap((c) => c.regex ?? []);

describe('compileLinearRegex', () => {
  it('runs the classic catastrophic patterns on a 52-character line without backtracking', () => {
    // Each of these takes minutes (or forever) in a backtracking engine on this input.
    const line = `${'a'.repeat(50)}!\n`;
    expect(compileLinearRegex('(a+)+$').matches(line)).toEqual([]);
    expect(compileLinearRegex('^(\\w+\\s?)*$').matches(line)).toEqual([]);
    expect(compileLinearRegex('(a|aa)*b').matches('a'.repeat(5000))).toEqual([]);
    expect(compileLinearRegex('(a+)+!').matches(line)).toEqual([[0, 51]]);
  });

  it('gives UTF-16 offsets like JavaScript, around emoji and across lines', () => {
    const text = 'Pacar 😀 dan\nasesmen 😀 takut.';
    for (const p of ['takut', '\\S+', '.+', '[\\s\\S]{3}', '\\bdan\\s+asesmen\\b', '\\w+\\b(?!\\s)'])
      expect(compileLinearRegex(p).matches(text)).toEqual(jsMatches(p, text));
  });

  it("keeps JavaScript's meaning of \\s, \\S, ., \\w and case folding", () => {
    const text = 'kami\u00a0bantu\u2003dia ſudah Kelvin \u212Aelvin\u2028baris';
    for (const p of ['kami\\sbantu', '\\S+', 'bantu.dia', '\\w+', 'sudah', 'kelvin', '[^\\s]+', '[\\S]+', 'baris.']) {
      expect(compileLinearRegex(p).matches(text), p).toEqual(jsMatches(p, text));
    }
  });

  it('matches what JavaScript matches on seeded random texts (lookarounds included)', () => {
    const patterns = [
      '\\bab\\w*',
      'a\\s+b',
      '(?:ab|a)(?:c|bc)',
      'b+\\b(?!c)',
      '\\bab\\b(?!\\s+c)',
      '(?<!c\\s)\\bab',
      '(?<=a)b+',
      'a.{0,3}?c',
      '\\b(?:ab|ba)(?:nya)?\\b(?![^.]{0,5}\\bc\\b)[\\s\\S]{0,8}?\\bc',
      '[^a\\s]+',
      'a(?:b|c(?!a))',
      '\\u0061\\x62',
      '\\p{Lu}+',
    ];
    const alphabet = ['a', 'b', 'c', 'A', 'B', ' ', ' ', '\u00a0', '\n', '.', 'ſ', '😀', 'n', 'y'];
    const random = seeded(18);
    const compiled = patterns.map((p) => [p, compileLinearRegex(p)] as const);
    for (let round = 0; round < 400; round++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      for (const [p, re] of compiled) expect(re.matches(text), `${p} on ${JSON.stringify(text)}`).toEqual(jsMatches(p, text));
    }
  });

  it('drops a candidate whose lookahead fails instead of backtracking into it (documented difference)', () => {
    // JavaScript gives back one letter so that the lookahead holds ("Paca"); the linear engine moves on.
    expect(jsMatches('\\w+(?!\\s)', 'Pacar x.')).toEqual([
      [0, 4],
      [6, 7],
    ]);
    expect(compileLinearRegex('\\w+(?!\\s)').matches('Pacar x.')).toEqual([[6, 7]]);
  });

  it('refuses backreferences and misplaced lookaheads with a reason', () => {
    expect(() => compileLinearRegex('(a)\\1')).toThrow(UnsupportedRegexError);
    expect(() => compileLinearRegex('(?<x>a)\\k<x>')).toThrow(/backreferences/);
    expect(() => compileLinearRegex('(?:a(?!b))+')).toThrow(/repeated group/);
    expect(() => compileLinearRegex('a(?=b(?!c))')).toThrow(/inside a lookahead/);
  });

  it('stops a lookahead that is rejected over and over at a work limit proportional to the text', () => {
    // Every start is a candidate covering the rest of the text, and each is rejected: n² work without the limit.
    expect(() => compileLinearRegex('a+(?=b)').matches('a'.repeat(20_000))).toThrow(RegexWorkLimitError);
    expect(compileLinearRegex('a+(?=b)').matches(`${'a'.repeat(100)}b`)).toEqual([[0, 100]]);
  });

  it('flags nested unbounded quantifiers only', () => {
    expect(hasNestedQuantifier('(a+)+$')).toBe(true);
    expect(hasNestedQuantifier('^(\\w+\\s?)*$')).toBe(true);
    expect(hasNestedQuantifier('(?:x|(?:a*b))*')).toBe(true);
    expect(hasNestedQuantifier('\\b(?:\\S+\\s+){0,4}kita')).toBe(false);
    expect(hasNestedQuantifier('(?:ab)+c*')).toBe(false);
    expect(bundledRegexes.filter((r) => hasNestedQuantifier(r))).toEqual([]);
  });

  it('compiles all 87 regexes of the bundled codebook, 7 of them with lookarounds', () => {
    expect(bundledRegexes).toHaveLength(87);
    for (const r of bundledRegexes) expect(() => compileLinearRegex(r)).not.toThrow();
    expect(bundledRegexes.filter((r) => /\(\?<?[=!]/.test(r))).toHaveLength(7);
  });

  it('finds exactly what JavaScript finds with the bundled codebook on the sample transcripts', () => {
    const texts = readdirSync('data-sample/transcripts').map((f) => readFileSync(join('data-sample/transcripts', f), 'utf8'));
    let hits = 0;
    for (const r of bundledRegexes) {
      const re = compileLinearRegex(r);
      for (const text of texts) {
        for (const paragraph of text.split(/\n\s*\n/)) {
          const expected = jsMatches(r, paragraph);
          hits += expected.length;
          expect(re.matches(paragraph), r).toEqual(expected);
        }
      }
    }
    expect(hits).toBeGreaterThan(20);
  });
});

describeWithCorpora('compileLinearRegex on real interviews', () => {
  it('finds exactly what JavaScript finds with the bundled codebook on the public-domain interviews', () => {
    const dir = corpusPath('yield-public-domain-interviews');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(md|txt)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const compiled = bundledRegexes.map((r) => [r, compileLinearRegex(r)] as const);
    for (const f of files) {
      for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
        for (const [r, re] of compiled) expect(re.matches(line), `${r} in ${f}`).toEqual(jsMatches(r, line));
      }
    }
  });
});

describe('codebook regexes at validation and coding', () => {
  const dir = mkdtempSync(join(tmpdir(), 'qda-redos-'));
  const codebook = join(dir, 'cb.yaml');
  writeFileSync(codebook, "language: en\ncodes:\n  - id: bad\n    regex: ['(a+)+$', '^(\\w+\\s?)*$']\n");
  const transcript = join(dir, 't.txt');
  writeFileSync(transcript, `Ani: ${'a'.repeat(45)}!\n`);

  it('warns about nested quantifiers with the location of the pattern', () => {
    const { codebook: cb, messages } = parseCodebook(readFileSync(codebook, 'utf8'), 'cb.yaml');
    expect(cb).not.toBeNull();
    expect(messages.map(formatMessage)).toEqual([
      expect.stringMatching(/^cb\.yaml:4:13: .*\/\(a\+\)\+\$\/ repeats a repetition.*\[nested-quantifier\]$/),
      expect.stringMatching(/^cb\.yaml:4:23: .*\[nested-quantifier\]$/),
    ]);
    expect(messages.every((m) => !m.fatal)).toBe(true);
  });

  it('codes a 52-byte transcript with catastrophic patterns at once', async () => {
    const r = await runCli('code', transcript, '--codebook', codebook);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('reports a backreference as a located bad regex', () => {
    const { codebook: cb, messages } = parseCodebook("codes:\n  - id: x\n    regex: ['(ab)\\1']\n", 'b.yaml');
    expect(cb).toBeNull();
    expect(formatMessage(messages[0])).toMatch(/^b\.yaml:3:13: .*backreferences.*linear-time engine.*\[bad-regex\]$/);
  });
});
