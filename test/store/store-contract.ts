// The promises of the store contract (src/store/store.ts), run against every implementation:
// sqlite-store.test.ts (a real SQLite file) and postgres-store.pg.test.ts (a real PostgreSQL).
import { describe, expect, it } from 'vitest';
import type { OpenStore } from '../../src/store/store.js';
import { codebook, doc } from './helpers.js';

/** One implementation of the store: how to make an empty location and open it. */
export interface StoreBackend {
  /** A new location nobody has used (a file path, a database URL). */
  fresh(): Promise<string>;
  open: OpenStore;
}

/** A project with a codebook and two documents, open for writing. */
export async function project(backend: StoreBackend) {
  const file = await backend.fresh();
  const store = await backend.open(file, { mode: 'write', create: true });
  await store.change('lead', 'set up', async (tx) => {
    await tx.saveCodebook(codebook(), 'first');
    await tx.addDocument(doc('d1', 'I was afraid 😀 but my sister helped me.'));
    await tx.addDocument(doc('d2', 'Nobody believed me at first.'));
  });
  return { file, store };
}

/** The contract's tests under `title`, against one backend. */
export function storeContract(title: string, backend: StoreBackend): void {
  describe(title, () => {
    it('keeps documents with code-point turns and gives them back as UTF-16 documents', async () => {
      const { store } = await project(backend);
      const d1 = await store.getDocument('d1');
      expect(d1?.text).toBe('I was afraid 😀 but my sister helped me.');
      expect(d1?.turns[0]).toEqual({ speaker: 'Ana', start: 0, end: d1!.text.length });
      const list = await store.listDocuments();
      expect(list.map((d) => [d.id, d.length, d.speakers])).toEqual([
        ['d1', [...d1!.text].length, ['Ana']],
        ['d2', 28, ['Ana']],
      ]);
      expect((await store.getDocuments(['d2'])).map((d) => d.id)).toEqual(['d2']);
      await store.close();
    });

    it('adds, filters, updates and deletes codings; every change is logged with before and after', async () => {
      const { store } = await project(backend);
      const a = await store.change('ana', 'code fear', (tx) =>
        tx.addCoding({ document: 'd1', start: 6, end: 12, code: 'fear', origin: 'manual' }),
      );
      await store.change('auto', 'auto', (tx) =>
        tx.addCodings([
          {
            document: 'd1',
            start: 0,
            end: 10,
            code: 'fear',
            origin: 'auto',
            matches: ['afraid'],
            hits: [{ start: 6, end: 12, term: 'afraid' }],
          },
          { document: 'd2', start: 0, end: 7, code: 'support', origin: 'auto' },
        ]),
      );
      expect(a).toMatchObject({ coder: 'ana', origin: 'manual', status: 'accepted' });
      expect((await store.listCodings({ origin: 'auto' })).map((c) => [c.document, c.status, c.coder])).toEqual([
        ['d1', 'suggested', 'auto'],
        ['d2', 'suggested', 'auto'],
      ]);
      expect((await store.listCodings({ document: 'd1', coder: ['ana'] })).map((c) => c.id)).toEqual([a.id]);
      const updated = await store.change('ana', 'reject', (tx) => tx.updateCoding(a.id, { status: 'rejected', memo: 'too broad' }));
      expect(updated).toMatchObject({ status: 'rejected', memo: 'too broad' });
      const events = await store.listEvents({ entity: 'coding', entityId: String(a.id) });
      expect(events.map((e) => e.action)).toEqual(['create', 'update']);
      expect(events[1]).toMatchObject({ actor: 'ana', before: { status: 'accepted' }, after: { status: 'rejected', memo: 'too broad' } });
      expect(await store.change('lead', 'clear auto', (tx) => tx.deleteCodings({ origin: 'auto', status: 'suggested' }))).toBe(2);
      expect((await store.listCodings()).map((c) => c.id)).toEqual([a.id]);
      expect((await store.info()).coders).toEqual(['ana', 'auto']);
      await store.close();
    });

    it('stores learned suggestions with their score and explanation (schema 2), refuses a score outside 0–1, and undoes them', async () => {
      const { store } = await project(backend);
      const because = [
        { feature: 'w:afraid', label: 'afraid', weight: 0.8 },
        { feature: 'w:sister', label: 'sister', weight: -0.1 },
      ];
      const added = await store.change('ana', 'learned suggestions', (tx) =>
        tx.addCodings([
          { document: 'd1', start: 0, end: 12, code: 'fear', origin: 'learned', coder: 'ana', score: 0.7, explanation: because },
        ]),
      );
      expect(added).toBe(1);
      const [learned] = await store.listCodings({ origin: 'learned' });
      expect(learned).toMatchObject({ origin: 'learned', status: 'suggested', score: 0.7, explanation: because });
      const manual = await store.change('ana', 'code', (tx) =>
        tx.addCoding({ document: 'd2', start: 0, end: 6, code: 'fear', origin: 'manual' }),
      );
      expect(manual).toMatchObject({ score: null, explanation: [] });
      await expect(
        store.change('ana', 'bad score', (tx) =>
          tx.addCoding({ document: 'd1', start: 0, end: 1, code: 'fear', origin: 'learned', score: 1.5 }),
        ),
      ).rejects.toThrow('coding score must be a number from 0 to 1, or null (got 1.5)');
      await store.undo('ana');
      await store.undo('ana');
      expect(await store.listCodings()).toEqual([]);
      await store.close();
    });

    it('refuses codings outside the text or of unknown documents, keeping nothing of the change', async () => {
      const { store } = await project(backend);
      const attempt = store.change('ana', 'two codings', async (tx) => {
        await tx.addCoding({ document: 'd2', start: 0, end: 5, code: 'fear', origin: 'manual' });
        await tx.addCoding({ document: 'd2', start: 0, end: 500, code: 'fear', origin: 'manual' });
      });
      await expect(attempt).rejects.toThrow(/beyond the 28 code points .*coding-out-of-range/);
      await expect(
        store.change('ana', 'x', (tx) => tx.addCoding({ document: 'nope', start: 0, end: 1, code: 'fear', origin: 'manual' })),
      ).rejects.toThrow(/unknown-document/);
      await expect(
        store.change('ana', 'x', (tx) => tx.addCoding({ document: 'd2', start: 3, end: 1, code: 'fear', origin: 'manual' })),
      ).rejects.toThrow(TypeError);
      expect(await store.listCodings()).toEqual([]);
      expect((await store.listChanges()).map((c) => c.label)).toEqual(['set up']);
      await store.close();
    });

    it('applies the visibility policy to a viewer (blind coding) and lets a reader in beside the writer', async () => {
      const { file, store } = await project(backend);
      await store.change('ana', 'a', (tx) => tx.addCoding({ document: 'd1', start: 0, end: 5, code: 'fear', origin: 'manual' }));
      await store.change('budi', 'b', (tx) => tx.addCoding({ document: 'd1', start: 0, end: 5, code: 'support', origin: 'manual' }));
      await store.change('auto', 'c', (tx) => tx.addCoding({ document: 'd1', start: 0, end: 5, code: 'fear', origin: 'auto' }));
      const blind = await backend.open(file, {
        mode: 'read',
        visibility: (viewer) => (viewer === 'lead' ? null : { coder: [viewer, 'auto'] }),
      });
      const seen = async (viewer: string) => (await blind.listCodings({ viewer })).map((c) => c.coder).sort();
      expect(await seen('ana')).toEqual(['ana', 'auto']);
      expect(await seen('budi')).toEqual(['auto', 'budi']);
      expect(await seen('lead')).toEqual(['ana', 'auto', 'budi']);
      expect((await blind.listCodings({ viewer: 'ana', code: 'support' })).length).toBe(0);
      await expect(blind.change('ana', 'x', async () => 1)).rejects.toThrow(/opened for reading only/);
      await blind.close();
      await store.close();
    });

    it('keeps codebook versions and memos on every kind of target', async () => {
      const { store } = await project(backend);
      const book = codebook();
      book.codes.pop();
      const v = await store.change('lead', 'drop support', (tx) => tx.saveCodebook(book, 'merged into fear'));
      expect(v).toBe(2);
      expect((await store.currentCodebook())?.codebook.codes.map((c) => c.id)).toEqual(['fear']);
      expect((await store.codebookVersions()).map((x) => [x.version, x.note, x.actor])).toEqual([
        [1, 'first', 'lead'],
        [2, 'merged into fear', 'lead'],
      ]);
      const c = await store.change('ana', 'code', (tx) =>
        tx.addCoding({ document: 'd1', start: 0, end: 5, code: 'fear', origin: 'manual' }),
      );
      await store.change('ana', 'memos', async (tx) => {
        await tx.addMemo({ kind: 'project' }, 'pilot study');
        await tx.addMemo({ kind: 'document', document: 'd1' }, 'long pauses');
        await tx.addMemo({ kind: 'code', code: 'fear' }, 'include worry');
        const m = await tx.addMemo({ kind: 'coding', coding: c.id }, 'ambiguous');
        await tx.updateMemo(m.id, 'ambiguous: ask Budi');
      });
      expect((await store.listMemos()).map((m) => [m.target, m.text])).toEqual([
        [{ kind: 'project' }, 'pilot study'],
        [{ kind: 'document', document: 'd1' }, 'long pauses'],
        [{ kind: 'code', code: 'fear' }, 'include worry'],
        [{ kind: 'coding', coding: c.id }, 'ambiguous: ask Budi'],
      ]);
      expect((await store.listMemos({ kind: 'code', code: 'fear' })).length).toBe(1);
      await store.close();
    });

    it('undoes and redoes per actor, across closing and reopening, and refuses when someone changed the row since', async () => {
      const { file, store } = await project(backend);
      const c = await store.change('ana', 'code fear', (tx) =>
        tx.addCoding({ document: 'd1', start: 0, end: 5, code: 'fear', origin: 'manual' }),
      );
      await store.change('ana', 'widen', (tx) => tx.updateCoding(c.id, { end: 12 }));
      await store.change('budi', 'budi codes', (tx) =>
        tx.addCoding({ document: 'd2', start: 0, end: 6, code: 'support', origin: 'manual' }),
      );
      await store.change('lead', 'codebook v2', (tx) => tx.saveCodebook(codebook(), 'same'));
      expect((await store.undoState('ana')).undo?.label).toBe('widen');
      expect((await store.undo('ana'))?.label).toBe('undo widen');
      expect((await store.getCoding(c.id))?.end).toBe(5);
      await store.close();

      const again = await backend.open(file, { mode: 'write' });
      expect((await again.undoState('ana')).redo?.label).toBe('widen');
      await again.redo('ana');
      expect((await again.getCoding(c.id))?.end).toBe(12);
      await again.undo('ana');
      await again.undo('ana');
      expect(await again.getCoding(c.id)).toBeNull();
      expect(await again.undo('ana')).toBeNull();
      expect((await again.listCodings({ coder: 'budi' })).length).toBe(1);
      await again.redo('ana');
      expect((await again.getCoding(c.id))?.end).toBe(5);
      // A new edit clears the redo stack.
      await again.change('ana', 'status', (tx) => tx.updateCoding(c.id, { status: 'rejected' }));
      expect((await again.undoState('ana')).redo).toBeNull();
      // Budi changes Ana's coding: Ana's undo would overwrite it, so it is refused.
      await again.change('budi', 'recode', (tx) => tx.updateCoding(c.id, { code: 'support' }));
      await expect(again.undo('ana')).rejects.toThrow(/undo-conflict/);
      expect((await again.getCoding(c.id))?.code).toBe('support');
      // Codebook versions undo too.
      expect((await again.undo('lead'))?.label).toBe('undo codebook v2');
      expect((await again.currentCodebook())?.version).toBe(1);
      const undoEvents = (await again.listChanges()).filter((x) => x.kind !== 'edit').map((x) => `${x.actor}:${x.kind}:${x.target}`);
      expect(undoEvents.length).toBe(6);
      await again.close();
    });

    it('re-anchors codings of a changed text by exact text and keeps the unplaced ones apart', async () => {
      const { store } = await project(backend);
      const text = (await store.getDocument('d1'))!.text;
      const cps = [...text];
      const at = (piece: string) => cps.join('').indexOf(piece);
      const sister = { start: [...text.slice(0, at('sister'))].length, end: [...text.slice(0, at('sister'))].length + 6 };
      await store.change('ana', 'code', (tx) =>
        tx.addCodings([
          { document: 'd1', ...sister, code: 'support', origin: 'manual' },
          { document: 'd1', start: 6, end: 12, code: 'fear', origin: 'manual' },
          { document: 'd1', start: 0, end: 1, code: 'fear', origin: 'manual' },
        ]),
      );
      const result = await store.change('lead', 'new version', (tx) =>
        tx.addDocument(doc('d1', 'Transcript v2. We were afraid, 😀 but my sister helped me.')),
      );
      expect(result).toEqual({ id: 'd1', status: 'updated', reanchored: 2, unplaced: 1 });
      const now = await store.getDocument('d1');
      const codings = await store.listCodings({ document: 'd1' });
      const slice = (s: number, e: number) => [...now!.text].slice(s, e).join('');
      expect(codings.map((c) => slice(c.start, c.end)).sort()).toEqual(['afraid', 'sister']);
      expect((await store.listUnplaced()).map((u) => [u.text, u.code, u.coder])).toEqual([['I', 'fear', 'ana']]);
      expect((await store.change('lead', 'same again', (tx) => tx.addDocument(now!))).status).toBe('unchanged');
      expect((await store.check()).map((m) => m.ruleId)).toEqual(['unplaced-codings']);
      await store.close();
    });

    it('keeps apart a second coding that a later version leaves without its words, even when the coding took a freed id', async () => {
      const { store } = await project(backend);
      const codeFirstWord = () =>
        store.change('ana', 'code', (tx) => tx.addCoding({ document: 'd2', start: 0, end: 6, code: 'fear', origin: 'manual' }));
      const first = await codeFirstWord();
      await store.change('lead', 'v2', (tx) => tx.addDocument(doc('d2', 'Nothing believed me at first.')));
      // SQLite may give the next coding the id the unplaced one had: the kept-apart rows have ids of their own.
      const second = await codeFirstWord();
      const result = await store.change('lead', 'v3', (tx) => tx.addDocument(doc('d2', 'Everyone believed me at first.')));
      expect(result).toEqual({ id: 'd2', status: 'updated', reanchored: 0, unplaced: 1 });
      expect((await store.listUnplaced()).map((u) => u.text)).toEqual(['Nobody', 'Nothin']);
      expect([first.id, second.id].every(Number.isInteger)).toBe(true);
      await store.close();
    });
  });
}
