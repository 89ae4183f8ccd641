import { readFileSync } from 'node:fs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fromQdpx, type QdpxImport } from '../../src/refi/read-project.js';
import { POSITION_CONVENTIONS, positionMapper, snapSpan, type PositionConvention } from '../../src/refi/positions.js';
import { readQdpx } from '../../src/io/read-qdpx.js';
import { formatMessage } from '../../src/model/message.js';
import { corpusPath, describeWithCorpora } from '../helpers/corpora.js';

const QC = corpusPath('qc-qualitative-coding');
const HU = corpusPath('pyqdpx-nvivo-hungarian', 'oltas0517.qdpx');

function labelCounts(project: QdpxImport): Map<string, number> {
  const label = new Map(project.codebook!.codes.map((c) => [c.id, Object.values(c.labels)[0]]));
  const counts = new Map<string, number>();
  for (const c of project.codings) counts.set(label.get(c.code)!, (counts.get(label.get(c.code)!) ?? 0) + 1);
  return counts;
}

describeWithCorpora('qc demo.qdpx', async () => {
  const project = await readQdpx(`${QC}/demo.qdpx`);
  const qde = new TextDecoder().decode(unzipSync(readFileSync(`${QC}/demo.qdpx`))['project.qde']);

  it('imports without a message, its two sources, all 262 codes and all 205 codings', () => {
    expect(project.messages).toEqual([]);
    expect(project.corpus.documents.map((d) => d.id)).toEqual(['board_2017', 'admin-1']);
    expect(project.codebook!.codes).toHaveLength(262);
    expect(new Set(project.codebook!.codes.map((c) => c.id)).size).toBe(262);
    expect(project.codings).toHaveLength(205);
    expect(project.codings.every((c) => c.document === 'board_2017' && c.coder === 'cp' && c.source === 'manual')).toBe(true);
  });

  it('reads the source text unchanged', () => {
    const board = project.corpus.documents[0];
    expect(board.text).toBe(readFileSync(`${QC}/transcripts/board_2017.txt`, 'utf8'));
  });

  it('gives each coding exactly the line its selection names (line:N counts from 0)', () => {
    const selections = [
      ...qde.matchAll(/<PlainTextSelection [^>]*name="line:(\d+)" startPosition="(\d+)" endPosition="(\d+)">(.*?)<\/PlainTextSelection>/g),
    ];
    expect(selections).toHaveLength(158);
    const lines = project.corpus.documents[0].text.split('\n');
    const byStart = new Map(selections.map((m) => [Number(m[2]), { line: Number(m[1]), codings: (m[4].match(/<Coding /g) ?? []).length }]));
    const perStart = new Map<number, number>();
    for (const c of project.codings) {
      const named = byStart.get(c.start);
      expect(named).toBeDefined();
      expect(project.corpus.documents[0].text.slice(c.start, c.end)).toBe(`${lines[named!.line]}\n`);
      perStart.set(c.start, (perStart.get(c.start) ?? 0) + 1);
    }
    for (const [start, s] of byStart) expect(perStart.get(start)).toBe(s.codings);
  });

  it('keeps the hierarchy: every coded code sits in the tree', () => {
    const ids = new Set(project.codebook!.codes.map((c) => c.id));
    expect(ids.has('rq1_definition/competencies/programming')).toBe(true);
    expect(ids.has('rq1_definition/framings/cs_as_programming/programming')).toBe(true);
    for (const c of project.codebook!.codes) if (c.parent !== null) expect(ids.has(c.parent)).toBe(true);
  });

  it('counts codes as the source says (equity 12, computational_thinking 10, …)', () => {
    const counts = labelCounts(project);
    expect([...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5)).toEqual([
      ['equity', 12],
      ['computational_thinking', 10],
      ['graduation_requirement', 10],
      ['interdisciplinary_cs', 9],
      ['curriculum_tradeoffs', 7],
    ]);
  });

  it('finds no position convention decisive in an ASCII text with LF', () => {
    expect(project.meta.positions).toMatchObject({ convention: 'code-points', decisive: false, selections: 158 });
  });
});

