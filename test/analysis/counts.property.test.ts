import { describe, expect, it } from 'vitest';
import { cooccurrence } from '../../src/analysis/cooccurrence.js';
import { frequencies, groupingAttributes, NO_GROUP, type Grouping } from '../../src/analysis/frequencies.js';
import { rollUp, segmentKey } from '../../src/analysis/rollup.js';
import { ancestors, emptyRules, type Code, type Codebook } from '../../src/model/codebook.js';
import type { Coding } from '../../src/model/coding.js';
import type { Document, Participant } from '../../src/model/document.js';
import type { Segment } from '../../src/model/segment.js';
import { seeded } from '../helpers/cli.js';

// Counts must be right by construction: random codebooks, corpora and codings, checked against
// brute-force recounts and the invariants of the tables.

interface World {
  codebook: Codebook;
  documents: Document[];
  segments: Segment[];
  codings: Coding[];
}

function randomWorld(rand: () => number): World {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const codes: Code[] = [];
  const add = (id: string) =>
    codes.push({ id, parent: ancestors(id)[0] ?? null, labels: { en: id.toUpperCase() }, examples: [], rules: emptyRules() });
  const families = 1 + Math.floor(rand() * 3);
  for (let f = 0; f < families; f++) {
    add(`f${f}`);
    const children = Math.floor(rand() * 4);
    for (let c = 0; c < children; c++) {
      add(`f${f}/c${c}`);
      if (rand() < 0.3) add(`f${f}/c${c}/g0`);
    }
  }
  const documents: Document[] = [];
  const segments: Segment[] = [];
  const names = ['Ani', 'Budi', 'Citra', 'Dewi'];
  const nDocs = 1 + Math.floor(rand() * 4);
  for (let d = 0; d < nDocs; d++) {
    const id = `doc-${d}`;
    const speakers = names.filter(() => rand() < 0.7);
    documents.push({
      id,
      file: `${id}.md`,
      format: 'md',
      text: '',
      turns: [],
      attributes: rand() < 0.8 ? { site: pick(['north', 'south']) } : {},
      participants: speakers.map((name): Participant => ({
        name,
        ...(rand() < 0.8 ? { role: pick(['academic', 'social worker']) } : {}),
        attributes: rand() < 0.7 ? { gender: pick(['f', 'm']) } : {},
      })),
    });
    const n = 1 + Math.floor(rand() * 10);
    for (let i = 1; i <= n; i++) {
      const speaker = speakers.length > 0 && rand() < 0.9 ? pick(speakers) : null;
      // Speakers are matched case-insensitively: vary the spelling.
      const written = speaker !== null && rand() < 0.2 ? speaker.toUpperCase() : speaker;
      segments.push({ document: id, index: i, speaker: written, start: 0, end: 0, text: '' });
    }
  }
  const codings: Coding[] = [];
  for (const s of segments) {
    const k = Math.floor(rand() * 4);
    for (let j = 0; j < k; j++) {
      const code = pick(codes).id;
      codings.push({
        document: s.document,
        segment: s.index,
        code,
        start: 0,
        end: 0,
        coder: pick(['auto', 'ana']),
        source: 'auto',
        matches: [],
      });
    }
  }
  return { codebook: { language: 'en', codes }, documents, segments, codings };
}

/** Codes of a segment recomputed from scratch: every coded code and all its ancestors. */
function closure(world: World, s: Segment): Set<string> {
  const out = new Set<string>();
  for (const c of world.codings) {
    if (c.document !== s.document || c.segment !== s.index) continue;
    for (let id: string | null = c.code; id !== null; id = id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : null) out.add(id);
  }
  return out;
}

function groupOf(world: World, s: Segment, by: Grouping): string {
  const doc = world.documents.find((d) => d.id === s.document)!;
  const p = doc.participants.find((x) => s.speaker !== null && x.name.toLowerCase() === s.speaker.toLowerCase());
  if (by === 'document') return s.document;
  if (by === 'speaker')
    return s.speaker === null ? NO_GROUP : world.segments.find((x) => x.speaker?.toLowerCase() === s.speaker!.toLowerCase())!.speaker!;
  if (by === 'role') return p?.role ?? NO_GROUP;
  const v = p?.attributes[by] ?? doc.attributes[by];
  return v === undefined || v === null ? NO_GROUP : String(v);
}

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);

