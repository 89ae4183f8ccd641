import { codingAgreement, type CodingAgreement, type Disagreement } from './agreement/coding-agreement.js';
import { segmentUnits, type CodingForAgreement } from './agreement/coding-units.js';

/** A disagreement with how evenly the coders split on it. */
export interface RankedDisagreement extends Disagreement {
  /** Share of the minority side, 0–0.5: 0.5 is an even split, the most disputed. */
  split: number;
}

/** One coder measured against the reference coder. */
export interface CoderVersusReference {
  coder: string;
  /** Two coders: per code Cohen's κ and Krippendorff's α, on the segments both coded. */
  agreement: CodingAgreement;
}

/** What class view shows about agreement. */
export interface ClassAgreement {
  coders: string[];
  reference: string | null;
  /** All coders together: per code Fleiss' κ (three or more coders) and Krippendorff's α. */
  all: CodingAgreement;
  /** Every other coder against the reference, in coder order (empty without a reference). */
  versusReference: CoderVersusReference[];
  /** The disagreements among all coders, most disputed first. */
  disputes: RankedDisagreement[];
}

/** Options of {@link classAgreement}. */
export interface ClassAgreementOptions {
  /** The lecturer's or a consensus coder, whom each coder is compared with. */
  reference?: string;
  /** Codes to list even when nobody used them (a codebook's), in this order. */
  codes?: readonly string[];
  /** Coders in display order; others follow in order of appearance. */
  coders?: readonly string[];
}

/**
 * Agreement for a class or team: every coder with the reference coder and all coders together,
 * per code (segment units: did this coder apply this code to this segment?), and the
 * disagreements ranked by how evenly the class split.
 * @example classAgreement(codings, { reference: 'lecturer' }).versusReference[0].agreement.codes
 */
export function classAgreement(codings: readonly CodingForAgreement[], options: ClassAgreementOptions = {}): ClassAgreement {
  if (options.reference !== undefined && (typeof options.reference !== 'string' || options.reference === '')) {
    throw new TypeError('classAgreement: reference must be a coder name (a non-empty string)');
  }
  const coders = [...(options.coders ?? [])];
  for (const c of codings) if (!coders.includes(c.coder)) coders.push(c.coder);
  const codes = [...(options.codes ?? [])];
  const all = codingAgreement(segmentUnits(codings, { coders, codes }));
  const reference = options.reference ?? null;
  const versusReference =
    reference === null
      ? []
      : coders
          .filter((c) => c !== reference)
          .map((coder) => ({
            coder,
            agreement: codingAgreement(
              segmentUnits(
                codings.filter((c) => c.coder === coder || c.coder === reference),
                { coders: [coder, reference], codes: all.codes.map((c) => c.code) },
              ),
            ),
          }));
  return { coders, reference, all, versusReference, disputes: rankDisagreements(all.disagreements) };
}

/** Most disputed first: the most even split, then the most coders involved, then document order. */
function rankDisagreements(list: readonly Disagreement[]): RankedDisagreement[] {
  return list
    .map((d, order) => {
      const voters = d.codedBy.length + d.notCodedBy.length;
      return { ...d, split: Math.min(d.codedBy.length, d.notCodedBy.length) / voters, voters, order };
    })
    .sort((a, b) => b.split - a.split || b.voters - a.voters || a.order - b.order)
    .map(({ voters: _voters, order: _order, ...d }) => d);
}
