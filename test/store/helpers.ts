import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Codebook } from '../../src/model/codebook.js';
import { emptyRules } from '../../src/model/codebook.js';
import type { Document } from '../../src/model/document.js';

/** A fresh folder for project files. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'qda-store-'));
}

/** A document of one speaker turn over the whole text. */
export function doc(id: string, text: string): Document {
  return {
    id,
    file: `${id}.md`,
    format: 'md',
    text,
    attributes: { site: 'A' },
    participants: [{ name: 'Ana', role: 'informant', attributes: {} }],
    turns: [{ speaker: 'Ana', start: 0, end: text.length }],
  };
}

/** A two-code codebook. */
export function codebook(): Codebook {
  const code = (id: string) => ({ id, parent: null, labels: { en: id }, examples: [], rules: emptyRules() });
  return { language: 'en', codes: [code('fear'), code('support')] };
}
