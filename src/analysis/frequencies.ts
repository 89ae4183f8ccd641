import { labelOf, nameFilter, passes, segmentFilterText, type Code, type Codebook } from '../model/codebook.js';
import type { AttributeValue, Document, Participant } from '../model/document.js';
import { speakerIdentities, speakerIdentity } from '../model/speaker.js';
import type { Segment } from '../model/segment.js';
import { depthOf, rollUp, segmentKey, type CodedCorpus } from './rollup.js';
import { checkChoice, checkString } from '../util/options.js';

/** What segments are grouped by: document, speaker, role, or the name of any attribute. */
export type Grouping = 'document' | 'speaker' | 'role' | (string & {});

/** The group of segments whose grouping value is unknown (no speaker, attribute not set). */
export const NO_GROUP = '(none)';

/** Counts of one code in one group of segments (or in all of them). */
export interface FrequencyRow {
  code: string;
  label: string;
  /** 1 for a top-level code. */
  depth: number;
  /** The group's value; null for the row that counts all segments. */
  group: string | null;
  /** Segments coded with the code (or, for a parent, with any of its descendants). */
  segments: number;
  /** Distinct documents among those segments. */
  documents: number;
  /** Distinct speakers among those segments (see `speakerIdentities`: a generic label counts once per document). */
  speakers: number;
  /**
   * The segments the share is of: by default the group's segments the code can apply to —
   * those its `speakers`/`roles` rules let through (not the interviewer's for `!interviewer`),
   * plus any it codes anyway; with `base: 'all'` every segment of the group.
   */
  base: number;
  /** The rules that limit the base (`roles: !interviewer`); empty when the base is every segment. */
  baseRule: string;
  /** `segments / base` in percent, unrounded; NaN when the base is empty. */
  share: number;
}

/** A frequency table: for each code of the codebook, a row for all segments then one per group. */
export interface Frequencies {
  by: Grouping;
  /** What shares are of: the segments each code can apply to (default), or all segments. */
  base: FrequencyBase;
  /** Group values in display order. */
  groups: string[];
  rows: FrequencyRow[];
}

/** What shares are of: `applicable` — the segments a code's speaker/role rules let it code; `all` — every segment. */
export type FrequencyBase = 'applicable' | 'all';

/** Options of `frequencies`. */
export interface FrequencyOptions {
  /** Base of the shares (default `applicable`). */
  base?: FrequencyBase;
  /** Grouping of segments (default `speaker`). */
  by?: Grouping;
  /** Language of code labels (default: the codebook's). */
  language?: string;
}

/**
 * Count, for every code of the codebook, the segments it codes, their documents and speakers,
 * and their share of all segments — overall and per group. Parents count a segment once when
 * any descendant codes it.
 * @example frequencies({ ...corpus, ...codeCorpus(corpus, codebook) }, codebook, { by: 'role' }).rows[0]
 */
export function frequencies(input: CodedCorpus, codebook: Codebook, options: FrequencyOptions = {}): Frequencies {
  checkChoice('frequencies', 'by', options.by, ['document', 'speaker', 'role', ...groupingAttributes(input.documents)]);
  checkString('frequencies', 'language', options.language);
  const by = options.by ?? 'speaker';
  const base = options.base ?? 'applicable';
  if (base !== 'applicable' && base !== 'all')
    throw new TypeError(`frequencies: option "base" must be "applicable" or "all" (got ${JSON.stringify(base)})`);
  const language = options.language ?? codebook.language;
  const rolled = rollUp(input.codings);
  const identity = speakerIdentities(input.documents);
  const groupOf = grouper(input.documents, by, identity);
  const groupIndex = new Map<string, number>();
  const segmentGroups: number[] = [];
  const groupBase: number[] = [];
  for (const s of input.segments) {
    const g = groupOf(s);
    let i = groupIndex.get(g);
    if (i === undefined) {
      i = groupIndex.size;
      groupIndex.set(g, i);
      groupBase.push(0);
    }
    groupBase[i]++;
    segmentGroups.push(i);
  }
  const groupNames = [...groupIndex.keys()];
  const order = displayOrder(groupNames, by);

  const applicable = base === 'applicable' ? applicableBases(codebook.codes, input.segments, segmentGroups, groupBase) : null;

  // `outside` counts coded segments the code's rules would not let it code (a human coder's choice).
  interface Tally {
    segments: number;
    outside: number;
    documents: Set<string>;
    speakers: Set<string>;
  }
  const newTally = (): Tally => ({ segments: 0, outside: 0, documents: new Set(), speakers: new Set() });
  const tallies = new Map<string, { total: Tally; groups: Tally[] }>();
  for (const code of codebook.codes) tallies.set(code.id, { total: newTally(), groups: groupNames.map(newTally) });
  input.segments.forEach((s, i) => {
    const codes = rolled.get(segmentKey(s.document, s.index));
    if (!codes) return;
    for (const code of codes) {
      const t = tallies.get(code);
      if (!t) continue;
      const outside = applicable !== null && !applicable.get(code)!.applies(s);
      for (const tally of [t.total, t.groups[segmentGroups[i]]]) {
        tally.segments++;
        if (outside) tally.outside++;
        tally.documents.add(s.document);
        if (s.speaker !== null) tally.speakers.add(identity(s.document, s.speaker).key);
      }
    }
  });

  const total = input.segments.length;
  const rows: FrequencyRow[] = [];
  for (const code of codebook.codes) {
    const t = tallies.get(code.id)!;
    const bases = applicable?.get(code.id);
    const fields = { code: code.id, label: labelOf(code, language), depth: depthOf(code.id), baseRule: bases?.rule ?? '' };
    const row = (group: string | null, tally: Tally, n: number): FrequencyRow => {
      const b = n + tally.outside;
      return {
        ...fields,
        group,
        segments: tally.segments,
        documents: tally.documents.size,
        speakers: tally.speakers.size,
        base: b,
        share: b === 0 ? NaN : (100 * tally.segments) / b,
      };
    };
    rows.push(row(null, t.total, bases?.total ?? total));
    for (const i of order) rows.push(row(groupNames[i], t.groups[i], bases === undefined ? groupBase[i] : bases.groups[i]));
  }
  return { by, base, groups: order.map((i) => groupNames[i]), rows };
}

