import { readFile } from 'node:fs/promises';
import type { CodeCounts, CountedCode, GroupCounts } from '../analysis/code-counts.js';
import { message, type Message } from '../model/message.js';
import { ALL_GROUPS, COUNT_COLUMNS } from '../report/tables.js';
import { readCsvRows } from '../util/csv.js';
import { unreadableReason } from './unreadable.js';

type Cell = string | number | null;

/**
 * Read a count table written by `qda count` (CSV, or JSON: an array of row objects) back into
 * counts, so partial tables can be added. Problems are located messages; a table with one is
 * not returned.
 * @example const { counts } = await readCounts('part-1.csv')
 */
export async function readCounts(file: string): Promise<{ counts: CodeCounts | null; messages: Message[] }> {
  const fail = (reason: string, ruleId: string, line?: number, column?: number) => ({
    counts: null,
    messages: [
      message(reason, { file, ruleId, source: 'counts', fatal: true, ...(line !== undefined ? { line, column: column ?? 1 } : {}) }),
    ],
  });
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return fail(unreadableReason(e, 'count table'), 'file-unreadable');
  }
  let header: string[];
  let rows: Cell[][];
  let lines: number[];
  if (text.trimStart().startsWith('[')) {
    let records: unknown;
    try {
      records = JSON.parse(text);
    } catch (e) {
      return fail(`not valid JSON: ${(e as Error).message}`, 'counts-syntax', 1);
    }
    if (!Array.isArray(records) || records.length === 0 || records.some((r) => r === null || typeof r !== 'object' || Array.isArray(r))) {
      return fail('a JSON count table is a non-empty array of row objects, as `qda count --format json` writes', 'counts-shape', 1);
    }
    header = Object.keys(records[0] as object);
    rows = (records as Array<Record<string, Cell>>).map((r) => header.map((k) => r[k] ?? null));
    // One record a line after the opening bracket, as qda count writes them.
    lines = rows.map((_, i) => i + 2);
  } else {
    const parsed = readCsvRows(text);
    if (parsed.rows.length === 0) return fail('the count table is empty', 'counts-empty');
    header = parsed.rows[0].cells;
    // Not our table at all says more than the first problem of reading it.
    if (parsed.problems.length > 0 && header[0] === 'code')
      return fail(parsed.problems[0].reason, 'counts-syntax', parsed.problems[0].line);
    rows = parsed.rows.slice(1).map((r) => r.cells);
    lines = parsed.rows.slice(1).map((r) => r.line);
  }
  const expected = ['code', 'label', 'depth', header[3], ...COUNT_COLUMNS, 'share_pct'];
  if (header.length !== expected.length || header.some((h, i) => h !== expected[i])) {
    return fail(
      `not a table of qda count: the columns must be ${expected.join(',').replace(`,${header[3]},`, ',<by>,')} (found ${header.join(',')})`,
      'counts-columns',
      1,
    );
  }
  const codes: CountedCode[] = [];
  const codeIndex = new Map<string, number>();
  const groups = new Map<string, GroupCounts>();
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const line = lines[r];
    const values: number[] = [];
    for (let k = 0; k < COUNT_COLUMNS.length + 1; k++) {
      const cell = k === 0 ? row[2] : row[3 + k];
      const n = Number(cell);
      if (cell === null || cell === '' || !Number.isInteger(n) || n < 0) {
        const column = k === 0 ? 3 : 4 + k;
        return fail(`${header[column - 1]} must be a whole number from 0 up (got "${cell ?? ''}")`, 'counts-number', line, column);
      }
      values.push(n);
    }
    const [depth, ...counted] = values;
    const code = String(row[0] ?? '');
    const group = String(row[3] ?? '');
    if (code === '') return fail('the code is empty', 'counts-code', line, 1);
    let c = codeIndex.get(code);
    if (c === undefined) {
      c = codes.length;
      codeIndex.set(code, c);
      codes.push({ code, label: String(row[1] ?? code), depth });
    }
    let g = groups.get(group);
    if (!g) {
      g = {
        group: group === ALL_GROUPS ? null : group,
        segments: 0,
        words: 0,
        documents: 0,
        coded: { segments: [], words: [], hits: [], documents: [] },
      };
      groups.set(group, g);
    }
    const [segments, documents, words, hits, segmentsInGroup, documentsInGroup, wordsInGroup] = counted;
    Object.assign(g, { segments: segmentsInGroup, documents: documentsInGroup, words: wordsInGroup });
    g.coded.segments[c] = segments;
    g.coded.documents[c] = documents;
    g.coded.words[c] = words;
    g.coded.hits[c] = hits;
  }
  // A code missing from a group's rows counts nothing there.
  for (const g of groups.values()) for (const column of Object.values(g.coded)) for (let c = 0; c < codes.length; c++) column[c] ??= 0;
  const all = groups.get(ALL_GROUPS);
  const ordered = [...(all ? [all] : []), ...[...groups.values()].filter((g) => g !== all)];
  return { counts: { by: header[3], codes, groups: ordered }, messages: [] };
}
