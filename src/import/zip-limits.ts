import { message, type Message } from '../model/message.js';
import { ZipArchive, ZipFormatError, ZipLimitError, zipLimitsFor } from '../util/zip.js';

/**
 * A zip limit passed or a damaged archive, as a fatal message that names the entry and the
 * limit and says how to raise it; null for any other error.
 * @example zipProblem(error, 'p.qdpx', 'import-qdpx')
 */
export function zipProblem(e: unknown, file: string, source: string): Message | null {
  if (e instanceof ZipLimitError) {
    return message(`${e.message}; unpacking stopped there. If the file is genuine, raise the limit with --max-input-size`, {
      file,
      ruleId: 'zip-limit',
      source,
      fatal: true,
    });
  }
  if (e instanceof ZipFormatError)
    return message(`the zip archive cannot be read: ${e.message}`, { file, ruleId: 'not-a-zip', source, fatal: true });
  return null;
}

/**
 * Unpack (and drop) every entry of a zipped document (`.docx`, `.xlsx`) within the limits of
 * `maxInputSize` before a library unpacks it whole: a zip bomb stops at the limit, with a message
 * naming the entry. Null when the archive is within the limits or is not a zip at all (the
 * library then says what is wrong).
 * @example const problem = zipBombCheck(bytes, 'interview.docx', 'import-docx')
 */
export function zipBombCheck(bytes: Uint8Array, file: string, source: string, maxInputSize?: number): Message | null {
  try {
    new ZipArchive(bytes, zipLimitsFor(maxInputSize)).checkAll();
    return null;
  } catch (e) {
    return e instanceof ZipLimitError ? zipProblem(e, file, source) : null;
  }
}
