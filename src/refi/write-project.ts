import { strToU8, zipSync } from 'fflate';
import type { Codebook } from '../model/codebook.js';
import type { Coding } from '../model/coding.js';
import type { AttributeValue, Document } from '../model/document.js';
import { codePointLength, OffsetMap } from '../text/offsets.js';
import { xmlDocument, type XmlElement } from '../util/xml.js';
import { PROJECT_FENCE, QDA_ORIGIN } from './conventions.js';
import { codeElements, codeGuid, refiGuid } from './write-qdc.js';

/** What goes into a REFI-QDA project. */
export interface QdpxExport {
  /** The project's name (`<Project name>`). */
  name: string;
  codebook: Codebook;
  documents: readonly Document[];
  /** Codings with UTF-16 offsets into their document's text; `coder` becomes a user (`auto` for automatic coding). */
  codings: readonly Coding[];
}

/** The archive and the codings that could not go in (unknown document or code, span outside the text). */
export interface QdpxArchive {
  bytes: Uint8Array;
  skipped: Coding[];
}

/** A fixed date for the zip entries, so that the same project gives the same bytes. */
const ENTRY_TIME = new Date(Date.UTC(2000, 0, 1));

/**
 * A REFI-QDA project (`.qdpx`): `project.qde` (valid against `Project.xsd`) with users (one
 * per coder), the codebook, variables from document attributes, and one `TextSource` per
 * document whose text is stored as `sources/<guid>.txt` (UTF-8, LF, no BOM). Every coding is
 * a `Coding` in a `PlainTextSelection`; positions count Unicode code points of that text, end
 * exclusive, as the project's Description states.
 * @example const { bytes } = qdpxArchive({ name: 'LK3', codebook, documents, codings })
 */
export function qdpxArchive(project: QdpxExport): QdpxArchive {
  const codeIds = new Set(project.codebook.codes.map((c) => c.id));
  const documents = new Map(project.documents.map((d) => [d.id, d]));
  const byDocument = new Map<string, Coding[]>(project.documents.map((d) => [d.id, []]));
  const skipped: Coding[] = [];
  const coders = new Set<string>();
  for (const c of project.codings) {
    const doc = documents.get(c.document);
    if (doc === undefined || !codeIds.has(c.code) || c.start < 0 || c.end > doc.text.length || c.start > c.end) skipped.push(c);
    else {
      byDocument.get(c.document)!.push(c);
      coders.add(c.coder);
    }
  }
  const userGuid = (coder: string) => refiGuid(`user:${coder}`);
  const variables = variableTypes(project.documents);

  const files: Record<string, Uint8Array> = {};
  const sources: XmlElement[] = project.documents.map((doc) => {
    const guid = refiGuid(`source:${doc.id}`);
    files[`sources/${guid}.txt`] = strToU8(doc.text);
    const el: XmlElement = { '@_guid': guid, '@_name': doc.id, '@_plainTextPath': `internal://${guid}.txt` };
    const selections = selectionElements(doc, byDocument.get(doc.id) ?? [], userGuid);
    if (selections.length > 0) el.PlainTextSelection = selections;
    const values = variableValues(doc, variables);
    if (values.length > 0) el.VariableValue = values;
    return el;
  });

  const root: XmlElement = { '@_xmlns': 'urn:QDA-XML:project:1.0', '@_name': project.name, '@_origin': QDA_ORIGIN };
  if (coders.size > 0) root.Users = { User: [...coders].map((name) => ({ '@_guid': userGuid(name), '@_name': name })) };
  if (project.codebook.codes.length > 0) root.CodeBook = { Codes: { Code: codeElements(project.codebook) } };
  if (variables.size > 0) {
    root.Variables = {
      Variable: [...variables].map(([name, type]) => ({
        '@_guid': refiGuid(`variable:${name}`),
        '@_name': name,
        '@_typeOfVariable': type,
      })),
    };
  }
  if (sources.length > 0) root.Sources = { TextSource: sources };
  root.Description = projectDescription(project.codebook);
  const qde = xmlDocument({ Project: root });
  const bytes = zipSync({ 'project.qde': strToU8(qde), ...files }, { level: 6, mtime: ENTRY_TIME });
  return { bytes, skipped };
}

