import { checkInteger, checkString } from '../util/options.js';

/** The options every transcript reader shares. */
export interface SharedReaderOptions {
  /** Path or label used in messages and as the default document id. */
  file: string;
  language?: string;
  id?: string;
  maxInputSize?: number;
}

/**
 * Check the options every transcript reader shares (a TypeError naming the reader and the
 * option): `file` a non-empty text, `language` and `id` texts, `maxInputSize` a whole number of
 * bytes from 1 up.
 * @example checkReaderOptions('fromDocx', { file: '' }) // throws TypeError: fromDocx: option file must be a non-empty text; got ""
 */
export function checkReaderOptions(fn: string, options: Partial<SharedReaderOptions>): void {
  checkString(fn, 'file', options.file, { nonEmpty: true, required: true });
  checkString(fn, 'language', options.language);
  checkString(fn, 'id', options.id, { nonEmpty: true });
  checkInteger(fn, 'maxInputSize', options.maxInputSize, { min: 1 });
}
