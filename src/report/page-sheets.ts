import { displayCell, numericColumns, type Page } from './blocks.js';
import type { Table } from './csv.js';
import { quoteTable } from './tables.js';
import type { Sheet } from './xlsx.js';

/** Text that is a plain number, as the page shows `% of base` (`20.2`) or Jaccard (`0.383`). */
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * The tables of a page as sheets of a workbook, in page order: each table under the name of
 * the heading it stands under (or its own `name`), with the page's header and rows. Numbers
 * stay numbers (text such as `20.2` in a numeric column becomes the number; every digit is
 * kept where the page rounds to three); a missing value (NaN) is the page's dash. The quote
 * bank, which the page shows as quotations, is one sheet of its quotes.
 * @example toXlsx(pageSheets(reportPage(data, reportCharts(data))))
 */
export function pageSheets(page: Page): Sheet[] {
  const sheets: Sheet[] = [];
  let heading = page.title;
  for (const block of page.blocks) {
    if (block.kind === 'heading') heading = block.text;
    else if (block.kind === 'table') sheets.push({ name: block.name ?? heading, table: asOnPage(block.table) });
    else if (block.kind === 'quotes') sheets.push({ name: heading, table: quoteTable(block.quotes) });
  }
  return sheets;
}

/** A table's cells as the page means them: numbers where the page shows a number. */
function asOnPage(table: Table): Table {
  const numeric = numericColumns(table);
  return {
    columns: table.columns,
    rows: table.rows.map((row) =>
      table.columns.map((_, j) => {
        const v = row[j];
        if (typeof v === 'number' && Number.isNaN(v)) return displayCell(v);
        return numeric[j] && typeof v === 'string' && PLAIN_NUMBER.test(v) ? Number(v) : v;
      }),
    ),
  };
}
