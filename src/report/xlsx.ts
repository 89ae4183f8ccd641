import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/universal';
import type { Table } from './csv.js';

/** A named table for one sheet of a workbook. */
export interface Sheet {
  name: string;
  table: Table;
}

const HEADER_STYLE = { fontWeight: 'bold', backgroundColor: '#DDE6F0', bottomBorderStyle: 'thin', bottomBorderColor: '#7F8FA6' } as const;
const MAX_WIDTH = 60;

/**
 * Render tables as one XLSX workbook, a sheet per table, with a bold shaded header row that
 * stays frozen while scrolling. Numbers stay numbers; text is never read as a formula; NaN is
 * written as the text `NaN`, as in the CSV.
 * @example const bytes = await toXlsx([{ name: 'frequencies', table: frequencyTable(freq) }])
 */
export async function toXlsx(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const names = sheetNames(sheets.map((s) => s.name));
  const blob = await writeXlsxFile(
    sheets.map((s, i) => ({
      sheet: names[i],
      data: sheetData(s.table),
      stickyRowsCount: 1,
      columns: s.table.columns.map((c, j) => ({ width: columnWidth(c, s.table.rows.map((r) => r[j])) })),
    })),
  ).toBlob();
  return new Uint8Array(await blob.arrayBuffer());
}

function sheetData(table: Table): SheetData {
  const header: Cell[] = table.columns.map((c) => ({ value: c, ...HEADER_STYLE }));
  const body = table.rows.map((row) =>
    table.columns.map((_, j): Cell => {
      const v = row[j];
      if (v === null || v === undefined || v === '') return null;
      if (typeof v === 'number') return Number.isFinite(v) ? v : { value: String(v), type: String };
      if (typeof v === 'boolean') return v;
      return { value: v, type: String, wrap: v.includes('\n') };
    }),
  );
  return [header, ...body];
}

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`, unique. */
function sheetNames(wanted: readonly string[]): string[] {
  const used = new Set<string>();
  return wanted.map((w) => {
    const base = w.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'sheet';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}-${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

function columnWidth(header: string, cells: ReadonlyArray<Table['rows'][number][number]>): number {
  let longest = header.length;
  for (const v of cells) {
    const s = v === null || v === undefined ? '' : String(v);
    for (const line of s.split('\n')) longest = Math.max(longest, line.length);
  }
  return Math.min(MAX_WIDTH, Math.max(8, longest + 2));
}
