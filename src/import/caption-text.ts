/** A piece of a cue spoken by one voice: the speaker of a `<v Name>` span (or null) and its plain lines. */
export interface VoicePiece {
  speaker: string | null;
  lines: string[];
}

const VOICE = /<v(?:\.[^\s>]*)?[ \t]+([^>]*)>/g;

/**
 * The plain text of a cue, split where a `<v Name>` voice span starts: tags (`<c.color>`,
 * `<i>`, `<00:05:04.199>` word timings, `</v>`) are removed, character references decoded,
 * each line trimmed and blank lines dropped.
 * @example voicePieces(['<v Yuri Bakulin>There you go.</v>']) // [{ speaker: 'Yuri Bakulin', lines: ['There you go.'] }]
 */
export function voicePieces(lines: readonly string[]): VoicePiece[] {
  const raw = lines.join('\n');
  const pieces: VoicePiece[] = [];
  let speaker: string | null = null;
  let from = 0;
  const push = (to: number) => {
    const plain = plainLines(raw.slice(from, to));
    if (plain.length > 0) pieces.push({ speaker, lines: plain });
  };
  for (const m of raw.matchAll(VOICE)) {
    push(m.index!);
    speaker = decodeEntities(m[1]).replace(/\s+/g, ' ').trim() || null;
    from = m.index! + m[0].length;
  }
  push(raw.length);
  return pieces;
}

function plainLines(text: string): string[] {
  return decodeEntities(text.replace(/<[^>\n]*>/g, ''))
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

function decodeEntities(text: string): string {
  return text.replace(
    /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi,
    (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
      const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : -1;
      if (code >= 0) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      return NAMED[name!.toLowerCase()] ?? whole;
    },
  );
}

/**
 * Drop the lines a cue repeats from the end of the cue before it, as YouTube auto-captions
 * do when text rolls up (`yeah` then `yeah\nwhat`): returns the new lines only.
 * @example withoutRollingRepeat(['yeah'], ['yeah', 'what']) // ['what']
 */
export function withoutRollingRepeat(previous: readonly string[], current: readonly string[]): string[] {
  for (let k = Math.min(previous.length, current.length); k > 0; k--) {
    const tail = previous.slice(previous.length - k);
    if (tail.every((line, i) => line === current[i])) return current.slice(k);
  }
  return [...current];
}
