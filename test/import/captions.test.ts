import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromCaptions } from '../../src/import/captions.js';
import { parseCues } from '../../src/import/caption-cues.js';
import { withoutRollingRepeat, voicePieces } from '../../src/import/caption-text.js';
import { runCli } from '../helpers/cli.js';
import { corpusPath, describeWithCorpora } from '../helpers/corpora.js';

const dir = corpusPath('webvtt-py-subtitles');
type Format = 'vtt' | 'srt' | 'sbv';
const formatOf = (file: string) => file.split('.').pop() as Format;
const numbered = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `Caption text #${i + from}`);

function turnsOf(file: string) {
  const result = fromCaptions(readFileSync(join(dir, file), 'utf8'), { file, format: formatOf(file) });
  const doc = result.corpus.documents[0];
  return {
    result,
    turns: doc ? doc.turns.map((t) => ({ speaker: t.speaker, timestamp: t.timestamp, text: doc.text.slice(t.start, t.end) })) : [],
  };
}

// Every valid file of the corpus with the cue texts (and speakers, when any) it must give.
const VALID: Record<string, { texts: string[]; speakers?: Array<string | null>; first?: string; warning?: string }> = {
  'captions_with_bom.vtt': { texts: numbered(4), first: '00:00:00.500' },
  'comments.vtt': {
    texts: ['- Ta en kopp varmt te. - Det är inte varmt.', '- Har en kopp te. - Det smakar som te.', '- Ta en kopp'],
    first: '00:02:15.000',
  },
  'cue_tags.vtt': { texts: ['When the moon hits your eye', 'Like a big-a pizza pie', "That's amore"], first: '00:00:16.500' },
  'metadata_headers.vtt': { texts: numbered(2) },
  'metadata_headers_multiline.vtt': { texts: numbered(2) },
  'no_captions.vtt': { texts: [], warning: 'no-captions' },
  'one_caption.srt': { texts: numbered(1), first: '00:00:00.500' },
  'one_caption.vtt': { texts: numbered(1) },
  'sample.sbv': {
    texts: [
      'Caption text #1',
      'Caption text #2',
      'Caption text #3 (line 1) Caption text #3 (line 2)',
      'Caption text #4',
      'Caption text #5',
    ],
    first: '00:00:00.378',
    warning: 'timing-order',
  },
  'sample.srt': { texts: numbered(5) },
  'sample.vtt': { texts: numbered(16) },
  'styles.vtt': { texts: ['- Hello world.'], first: '00:00:00.000' },
  'teams_timeframe.vtt': {
    texts: ['There you go.', 'Why hello there, Yuri.'],
    speakers: ['Yuri Bakulin', 'Adrian Petrescu'],
    first: '00:00:00.000',
  },
  'using_identifiers.vtt': { texts: numbered(6) },
  'youtube_dl.vtt': { texts: ['yeah', 'what', "this will happen is I'm telling"], first: '00:04:46.070' },
};

// Every malformed file, with where the fatal message must point and its rule.
const INVALID: Record<string, { at: string; rule: string }> = {
  'empty.vtt': { at: '', rule: 'empty-file' },
  'invalid.vtt': { at: ':1:1', rule: 'vtt-header' },
  'invalid_format1.srt': { at: ':1:1', rule: 'missing-timing' },
  'invalid_format2.srt': { at: ':1:1', rule: 'missing-timing' },
  'invalid_format3.srt': { at: ':2:1', rule: 'missing-timing' },
  'invalid_format4.srt': { at: ':1:1', rule: 'missing-timing' },
  'invalid_timeframe.srt': { at: ':6:18', rule: 'bad-timestamp' },
  'invalid_timeframe.vtt': { at: ':6:18', rule: 'bad-timestamp' },
  'invalid_timeframe_in_cue_text.vtt': { at: ':6:1', rule: 'missing-text' },
  'missing_caption_text.srt': { at: ':6:1', rule: 'missing-text' },
  'missing_caption_text.vtt': { at: ':6:1', rule: 'missing-text' },
  'missing_timeframe.srt': { at: ':6:1', rule: 'missing-timing' },
  'missing_timeframe.vtt': { at: ':6:1', rule: 'missing-timing' },
};