describeWithCorpora('qc nvivo_project.qdpx (NVivo for Mac, text lost)', async () => {
  const project = await readQdpx(`${QC}/nvivo_project.qdpx`);
  const demo = await readQdpx(`${QC}/demo.qdpx`);

  it('reports both empty sources as warnings and does not crash', () => {
    expect(project.messages.map((m) => [m.ruleId, m.fatal])).toEqual([
      ['empty-source', false],
      ['empty-source', false],
    ]);
    expect(formatMessage(project.messages[0])).toMatch(
      /nvivo_project\.qdpx!project\.qde:1:\d+: warning: source "66653866-6334-3535-3435-366637306566" has no text \(plain text sources\/d097e6fd-7671-4d95-a8b6-7795fa4a72e1\.txt is empty; rich text sources\/d097e6fd-7671-4d95-a8b6-7795fa4a72e1\.docx has no text\)/,
    );
    expect(project.corpus.documents).toEqual([]);
    expect(project.codings).toEqual([]);
  });

  it('still reads its codebook, with the same ids as the qc project it came from, and both users', () => {
    expect(project.codebook!.codes.map((c) => c.id)).toEqual(demo.codebook!.codes.map((c) => c.id));
    expect(project.users.map((u) => [u.name, u.id])).toEqual([
      ['chrisp', 'CP'],
      ['cp', 'C'],
    ]);
  });
});

describeWithCorpora('NVivo 12.6 Hungarian export (oltas0517.qdpx)', async () => {
  const project = await readQdpx(HU);

  it('imports 303 codings by one coder on 76 codes, with code frequencies as published', () => {
    expect(project.messages.filter((m) => m.ruleId !== 'position-convention')).toEqual([]);
    expect(project.codebook!.codes).toHaveLength(152);
    expect(project.codings).toHaveLength(303);
    expect(new Set(project.codings.map((c) => c.coder))).toEqual(new Set(['Gergo']));
    expect(new Set(project.codings.map((c) => c.code)).size).toBe(76);
    const counts = labelCounts(project);
    expect(counts.get('Resisting coercion')).toBe(28);
    expect(counts.get('+Government')).toBe(26);
  });

  it('detects UTF-16 units with CRLF as two, says so, and the whole comments line up with their lines', () => {
    expect(project.meta.positions).toMatchObject({ convention: 'utf16-crlf', decisive: true, selections: 303 });
    expect(project.messages.filter((m) => m.ruleId === 'position-convention')).toHaveLength(1);
    const doc = project.corpus.documents.find((d) => d.id === 'videos_10_selected')!;
    let atLineStart = 0;
    let exact = 0;
    for (const c of project.codings) {
      expect(c.document).toBe('videos_10_selected');
      expect(c.end).toBeLessThanOrEqual(doc.text.length);
      if (c.start !== 0 && doc.text[c.start - 1] !== '\n') continue;
      atLineStart++;
      const lineEnd = doc.text.indexOf('\n', c.start);
      // A whole comment ends at its line end (before or after the line break); a few stop one character short.
      expect(Math.abs(c.end - lineEnd)).toBeLessThanOrEqual(1);
      if (c.end === lineEnd || c.end === lineEnd + 1) exact++;
    }
    expect(atLineStart).toBeGreaterThanOrEqual(281);
    expect(exact).toBeGreaterThanOrEqual(278);
  });

  it('is detected, not assumed: the same project re-encoded as code points of LF text gives the same codings', async () => {
    const entries = new Map(Object.entries(unzipSync(readFileSync(HU))));
    const source = [...entries.keys()].find((n) => n.endsWith('68bbdc14-c361-4432-b4dd-ae1dbfc12890.txt'))!;
    const stored = new TextDecoder().decode(entries.get(source)!).replace(/^\uFEFF/, '');
    const lf = stored.replace(/\r\n/g, '\n');
    // Independent conversion: UTF-16 unit with CRLF as two → code point of the LF text.
    const codePointAt = new Int32Array(stored.length + 1);
    for (let u = 0, cp = 0; u <= stored.length; u++) {
      codePointAt[u] = cp;
      const c = stored.charCodeAt(u);
      const lowNext = c >= 0xd800 && c <= 0xdbff;
      if (!(c === 13 && stored.charCodeAt(u + 1) === 10) && !lowNext) cp++;
    }
    const qdeName = [...entries.keys()].find((n) => n.endsWith('.qde'))!;
    const qde = new TextDecoder()
      .decode(entries.get(qdeName)!)
      .replace(
        /startPosition="(\d+)" endPosition="(\d+)"/g,
        (_m, s, e) => `startPosition="${codePointAt[Number(s)]}" endPosition="${codePointAt[Number(e)]}"`,
      );
    entries.set(qdeName, strToU8(qde));
    entries.set(source, strToU8(lf));
    const recoded = await fromQdpx(entries, { file: 'recoded.qdpx' });
    expect(recoded.meta.positions).toMatchObject({ convention: 'code-points', decisive: true });
    const text = (p: QdpxImport) =>
      p.codings.map((c) => `${c.code}:${p.corpus.documents.find((d) => d.id === c.document)!.text.slice(c.start, c.end)}`);
    expect(text(recoded)).toEqual(text(project));
  });

  it('overrules a stated convention that the selections clearly contradict, and says so', async () => {
    const entries = new Map(Object.entries(unzipSync(readFileSync(HU))));
    const qdeName = [...entries.keys()].find((n) => n.endsWith('.qde'))!;
    const qde = new TextDecoder()
      .decode(entries.get(qdeName)!)
      .replace(/<Description \/>\s*<\/Project>/, '<Description>```qda-project\npositions: code-points\n```</Description></Project>');
    entries.set(qdeName, strToU8(qde));
    const stated = await fromQdpx(entries, { file: 'stated.qdpx' });
    expect(stated.meta.positions).toMatchObject({ convention: 'utf16-crlf', stated: 'code-points' });
    expect(stated.messages.map((m) => m.ruleId)).toEqual(['position-convention', 'position-convention']);
    expect(stated.messages[1].reason).toMatch(
      /^the project says its positions are Unicode code points .*, but they fit the text better as UTF-16 units/,
    );
  });
});

