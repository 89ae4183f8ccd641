import { stripBom } from '../util/bom.js';

/**
 * The toolkit's normalised text: BOM stripped, `\r\n` and lone `\r` turned into `\n`.
 * Nothing else changes, so offsets into the result map simply back to the file.
 * @example normaliseText('\uFEFFa\r\nb') // 'a\nb'
 */
export function normaliseText(raw: string): string {
  const noBom = stripBom(raw);
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}