describeWithCorpora('webvtt-py corpus', () => {
  const files = readdirSync(dir).filter((f) => /\.(vtt|srt|sbv)$/.test(f));

  it('has an expectation for every caption file, and the negative ones by name', () => {
    expect(files.filter((f) => !(f in VALID) && !(f in INVALID))).toEqual([]);
    expect(Object.keys(INVALID).sort()).toEqual(files.filter((f) => /^(invalid|missing|empty)/.test(f)).sort());
  });

  it.each(Object.entries(VALID))('%s gives the right cues and speakers', (file, want) => {
    const { result, turns } = turnsOf(file);
    expect(result.messages.filter((m) => m.fatal)).toEqual([]);
    expect(turns.map((t) => t.text)).toEqual(want.texts);
    expect(turns.map((t) => t.speaker)).toEqual(want.speakers ?? want.texts.map(() => null));
    if (want.first) expect(turns[0].timestamp).toBe(want.first);
    expect(result.messages.map((m) => m.ruleId)).toEqual(want.warning ? [want.warning] : []);
  });

  it.each(Object.entries(INVALID))('%s fails with a located message and exit 1', async (file, want) => {
    const path = join(dir, file);
    const run = await runCli('import', path);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${want.at}: error: .+ \\[${want.rule}\\]\\n`));
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(Object.keys(VALID).filter((f) => f !== 'no_captions.vtt'))('%s imports through the CLI with exit 0', async (file) => {
    const run = await runCli('import', join(dir, file));
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout).documents[0];
    expect(doc.format).toBe(formatOf(file));
    expect(doc.turns.map((t: { text: string }) => t.text)).toEqual(VALID[file].texts);
  });
});

describe('fromCaptions: speakers and turns', () => {
  const vtt = (body: string) => fromCaptions(`WEBVTT\n\n${body}`, { file: 'x.vtt', format: 'vtt' });
  const turns = (r: ReturnType<typeof vtt>) => {
    const doc = r.corpus.documents[0];
    return doc.turns.map((t) => [t.speaker, t.timestamp, doc.text.slice(t.start, t.end)]);
  };

  it.each([
    [
      'merges consecutive cues of one voice, keeping the first timestamp',
      '00:01.000 --> 00:02.000\n<v Ani>Halo,</v>\n\n00:02.000 --> 00:03.000\n<v Ani>apa kabar?</v>\n\n00:03.500 --> 00:04.000\n<v Budi>Baik.</v>',
      [
        ['Ani', '00:00:01.000', 'Halo, apa kabar?'],
        ['Budi', '00:00:03.500', 'Baik.'],
      ],
    ],
    [
      'reads Zoom-style Name: prefixes',
      '1\n00:00:01.000 --> 00:00:02.000\nSari Dewi: Selamat pagi.\n\n2\n00:00:02.000 --> 00:00:03.000\nBudi: Pagi juga.\n\n3\n00:00:03.000 --> 00:00:04.000\nBudi: Mari mulai.',
      [
        ['Sari Dewi', '00:00:01.000', 'Selamat pagi.'],
        ['Budi', '00:00:02.000', 'Pagi juga. Mari mulai.'],
      ],
    ],
    [
      'splits a cue with two voices',
      '00:01.000 --> 00:02.000\n<v.loud Ani>Ya?</v>\n<v Budi>Tidak.</v>',
      [
        ['Ani', '00:00:01.000', 'Ya?'],
        ['Budi', '00:00:01.000', 'Tidak.'],
      ],
    ],
    [
      'strips styling and decodes character references',
      '00:01.000 --> 00:02.000\n<i>Rumah</i> &amp; <b>sekolah</b> &lt;3 &#233;',
      [[null, '00:00:01.000', 'Rumah & sekolah <3 é']],
    ],
    [
      'does not take a sentence with a colon for a speaker',
      '00:01.000 --> 00:02.000\nContoh: keluarga besar.',
      [[null, '00:00:01.000', 'Contoh: keluarga besar.']],
    ],
    [
      'keeps cues without a speaker as separate turns',
      '00:01.000 --> 00:02.000\nsatu\n\n00:02.000 --> 00:03.000\ndua',
      [
        [null, '00:00:01.000', 'satu'],
        [null, '00:00:02.000', 'dua'],
      ],
    ],
  ])('%s', (_name, body, expected) => {
    expect(turns(vtt(body))).toEqual(expected);
  });

  it('reads SRT and SBV timing with hours of any width', () => {
    const srt = fromCaptions('1\n100:00:01,5 --> 100:00:02,000\nHalo', { file: 'a.srt', format: 'srt' });
    expect(srt.corpus.documents[0].turns[0].timestamp).toBe('100:00:01.500');
    const sbv = fromCaptions('0:00:01.000,0:00:02.000\nSatu\n0:00:02.000,0:00:03.000\nDua\n', { file: 'a.sbv', format: 'sbv' });
    expect(sbv.corpus.documents[0].turns.map((t) => t.timestamp)).toEqual(['00:00:01.000', '00:00:02.000']);
  });

  it('lays the text out so that every span is exactly the utterance', () => {
    const doc = vtt('00:01.000 --> 00:02.000\n<v Ani>Halo.</v>\n\n00:05.000 --> 00:06.000\nTanpa nama.').corpus.documents[0];
    expect(doc.text).toBe('[00:00:01.000] Ani: Halo.\n\n[00:00:05.000] Tanpa nama.');
    expect(doc.participants).toEqual([{ name: 'Ani', attributes: {} }]);
  });

  it('rejects minutes or seconds above 59 and caps a flood of problems', () => {
    const bad = parseCues('WEBVTT\n\n00:61.000 --> 00:62.000\nx', 'a.vtt', 'vtt');
    expect(bad.messages[0]).toMatchObject({ line: 3, column: 1, ruleId: 'bad-timestamp', fatal: true });
    const flood = parseCues(
      Array.from({ length: 50 }, (_, i) => `${i + 1}\n00:00:01.000 --> 00:00:02.000\nx`).join('\n\n'),
      'a.srt',
      'srt',
    );
    expect(flood.messages).toHaveLength(21);
    expect(flood.messages[20].ruleId).toBe('more-problems');
  });
});

describe('caption text helpers', () => {
  it.each([
    [['yeah'], ['yeah', 'what'], ['what']],
    [['a', 'b'], ['b', 'c'], ['c']],
    [['a', 'b'], ['a', 'b'], []],
    [['a'], ['b'], ['b']],
  ])('withoutRollingRepeat(%j, %j) = %j', (previous, current, expected) => {
    expect(withoutRollingRepeat(previous, current)).toEqual(expected);
  });

  it('removes YouTube word timings and class spans', () => {
    expect(voicePieces(['this<00:05:04.199><c> will</c><c.colorE5E5E5> happen</c>', ' </c>'])).toEqual([
      { speaker: null, lines: ['this will happen'] },
    ]);
  });
});
