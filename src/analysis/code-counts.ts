import { ancestors, labelOf, type Codebook } from '../model/codebook.js';
import type { Document } from '../model/document.js';
import type { CountedSegment } from '../model/coding.js';
import { displayOrder, segmentGroup, type Grouping } from './frequencies.js';
import { depthOf } from './rollup.js';

/** A code as a count table names it. */
export interface CountedCode {
  code: string;
  label: string;
  depth: number;
}

/** Counts of one group of segments (or of all of them, `group` null). Every number adds up across disjoint sets of documents. */
export interface GroupCounts {
  group: string | null;
  /** Segments, words and documents in the group, coded or not. */
  segments: number;
  words: number;
  documents: number;
  /** Per code (same order as `CodeCounts.codes`): segments it codes (a parent: any descendant does), their words, the rule hits in them, and their documents. */
  coded: { segments: number[]; words: number[]; hits: number[]; documents: number[] };
}

/**
 * A code × group count table: the numbers of `frequencies` (segments, documents, base) plus
 * words and rule hits, without any per-segment row, so it stays small whatever the corpus size.
 * Tables of disjoint documents add up (`CodeCountsBuilder.add`).
 */
export interface CodeCounts {
  by: Grouping;
  codes: CountedCode[];
  /** The group of all segments first, then the groups in display order. */
  groups: GroupCounts[];
}

/**
 * The codes of a codebook as a count table lists them (codebook order).
 * @example countedCodes(codebook)[0] // { code: 'factor', label: 'Factor', depth: 1 }
 */
export function countedCodes(codebook: Codebook, language = codebook.language): CountedCode[] {
  return codebook.codes.map((c) => ({ code: c.id, label: labelOf(c, language), depth: depthOf(c.id) }));
}

/**
 * Builds a `CodeCounts` document by document, or by adding partial tables. Codes outside the
 * table's list are left out, as in `frequencies`; a parent counts a segment once when any of
 * its descendants codes it.
 * @example const b = new CodeCountsBuilder(countedCodes(cb), 'document'); b.addDocument(doc, counted); b.table()
 */
export class CodeCountsBuilder {
  private readonly codeIndex = new Map<string, number>();
  /** For each code, its own index and its ancestors' indices (those in the table). */
  private readonly rollUp: number[][];
  private readonly groups = new Map<string, GroupCounts>();
  private readonly all: GroupCounts;

  constructor(
    private readonly codes: CountedCode[],
    readonly by: Grouping,
  ) {
    codes.forEach((c, i) => this.codeIndex.set(c.code, i));
    this.rollUp = codes.map((c) => [c.code, ...ancestors(c.code)].map((id) => this.codeIndex.get(id)).filter((i) => i !== undefined));
    this.all = this.emptyGroup(null);
  }

  /** Count the segments of one document. */
  addDocument(doc: Document | undefined, segments: readonly CountedSegment[]): void {
    const touched = new Map<GroupCounts, Set<number>>([[this.all, new Set()]]);
    for (const { segment, words, codes } of segments) {
      const group = this.groupOf(segmentGroup(doc, segment, this.by));
      let seen = touched.get(group);
      if (!seen) touched.set(group, (seen = new Set()));
      const hitsOf = new Map<number, number>();
      for (const { code, hits } of codes) {
        const own = this.codeIndex.get(code);
        if (own === undefined) continue;
        for (const i of this.rollUp[own]) hitsOf.set(i, (hitsOf.get(i) ?? 0) + hits);
      }
      for (const g of [this.all, group]) {
        g.segments++;
        g.words += words;
        for (const [i, hits] of hitsOf) {
          g.coded.segments[i]++;
          g.coded.words[i] += words;
          g.coded.hits[i] += hits;
        }
      }
      for (const i of hitsOf.keys()) {
        seen.add(i);
        touched.get(this.all)!.add(i);
      }
    }
    if (segments.length === 0) return;
    for (const [g, codes] of touched) {
      g.documents++;
      for (const i of codes) g.coded.documents[i]++;
    }
  }

  /** Add a partial table of other documents (same grouping); its codes missing here are appended. */
  add(table: CodeCounts): void {
    if (table.by !== this.by) throw new TypeError(`cannot add a table grouped by "${table.by}" to one grouped by "${this.by}"`);
    const indices = table.codes.map((c) => {
      let i = this.codeIndex.get(c.code);
      if (i === undefined) {
        i = this.codes.length;
        this.codes.push(c);
        this.codeIndex.set(c.code, i);
        for (const g of [this.all, ...this.groups.values()]) for (const column of Object.values(g.coded)) column.push(0);
      }
      return i;
    });
    for (const source of table.groups) {
      const target = source.group === null ? this.all : this.groupOf(source.group);
      target.segments += source.segments;
      target.words += source.words;
      target.documents += source.documents;
      indices.forEach((i, k) => {
        target.coded.segments[i] += source.coded.segments[k];
        target.coded.words[i] += source.coded.words[k];
        target.coded.hits[i] += source.coded.hits[k];
        target.coded.documents[i] += source.coded.documents[k];
      });
    }
  }

  /** The table: all segments first, then the groups in display order. */
  table(): CodeCounts {
    const groups = [...this.groups.values()];
    const order = displayOrder(
      groups.map((g) => g.group!),
      this.by,
    );
    return { by: this.by, codes: [...this.codes], groups: [this.all, ...order.map((i) => groups[i])] };
  }

  /** A group by its value; speakers are one group whatever their spelling (the first seen names it). */
  private groupOf(value: string): GroupCounts {
    const key = this.by === 'speaker' ? value.toLocaleLowerCase() : value;
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = this.emptyGroup(value)));
    return g;
  }

  private emptyGroup(group: string | null): GroupCounts {
    const zeros = () => new Array<number>(this.codes.length).fill(0);
    return { group, segments: 0, words: 0, documents: 0, coded: { segments: zeros(), words: zeros(), hits: zeros(), documents: zeros() } };
  }
}