const CODEBOOK =
  '<CodeBook><Codes><Code guid="c1" name="Alpha" isCodable="true"><Code guid="c2" name="Beta/Gamma" isCodable="true"/></Code></Codes></CodeBook>';
const USERS = '<Users><User guid="u1" name="ana"/><User guid="u2" name="budi"/></Users>';
const TEXT = 'Ani: Halo semua.\nBudi: Apa kabar?\n';

function qde(body: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<Project xmlns="urn:QDA-XML:project:1.0" name="t">\n${body}\n</Project>`;
}

function selection(start: number, end: number, codings: string, extra = ''): string {
  return `<PlainTextSelection guid="s${start}-${end}" startPosition="${start}" endPosition="${end}"${extra}>${codings}</PlainTextSelection>`;
}

function coding(code: string, user?: string): string {
  return `<Coding guid="k-${code}-${user ?? ''}"${user ? ` creatingUser="${user}"` : ''}><CodeRef targetGUID="${code}"/></Coding>`;
}

function minimalDocx(paragraphs: string[]): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map((p) => `<w:p><w:r><w:t>${p}</w:t></w:r></w:p>`).join('')}</w:body></w:document>`,
    ),
  });
}

async function load(files: Record<string, string | Uint8Array>): Promise<QdpxImport> {
  const entries = new Map(Object.entries(files).map(([k, v]) => [k, typeof v === 'string' ? strToU8(v) : v]));
  return fromQdpx(entries, { file: 't.qdpx' });
}

interface Case {
  files: Record<string, string | Uint8Array>;
  documents: string[];
  /** code id, coded text, coder */
  codings: Array<[string, string, string]>;
  rules: string[];
}

const sel = (start: number, end: number) => selection(start, end, coding('c2', 'u2'));