/** One selection per coded span, holding a `Coding` for each code and coder on it. */
function selectionElements(doc: Document, codings: readonly Coding[], userGuid: (coder: string) => string): XmlElement[] {
  const offsets = new OffsetMap(doc.text);
  const spans = new Map<string, Coding[]>();
  for (const c of [...codings].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const key = `${c.start}:${c.end}`;
    const list = spans.get(key) ?? [];
    list.push(c);
    spans.set(key, list);
  }
  return [...spans.values()].map((list) => {
    const { start, end } = list[0];
    const startCp = offsets.toCodePoint(start);
    const endCp = offsets.toCodePoint(end);
    const key = `${doc.id}:${startCp}:${endCp}`;
    return {
      '@_guid': refiGuid(`selection:${key}`),
      '@_name': preview(doc.text.slice(start, end)),
      '@_startPosition': String(startCp),
      '@_endPosition': String(endCp),
      '@_creatingUser': userGuid(list[0].coder),
      Coding: list.map((c, i) => ({
        '@_guid': refiGuid(`coding:${key}:${c.code}:${c.coder}:${i}`),
        '@_creatingUser': userGuid(c.coder),
        CodeRef: { '@_targetGUID': codeGuid(c.code) },
      })),
    };
  });
}

/** The selected text's opening words: a readable name that also tells a reader where the selection is. */
function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return codePointLength(flat) <= 60 ? flat : `${[...flat].slice(0, 60).join('').trimEnd()}…`;
}

type VariableType = 'Boolean' | 'Integer' | 'Float' | 'Text';

/** One REFI-QDA variable per attribute name, typed by the values the documents give it. */
function variableTypes(documents: readonly Document[]): Map<string, VariableType> {
  const values = new Map<string, AttributeValue[]>();
  for (const doc of documents) {
    for (const [name, value] of Object.entries(doc.attributes)) {
      if (value === null) continue;
      const list = values.get(name) ?? [];
      list.push(value);
      values.set(name, list);
    }
  }
  const types = new Map<string, VariableType>();
  for (const [name, list] of values) {
    if (list.every((v) => typeof v === 'boolean')) types.set(name, 'Boolean');
    else if (list.every((v) => typeof v === 'number' && Number.isSafeInteger(v))) types.set(name, 'Integer');
    // xsd:decimal has no exponent: numbers that print with one are written as text.
    else if (list.every((v) => typeof v === 'number' && Number.isFinite(v) && !/e/i.test(String(v)))) types.set(name, 'Float');
    else types.set(name, 'Text');
  }
  return types;
}

function variableValues(doc: Document, types: ReadonlyMap<string, VariableType>): XmlElement[] {
  const out: XmlElement[] = [];
  for (const [name, value] of Object.entries(doc.attributes)) {
    const type = types.get(name);
    if (value === null || type === undefined) continue;
    out.push({ VariableRef: { '@_targetGUID': refiGuid(`variable:${name}`) }, [`${type}Value`]: String(value) });
  }
  return out;
}

/** A readable statement of the position convention, then the same as a block qda reads back. */
function projectDescription(codebook: Codebook): string {
  const about: Record<string, string> = {};
  if (codebook.name !== undefined) about.name = codebook.name;
  if (codebook.description !== undefined) about.description = codebook.description;
  const lines = [
    'Exported by qda. startPosition and endPosition count Unicode code points (not UTF-16 units) of',
    "each source's plain text, which is stored as UTF-8 without a byte-order mark and with LF line",
    'ends; endPosition is exclusive.',
    '',
    `\`\`\`${PROJECT_FENCE}`,
    'positions: code-points',
    `language: ${JSON.stringify(codebook.language)}`,
    `codebook: ${JSON.stringify(about)}`,
    '```',
  ];
  return lines.join('\n');
}
