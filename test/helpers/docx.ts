// A minimal Word (.docx) writer for test fixtures: just enough OOXML for headings, bold and
// plain runs, line breaks and tables, zipped with a fixed date so the bytes are reproducible.
import { strToU8, zipSync } from 'fflate';

/** A run of text; `\n` becomes a line break, `\t` a tab. */
export interface DocxTestRun {
  text: string;
  bold?: boolean;
}

/** A block of the body. */
export type DocxTestBlock = { heading: string; level?: number } | { paragraph: DocxTestRun[] | string } | { table: string[][] };

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function run(r: DocxTestRun): string {
  const props = r.bold ? '<w:rPr><w:b/></w:rPr>' : '';
  const parts = r.text
    .split(/(\n|\t)/)
    .map((p) => (p === '\n' ? '<w:br/>' : p === '\t' ? '<w:tab/>' : p ? `<w:t xml:space="preserve">${escapeXml(p)}</w:t>` : ''));
  return `<w:r>${props}${parts.join('')}</w:r>`;
}

function paragraph(runs: DocxTestRun[] | string, style?: string): string {
  const list = typeof runs === 'string' ? [{ text: runs }] : runs;
  const props = style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : '';
  return `<w:p>${props}${list.map(run).join('')}</w:p>`;
}

function block(b: DocxTestBlock): string {
  if ('heading' in b) return paragraph(b.heading, `Heading${b.level ?? 1}`);
  if ('paragraph' in b) return paragraph(b.paragraph);
  const rows = b.table.map(
    (row) =>
      `<w:tr>${row
        .map(
          (cell) =>
            `<w:tc>${cell
              .split('\n\n')
              .map((p) => paragraph(p))
              .join('')}</w:tc>`,
        )
        .join('')}</w:tr>`,
  );
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.join('')}</w:tbl>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${[1, 2, 3]
  .map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/><w:basedOn w:val="Normal"/></w:style>`)
  .join('')}</w:styles>`;

/** The bytes of a .docx file holding `blocks`. */
export function docxBytes(blocks: readonly DocxTestBlock[]): Uint8Array {
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${REL}"><w:body>${blocks.map(block).join('')}<w:sectPr/></w:body></w:document>`;
  const files = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'word/document.xml': document,
    'word/styles.xml': STYLES,
  };
  const mtime = new Date('2025-01-01T00:00:00Z');
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, xml]) => [name, [strToU8(xml), { mtime }]])), { level: 6 });
}
