/** What progress needs of a coding. */
export interface CodingForProgress {
  coder: string;
  document: string;
  segment: number;
  code: string;
  /** ISO time of the last change, when known. */
  updatedAt?: string;
}

/** How far one coder has got. */
export interface CoderProgress {
  coder: string;
  codings: number;
  /** Documents with at least one of their codings. */
  documents: number;
  /** Distinct segments they coded. */
  segments: number;
  /** Distinct codes they applied. */
  codes: number;
  /** Latest change among their codings, or null. */
  lastActivity: string | null;
}

/**
 * Codings, documents, segments and codes per coder, in the order of `coders` (coders without
 * codings get zeros, so a class list shows who has not started).
 * @example coderProgress(codings, ['ana', 'budi'])[1].documents
 */
export function coderProgress(codings: readonly CodingForProgress[], coders: readonly string[] = []): CoderProgress[] {
  const order = [...coders];
  for (const c of codings) if (!order.includes(c.coder)) order.push(c.coder);
  const by = new Map(
    order.map((coder) => [
      coder,
      { codings: 0, documents: new Set<string>(), segments: new Set<string>(), codes: new Set<string>(), last: null as string | null },
    ]),
  );
  for (const c of codings) {
    const p = by.get(c.coder)!;
    p.codings++;
    p.documents.add(c.document);
    p.segments.add(`${c.document}\u0000${c.segment}`);
    p.codes.add(c.code);
    if (c.updatedAt && (p.last === null || c.updatedAt > p.last)) p.last = c.updatedAt;
  }
  return order.map((coder) => {
    const p = by.get(coder)!;
    return { coder, codings: p.codings, documents: p.documents.size, segments: p.segments.size, codes: p.codes.size, lastActivity: p.last };
  });
}
