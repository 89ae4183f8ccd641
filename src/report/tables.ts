import type { KwicLine } from '../model/kwic.js';
import type { CodeCounts } from '../analysis/code-counts.js';
import type { CodebookRow } from '../analysis/codebook-table.js';
import type { Cooccurrence } from '../analysis/cooccurrence.js';
import type { Frequencies } from '../analysis/frequencies.js';
import type { Quote } from '../analysis/quotes.js';
import type { Table } from './csv.js';
import { checkInteger } from '../util/options.js';

/** How the row that counts all segments is named in the group column of `frequencyTable`. */
export const ALL_GROUPS = '(all)';

/**
 * The frequency table in long (tidy) form, one row per code and group, for CSV and the
 * workbook: `code,label,<by>,segments,documents,speakers,base_segments,share_pct,base`, where
 * `share_pct` is `segments` out of `base_segments` and `base` says which segments those are
 * (`all segments`, or the code's rules such as `roles: !interviewer`). The row of all
 * segments has `(all)` in the group column.
 * @example toCsv(frequencyTable(frequencies(coded, codebook, { by: 'role' })))
 */
export function frequencyTable(freq: Frequencies): Table {
  return {
    columns: ['code', 'label', freq.by, 'segments', 'documents', 'speakers', 'base_segments', 'share_pct', 'base'],
    rows: freq.rows.map((r) => [r.code, r.label, r.group ?? ALL_GROUPS, r.segments, r.documents, r.speakers, r.base, round(r.share, 1), baseText(r.baseRule)]),
  };
}

/** The count columns of `countTable`, after `code,label,depth,<by>` and before `share_pct`: all of them add up across parts of a corpus. */
export const COUNT_COLUMNS = ['segments', 'documents', 'words', 'hits', 'segments_in_group', 'documents_in_group', 'words_in_group'] as const;

/**
 * The count table of `qda count` in long form, one row per code and group (the `(all)` row
 * first): `code,label,depth,<by>,segments,documents,words,hits,segments_in_group,
 * documents_in_group,words_in_group,share_pct`. `segments`, `documents` and `segments_in_group`
 * are the numbers of `frequencyTable`.
 * @example toCsv(countTable(counts))
 */
export function countTable(counts: CodeCounts): Table {
  return { columns: countColumns(counts), rows: [...countRows(counts)] };
}

/** The columns of `countTable`. */
export function countColumns(counts: CodeCounts): string[] {
  return ['code', 'label', 'depth', counts.by, ...COUNT_COLUMNS, 'share_pct'];
}

/**
 * The rows of `countTable` one by one, for writing a table of a million rows without holding it.
 * @example for (const row of countRows(counts)) …
 */
export function* countRows(counts: CodeCounts): Generator<Table['rows'][number]> {
  for (let k = 0; k < counts.codes.length; k++) {
    const c = counts.codes[k];
    for (const g of counts.groups) {
      const { segments, documents, words, hits } = g.coded;
      const share = g.segments === 0 ? NaN : (100 * segments[k]) / g.segments;
      yield [c.code, c.label, c.depth, g.group ?? ALL_GROUPS, segments[k], documents[k], words[k], hits[k], g.segments, g.documents, g.words, round(share, 1)];
    }
  }
}

/**
 * The frequency table as a paper prints it: one row per code with its totals, then one column
 * per group holding `n (p%)`; `Base` is the number of segments the overall % is of (see
 * `frequencyBaseNote`). Groups where no code codes any segment (the interviewer, say) are left out.
 * @example toMarkdown(frequencyCrosstab(frequencies(coded, codebook, { by: 'role' })))
 */
export function frequencyCrosstab(freq: Frequencies): Table {
  const coded = new Set(freq.rows.filter((r) => r.group !== null && r.segments > 0).map((r) => r.group));
  const groups = freq.groups.filter((g) => coded.has(g));
  const rows: Table['rows'] = [];
  let current: Table['rows'][number] | undefined;
  for (const r of freq.rows) {
    if (r.group === null) {
      current = [r.code, r.label, r.segments, percent(r.share), r.base, r.documents, r.speakers];
      rows.push(current);
    } else if (coded.has(r.group)) current!.push(`${r.segments} (${percent(r.share)}%)`);
  }
  return { columns: ['Code', 'Label', 'Segments', '% of base', 'Base', 'Documents', 'Speakers', ...groups], rows };
}

/** The columns of `frequencyCrosstab` before its group columns. */
const TOTAL_COLUMNS = 7;

/** One table of a frequency crosstab split for reading, with what its group columns are. */
export interface CrosstabPart {
  table: Table;
  /** 1-based positions of its first and last group among all groups. */
  first: number;
  last: number;
  /** How many groups there are in all. */
  of: number;
}

/** The number of group columns of a `frequencyCrosstab`. */
export function crosstabGroups(crosstab: Table): number {
  return crosstab.columns.length - TOTAL_COLUMNS;
}

/**
 * A frequency crosstab cut into tables that fit a page: the totals (`Code` … `Speakers`) on
 * their own, then the groups in tables of at most `maxGroups` columns each after `Code`, so 30
 * speakers print as four narrow tables instead of one that no page can hold.
 * @example splitCrosstab(frequencyCrosstab(freq), 8).parts.map((p) => p.table.columns.length)
 */
