import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredCoding } from '../../src/store/store.js';
import { runCli } from '../helpers/cli.js';
import { call, startTestWorkbench, type TestWorkbench } from '../helpers/workbench.js';

/** A coding as the API gives it: as the store keeps it. */
type Coding = StoredCoding;
interface Doc {
  id: string;
  text: string;
  turns: Array<{ index: number; speaker: string | null; start: number; end: number }>;
  codings: Coding[];
}

describe('qda serve API on the sample study', () => {
  let wb: TestWorkbench;
  let doc: Doc;
  beforeAll(async () => {
    wb = await startTestWorkbench();
    doc = (await call<Doc>(wb, 'GET', '/api/documents/informan-01')).json;
  }, 180_000);
  afterAll(async () => wb.close(), 60_000);

  /** Code-point offsets of a phrase in informan-01 (ASCII text, so UTF-16 = code points). */
  const span = (phrase: string) => {
    const start = doc.text.indexOf(phrase);
    expect(start, phrase).toBeGreaterThan(-1);
    return { start, end: start + phrase.length };
  };

  it('GET /api/project: name, documents, codebook version, coders', async () => {
    const r = await call<{ name: string; documents: number; codebook: { version: number }; coders: Array<{ name: string }> }>(
      wb,
      'GET',
      '/api/project',
    );
    expect(r.status).toBe(200);
    expect(r.json.name).toBe('study.qda');
    expect(r.json.documents).toBe(7);
    expect(r.json.codebook.version).toBe(1);
    expect(r.json.coders.map((c) => c.name)).toEqual(expect.arrayContaining(['auto', 'ayu', 'bima']));
  });

  it('GET /api/documents: words, turns, codings by coder, review share', async () => {
    const r = await call<
      Array<{ id: string; words: number; turns: number; byCoder: Record<string, number>; suggestions: number; reviewed: number }>
    >(wb, 'GET', '/api/documents');
    expect(r.json.map((d) => d.id)).toEqual([
      'informan-01',
      'informan-02',
      'informan-03',
      'informan-04',
      'informan-05',
      'informan-06',
      'informant-07-en',
    ]);
    const first = r.json[0];
    expect(first.words).toBeGreaterThan(500);
    expect(first.turns).toBe(doc.turns.length);
    expect(first.byCoder.ayu).toBeGreaterThan(0);
    expect(first.suggestions).toBe(first.byCoder.auto);
    expect(first.reviewed).toBe(0);
  });

  it('GET /api/documents/:id: text, turns and codings in code points; 404 for an unknown id', async () => {
    expect(doc.turns[0]).toMatchObject({ index: 1, speaker: 'Pewawancara' });
    for (const c of doc.codings) expect(c.end).toBeLessThanOrEqual([...doc.text].length);
    const missing = await call(wb, 'GET', '/api/documents/nope');
    expect(missing.status).toBe(404);
    expect(missing.json.error).toMatch(/no document "nope"/);
  });

  it('POST /api/codings: codes a span as the coder; overlapping spans of one code merge; bad input is a 400 naming the field', async () => {
    const a = span('Saya pekerja sosial');
    const first = await call<Coding>(wb, 'POST', '/api/codings', {
      body: { document: 'informan-01', code: 'foundation/knowledge', ...a },
      coder: 'ana',
    });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ coder: 'ana', origin: 'manual', status: 'accepted', start: a.start, end: a.end });
    const b = span('pekerja sosial, sudah sekitar');
    const merged = await call<Coding>(wb, 'POST', '/api/codings', {
      body: { document: 'informan-01', code: 'foundation/knowledge', ...b },
      coder: 'ana',
    });
    expect(merged.json).toMatchObject({ start: a.start, end: b.end });
    const mine = await call<Coding[]>(wb, 'GET', '/api/codings?document=informan-01&coder=ana');
    expect(mine.json.filter((c) => c.code === 'foundation/knowledge')).toHaveLength(1);

    const bad: Array<[unknown, RegExp]> = [
      [{ document: 'informan-01', start: 1, end: 5 }, /"code"/],
      [{ document: 'informan-01', code: 'foundation/knowledge', start: 9, end: 9 }, /must not be empty/],
      [{ document: 'informan-01', code: 'foundation/knowledge', start: -1, end: 9 }, /"start"/],
      [{ document: 'informan-01', code: 'foundation/knowledge', start: 0, end: 10 ** 9 }, /after the end/],
      [{ document: 'informan-01', code: 'no/such', start: 0, end: 5 }, /no code "no\/such"/],
      [{ document: 'nope', code: 'foundation/knowledge', start: 0, end: 5 }, /no document/],
    ];
    for (const [body, reason] of bad) {
      const r = await call(wb, 'POST', '/api/codings', { body });
      expect(r.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.json.error).toMatch(reason);
    }
    expect((await call(wb, 'POST', '/api/codings', { body: '{not json' })).json.error).toMatch(/not JSON/);
    expect((await call(wb, 'POST', '/api/codings', { body: '[1]' })).json.error).toMatch(/JSON object/);
    expect(
      (await call(wb, 'POST', '/api/codings', { body: { document: 'informan-01' }, headers: { 'content-type': 'text/plain' } })).status,
    ).toBe(415);
    expect(
      (await call(wb, 'POST', '/api/codings', { body: { document: 'informan-01', code: 'foundation/knowledge', ...a }, coder: '' })).json
        .error,
    ).toMatch(/who is coding/);
  });

  it('PATCH and DELETE /api/codings/:id, then undo and redo them in order; 409 when nothing is left', async () => {
    const a = span('Boleh kita mulai');
    const made = (
      await call<Coding>(wb, 'POST', '/api/codings', { body: { document: 'informan-01', code: 'stage/engagement', ...a }, coder: 'budi' })
    ).json;
    const moved = await call<Coding>(wb, 'PATCH', `/api/codings/${made.id}`, { body: { end: a.end + 6 }, coder: 'budi' });
    expect(moved.json.end).toBe(a.end + 6);
    const memo = await call<Coding>(wb, 'PATCH', `/api/codings/${made.id}`, { body: { memo: 'Opening <b>rapport</b>' }, coder: 'budi' });
    expect(memo.json.memo).toBe('Opening <b>rapport</b>');
    expect((await call(wb, 'PATCH', `/api/codings/${made.id}`, { body: {}, coder: 'budi' })).json.error).toMatch(/nothing to change/);
    expect((await call(wb, 'PATCH', `/api/codings/${made.id}`, { body: { status: 'maybe' }, coder: 'budi' })).json.error).toMatch(
      /"status" must be one of/,
    );
    expect((await call(wb, 'PATCH', '/api/codings/abc', { body: { memo: 'x' } })).status).toBe(400);
    expect((await call(wb, 'PATCH', '/api/codings/999999', { body: { memo: 'x' } })).status).toBe(404);
    expect((await call(wb, 'DELETE', `/api/codings/${made.id}`, { coder: 'budi' })).json).toEqual({ deleted: made.id });

    const history = await call<{ undo: { label: string } }>(wb, 'GET', '/api/history', { headers: { 'x-qda-coder': 'budi' } });
    expect(history.json.undo.label).toMatch(/remove "stage\/engagement"/);
    expect((await call(wb, 'POST', '/api/undo', { coder: 'budi' })).status).toBe(201);
    expect((await call<Coding>(wb, 'GET', `/api/codings?document=informan-01&coder=budi`)).json).toEqual([
      expect.objectContaining({ id: made.id, memo: 'Opening <b>rapport</b>' }),
    ]);
    await call(wb, 'POST', '/api/undo', { coder: 'budi' });
    expect((await call<Coding[]>(wb, 'GET', '/api/codings?document=informan-01&coder=budi')).json[0].memo).toBeNull();
    await call(wb, 'POST', '/api/redo', { coder: 'budi' });
    expect((await call<Coding[]>(wb, 'GET', '/api/codings?document=informan-01&coder=budi')).json[0].memo).toBe('Opening <b>rapport</b>');
    for (let i = 0; i < 3; i++) await call(wb, 'POST', '/api/undo', { coder: 'budi' });
    expect((await call<Coding[]>(wb, 'GET', '/api/codings?document=informan-01&coder=budi')).json).toEqual([]);
    const none = await call(wb, 'POST', '/api/undo', { coder: 'budi' });
    expect(none.status).toBe(409);
    expect(none.json.error).toBe('nothing to undo');
  });

  it('GET /api/review and accepting, rejecting and bulk-accepting suggestions, counted in the progress', async () => {
    const queue = await call<{
      total: number;
      reviewed: number;
      items: Array<{ coding: Coding; turn: { text: string; speaker: string } }>;
    }>(wb, 'GET', '/api/review?document=informan-02');
    expect(queue.json.total).toBeGreaterThan(4);
    expect(queue.json.items.every((i) => i.coding.origin === 'auto' && i.coding.document === 'informan-02')).toBe(true);
    const [one, two] = queue.json.items;
    expect(one.turn.text.length).toBeGreaterThan(0);
    await call(wb, 'PATCH', `/api/codings/${one.coding.id}`, { body: { status: 'accepted' } });
    await call(wb, 'PATCH', `/api/codings/${two.coding.id}`, { body: { status: 'rejected' } });
    const after = await call<{ reviewed: number; items: unknown[] }>(wb, 'GET', '/api/review?document=informan-02&status=suggested');
    expect(after.json.reviewed).toBe(2);
    expect(after.json.items).toHaveLength(queue.json.total - 2);
    const code = queue.json.items[2].coding.code;
    const ofCode = (
      await call<{ items: Array<{ coding: Coding }> }>(wb, 'GET', `/api/review?status=suggested&code=${encodeURIComponent(code)}`)
    ).json.items.map((i) => i.coding.id);
    const bulk = await call(wb, 'POST', '/api/codings/review', { body: { ids: ofCode, status: 'accepted' } });
    expect(bulk.json).toEqual({ updated: ofCode.length, status: 'accepted' });
    expect(
      (await call<{ items: unknown[] }>(wb, 'GET', `/api/review?status=suggested&code=${encodeURIComponent(code)}`)).json.items,
    ).toEqual([]);
    await call(wb, 'POST', '/api/undo');
    expect(
      (await call<{ items: unknown[] }>(wb, 'GET', `/api/review?status=suggested&code=${encodeURIComponent(code)}`)).json.items,
    ).toHaveLength(ofCode.length);
    expect((await call(wb, 'POST', '/api/codings/review', { body: { ids: [], status: 'accepted' } })).json.error).toMatch(/"ids"/);
    const bySpeaker = await call<{ items: Array<{ turn: { speaker: string } }> }>(wb, 'GET', '/api/review?speaker=Nurlaila');
    expect(new Set(bySpeaker.json.items.map((i) => i.turn.speaker))).toEqual(new Set(['Nurlaila']));
  });

  it('memos on the project, a document and a code: create, list, edit, delete; bad targets are 400', async () => {
    const made = await call<{ id: number; text: string }>(wb, 'POST', '/api/memos', {
      body: { kind: 'document', id: 'informan-01', text: 'Long pause before turn 12.' },
    });
    expect(made.status).toBe(201);
    expect((await call<Array<{ text: string }>>(wb, 'GET', '/api/memos?kind=document&id=informan-01')).json.map((m) => m.text)).toEqual([
      'Long pause before turn 12.',
    ]);
    expect((await call<{ text: string }>(wb, 'PATCH', `/api/memos/${made.json.id}`, { body: { text: 'Pause.' } })).json.text).toBe(
      'Pause.',
    );
    await call(wb, 'POST', '/api/memos', { body: { kind: 'code', id: 'factor/proximity', text: 'Check against turn 4.' } });
    await call(wb, 'POST', '/api/memos', { body: { kind: 'project', text: 'Second cycle starts Monday.' } });
    expect((await call<unknown[]>(wb, 'GET', '/api/memos')).json).toHaveLength(3);
    expect((await call(wb, 'DELETE', `/api/memos/${made.json.id}`)).status).toBe(200);
    expect((await call(wb, 'DELETE', `/api/memos/${made.json.id}`)).status).toBe(404);
    expect((await call(wb, 'POST', '/api/memos', { body: { kind: 'coding', id: '1', text: 'x' } })).json.error).toMatch(/"kind"/);
    expect((await call(wb, 'POST', '/api/memos', { body: { kind: 'code', text: 'x' } })).json.error).toMatch(/needs the code's "id"/);
    expect((await call(wb, 'POST', '/api/memos', { body: { kind: 'project', text: '  ' } })).json.error).toMatch(/"text"/);
  });

  it('codebook: add, edit, move (codings follow), merge (codings follow) — each a new version, each undoable', async () => {
    const before = (await call<{ version: number }>(wb, 'GET', '/api/codebook')).json.version;
    expect(
      (
        await call(wb, 'POST', '/api/codebook/codes', {
          body: { id: 'factor/secrecy', labels: { en: 'secrecy', id: 'kerahasiaan' }, definition: 'Keeping it hidden' },
        })
      ).status,
    ).toBe(201);
    expect((await call(wb, 'POST', '/api/codebook/codes', { body: { id: 'factor/secrecy' } })).json.error).toMatch(/already exists/);
    expect((await call(wb, 'POST', '/api/codebook/codes', { body: { id: 'nowhere/child' } })).json.error).toMatch(/no code "nowhere"/);
    const s = span('Saya Nurlaila');
    const coded = (await call<Coding>(wb, 'POST', '/api/codings', { body: { document: 'informan-01', code: 'factor/secrecy', ...s } }))
      .json;
    const edited = await call<{ include: string }>(wb, 'PATCH', '/api/codebook/codes/factor%2Fsecrecy', {
      body: { include: 'threats to tell no one' },
    });
    expect(edited.json.include).toBe('threats to tell no one');
    const moved = await call<{ id: string; parent: string }>(wb, 'PATCH', '/api/codebook/codes/factor%2Fsecrecy', {
      body: { newId: 'factor/helplessness/secrecy' },
    });
    expect(moved.json).toMatchObject({ id: 'factor/helplessness/secrecy', parent: 'factor/helplessness' });
    expect((await call<Coding[]>(wb, 'GET', '/api/codings?document=informan-01&coder=ana')).json.find((c) => c.id === coded.id)?.code).toBe(
      'factor/helplessness/secrecy',
    );
    expect(
      (await call(wb, 'POST', '/api/codebook/merge', { body: { from: 'factor/helplessness/secrecy', into: 'factor/proximity' } })).status,
    ).toBe(201);
    expect((await call<Coding[]>(wb, 'GET', '/api/codings?document=informan-01&coder=ana')).json.find((c) => c.id === coded.id)?.code).toBe(
      'factor/proximity',
    );
    const book = (
      await call<{ version: number; codes: Array<{ id: string }>; counts: Record<string, Record<string, number>> }>(
        wb,
        'GET',
        '/api/codebook',
      )
    ).json;
    expect(book.version).toBe(before + 4);
    expect(book.codes.some((c) => c.id.endsWith('secrecy'))).toBe(false);
    expect(book.counts['factor/proximity'].ana).toBeGreaterThan(0);
    expect((await call(wb, 'POST', '/api/codebook/merge', { body: { from: 'factor', into: 'factor/proximity' } })).json.error).toMatch(
      /own sub-code/,
    );
    expect((await call(wb, 'PATCH', '/api/codebook/codes/factor', { body: { labels: { en: '' } } })).json.error).toMatch(/"labels"/);
    const yaml = await call(wb, 'GET', '/api/codebook/export?format=yaml');
    expect(yaml.headers['content-disposition']).toMatch(new RegExp(`codebook-v${book.version}\\.yaml`));
    expect(yaml.text).toContain('id: factor/proximity');
    expect((await call(wb, 'GET', '/api/codebook/export?format=qdc')).text).toMatch(/^<\?xml[\s\S]*<CodeBook/);
    expect((await call(wb, 'GET', '/api/codebook/export?format=pdf')).json.error).toMatch(/yaml or qdc/);
    await call(wb, 'POST', '/api/undo');
    expect((await call<Coding[]>(wb, 'GET', '/api/codings?document=informan-01&coder=ana')).json.find((c) => c.id === coded.id)?.code).toBe(
      'factor/helplessness/secrecy',
    );
  });

  it('retrieval: a code, two codes in one segment, a code within an attribute value; CSV and Markdown with (Name, Year)', async () => {
    const all = await call<Array<{ document: string; citation: string; text: string; start: number; end: number }>>(
      wb,
      'GET',
      '/api/retrieve?code=factor%2Fproximity&coder=ayu',
    );
    expect(all.status).toBe(200);
    expect(all.json.length).toBeGreaterThan(0);
    for (const q of all.json) expect(q.citation).toMatch(/^\(.+, (\d{4}|n\.d\.)\)$/);
    const first = all.json[0];
    const text = (await call<Doc>(wb, 'GET', `/api/documents/${first.document}`)).json.text;
    expect([...text].slice(first.start, first.end).join('')).toBe(first.text);
    const both = await call<Array<{ marks: unknown[] }>>(wb, 'GET', '/api/retrieve?code=factor&and=stage');
    expect(both.json.length).toBeGreaterThan(0);
    expect(both.json.every((q) => q.marks.length > 0)).toBe(true);
    const role = await call<Array<{ document: string }>>(wb, 'GET', '/api/retrieve?code=factor&attribute=language&value=en');
    expect(new Set(role.json.map((q) => q.document))).toEqual(new Set(['informant-07-en']));
    const csv = await call(wb, 'GET', '/api/retrieve/export?code=factor%2Fproximity&coder=ayu&format=csv');
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="factor-proximity-quotes\.csv"/);
    expect(csv.text.split('\n')[0]).toBe('code,label,rank,citation,speaker,year,document,segment,timestamp,text,matched,terms');
    const md = await call(wb, 'GET', '/api/retrieve/export?code=factor%2Fproximity&coder=ayu&format=md');
    expect(md.text).toContain(`” ${first.citation}`);
    expect((await call(wb, 'GET', '/api/retrieve')).json.error).toMatch(/"code" is required/);
    expect((await call(wb, 'GET', '/api/retrieve?code=nope')).json.error).toMatch(/no code "nope"/);
    expect((await call(wb, 'GET', '/api/retrieve/export?code=factor&format=pdf')).json.error).toMatch(/csv or md/);
  });

  it('agreement between two coders gives the figures of `qda agree` on their codings', async () => {
    const r = await call<{
      coders: string[];
      codes: Array<{ code: string; cohenKappa: number | null; alpha: number | null }>;
      pooled: { cohenKappa: number };
      disagreements: unknown[];
    }>(wb, 'GET', '/api/agreement?a=ayu&b=bima');
    expect(r.status).toBe(200);
    expect(r.json.coders).toEqual(['ayu', 'bima']);
    const csv = await call(wb, 'GET', '/api/agreement/codings?a=ayu&b=bima');
    const file = join(wb.dir, 'two-coders.csv');
    writeFileSync(file, csv.text);
    const cli = await runCli('agree', file, '--format', 'json');
    expect(cli.code).toBe(0);
    expect(r.json).toEqual(JSON.parse(cli.stdout));
    expect(r.json.disagreements.length).toBeGreaterThan(0);
    expect((await call(wb, 'GET', '/api/agreement?a=ayu')).json.error).toMatch(/two coders/);
    expect((await call(wb, 'GET', '/api/agreement?a=ayu&b=ayu')).json.error).toMatch(/different/);
    expect((await call(wb, 'GET', '/api/agreement?a=ayu&b=nobody')).json.error).toMatch(/"nobody" has no codings/);
  });

  it('adopting one coder’s version into a consensus coder keeps the originals', async () => {
    const ayu = (await call<Coding[]>(wb, 'GET', '/api/codings?document=informan-01&coder=ayu')).json;
    const r = await call<{ adopted: number; into: string }>(wb, 'POST', '/api/agreement/adopt', {
      body: { from: 'ayu', document: 'informan-01' },
    });
    expect(r.json).toEqual({ adopted: ayu.length, replaced: 0, into: 'consensus' });
    const consensus = (await call<Coding[]>(wb, 'GET', '/api/codings?document=informan-01&coder=consensus')).json;
    expect(consensus.map((c) => [c.code, c.start, c.end])).toEqual(ayu.map((c) => [c.code, c.start, c.end]));
    expect((await call<Coding[]>(wb, 'GET', '/api/codings?document=informan-01&coder=ayu')).json).toHaveLength(ayu.length);
    const again = await call<{ replaced: number }>(wb, 'POST', '/api/agreement/adopt', {
      body: { from: 'bima', document: 'informan-01', code: ayu[0].code },
    });
    expect(again.json.replaced).toBeGreaterThan(0);
    expect(
      (await call(wb, 'POST', '/api/agreement/adopt', { body: { from: 'ayu', into: 'ayu', document: 'informan-01' } })).json.error,
    ).toMatch(/another coder/);
  });

  it('report: the HTML page and the XLSX workbook of `qda report`, as downloads', async () => {
    const html = await call(wb, 'GET', '/api/report?format=html');
    expect(html.status).toBe(200);
    expect(html.headers['content-disposition']).toMatch(/attachment; filename="study-report\.html"/);
    expect(html.text).toMatch(/<html[\s\S]*Quote/i);
    // A file on its own: no script beside it to load, so the page names none.
    expect(html.text).not.toMatch(/<script|script-src/);
    const xlsx = await call(wb, 'GET', '/api/report?format=xlsx&coder=ayu');
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.text.slice(0, 2)).toBe('PK');
    expect((await call(wb, 'GET', '/api/report?format=pdf')).json.error).toMatch(/html or xlsx/);
  });

  it('coders: add one; unknown routes and methods are 404/405 with a message', async () => {
    expect((await call<{ name: string }>(wb, 'POST', '/api/coders', { body: { name: 'citra' } })).json.name).toBe('citra');
    expect((await call(wb, 'POST', '/api/coders', { body: { name: 'x', color: 'red' } })).json.error).toMatch(/"color"/);
    const unknown = await call(wb, 'GET', '/api/nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error).toMatch(/no such API route/);
    const method = await call(wb, 'PUT', '/api/codings/1', { body: {} });
    expect(method.status).toBe(405);
    expect(method.headers.allow).toMatch(/PATCH/);
  });

  it('a restart loses nothing: the project reopens with every change', async () => {
    const before = (await call<Coding[]>(wb, 'GET', '/api/codings')).json.length;
    await wb.store.close();
    const { openSqliteStore } = await import('../../src/store/sqlite-store.js');
    const reopened = await openSqliteStore(wb.file, { mode: 'read' });
    try {
      expect((await reopened.listCodings({ status: ['suggested', 'accepted'] })).length).toBe(before);
    } finally {
      await reopened.close();
      wb.store = await openSqliteStore(wb.file, { mode: 'write' });
    }
  });
});
