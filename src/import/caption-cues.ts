import { message, type Message } from '../model/message.js';

/** The caption formats read from cues. */
export const CAPTION_FORMATS = ['vtt', 'srt', 'sbv'] as const;

/** A caption format read from cues. */
export type CaptionFormat = (typeof CAPTION_FORMATS)[number];

/** One caption cue as written: its raw text (tags and all) and where it is in the file. */
export interface Cue {
  /** Start and end in seconds. */
  start: number;
  end: number;
  /** The cue's text lines, unchanged. */
  lines: string[];
  /** 1-based line of the cue's timing line. */
  line: number;
}

/** Cues of a caption file and the problems found; any fatal message means the file is unusable. */
export interface CueList {
  cues: Cue[];
  messages: Message[];
}

interface Block {
  /** 1-based line number of the block's first line. */
  line: number;
  lines: string[];
}

const MAX_PROBLEMS = 20;

/**
 * Split a caption file (normalised text) into its cues. WebVTT needs its `WEBVTT` header and
 * skips header lines, `NOTE`, `STYLE` and `REGION` blocks and cue identifiers; SRT cues are
 * `number`, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, text; SBV cues are `H:MM:SS.mmm,H:MM:SS.mmm`,
 * text. Timestamps may be unpadded (`0:0:0.570`, Microsoft Teams). A block without a timing
 * line, a cue without text or an unreadable timestamp is a fatal message located at its line.
 * @example parseCues('WEBVTT\n\n00:01.000 --> 00:02.000\nHalo', 'a.vtt', 'vtt').cues[0].lines // ['Halo']
 */
export function parseCues(text: string, file: string, format: CaptionFormat): CueList {
  const lines = text.split('\n');
  const problems: Message[] = [];
  const fail = (reason: string, line: number, column: number, ruleId: string) =>
    problems.push(message(reason, { file, line, column, ruleId, source: `import-${format}`, fatal: true }));
  if (text.trim().length === 0) {
    fail('file is empty: there are no captions to read', 0, 0, 'empty-file');
    return { cues: [], messages: problems };
  }
  let blocks = splitBlocks(lines);
  if (format === 'vtt') {
    if (!/^WEBVTT(?:[ \t]|$)/.test(lines[0])) {
      fail('a WebVTT file must start with the line `WEBVTT`; is this an SRT file? (pass --input-format srt)', 1, 1, 'vtt-header');
      return { cues: [], messages: problems };
    }
    blocks = withoutVttHeader(blocks);
  }
  const timing = TIMING[format];
  const cues: Cue[] = [];
  const warnings: Message[] = [];
  for (const block of blocks) {
    if (format === 'vtt' && isVttMetadataBlock(block)) continue;
    let at = firstTimingLine(block, format, timing.isTiming);
    if (at < 0) {
      const number = format === 'srt' && /^\d+$/.test(block.lines[0].trim()) ? block.lines[0].trim() : null;
      if (number === null)
        fail(
          `expected a timing line (\`${timing.example}\`) here, not text; is a timing line missing or a blank line too many?`,
          block.line,
          1,
          'missing-timing',
        );
      else
        fail(
          `cue ${number} has no timing line (\`${timing.example}\`) after its number`,
          block.line + Math.min(1, block.lines.length - 1),
          1,
          'missing-timing',
        );
      continue;
    }
    while (at < block.lines.length) {
      const line = block.line + at;
      const parsed = timing.parse(block.lines[at]);
      if ('problem' in parsed) {
        fail(parsed.problem, line, parsed.column, 'bad-timestamp');
        break;
      }
      const textLines: string[] = [];
      let next = at + 1;
      while (next < block.lines.length && !timing.isTiming(block.lines[next])) textLines.push(block.lines[next++]);
      if (textLines.length === 0) {
        const second = next < block.lines.length ? '; the next line is a second timing line' : '';
        fail(`cue has no text${second}`, line, 1, 'missing-text');
        break;
      }
      if (parsed.end < parsed.start) {
        warnings.push(
          message('cue ends before it starts; its start time is kept', {
            file,
            line,
            column: 1,
            ruleId: 'timing-order',
            source: `import-${format}`,
          }),
        );
      }
      cues.push({ start: parsed.start, end: parsed.end, lines: textLines, line });
      at = next;
    }
  }
  return { cues, messages: [...capped(problems, file, format), ...warnings] };
}

