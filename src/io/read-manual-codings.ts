import { placeCodings } from '../coding/place-codings.js';
import type { Codebook } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { Corpus } from '../model/document.js';
import type { Message } from '../model/message.js';
import type { Segment, Unit } from '../model/segment.js';
import { segmentDocument } from '../text/segment.js';
import { readCodings } from './read-codings.js';

/**
 * Read human coders' tables and place their codings on the segments of `unit` (see
 * `placeCodings`): the coder is the `coder` column, else the file name. Codes not in the
 * codebook and rows that fit nowhere are warnings; an unreadable table is fatal.
 * @example const { codings, segments, messages } = await readManualCodings(['ana.csv'], corpus, codebook, 'turn')
 */
export async function readManualCodings(
  files: readonly string[],
  corpus: Corpus,
  codebook: Codebook,
  unit: Unit = 'turn',
): Promise<{ codings: Coding[]; segments: Segment[]; messages: Message[] }> {
  const codes = new Set(codebook.codes.map((c) => c.id));
  const codings: Coding[] = [];
  const messages: Message[] = [];
  for (const file of files) {
    const read = await readCodings([file]);
    messages.push(...read.messages);
    if (read.messages.some((m) => m.fatal)) continue;
    const placed = placeCodings(read.codings, corpus.documents, { unit, codes, file });
    messages.push(...placed.messages);
    for (const c of placed.codings) codings.push(c);
  }
  return { codings, segments: corpus.documents.flatMap((d) => segmentDocument(d, unit)), messages };
}