const CASES: Record<string, Case> = {
  'internal:// path under Sources/ (NVivo)': {
    files: {
      'project.qde': qde(
        `${USERS}${CODEBOOK}<Sources><TextSource guid="g1" name="interview one" plainTextPath="internal://g1.txt">${sel(5, 16)}</TextSource></Sources>`,
      ),
      'Sources/g1.txt': `\uFEFF${TEXT}`,
    },
    documents: ['interview one'],
    codings: [['alpha/beta-gamma', 'Halo semua.', 'budi']],
    rules: [],
  },
  'bare path under sources/, no name (qc)': {
    files: {
      'project.qde': qde(
        `${USERS}${CODEBOOK}<Sources><TextSource guid="g1" plainTextPath="board.txt">${sel(23, 33)}</TextSource></Sources>`,
      ),
      'sources/board.txt': TEXT,
    },
    documents: ['board'],
    codings: [['alpha/beta-gamma', 'Apa kabar?', 'budi']],
    rules: [],
  },
  'a .qde named after the project': {
    files: {
      'My study.qde': qde(
        `${USERS}${CODEBOOK}<Sources><TextSource guid="g1" name="a.txt" plainTextPath="internal://a.txt">${sel(0, 3)}</TextSource></Sources>`,
      ),
      'sources/a.txt': TEXT,
    },
    documents: ['a'],
    codings: [['alpha/beta-gamma', 'Ani', 'budi']],
    rules: [],
  },
  'inline PlainTextContent with entities': {
    files: {
      'project.qde': qde(
        `${USERS}${CODEBOOK}<Sources><TextSource guid="g1" name="inline"><PlainTextContent>Ani: Tom &amp; Jerry.</PlainTextContent>${sel(5, 8)}</TextSource></Sources>`,
      ),
    },
    documents: ['inline'],
    codings: [['alpha/beta-gamma', 'Tom', 'budi']],
    rules: [],
  },
  'a .docx source when there is no plain text': {
    files: {
      'project.qde': qde(
        `${USERS}${CODEBOOK}<Sources><TextSource guid="g1" name="rich" richTextPath="internal://g1.docx">${sel(5, 10)}</TextSource></Sources>`,
      ),
      'sources/g1.docx': minimalDocx(['Ani: Halo semua.', 'Budi: Apa kabar?']),
    },
    documents: ['rich'],
    codings: [['alpha/beta-gamma', 'Halo ', 'budi']],
    rules: ['source-text'],
  },
  'an empty source is a warning, not a crash': {
    files: {
      'project.qde': qde(
        `${USERS}${CODEBOOK}<Sources><TextSource guid="g1" name="empty" plainTextPath="internal://g1.txt">${sel(0, 1)}</TextSource><TextSource guid="g2" name="full" plainTextPath="internal://g2.txt"/></Sources>`,
      ),
      'sources/g1.txt': '\n',
      'sources/g2.txt': TEXT,
    },
    documents: ['full'],
    codings: [],
    rules: ['empty-source'],
  },
  'relative:// outside the archive': {
    files: {
      'project.qde': qde(`${CODEBOOK}<Sources><TextSource guid="g1" name="far" plainTextPath="relative://data/far.txt"/></Sources>`),
    },
    documents: [],
    codings: [],
    rules: ['empty-source'],
  },
  'a coding of an unknown code and a selection outside the text': {
    files: {
      'project.qde': qde(
        `${USERS}${CODEBOOK}<Sources><TextSource guid="g1" name="a" plainTextPath="internal://a.txt">${selection(0, 3, coding('nope', 'u1') + coding('c1', 'u1'))}${sel(30, 99)}</TextSource></Sources>`,
      ),
      'sources/a.txt': TEXT,
    },
    documents: ['a'],
    codings: [['alpha', 'Ani', 'ana']],
    rules: ['unknown-code', 'selection-out-of-range'],
  },
  'the coder comes from the selection, else the only user': {
    files: {
      'project.qde': qde(
        `<Users><User guid="u9" id="Z"/></Users>${CODEBOOK}<Sources><TextSource guid="g1" name="a" plainTextPath="internal://a.txt">${selection(0, 3, coding('c1'), ' creatingUser="u9"')}${selection(5, 9, coding('c2'))}</TextSource></Sources>`,
      ),
      'sources/a.txt': TEXT,
    },
    documents: ['a'],
    codings: [
      ['alpha', 'Ani', 'Z'],
      ['alpha/beta-gamma', 'Halo', 'Z'],
    ],
    rules: [],
  },
  'a coding of the whole source': {
    files: {
      'project.qde': qde(
        `${USERS}${CODEBOOK}<Sources><TextSource guid="g1" name="a" plainTextPath="internal://a.txt">${coding('c1', 'u1')}</TextSource></Sources>`,
      ),
      'sources/a.txt': TEXT,
    },
    documents: ['a'],
    codings: [['alpha', TEXT, 'ana']],
    rules: [],
  },
  'PDF and audio sources are reported': {
    files: {
      'project.qde': qde(
        `${CODEBOOK}<Sources><PDFSource guid="p1" path="internal://p1.pdf"/><AudioSource guid="a1"/><TextSource guid="g1" name="a" plainTextPath="internal://a.txt"/></Sources>`,
      ),
      'sources/a.txt': TEXT,
    },
    documents: ['a'],
    codings: [],
    rules: ['source-kind', 'source-kind'],
  },
};

