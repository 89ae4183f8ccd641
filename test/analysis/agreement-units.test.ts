// Units of agreement cut from coding tables, and the per-code and pooled figures on them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codingAgreement, overlapShare, overlapUnits, segmentUnits, type CodingForAgreement } from '../../src/analysis/agreement/index.js';
import { parseCodingsCsv } from '../../src/import/codings-csv.js';

const fx = 'test/fixtures/agreement';
const read = (file: string) => parseCodingsCsv(readFileSync(`${fx}/${file}`, 'utf8'), { file }).codings;
const twoCoders = [...read('ana.csv'), ...read('budi.csv')];

describe('segment units', () => {
  const units = segmentUnits(twoCoders);

  it('are the segments anyone coded × every code, with 1/0 per coder', () => {
    expect(units).toMatchObject({
      kind: 'segment',
      coders: ['ana', 'budi'],
      codes: ['factor/attachment', 'factor/proximity', 'stage/assessment', 'stage/engagement'],
      documents: ['wawancara-uji'],
      segments: 4,
    });
    expect(units.units).toHaveLength(16);
    expect(units.units.filter((u) => u.code === 'factor/proximity').map((u) => [u.segment, u.values])).toEqual([
      [2, [0, 0]],
      [4, [0, 0]],
      [6, [1, 1]],
      [8, [1, 0]],
    ]);
  });

  it('give the hand-computed figures per code and pooled', () => {
    const r = codingAgreement(units);
    const byCode = Object.fromEntries(r.codes.map((c) => [c.code, c]));
    expect(byCode['factor/proximity']).toMatchObject({ units: 4, applied: [2, 1], percentAgreement: 0.75, cohenKappa: 0.5 });
    expect(byCode['factor/proximity'].alpha).toBeCloseTo(8 / 15, 12);
    expect(byCode['stage/engagement']).toMatchObject({ percentAgreement: 0.75, cohenKappa: 0, alpha: 0 });
    expect(byCode['factor/attachment']).toMatchObject({ percentAgreement: 1, cohenKappa: 1, alpha: 1 });
    expect(r.pooled).toMatchObject({ units: 16, applied: [5, 5], percentAgreement: 14 / 16 });
    expect(r.pooled.cohenKappa).toBeCloseTo(78 / 110, 12);
    expect(r.pooled.alpha).toBeCloseTo(316 / 440, 12);
    expect(r.pooled.fleissKappa).toBeNaN();
    expect(r.singleCoderUnits).toBe(0);
  });

  it('list the disagreements with who coded and who did not', () => {
    expect(codingAgreement(units).disagreements).toEqual([
      {
        document: 'wawancara-uji',
        segment: 2,
        code: 'stage/engagement',
        codedBy: ['budi'],
        notCodedBy: ['ana'],
        text: 'Dia datang sendiri, kami kenalan dulu. Pacarnya sering marah dan dia terlalu cinta sama dia.',
      },
      {
        document: 'wawancara-uji',
        segment: 8,
        code: 'factor/proximity',
        codedBy: ['ana'],
        notCodedBy: ['budi'],
        text: 'Keluarganya percaya sama sepupu itu, jadi kami lakukan asesmen ulang bersama keluarga.',
      },
    ]);
  });

  it('give a coder without codings in a document no value there, and drop units left with one value', () => {
    const team = segmentUnits(read('team.csv'));
    expect(team.coders).toEqual(['ana', 'budi', 'citra', 'dewi']);
    const lain = team.units.filter((u) => u.document === 'wawancara-lain');
    expect(lain.map((u) => u.values)).toEqual(team.codes.map(() => [null, null, null, expect.any(Number)]));
    const r = codingAgreement(team);
    expect(r.singleCoderUnits).toBe(5);
    expect(r.pooled.units).toBe(20);
    expect(r.codes.find((c) => c.code === 'stage/termination')?.notes).toEqual([
      'nobody applied this code in the units compared: with no variation, κ and α are undefined',
    ]);
    expect(r.pooled.fleissKappa).toBeGreaterThan(0.8);
    expect(r.pooled.cohenKappa).toBeNaN();
  });

  it('list the codes asked for first, used or not', () => {
    const r = codingAgreement(segmentUnits(twoCoders, { codes: ['stage/termination', 'factor/proximity'] }));
    expect(r.codes.map((c) => c.code)).toEqual([
      'stage/termination',
      'factor/proximity',
      'factor/attachment',
      'stage/assessment',
      'stage/engagement',
    ]);
    expect(r.codes[0].alpha).toBeNaN();
    expect(r.codes[0].notes).toHaveLength(1);
  });

  it('explain the unit and how uncoded segments count', () => {
    expect(codingAgreement(units).method).toMatch(
      /^Unit: one segment × one code .*the 4 segments that at least one coder coded, in 1 document, × 4 codes\. Segments nobody coded are not counted/,
    );
  });

  it('ignore codings without a segment number', () => {
    expect(segmentUnits(read('spans-only.csv')).units).toEqual([]);
  });

  it('give a bootstrap interval for α per code and pooled', () => {
    const r = codingAgreement(units, { bootstrap: 300, seed: 5 });
    const interval = r.pooled.alphaInterval;
    expect(interval).toMatchObject({ confidence: 0.95, seed: 5 });
    expect(interval?.low).toBeLessThan(r.pooled.alpha);
    expect(interval?.high).toBeGreaterThanOrEqual(r.pooled.alpha);
    expect(codingAgreement(units, { bootstrap: 300, seed: 5 }).pooled.alphaInterval).toEqual(interval);
    expect(codingAgreement(units, { bootstrap: 300, seed: 6 }).pooled.alphaInterval).not.toEqual(interval);
  });
});

