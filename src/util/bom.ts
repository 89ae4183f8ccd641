/**
 * The text without a leading byte-order mark (U+FEFF), which decoders keep and parsers choke on.
 * @example stripBom('\uFEFFid,name') // 'id,name'
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