/** Blocks of non-blank lines; lines holding only spaces count as blank. */
function splitBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  lines.forEach((line, i) => {
    if (line.trim().length === 0) {
      current = null;
      return;
    }
    if (!current) {
      current = { line: i + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}

/** The header block (`WEBVTT`, `Kind:`, `Style:` …) is dropped, unless a cue starts inside it. */
function withoutVttHeader(blocks: Block[]): Block[] {
  const [header, ...rest] = blocks;
  const cueAt = header.lines.findIndex((l) => l.includes('-->'));
  if (cueAt < 0) return rest;
  const start = Math.max(1, cueAt - 1);
  return [{ line: header.line + start, lines: header.lines.slice(start) }, ...rest];
}

function isVttMetadataBlock(block: Block): boolean {
  const first = block.lines[0];
  if (/^NOTE(?:[ \t]|$)/.test(first)) return true;
  return /^(?:STYLE|REGION)[ \t]*$/.test(first) && !block.lines.some((l) => l.includes('-->'));
}

/** Index of the block's timing line: first, or second after a cue identifier or SRT number. */
function firstTimingLine(block: Block, format: CaptionFormat, isTiming: (line: string) => boolean): number {
  if (isTiming(block.lines[0])) return 0;
  if (block.lines.length < 2 || !isTiming(block.lines[1])) return -1;
  if (format === 'srt' && !/^\d+$/.test(block.lines[0].trim())) return -1;
  return format === 'sbv' ? -1 : 1;
}

type ParsedTiming = { start: number; end: number } | { problem: string; column: number };

interface TimingSyntax {
  example: string;
  isTiming(line: string): boolean;
  parse(line: string): ParsedTiming;
}

// Hours optional (WebVTT) or required (SRT, SBV); minutes and seconds may be unpadded.
const VTT_TIME = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})\.(\d{1,3})$/;
const SRT_TIME = /^(\d+):(\d{1,2}):(\d{1,2}),(\d{1,3})$/;
const SBV_TIME = /^(\d+):(\d{1,2}):(\d{1,2})\.(\d{1,3})$/;

function arrowTiming(pattern: RegExp, example: string, later: string, hint: string): TimingSyntax {
  return {
    example: `${example} --> ${later}`,
    isTiming: (line) => line.includes('-->'),
    parse(line) {
      const m = /^([ \t]*)(\S*)([ \t]*)-->([ \t]*)(\S*)/.exec(line);
      if (!m) return { problem: `a timing line is \`${example} --> ${later}\``, column: 1 };
      const startColumn = m[1].length + 1;
      const endColumn = m[1].length + m[2].length + m[3].length + 3 + m[4].length + 1;
      const start = seconds(pattern, m[2]);
      if (start === null) return { problem: `\`${m[2]}\` is not a timestamp like \`${example}\`${hint}`, column: startColumn };
      const end = seconds(pattern, m[5]);
      if (end === null) return { problem: `\`${m[5]}\` is not a timestamp like \`${example}\`${hint}`, column: endColumn };
      return { start, end };
    },
  };
}

const SBV_TIMING = /^[ \t]*(\d+:\d+:\d+\.\d+),(\d+:\d+:\d+\.\d+)[ \t]*$/;

const TIMING: Record<CaptionFormat, TimingSyntax> = {
  vtt: arrowTiming(VTT_TIME, '00:01:02.500', '00:01:04.000', ''),
  srt: arrowTiming(SRT_TIME, '00:01:02,500', '00:01:04,000', ' (SRT puts a comma before the milliseconds)'),
  sbv: {
    example: '0:01:02.500,0:01:04.000',
    isTiming: (line) => SBV_TIMING.test(line),
    parse(line) {
      const m = SBV_TIMING.exec(line);
      const start = m ? seconds(SBV_TIME, m[1]) : null;
      const end = m ? seconds(SBV_TIME, m[2]) : null;
      if (start === null || end === null) return { problem: 'an SBV timing line is `0:01:02.500,0:01:04.000`', column: 1 };
      return { start, end };
    },
  },
};

function seconds(pattern: RegExp, raw: string): number | null {
  const m = pattern.exec(raw);
  if (!m) return null;
  const [h, min, s] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (min > 59 || s > 59) return null;
  return h * 3600 + min * 60 + s + Number(m[4].padEnd(3, '0')) / 1000;
}

/** A broken file can have a problem on every cue: show the first ones and a count. */
function capped(problems: Message[], file: string, format: CaptionFormat): Message[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    message(`${problems.length - MAX_PROBLEMS} more problems like these are not shown`, {
      file,
      ruleId: 'more-problems',
      source: `import-${format}`,
      fatal: true,
    }),
  ];
}