describe('overlap units', () => {
  it.each([
    [0.3, 6, 4 / 6],
    [0.5, 7, 3 / 7],
    [0.6, 9, 1 / 9],
  ])('at --min-overlap %s: %s units, agreement %s', (minOverlap, count, agreement) => {
    const r = codingAgreement(overlapUnits(twoCoders, { minOverlap }));
    expect(r.pooled.units).toBe(count);
    expect(r.pooled.percentAgreement).toBeCloseTo(agreement, 12);
    expect(r.pooled.cohenKappa).toBeNaN();
    expect(r.pooled.alpha).toBeNaN();
    expect(r.pooled.notes[0]).toMatch(/^κ and α are not computed for overlap units/);
  });

  it('list unmatched spans as disagreements, with their extent', () => {
    const r = codingAgreement(overlapUnits(twoCoders, { minOverlap: 0.5 }));
    expect(r.disagreements.map((d) => [d.segment, d.code, d.span, d.codedBy])).toEqual([
      [2, 'stage/engagement', { start: 260, end: 298 }, ['budi']],
      [4, 'stage/assessment', { start: 401, end: 427 }, ['budi']],
      [4, 'stage/assessment', { start: 401, end: 474 }, ['ana']],
      [8, 'factor/proximity', { start: 648, end: 683 }, ['ana']],
    ]);
    expect(r.method).toMatch(/overlap by at least 50% of their combined extent/);
  });

  it('read spans without segment numbers', () => {
    const r = codingAgreement(overlapUnits(read('spans-only.csv'), { minOverlap: 0.5 }));
    expect(r.pooled).toMatchObject({ units: 1, percentAgreement: 1 });
  });

  it('never put two spans of one coder in a group, with three coders', () => {
    const spans: CodingForAgreement[] = [
      { document: 'd', segment: 1, code: 'x', span: { start: 0, end: 10 }, coder: 'a' },
      { document: 'd', segment: 1, code: 'x', span: { start: 1, end: 10 }, coder: 'a' },
      { document: 'd', segment: 1, code: 'x', span: { start: 0, end: 9 }, coder: 'b' },
      { document: 'd', segment: 1, code: 'x', span: { start: 0, end: 10 }, coder: 'c' },
    ];
    const units = overlapUnits(spans, { minOverlap: 0.5 }).units;
    expect(units.map((u) => u.values)).toEqual([
      [1, 1, 1],
      [1, 0, 0],
    ]);
  });

  it('measure overlap as intersection over union', () => {
    expect(overlapShare({ start: 0, end: 10 }, { start: 5, end: 15 })).toBeCloseTo(1 / 3, 12);
    expect(overlapShare({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(0);
    expect(overlapShare({ start: 3, end: 3 }, { start: 3, end: 3 })).toBe(1);
    expect(overlapShare({ start: 3, end: 3 }, { start: 4, end: 4 })).toBe(0);
  });
});