describe('fromQdpx on what real exports do', () => {
  it.each(Object.entries(CASES))('%s', async (_name, c) => {
    const project = await load(c.files);
    expect(project.messages.map((m) => m.ruleId)).toEqual(c.rules);
    expect(project.messages.every((m) => !m.fatal)).toBe(true);
    expect(project.corpus.documents.map((d) => d.id)).toEqual(c.documents);
    const text = (id: string) => project.corpus.documents.find((d) => d.id === id)!.text;
    expect(project.codings.map((k) => [k.code, text(k.document).slice(k.start, k.end), k.coder])).toEqual(c.codings);
  });

  it('turns variables and cases into document attributes', async () => {
    const project = await load({
      'project.qde': qde(`${CODEBOOK}
        <Variables><Variable guid="v1" name="age" typeOfVariable="Integer"/><Variable guid="v2" name="site" typeOfVariable="Text"/><Variable guid="v3" name="consent" typeOfVariable="Boolean"/></Variables>
        <Cases><Case guid="k1" name="P1"><VariableValue><VariableRef targetGUID="v2"/><TextValue>Jakarta</TextValue></VariableValue><SourceRef targetGUID="g1"/></Case></Cases>
        <Sources><TextSource guid="g1" name="a" plainTextPath="internal://a.txt"><VariableValue><VariableRef targetGUID="v1"/><IntegerValue>34</IntegerValue></VariableValue><VariableValue><VariableRef targetGUID="v3"/><BooleanValue>true</BooleanValue></VariableValue><VariableValue><VariableRef targetGUID="v404"/><TextValue>x</TextValue></VariableValue></TextSource></Sources>`),
      'sources/a.txt': TEXT,
    });
    expect(project.corpus.documents[0].attributes).toEqual({ case: 'P1', site: 'Jakarta', age: 34, consent: true });
    expect(project.cases).toEqual([{ guid: 'k1', name: 'P1', attributes: { site: 'Jakarta' }, sources: ['g1'], documents: ['a'] }]);
    expect(project.variables.map((v) => `${v.name}:${v.type}`)).toEqual(['age:Integer', 'site:Text', 'consent:Boolean']);
    expect(project.messages.map((m) => m.ruleId)).toEqual(['unknown-variable']);
  });

  it('reads the speaker turns of a source, and numbers codings by the turn they fall in', async () => {
    const project = await load({
      'project.qde': qde(
        `${USERS}${CODEBOOK}<Sources><TextSource guid="g1" name="a" plainTextPath="internal://a.txt">${sel(23, 33)}</TextSource></Sources>`,
      ),
      'sources/a.txt': TEXT,
    });
    expect(project.corpus.documents[0].turns.map((t) => t.speaker)).toEqual(['Ani', 'Budi']);
    expect(project.codings[0].segment).toBe(2);
  });

  it.each([
    ['no .qde', { 'sources/a.txt': TEXT }, 'no-project', /no project\.qde \(it holds sources\/a\.txt\)/],
    ['two .qde', { 'a.qde': qde(''), 'b.qde': qde('') }, 'no-project', /several \.qde files \(a\.qde, b\.qde\)/],
    [
      'malformed XML',
      { 'project.qde': '<?xml version="1.0"?>\n<Project name="t">\n  <Users>\n</Project>' },
      'xml-syntax',
      /^t\.qdpx!project\.qde:4:\d+: error: the XML is not well-formed/,
    ],
    ['another root', { 'project.qde': '<CodeBook><Codes/></CodeBook>' }, 'qdpx-shape', /root element must be <Project>/],
  ])('%s is one fatal, located message', async (_name, files, ruleId, text) => {
    const project = await load(files as Record<string, string>);
    expect(project.messages).toHaveLength(1);
    expect(project.messages[0]).toMatchObject({ ruleId, fatal: true });
    expect(formatMessage(project.messages[0])).toMatch(text);
  });
});

