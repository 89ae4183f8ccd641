import type { AttributeValue } from './document.js';

/** A small table read from a CSV or XLSX file: the header, then rows with their 1-based line (row) numbers. */
export interface TableFile {
  header: string[];
  rows: Array<{ line: number; cells: AttributeValue[] }>;
}
