import { bootstrapAlpha, type AlphaInterval } from './bootstrap-alpha.js';
import { cohenKappa, contingencyTable } from './cohen-kappa.js';
import type { AgreementUnit, AgreementUnitKind, AgreementUnits, CoderSpan } from './coding-units.js';
import { categoryCounts, fleissKappa } from './fleiss-kappa.js';
import { krippendorffAlpha } from './krippendorff-alpha.js';
import { percentAgreement } from './percent-agreement.js';
import type { ReliabilityData } from './reliability-data.js';
import { checkInteger } from '../../util/options.js';
import { counted } from '../../util/plural.js';

/** Agreement over a set of yes/no units (one code, or all codes pooled). */
export interface AgreementStatistics {
  /** Units with values from two or more coders (the others are left out). */
  units: number;
  /** Per coder (in the order of `CodingAgreement.coders`): of those units, how many they applied the code to. */
  applied: number[];
  /** Share of agreeing coder pairs, mean over units; NaN when no unit is left. */
  percentAgreement: number;
  /** Cohen's κ when there are exactly two coders; otherwise NaN. */
  cohenKappa: number;
  /** Fleiss' κ when there are three or more coders (over units every coder rated); otherwise NaN. */
  fleissKappa: number;
  /** Krippendorff's α, nominal. */
  alpha: number;
  /** Bootstrap interval of α, when asked for. */
  alphaInterval?: AlphaInterval;
  /** Why a figure is NaN, and what was left out. */
  notes: string[];
}

/** Agreement on one code. */
export interface CodeAgreement extends AgreementStatistics {
  code: string;
}

/** A unit the coders answered differently: the list to talk through. */
export interface Disagreement {
  document: string;
  segment: number | null;
  code: string;
  span?: { start: number; end: number };
  /** Overlap units: each coder's span (and its text when known): what each coder actually marked. */
  spans?: CoderSpan[];
  codedBy: string[];
  notCodedBy: string[];
  text: string;
}

/** Everything `qda agree` reports. */
export interface CodingAgreement {
  kind: AgreementUnitKind;
  minOverlap?: number;
  coders: string[];
  documents: number;
  /** Segment units: segments coded by anyone; overlap units: coded spans. */
  segments: number;
  /** Units (of all codes) with one coder's value only, because the others have no coding in that document: left out. */
  singleCoderUnits: number;
  /** How units were cut and how uncoded text was counted, in one paragraph. */
  method: string;
  codes: CodeAgreement[];
  /** Every (unit, code) pair of every code taken as one yes/no unit. */
  pooled: AgreementStatistics;
  disagreements: Disagreement[];
}

/** Options of `codingAgreement`. */
export interface CodingAgreementOptions {
  /** Bootstrap resamples for the interval of α (0 or absent: none). */
  bootstrap?: number;
  seed?: number;
}

/**
 * Agreement per code and pooled over codes (percent agreement, Cohen's κ for two coders,
 * Fleiss' κ for three or more, Krippendorff's α nominal with an optional bootstrap interval),
 * and the list of disagreements. Overlap units have no "nobody coded it" cell, so κ and α
 * are NaN there and only percent agreement is given.
 * @example codingAgreement(segmentUnits(codings), { bootstrap: 1000, seed: 1 }).pooled.alpha
 */
export function codingAgreement(units: AgreementUnits, options: CodingAgreementOptions = {}): CodingAgreement {
  checkInteger('codingAgreement', 'bootstrap', options.bootstrap, { min: 0 });
  checkInteger('codingAgreement', 'seed', options.seed);
  const byCode = new Map<string, AgreementUnit[]>(units.codes.map((c) => [c, []]));
  for (const u of units.units) byCode.get(u.code)?.push(u);
  const codes = units.codes.map((code) => ({ code, ...agreementStatistics(byCode.get(code) ?? [], units.coders, units.kind, options) }));
  const pooled = agreementStatistics(units.units, units.coders, units.kind, options);
  if (units.kind === 'overlap')
    pooled.notes.unshift(
      'κ and α are not computed for overlap units: text nobody coded is not a unit, so there is no chance baseline for "left out"',
    );
  const result: CodingAgreement = {
    kind: units.kind,
    coders: units.coders,
    documents: units.documents.length,
    segments: units.segments,
    singleCoderUnits: units.units.filter((u) => u.values.filter((v) => v !== null).length === 1).length,
    method: describeUnits(units),
    codes,
    pooled,
    disagreements: disagreements(units),
  };
  if (units.minOverlap !== undefined) result.minOverlap = units.minOverlap;
  return result;
}

/**
 * Agreement statistics of yes/no units; `coders` names the positions of each unit's values.
 * Undefined figures are NaN with a note: one coder, no variation (nobody, or everybody,
 * applied the code), no unit with two coders' values.
 * @example agreementStatistics(units, ['ana', 'budi'], 'segment').cohenKappa
 */