export function splitCrosstab(crosstab: Table, maxGroups: number): { totals: Table; parts: CrosstabPart[] } {
  checkInteger('splitCrosstab', 'maxGroups', maxGroups, { min: 1 });
  const groups = crosstabGroups(crosstab);
  const totals = { columns: crosstab.columns.slice(0, TOTAL_COLUMNS), rows: crosstab.rows.map((r) => r.slice(0, TOTAL_COLUMNS)) };
  // Parts of (nearly) equal width read better than full ones and a last of two.
  const count = Math.ceil(groups / maxGroups);
  const parts: CrosstabPart[] = [];
  for (let k = 0; k < count; k++) {
    const from = Math.round((k * groups) / count);
    const to = Math.round(((k + 1) * groups) / count);
    const pick = (row: readonly Table['rows'][number][number][]) => [row[0], ...row.slice(TOTAL_COLUMNS + from, TOTAL_COLUMNS + to)];
    parts.push({ table: { columns: pick(crosstab.columns) as string[], rows: crosstab.rows.map(pick) }, first: from + 1, last: to, of: groups });
  }
  return { totals, parts };
}

/**
 * One sentence saying what the shares of a frequency table are of, for its caption.
 * @example frequencyBaseNote(freq) // 'Base: % is of the segments each code can apply to (of the group), by its speaker and role rules: roles: !interviewer — 120 segments in all.'
 */
export function frequencyBaseNote(freq: Frequencies): string {
  const totals = freq.rows.filter((r) => r.group === null);
  const rules = new Map<string, number>();
  for (const r of totals) if (r.baseRule !== '' && !rules.has(r.baseRule)) rules.set(r.baseRule, r.base);
  if (freq.base === 'all' || rules.size === 0) return 'Base: % is of all segments (of the group).';
  const all = totals.some((r) => r.baseRule === '') ? '; codes without such rules: all segments' : '';
  const limited = [...rules].map(([rule, n]) => `${rule} — ${n} segments in all`).join('; ');
  return `Base: % is of the segments each code can apply to (of the group), by its speaker and role rules: ${limited}${all}.`;
}

/** The `base` column of the long frequency table. */
function baseText(rule: string): string {
  return rule === '' ? 'all segments' : rule;
}

/**
 * Every ordered pair of codes with the segments they share and their Jaccard index (3 decimals):
 * `code_a,code_b,segments,jaccard`. Symmetric; the diagonal holds each code's frequency.
 * @example toCsv(cooccurrenceTable(cooccurrence(codings, codebook, { level: 2 })))
 */
export function cooccurrenceTable(co: Cooccurrence): Table {
  return { columns: ['code_a', 'code_b', 'segments', 'jaccard'], rows: co.cells.map((c) => [c.a, c.b, c.segments, round(c.jaccard, 3)]) };
}

/**
 * The pairs of codes that share at least one segment, most frequent first — the readable form
 * of the co-occurrence matrix. A code and its own ancestor are left out: the roll-up makes
 * them co-occur by construction.
 * @example toMarkdown(cooccurrencePairs(cooccurrence(codings, codebook)))
 */
export function cooccurrencePairs(co: Cooccurrence): Table {
  const order = new Map(co.codes.map((c, i) => [c, i]));
  const related = (a: string, b: string) => a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
  const pairs = co.cells.filter((c) => order.get(c.a)! < order.get(c.b)! && c.segments > 0 && !related(c.a, c.b));
  pairs.sort((x, y) => y.segments - x.segments || y.jaccard - x.jaccard || order.get(x.a)! - order.get(y.a)! || order.get(x.b)! - order.get(y.b)!);
  return { columns: ['Code A', 'Code B', 'Segments', 'Jaccard'], rows: pairs.map((c) => [c.a, c.b, c.segments, c.jaccard.toFixed(3)]) };
}

/**
 * The quote bank as a table: one row per quote, with its citation, location and the matched
 * words (`matched`, joined by `|`).
 * @example toCsv(quoteTable(quoteBank(coded, codebook)))
 */
export function quoteTable(quotes: readonly Quote[]): Table {
  return {
    columns: ['code', 'label', 'rank', 'citation', 'speaker', 'year', 'document', 'segment', 'timestamp', 'text', 'matched', 'terms'],
    rows: quotes.map((q) => [
      q.code, q.label, q.rank, q.citation, q.speaker, q.year, q.document, q.segment, q.timestamp, q.text,
      q.marks.map((m) => q.text.slice(m.start, m.end)).join('|'), q.terms.join('|'),
    ]),
  };
}

/**
 * The codebook appendix: id, label, definition, inclusion and exclusion criteria, and examples
 * (one per line inside the cell).
 * @example toMarkdown(codebookTable(codebookRows(codebook)))
 */
export function codebookTable(rows: readonly CodebookRow[]): Table {
  return {
    columns: ['Code', 'Label', 'Definition', 'Include', 'Exclude', 'Examples'],
    rows: rows.map((r) => [r.id, r.label, r.definition, r.include, r.exclude, r.examples.join('\n')]),
  };
}

/** The fields of a keyword-in-context line that the table shows. */
export type KwicRow = Pick<KwicLine, 'document' | 'segment' | 'speaker' | 'timestamp' | 'left' | 'keyword' | 'right' | 'term'>;

/**
 * Keyword-in-context lines as a table: `document,segment,speaker,timestamp,left,keyword,right,term`.
 * @example toMarkdown(kwicTable(kwic(corpus.documents, { term: 'pacar' })))
 */
export function kwicTable(lines: readonly KwicRow[]): Table {
  return {
    columns: ['document', 'segment', 'speaker', 'timestamp', 'left', 'keyword', 'right', 'term'],
    rows: lines.map((l) => [l.document, l.segment, l.speaker, l.timestamp, l.left, l.keyword, l.right, l.term]),
  };
}

/** A percentage with one decimal, a dash for NaN. */
function percent(share: number): string {
  return Number.isNaN(share) ? '—' : share.toFixed(1);
}

/** A number rounded to `digits` decimals (NaN stays NaN). */
function round(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
