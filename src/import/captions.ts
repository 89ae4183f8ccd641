import type { ImportResult } from '../model/document.js';
import { message, type Message } from '../model/message.js';
import { normaliseText } from '../text/normalise.js';
import { CAPTION_FORMATS, parseCues, type CaptionFormat } from './caption-cues.js';
import { checkReaderOptions } from './reader-options.js';
import { checkChoice } from '../util/options.js';
import { voicePieces, withoutRollingRepeat } from './caption-text.js';
import { clockFromSeconds } from './clock.js';
import { fileStem } from '../util/file-name.js';
import { isSpeakerLabel, matchSpeakerLabel } from './text.js';
import { documentFromUtterances, type Utterance } from './utterances.js';

/** Options of the caption reader. */
export interface CaptionImportOptions {
  file: string;
  format: CaptionFormat;
  /** Document id (default: the file name without extension). */
  id?: string;
  language?: string;
}

interface SpokenCue {
  speaker: string | null;
  lines: string[];
  start: number;
}

/**
 * Read WebVTT, SRT or SBV captions (Zoom, Teams, Otter, YouTube) as a transcript. Speakers
 * come from `<v Name>` voice spans or `Name:` prefixes; a cue's lines are joined by a space
 * (caption line breaks are layout), consecutive cues of one speaker merge into one turn that
 * keeps the first cue's timestamp, and cues without a speaker stay one turn each. Styling tags are stripped and the rolling repeats of YouTube
 * auto-captions collapsed. Malformed files give fatal messages located at the bad line.
 * @example fromCaptions('WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ani>Halo.</v>', { file: 'a.vtt', format: 'vtt' }).corpus.documents[0].turns[0].speaker // 'Ani'
 */
export function fromCaptions(input: string, options: CaptionImportOptions): ImportResult {
  checkReaderOptions('fromCaptions', options);
  checkChoice('fromCaptions', 'format', options.format, CAPTION_FORMATS, { required: true });
  const { file, format } = options;
  const meta = { format };
  const parsed = parseCues(normaliseText(input), file, format);
  const messages: Message[] = [...parsed.messages];
  if (messages.some((m) => m.fatal)) return { corpus: { documents: [] }, messages, meta };
  if (parsed.cues.length === 0) {
    messages.push(message('the file has a header but no captions', { file, ruleId: 'no-captions', source: `import-${format}` }));
    return { corpus: { documents: [] }, messages, meta };
  }
  const spoken = withPrefixSpeakers(parsed.cues.flatMap((cue) => voicePieces(cue.lines).map((p) => ({ ...p, start: cue.start }))));
  const utterances: Utterance[] = [];
  let previous: SpokenCue | null = null;
  for (const cue of spoken) {
    const sameVoice = previous !== null && previous.speaker === cue.speaker;
    const lines = sameVoice ? withoutRollingRepeat(previous!.lines, cue.lines) : cue.lines;
    previous = cue;
    if (lines.length === 0) continue;
    const last = utterances[utterances.length - 1];
    if (sameVoice && cue.speaker !== null && last?.speaker === cue.speaker) {
      last.text += ` ${lines.join(' ')}`;
    } else {
      utterances.push({ speaker: cue.speaker, text: lines.join(' '), timestamp: clockFromSeconds(cue.start) });
    }
  }
  const doc = documentFromUtterances(utterances, {
    id: options.id ?? fileStem(file),
    file,
    format,
    ...(options.language ? { language: options.language } : {}),
  });
  if (doc.turns.length === 0) {
    messages.push(
      message('the captions hold no text once styling tags are removed', { file, ruleId: 'no-captions', source: `import-${format}` }),
    );
    return { corpus: { documents: [] }, messages, meta };
  }
  return { corpus: { documents: [doc] }, messages, meta };
}

/** `Name: text` prefixes (Zoom, Otter) name the speaker of cues that have no voice span. */
function withPrefixSpeakers(cues: SpokenCue[]): SpokenCue[] {
  const labels = cues.map((c) => (c.speaker === null ? matchSpeakerLabel(c.lines[0]) : null));
  const counts = new Map<string, number>();
  for (const l of labels) if (l) counts.set(l.name, (counts.get(l.name) ?? 0) + 1);
  const none = new Set<string>();
  return cues.map((cue, i) => {
    const label = labels[i];
    if (!label || !isSpeakerLabel(label, counts.get(label.name) ?? 0, none)) return cue;
    const rest = cue.lines[0].slice(label.length).trim();
    return { ...cue, speaker: label.name, lines: rest ? [rest, ...cue.lines.slice(1)] : cue.lines.slice(1) };
  });
}
