import mammoth from 'mammoth';
import { zipBombCheck } from '../import/zip-limits.js';
import { decodeBytes } from '../text/decode.js';
import { normaliseText } from '../text/normalise.js';
import { stripBom } from '../util/bom.js';
import { attr, textOf, type XmlNode } from '../util/xml.js';
import type { QdpxEntryIndex } from './entries.js';
import type { SourceText } from './positions.js';

/** A source's text and where it came from, or why there is none. */
export type SourceTextResult = { source: SourceText; from: string; notes: string[] } | { source: null; notes: string[] };

/**
 * The text of a `<TextSource>`: its `PlainTextContent`, else its `plainTextPath` file, else
 * the raw text of its `richTextPath` `.docx` (read with mammoth). Blank texts count as none, so
 * that an export whose text did not survive (NVivo writes a one-byte file) is reported, not
 * imported as an empty document.
 * @example (await readSourceText(node, index)).source?.text
 */
export async function readSourceText(node: XmlNode, index: QdpxEntryIndex): Promise<SourceTextResult> {
  const notes: string[] = [];
  const inline = textOf(node, 'PlainTextContent');
  if (inline !== undefined && inline.trim().length > 0) return { source: sourceText(inline), from: 'PlainTextContent', notes };

  const plainPath = attr(node, 'plainTextPath');
  if (plainPath !== undefined) {
    const found = index.source(plainPath);
    if ('problem' in found) notes.push(`plain text: ${found.problem}`);
    else {
      const decoded = decodeBytes(found.bytes);
      if (decoded.binary) notes.push(`plain text ${found.name} is not text`);
      else if (stripBom(decoded.text).trim().length === 0) notes.push(`plain text ${found.name} is empty`);
      else {
        if (decoded.encoding === 'windows-1252') notes.push(`plain text ${found.name} is not UTF-8; it was read as Windows-1252`);
        return { source: sourceText(decoded.text), from: found.name, notes };
      }
    }
  }

  const richPath = attr(node, 'richTextPath');
  if (richPath !== undefined && /\.docx$/i.test(richPath)) {
    const found = index.source(richPath);
    if ('problem' in found) notes.push(`rich text: ${found.problem}`);
    else {
      try {
        // A .docx inside the archive is a zip of its own: checked within the limits before mammoth unpacks it.
        const bomb = zipBombCheck(found.bytes, found.name, 'import-qdpx');
        if (bomb) throw new Error(bomb.reason);
        const { value } = await mammoth.extractRawText({
          buffer: Buffer.from(found.bytes.buffer, found.bytes.byteOffset, found.bytes.byteLength),
        });
        if (value.trim().length === 0) notes.push(`rich text ${found.name} has no text`);
        else
          return {
            source: sourceText(value),
            from: found.name,
            notes: [
              ...notes,
              `the text was read from the rich text ${found.name}: positions were meant for the plain text and may not fit`,
            ],
          };
      } catch (e) {
        notes.push(`rich text ${found.name} cannot be read as .docx (${(e as Error).message.split('\n')[0]})`);
      }
    }
  }
  if (plainPath === undefined && richPath === undefined && inline === undefined)
    notes.push('it has neither PlainTextContent nor a plainTextPath');
  return { source: null, notes };
}

function sourceText(raw: string): SourceText {
  const stored = stripBom(raw);
  return { stored, text: normaliseText(stored) };
}
