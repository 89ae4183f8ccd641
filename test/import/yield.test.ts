import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readTranscript } from '../../src/io/read-corpus.js';
import { corpusPath, describeWithCorpora } from '../helpers/corpora.js';

// Public-domain oral histories: the plain-text renderings in txt/ must import to the same
// turns as the JSON records they were made from.
const dir = corpusPath('yield-public-domain-interviews');

interface YieldRecord {
  elicitors: string[];
  respondents: string[];
  turns: Array<{ speaker: string; timestamp: string; utterance: string }>;
}

describeWithCorpora('YIELD interviews: txt/ against json/', () => {
  const names = readdirSync(join(dir, 'txt'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.replace(/\.txt$/, ''));

  it('covers the four interviews', () => {
    expect(names).toHaveLength(4);
  });

  it.each(names)('%s has the speakers, turns, timestamps and utterances of its JSON original', async (name) => {
    const original = JSON.parse(readFileSync(join(dir, 'json', `${name}.json`), 'utf8')) as YieldRecord;
    const { corpus, messages } = await readTranscript(join(dir, 'txt', `${name}.txt`));
    expect(messages).toEqual([]);
    const doc = corpus.documents[0];
    expect(doc.turns).toHaveLength(original.turns.length);
    expect(doc.turns.map((t) => t.speaker)).toEqual(original.turns.map((t) => t.speaker));
    expect(new Set(doc.participants.map((p) => p.name))).toEqual(new Set([...original.elicitors, ...original.respondents]));
    expect(doc.turns.map((t) => t.timestamp ?? '')).toEqual(original.turns.map((t) => t.timestamp));
    expect(doc.turns.map((t) => doc.text.slice(t.start, t.end))).toEqual(original.turns.map((t) => t.utterance.trim()));
  });
});
