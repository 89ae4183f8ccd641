/** Text folded for matching names, with where each folded character came from. */
export interface FoldedText {
  /** Compatibility-decomposed (NFKD), without combining marks, lower-cased, without invisible characters. */
  text: string;
  /** For each UTF-16 unit of `text`: the offset (UTF-16) in the original where its character starts. */
  from: number[];
  /** For each UTF-16 unit of `text`: the offset (UTF-16) in the original just after its character. */
  to: number[];
}

/**
 * Characters that do not show or only break lines: soft hyphen, zero-width space and joiners,
 * word joiner, BOM, Mongolian vowel separator, invisible operators. A name split by one of them
 * still reads as the name.
 */
const INVISIBLE =
  /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u206A-\u206F\u3164\uFEFF\uFFA0]/u;

/**
 * Fold a text so that the forms of a name that read the same compare the same: fullwidth and
 * other compatibility forms become plain letters (NFKD), accents and other combining marks go
 * (`Nurlaíla`, `İ`), letters are lower-cased, and soft hyphens and zero-width characters are
 * dropped. Offsets map each folded character back to the original.
 * @example foldText('Ｎur\u00ADlaíla').text // 'nurlaila'
 */
export function foldText(original: string): FoldedText {
  if (/^[\x00-\x7F]*$/.test(original)) {
    return {
      text: original.toLowerCase(),
      from: Array.from({ length: original.length }, (_, i) => i),
      to: Array.from({ length: original.length }, (_, i) => i + 1),
    };
  }
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < original.length;) {
    const cp = original.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    if (!INVISIBLE.test(ch)) {
      const folded = ch.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
      for (let k = 0; k < folded.length; k++) {
        from.push(i);
        to.push(next);
      }
      text += folded;
    }
    i = next;
  }
  return { text, from, to };
}