describe('position conventions', () => {
  const stored =
    'Ani: Halo 😀 teman.\r\nBudi: Apa 😀😀 kabar hari ini?\r\nAni: Baik.\r\nBudi: Syukurlah 🙏 semua sehat.\r\nAni: 😀 Ya.\r\n';
  const text = stored.replace(/\r\n/g, '\n');
  /** Positions of a span of the LF text, counted the test's own way in each convention. */
  const encode = (convention: PositionConvention, u: number): number => {
    const before = text.slice(0, u);
    const units = convention.startsWith('utf16') ? before.length : [...before].length;
    return convention.endsWith('-crlf') ? units + (before.match(/\n/g) ?? []).length : units;
  };
  const lines = text.split('\n').slice(0, -1);
  const spans = lines.map((line) => ({ start: text.indexOf(line), end: text.indexOf(line) + line.length }));
  spans.push(
    { start: text.indexOf('kabar'), end: text.indexOf('kabar') + 5 },
    { start: text.indexOf('semua'), end: text.indexOf('semua') + 5 },
  );

  it.each(POSITION_CONVENTIONS)('a project written in %s is detected and converted', async (convention) => {
    const selections = spans.map((s) => selection(encode(convention, s.start), encode(convention, s.end), coding('c1', 'u1'))).join('');
    const project = await load({
      'project.qde': qde(
        `${USERS}${CODEBOOK}<Sources><TextSource guid="g1" name="a" plainTextPath="internal://a.txt">${selections}</TextSource></Sources>`,
      ),
      'sources/a.txt': `\uFEFF${stored}`,
    });
    expect(project.meta.positions).toMatchObject({ convention, decisive: true });
    expect(project.codings.map((c) => text.slice(c.start, c.end))).toEqual(spans.map((s) => text.slice(s.start, s.end)));
  });

  it.each([
    ['code-points', 4, 7],
    ['utf16', 5, 8],
    ['utf16-crlf', 6, 10],
    ['code-points-crlf', 5, 9],
  ] as const)('positionMapper %s: "c" at %i and "e" at %i map to 5 and 8 in the LF text', (convention, c, e) => {
    const map = positionMapper({ stored: 'ab\r\n😀cd\r\nef', text: 'ab\n😀cd\nef' }, convention);
    expect([map(c), map(e)]).toEqual([5, 8]);
    expect([map(-1), map(100)]).toEqual([null, null]);
  });

  it('snaps a span off the middle of a surrogate pair', () => {
    expect(snapSpan('a😀b', 2, 2)).toEqual({ start: 1, end: 3 });
    expect(snapSpan('a😀b', 1, 3)).toEqual({ start: 1, end: 3 });
  });
});
