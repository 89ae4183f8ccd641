/** A piece of the document body as the DOCX reader uses it. */
export type DocxBlock =
  { kind: 'heading'; level: number; text: string } | { kind: 'paragraph'; runs: DocxRun[] } | { kind: 'table'; rows: string[][] };

/** Text with its bold flag. */
export interface DocxRun {
  text: string;
  bold: boolean;
}

/** The part of mammoth's document tree that is read (its transform API gives this shape). */
export interface DocxElement {
  type: string;
  children?: DocxElement[];
  value?: string;
  isBold?: boolean;
  styleId?: string | null;
  styleName?: string | null;
  breakType?: string;
}

/**
 * The blocks of a DOCX body from mammoth's document tree: headings (by paragraph style
 * `Heading N`/`Title`), paragraphs as bold and plain runs, and tables as rows of cell texts
 * (a cell's paragraphs separated by a blank line). Images, notes and comments are left out.
 * @example docxBlocks({ type: 'document', children: [] }) // []
 */
export function docxBlocks(document: DocxElement): DocxBlock[] {
  const blocks: DocxBlock[] = [];
  for (const element of document.children ?? []) {
    if (element.type === 'paragraph') {
      const level = headingLevel(element);
      const runs = runsOf(element, false);
      if (level > 0) {
        const text = runs
          .map((r) => r.text)
          .join('')
          .replace(/\s+/g, ' ')
          .trim();
        if (text) blocks.push({ kind: 'heading', level, text });
      } else {
        blocks.push({ kind: 'paragraph', runs });
      }
    } else if (element.type === 'table') {
      blocks.push({ kind: 'table', rows: tableRows(element) });
    }
  }
  return blocks;
}

function headingLevel(paragraph: DocxElement): number {
  const style = `${paragraph.styleName ?? ''} ${paragraph.styleId ?? ''}`;
  const m = /\b(?:heading|judul)\s*([1-6])\b/i.exec(style);
  if (m) return Number(m[1]);
  return /^(?:title|judul)$/i.test((paragraph.styleName ?? paragraph.styleId ?? '').trim()) ? 1 : 0;
}

function runsOf(element: DocxElement, bold: boolean): DocxRun[] {
  switch (element.type) {
    case 'text':
      return [{ text: element.value ?? '', bold }];
    case 'tab':
      return [{ text: '\t', bold }];
    case 'break':
      return element.breakType === 'line' || element.breakType === undefined ? [{ text: '\n', bold }] : [];
    case 'run':
      return (element.children ?? []).flatMap((c) => runsOf(c, Boolean(element.isBold)));
    case 'paragraph':
    case 'hyperlink':
      return (element.children ?? []).flatMap((c) => runsOf(c, bold));
    default:
      return [];
  }
}

function tableRows(table: DocxElement): string[][] {
  return (table.children ?? [])
    .filter((row) => row.type === 'tableRow')
    .map((row) => (row.children ?? []).filter((cell) => cell.type === 'tableCell').map(cellText));
}

function cellText(cell: DocxElement): string {
  const parts: string[] = [];
  for (const child of cell.children ?? []) {
    if (child.type === 'paragraph')
      parts.push(
        runsOf(child, false)
          .map((r) => r.text)
          .join('')
          .trim(),
      );
    else if (child.type === 'table')
      parts.push(
        ...tableRows(child)
          .flat()
          .map((t) => t.trim()),
      );
  }
  return parts.filter((p) => p.length > 0).join('\n\n');
}