describe('roll-up, frequencies and co-occurrence on random codings', () => {
  it.each(SEEDS)('seed %i: a segment holds exactly its codes and their ancestors', (seed) => {
    const world = randomWorld(seeded(seed));
    const rolled = rollUp(world.codings);
    for (const s of world.segments) {
      const expected = closure(world, s);
      const got = rolled.get(segmentKey(s.document, s.index));
      expect(new Set(got ?? []), `${s.document} #${s.index}`).toEqual(expected);
    }
  });

  it.each(SEEDS)('seed %i: frequencies match a brute-force recount for every grouping, and shares add up', (seed) => {
    const world = randomWorld(seeded(seed));
    // An attribute is a grouping only where some document or participant has it (else frequencies refuses it).
    const attributes = groupingAttributes(world.documents).filter((a) => a === 'site' || a === 'gender');
    for (const by of ['document', 'speaker', 'role', ...attributes]) {
      const freq = frequencies(world, world.codebook, { by });
      const sets = world.segments.map((s) => closure(world, s));
      const groups = world.segments.map((s) => groupOf(world, s, by));
      expect(new Set(freq.groups)).toEqual(new Set(groups));
      for (const code of world.codebook.codes) {
        const rows = freq.rows.filter((r) => r.code === code.id);
        expect(rows.map((r) => r.group)).toEqual([null, ...freq.groups]);
        for (const row of rows) {
          const inGroup = world.segments.map((_, i) => i).filter((i) => row.group === null || groups[i] === row.group);
          const coded = inGroup.filter((i) => sets[i].has(code.id));
          expect(row.segments, `${by} ${code.id} ${row.group}`).toBe(coded.length);
          expect(row.base).toBe(inGroup.length);
          expect(row.documents).toBe(new Set(coded.map((i) => world.segments[i].document)).size);
          expect(row.speakers).toBe(
            new Set(coded.flatMap((i) => (world.segments[i].speaker === null ? [] : [world.segments[i].speaker!.toLowerCase()]))).size,
          );
          expect(row.share).toBeCloseTo((100 * coded.length) / inGroup.length, 9);
        }
        const [total, ...perGroup] = rows;
        expect(perGroup.reduce((a, r) => a + r.segments, 0)).toBe(total.segments);
        expect(perGroup.reduce((a, r) => a + r.base, 0)).toBe(total.base);
        expect(perGroup.reduce((a, r) => a + (r.share * r.base) / 100, 0)).toBeCloseTo(total.segments, 9);
        if (code.parent !== null) {
          const parent = freq.rows.find((r) => r.code === code.parent && r.group === null)!;
          expect(parent.segments).toBeGreaterThanOrEqual(total.segments);
        }
      }
    }
  });

  it.each(SEEDS)('seed %i: co-occurrence is symmetric, its diagonal is the frequency, Jaccard in [0, 1]', (seed) => {
    const world = randomWorld(seeded(seed));
    const freq = frequencies(world, world.codebook, { by: 'document' });
    for (const level of [undefined, 1, 2, 3]) {
      const co = cooccurrence(world.codings, world.codebook, level === undefined ? {} : { level });
      const expectedCodes = world.codebook.codes.filter((c) => level === undefined || c.id.split('/').length === level).map((c) => c.id);
      expect(co.codes).toEqual(expectedCodes);
      expect(co.cells).toHaveLength(expectedCodes.length ** 2);
      const cell = new Map(co.cells.map((c) => [`${c.a}|${c.b}`, c]));
      for (const a of co.codes) {
        expect(cell.get(`${a}|${a}`)!.segments).toBe(freq.rows.find((r) => r.code === a && r.group === null)!.segments);
        for (const b of co.codes) {
          const ab = cell.get(`${a}|${b}`)!;
          const ba = cell.get(`${b}|${a}`)!;
          expect(ab.segments).toBe(ba.segments);
          expect(Object.is(ab.jaccard, ba.jaccard) || ab.jaccard === ba.jaccard).toBe(true);
          const both = world.segments.filter((s) => {
            const set = closure(world, s);
            return set.has(a) && set.has(b);
          }).length;
          expect(ab.segments).toBe(both);
          if (Number.isNaN(ab.jaccard)) expect(cell.get(`${a}|${a}`)!.segments + cell.get(`${b}|${b}`)!.segments).toBe(0);
          else {
            expect(ab.jaccard).toBeGreaterThanOrEqual(0);
            expect(ab.jaccard).toBeLessThanOrEqual(1);
          }
        }
      }
    }
  });
});
