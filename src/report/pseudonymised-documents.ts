import type { Coding } from '../model/coding.js';
import type { Document } from '../model/document.js';
import { pseudonymise, pseudonymiser, type Pseudonym, type Pseudonymiser } from './pseudonyms.js';

/**
 * Documents and their codings with every real name of the key replaced, for sharing a coded
 * project (`qda qdpx export --pseudonyms`): each text is pseudonymised and every offset —
 * turns and codings, UTF-16 as in the model — moved to where its words went, so a coding
 * still covers the same words (a span that starts or ends inside a name covers its pseudonym
 * whole). Ids, file names, speakers, participants, attributes and the codings' strings are
 * pseudonymised too; codings follow their document's new id. Inputs are not mutated.
 * @example pseudonymisedDocuments(corpus.documents, codings, key).documents[0].text
 */
export function pseudonymisedDocuments(
  documents: readonly Document[],
  codings: readonly Coding[],
  key: readonly Pseudonym[] | Pseudonymiser,
): { documents: Document[]; codings: Coding[] } {
  const p = 'text' in key ? key : pseudonymiser(key);
  const byDocument = new Map<string, Coding[]>();
  for (const c of codings) {
    const list = byDocument.get(c.document);
    if (list) list.push(c);
    else byDocument.set(c.document, [c]);
  }
  const outDocuments: Document[] = [];
  const outCodings: Coding[] = [];
  const renamed = (c: Coding): Coding => ({
    ...c,
    document: p.text(c.document),
    code: p.text(c.code),
    coder: p.text(c.coder),
    matches: c.matches.map((m) => p.text(m)),
  });
  for (const doc of documents) {
    const own = byDocument.get(doc.id) ?? [];
    byDocument.delete(doc.id);
    const spans = [...doc.turns, ...own].map(({ start, end }) => ({ start, end }));
    const moved = p.marked(doc.text, spans);
    const turnSpans = moved.marks.slice(0, doc.turns.length);
    const codingSpans = moved.marks.slice(doc.turns.length);
    outDocuments.push({
      ...doc,
      id: p.text(doc.id),
      file: p.text(doc.file),
      text: moved.text,
      attributes: pseudonymise(doc.attributes, p),
      participants: pseudonymise(doc.participants, p),
      turns: doc.turns.map((t, i) => ({ ...t, speaker: t.speaker === null ? null : p.text(t.speaker), ...turnSpans[i] })),
    });
    own.forEach((c, i) => outCodings.push({ ...renamed(c), ...codingSpans[i] }));
  }
  // Codings of documents not given keep their offsets: there is no text to move them in.
  for (const rest of byDocument.values()) for (const c of rest) outCodings.push(renamed(c));
  return { documents: outDocuments, codings: outCodings };
}
