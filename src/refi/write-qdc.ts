import type { Code, Codebook } from '../model/codebook.js';
import { xmlDocument, type XmlElement } from '../util/xml.js';
import { refiPresenter } from './code-text.js';
import { QDA_ORIGIN } from './conventions.js';

// 128-bit FNV-1a: a stable, well-spread hash of a key; GUIDs need uniqueness, not secrecy.
const FNV_PRIME = 0x0000000001000000000000000000013bn;
const FNV_OFFSET = 0x6c62272e07bb014262b821756295c58dn;
const MASK_128 = (1n << 128n) - 1n;

/**
 * A stable GUID for a key (a version-8 UUID from a 128-bit hash of the key): the same code,
 * source or user gets the same GUID in every export, so exports can be compared and merged.
 * @example refiGuid('code:factor/attachment') // 'xxxxxxxx-xxxx-8xxx-[89ab]xxx-xxxxxxxxxxxx'
 */
export function refiGuid(key: string): string {
  let hash = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(`qda:${key}`)) hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK_128;
  // FNV spreads the last bytes into few high bits; xor-shift-multiply rounds (bijective, so no
  // new collisions) let every byte change the whole GUID.
  for (const shift of [64n, 43n, 29n]) hash = ((hash ^ (hash >> shift)) * FNV_PRIME) & MASK_128;
  const hex = hash.toString(16).padStart(32, '0').split('');
  hex[12] = '8';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The GUID qda writes for a code id.
 * @example codeGuid('stage/assessment') === refiGuid('code:stage/assessment') // true
 */
export function codeGuid(id: string): string {
  return refiGuid(`code:${id}`);
}

/**
 * The `<Code>` elements of a codebook, nested like its tree (REFI-QDA `CodeType`), each code
 * shown as `refiPresenter` shows it.
 * @example codeElements(codebook).length // number of top-level codes
 */
export function codeElements(codebook: Codebook): XmlElement[] {
  const present = refiPresenter(codebook);
  const children = new Map<string | null, Code[]>();
  const ids = new Set(codebook.codes.map((c) => c.id));
  for (const code of codebook.codes) {
    const parent = code.parent !== null && ids.has(code.parent) ? code.parent : null;
    const list = children.get(parent) ?? [];
    list.push(code);
    children.set(parent, list);
  }
  const element = (code: Code): XmlElement => {
    const shown = present(code);
    const el: XmlElement = { '@_guid': codeGuid(code.id), '@_name': shown.name, '@_isCodable': 'true' };
    if (shown.color !== undefined) el['@_color'] = shown.color;
    if (shown.description !== undefined) el.Description = shown.description;
    const kids = children.get(code.id) ?? [];
    if (kids.length > 0) el.Code = kids.map(element);
    return el;
  };
  return (children.get(null) ?? []).map(element);
}

/**
 * A codebook as a REFI-QDA `.qdc` file (valid against `Codebook.xsd`): names, colours,
 * hierarchy, and each code's definition, criteria, examples and rules in its Description (see
 * `refiPresenter`), so that `parseQdc` reads it back.
 * @example codebookToQdc(codebook).startsWith('<?xml') // true
 */
export function codebookToQdc(codebook: Codebook): string {
  return xmlDocument({
    CodeBook: {
      '@_xmlns': 'urn:QDA-XML:codebook:1.0',
      '@_origin': QDA_ORIGIN,
      Codes: { Code: codeElements(codebook) },
    },
  });
}
