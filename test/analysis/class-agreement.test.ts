import { describe, expect, it } from 'vitest';
import type { CodingForAgreement } from '../../src/analysis/agreement/coding-units.js';
import { classAgreement } from '../../src/analysis/class-agreement.js';
import { coderProgress } from '../../src/analysis/coder-progress.js';

/** `marks[coder]` lists, per segment 1…n, the codes that coder applied there. */
function codings(marks: Record<string, string[][]>): CodingForAgreement[] {
  return Object.entries(marks).flatMap(([coder, segments]) =>
    segments.flatMap((codes, i) =>
      codes.map((code) => ({
        document: 'd1',
        segment: i + 1,
        code,
        span: { start: i * 10, end: i * 10 + 9 },
        coder,
        text: `turn ${i + 1}`,
      })),
    ),
  );
}

describe('classAgreement', () => {
  const marks = {
    lecturer: [['a'], ['a', 'b'], [], ['b'], ['a']],
    ana: [['a'], ['a', 'b'], [], ['b'], ['a']],
    budi: [['a'], ['b'], ['a'], [], ['a']],
    citra: [['b'], ['a'], ['a'], ['b'], []],
  };

  it('gives a coder who matches the reference α = 1 and κ = 1 on every code', () => {
    const result = classAgreement(codings(marks), { reference: 'lecturer' });
    expect(result.coders).toEqual(['lecturer', 'ana', 'budi', 'citra']);
    const ana = result.versusReference.find((v) => v.coder === 'ana')!;
    expect(ana.agreement.coders).toEqual(['ana', 'lecturer']);
    for (const code of ana.agreement.codes) {
      expect(code.alpha, code.code).toBe(1);
      expect(code.cohenKappa, code.code).toBe(1);
    }
    expect(result.versusReference.map((v) => v.coder)).toEqual(['ana', 'budi', 'citra']);
  });

  it('computes Fleiss κ and α among all coders per code, and orders agreement below perfect for a split class', () => {
    const result = classAgreement(codings(marks), { reference: 'lecturer', codes: ['a', 'b', 'unused'] });
    expect(result.all.codes.map((c) => c.code)).toEqual(['a', 'b', 'unused']);
    const a = result.all.codes[0];
    // Code a on segments 1–5: applied by 3, 3, 2, 0, 3 of the 4 coders. By hand (Fleiss 1971):
    // P̄ = (0.5 + 0.5 + 1/3 + 1 + 0.5) / 5 = 0.56667, Pe = 0.55² + 0.45² = 0.505, κ = 0.061667 / 0.495.
    expect(a.units).toBe(5);
    expect(a.applied).toEqual([3, 3, 3, 2]);
    expect(a.fleissKappa).toBeCloseTo(0.061667 / 0.495, 4);
    expect(a.alpha).toBeLessThan(1);
    expect(Number.isNaN(result.all.codes[2].alpha)).toBe(true);
    const budi = result.versusReference.find((v) => v.coder === 'budi')!.agreement.codes.find((c) => c.code === 'b')!;
    const ana = result.versusReference.find((v) => v.coder === 'ana')!.agreement.codes.find((c) => c.code === 'b')!;
    expect(budi.alpha).toBeLessThan(ana.alpha);
  });

  it('ranks the most evenly split disagreements first and leaves agreed units out', () => {
    const result = classAgreement(codings(marks));
    expect(result.reference).toBeNull();
    expect(result.versusReference).toEqual([]);
    const splits = result.disputes.map((d) => d.split);
    expect(splits).toEqual([...splits].sort((x, y) => y - x));
    expect(result.disputes[0].split).toBe(0.5);
    expect(result.disputes.every((d) => d.codedBy.length > 0 && d.notCodedBy.length > 0)).toBe(true);
    // Segment 1, code a: three of four applied it (split 0.25), listed after every even split.
    const seg1 = result.disputes.findIndex((d) => d.segment === 1 && d.code === 'a');
    expect(result.disputes[seg1].codedBy.sort()).toEqual(['ana', 'budi', 'lecturer']);
    expect(result.disputes.slice(0, seg1).every((d) => d.split === 0.5)).toBe(true);
  });

  it('refuses an empty reference name', () => {
    expect(() => classAgreement([], { reference: '' })).toThrow(/reference must be a coder name/);
  });
});

describe('coderProgress', () => {
  it('counts codings, documents, segments and codes per coder, listing coders who have not started', () => {
    const progress = coderProgress(
      [
        { coder: 'ana', document: 'd1', segment: 1, code: 'a', updatedAt: '2026-11-30T08:00:00Z' },
        { coder: 'ana', document: 'd1', segment: 1, code: 'b', updatedAt: '2026-11-30T09:00:00Z' },
        { coder: 'ana', document: 'd2', segment: 4, code: 'a', updatedAt: '2026-11-30T07:00:00Z' },
        { coder: 'budi', document: 'd1', segment: 2, code: 'a' },
      ],
      ['citra', 'ana'],
    );
    expect(progress).toEqual([
      { coder: 'citra', codings: 0, documents: 0, segments: 0, codes: 0, lastActivity: null },
      { coder: 'ana', codings: 3, documents: 2, segments: 2, codes: 2, lastActivity: '2026-11-30T09:00:00Z' },
      { coder: 'budi', codings: 1, documents: 1, segments: 1, codes: 1, lastActivity: null },
    ]);
  });
});