export function agreementStatistics(
  units: readonly AgreementUnit[],
  coders: readonly string[],
  kind: AgreementUnitKind,
  options: CodingAgreementOptions = {},
): AgreementStatistics {
  const data: ReliabilityData = {
    coders: [...coders],
    units: units.map((_, i) => String(i + 1)),
    values: coders.map((_, c) => units.map((u) => u.values[c])),
  };
  const pairable = units.filter((u) => u.values.filter((v) => v !== null).length >= 2);
  const stats: AgreementStatistics = {
    units: pairable.length,
    applied: coders.map((_, c) => pairable.filter((u) => u.values[c] === 1).length),
    percentAgreement: NaN,
    cohenKappa: NaN,
    fleissKappa: NaN,
    alpha: NaN,
    notes: [],
  };
  if (coders.length < 2) {
    stats.notes.push(coders.length === 1 ? `only one coder (${coders[0]}): agreement needs two or more` : 'no coder: nothing to compare');
    return stats;
  }
  const percent = percentAgreement(data);
  stats.percentAgreement = percent.agreement;
  if (percent.note) {
    stats.notes.push(percent.note);
    return stats;
  }
  if (kind === 'overlap') return stats;
  const seen = new Set(pairable.flatMap((u) => u.values.filter((v) => v !== null)));
  const constant = seen.size === 1 ? [...seen][0] : null;
  if (constant === 0) stats.notes.push('nobody applied this code in the units compared: with no variation, κ and α are undefined');
  if (constant === 1) stats.notes.push('every coder applied the code to every unit compared: with no variation, κ and α are undefined');
  const note = (text: string | undefined) => {
    if (text && constant === null) stats.notes.push(text);
  };
  if (coders.length === 2) {
    const kappa = cohenKappa(contingencyTable(data.values[0], data.values[1]));
    stats.cohenKappa = kappa.kappa;
    note(kappa.note);
  } else {
    const counts = categoryCounts(data);
    const fleiss = fleissKappa(counts.counts);
    stats.fleissKappa = fleiss.kappa;
    const other = pairable.length - counts.counts.length;
    if (other > 0)
      note(
        `Fleiss' κ uses the ${counts.counts.length} units with ${counts.ratings} coders' values (${other} with another number left out)`,
      );
    note(fleiss.note);
  }
  const alpha = krippendorffAlpha(data);
  stats.alpha = alpha.alpha;
  note(alpha.note);
  if (options.bootstrap && options.bootstrap > 0 && !Number.isNaN(alpha.alpha)) {
    const interval = bootstrapAlpha(data, { samples: options.bootstrap, seed: options.seed ?? 1 });
    stats.alphaInterval = interval;
    note(interval.note);
  }
  return stats;
}

/**
 * How the units were cut and how uncoded text was counted, for the reader of the table.
 * @example describeUnits(segmentUnits(codings)) // "Unit: one segment × one code …"
 */
export function describeUnits(units: AgreementUnits): string {
  const docs = counted(units.documents.length, 'document');
  if (units.kind === 'segment') {
    return (
      `Unit: one segment × one code ("did this coder apply this code to this segment?"): the ${units.segments} segments that at least one coder coded, in ${docs}, × ${units.codes.length} codes. ` +
      'Segments nobody coded are not counted (a coding table does not list them, and agreeing on blank text would inflate the figures). ' +
      'A coder who coded the document but not this code in this segment counts as "not applied"; a coder with no coding in a document has no value there, and units left with one value are dropped. ' +
      'Pooled: every segment × code unit of every code together.'
    );
  }
  const percent = Math.round((units.minOverlap ?? 0) * 1000) / 10;
  return (
    `Unit: a coded span (${units.segments} spans in ${docs}). Two coders' spans of the same code agree when they overlap by at least ${percent}% of their combined extent (intersection over union); a span without such a partner is a disagreement. ` +
    'Text nobody coded is not counted, so there is no "both left it out" cell: percent agreement is the mean share of agreeing coder pairs per unit (for two coders: matched pairs ÷ (matched pairs + unmatched spans), a matched pair counting once), and κ and α are not computed (use segment units for them).'
  );
}

/** Units where the coders who have a value did not all answer alike. */
function disagreements(units: AgreementUnits): Disagreement[] {
  const out: Disagreement[] = [];
  for (const u of units.units) {
    const codedBy = units.coders.filter((_, c) => u.values[c] === 1);
    const notCodedBy = units.coders.filter((_, c) => u.values[c] === 0);
    if (codedBy.length === 0 || notCodedBy.length === 0) continue;
    const d: Disagreement = { document: u.document, segment: u.segment, code: u.code, codedBy, notCodedBy, text: u.text };
    if (u.span) d.span = u.span;
    if (u.spans) d.spans = u.spans;
    out.push(d);
  }
  return out;
}
