/** Whose codings to use: the automatic ones, the human ones, both, or one coder's. */
export interface CoderChoice<C extends { coder: string }> {
  /** Code the transcripts automatically too. */
  useAuto: boolean;
  /** The human codings chosen. */
  manualCodings: C[];
  /** Who the codings are by, for titles: `auto`, the coders' names, or both. */
  label: string;
}

/**
 * Whose codings a report shows: `auto` (the default without human codings), `manual` (every
 * human coder; the default with them), `all`, or one coder by name (any case). A choice that
 * cannot be met is `{ problem }`, a sentence for the user.
 * @example chooseCoder('ana', manual) // { useAuto: false, manualCodings: [ana's codings], label: 'ana' }
 */
export function chooseCoder<C extends { coder: string }>(
  coder: string | undefined,
  manual: readonly C[] | null,
): CoderChoice<C> | { problem: string } {
  const coders = [...new Set((manual ?? []).map((c) => c.coder))].sort();
  const choice = coder ?? (manual ? 'manual' : 'auto');
  if (choice === 'auto') return { useAuto: true, manualCodings: [], label: 'auto' };
  if (choice === 'all') return { useAuto: true, manualCodings: [...(manual ?? [])], label: ['auto', ...coders].join(', ') };
  if (choice === 'manual')
    return manual
      ? { useAuto: false, manualCodings: [...manual], label: coders.join(', ') || 'manual' }
      : { problem: '--coder manual needs the coding tables: give them with --codings' };
  const wanted = choice.toLocaleLowerCase();
  const mine = (manual ?? []).filter((c) => c.coder.toLocaleLowerCase() === wanted);
  if (mine.length === 0) {
    const known = coders.length > 0 ? `the coding tables have: ${coders.join(', ')}` : 'give the coding tables with --codings';
    return { problem: `--coder "${choice}" has no codings (${known}); or use auto or all` };
  }
  return { useAuto: false, manualCodings: mine, label: mine[0].coder };
}