/** A code's base: whether its rules let it code a segment, and how many segments they let through, in all and per group. */
interface CodeBase {
  rule: string;
  applies: (s: Segment) => boolean;
  total: number;
  groups: number[];
}

/** The base of every code; codes share a few distinct rules (usually the codebook's defaults), each counted once. */
function applicableBases(
  codes: readonly Code[],
  segments: readonly Segment[],
  segmentGroups: readonly number[],
  groupBase: readonly number[],
): Map<string, CodeBase> {
  const byRule = new Map<string, CodeBase>();
  const out = new Map<string, CodeBase>();
  for (const code of codes) {
    const rule = segmentFilterText(code.rules);
    let counted = byRule.get(rule);
    if (counted === undefined) {
      if (rule === '') counted = { rule, applies: () => true, total: segments.length, groups: [...groupBase] };
      else {
        const speakers = nameFilter(code.rules.speakers);
        const roles = nameFilter(code.rules.roles);
        const applies = (s: Segment) => passes(speakers, s.speaker) && passes(roles, s.role);
        counted = { rule, applies, total: 0, groups: groupBase.map(() => 0) };
        for (let i = 0; i < segments.length; i++) {
          if (!applies(segments[i])) continue;
          counted.total++;
          counted.groups[segmentGroups[i]]++;
        }
      }
      byRule.set(rule, counted);
    }
    out.set(code.id, counted);
  }
  return out;
}

/**
 * The attribute names a grouping can use in a corpus (document and participant attributes),
 * besides `document`, `speaker` and `role`.
 * @example groupingAttributes(corpus.documents) // ['date', 'gender', 'institution', …]
 */
export function groupingAttributes(documents: readonly Document[]): string[] {
  const names = new Set<string>();
  for (const d of documents) {
    for (const k of Object.keys(d.attributes)) names.add(k);
    for (const p of d.participants) for (const k of Object.keys(p.attributes)) names.add(k);
  }
  return [...names].sort();
}

/**
 * The group of a segment of `doc`: its document, speaker (as written; a generic label such as
 * `Participant` with its document), role, or an attribute of its speaker, else of its document;
 * `(none)` when unknown.
 * @example segmentGroup(doc, segment, 'gender') // 'female'
 */
export function segmentGroup(doc: Document | undefined, s: Segment, by: Grouping): string {
  if (by === 'document') return s.document;
  if (by === 'speaker') return s.speaker === null ? NO_GROUP : speakerIdentity(doc, s.document, s.speaker).name;
  const participant = (): Participant | undefined => {
    if (s.speaker === null) return undefined;
    const key = s.speaker.toLocaleLowerCase();
    return doc?.participants.find((p) => p.name.toLocaleLowerCase() === key);
  };
  if (by === 'role') return s.role ?? participant()?.role ?? text(participant()?.attributes.role) ?? NO_GROUP;
  return text(participant()?.attributes[by]) ?? text(doc?.attributes[by]) ?? NO_GROUP;
}

/**
 * The group of a segment in a corpus. One informant may speak in several documents: the first
 * spelling seen names the group; a generic label (`Participant`) is a group per document.
 */
function grouper(documents: readonly Document[], by: Grouping, identity: ReturnType<typeof speakerIdentities>): (s: Segment) => string {
  const docs = new Map(documents.map((d) => [d.id, d]));
  if (by !== 'speaker') return (s) => segmentGroup(docs.get(s.document), s, by);
  const spelling = new Map<string, string>();
  return (s) => {
    if (s.speaker === null) return NO_GROUP;
    const who = identity(s.document, s.speaker);
    if (!spelling.has(who.key)) spelling.set(who.key, who.name);
    return spelling.get(who.key)!;
  };
}

function text(v: AttributeValue | undefined): string | undefined {
  return v === null || v === undefined || v === '' ? undefined : String(v);
}

/**
 * The display order of groups (indices into `groups`): documents and speakers keep corpus order;
 * other groups sort naturally (numbers as numbers); `(none)` comes last.
 * @example displayOrder(['10', '(none)', '9'], 'age') // [2, 0, 1]
 */
export function displayOrder(groups: readonly string[], by: Grouping): number[] {
  const indices = groups.map((_, i) => i);
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  const natural = by !== 'document' && by !== 'speaker';
  return indices.sort((a, b) => {
    const noneA = groups[a] === NO_GROUP ? 1 : 0;
    const noneB = groups[b] === NO_GROUP ? 1 : 0;
    if (noneA !== noneB) return noneA - noneB;
    return natural ? collator.compare(groups[a], groups[b]) || a - b : a - b;
  });
}
