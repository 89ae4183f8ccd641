import { unzipSync } from 'fflate';
import { lineColumn, message, type Message } from '../model/message.js';
import { foldText } from '../text/fold.js';
import { nameKey, namePattern, type Pseudonym } from './pseudonyms.js';

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad', zwsp: '\u200b', zwnj: '\u200c', zwj: '\u200d' };

/**
 * Look in every rendered output file for a real name of the pseudonym key, as a reader would
 * see it: HTML and XML character references decoded, JSON `\uXXXX` escapes decoded, and the
 * text and XML parts of zipped files (`tables.xlsx`, a `.qdpx`) unzipped. Each finding is a fatal message located
 * in the file (the name is shown by its first letter only, so the message does not leak it).
 * Pseudonyms themselves never count, even when one contains a key name.
 * @example nameLeaks(new Map([['quotes.md', 'Kata Nurlaila.']]), key, 'report') // [report/quotes.md:1:6: …]
 */
export function nameLeaks(files: ReadonlyMap<string, string | Uint8Array>, key: readonly Pseudonym[], dir: string): Message[] {
  const names = key.map((p) => nameKey(p.name)).filter((n) => n !== '');
  if (names.length === 0) return [];
  const pattern = namePattern(names);
  const pseudonyms = namePattern(key.map((p) => nameKey(p.pseudonym)).filter((n) => n !== ''));
  const out: Message[] = [];
  for (const [path, content] of files) {
    for (const part of readableParts(path, content)) {
      const text = decodeReferences(part.text);
      const folded = foldText(text);
      // Pseudonyms are blanked out first, so "Dewa Putra" as a pseudonym does not count as "Dewa".
      const blanked = folded.text.replace(pseudonyms, (m) => ' '.repeat(m.length));
      for (const m of blanked.matchAll(pattern)) {
        const { line, column } = lineColumn(text, folded.from[m.index]);
        const shown = `${m[1][0].toUpperCase()}…`;
        const where = part.entry ? ` (in ${part.entry})` : '';
        out.push(message(`a real name from the pseudonym key ("${shown}", ${m[1].length} letters) is still in this output${where}; nothing was written`, {
          file: `${dir}/${path}`, line, column, ruleId: 'name-left', source: 'pseudonyms', fatal: true,
        }));
      }
    }
  }
  return out;
}

/** The texts of an output file: the file itself, or the XML parts of a zip. */
function readableParts(path: string, content: string | Uint8Array): Array<{ entry?: string; text: string }> {
  if (typeof content === 'string') return [{ text: content }];
  if (content[0] === 0x50 && content[1] === 0x4b) {
    // REFI-QDA's XML parts end in .qde (the project) and .qdc (a codebook).
    const entries = unzipSync(content, { filter: (f) => /\.(xml|rels|txt|csv|html?|qde|qdc)$/i.test(f.name) });
    return Object.entries(entries).map(([entry, bytes]) => ({ entry, text: new TextDecoder().decode(bytes) }));
  }
  return /\.(png|jpe?g|gif|webp|pdf)$/i.test(path) ? [] : [{ text: new TextDecoder().decode(content) }];
}

/** Character references (`&#117;`, `&#x75;`, `&amp;`) and JSON escapes (`\u0075`) as the characters they stand for. */
function decodeReferences(text: string): string {
  return text
    .replace(/&#(\d{1,7});|&#x([0-9a-f]{1,6});|&([a-z]+);/gi, (all, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      const cp = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : undefined;
      if (cp !== undefined) return cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
      return NAMED_ENTITIES[name!.toLowerCase()] ?? all;
    })
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
