// Team coders review the machine's suggestions into codings of their own (src/server/review-decisions.ts),
// through a running team server on a real SQLite project.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codeProject } from '../../src/store/project-codings.js';
import type { StoredCoding } from '../../src/store/store.js';
import { signIn, startTestTeam, type Member, type TestTeam } from '../helpers/team.js';

const DOC = 'informan-01';
const SPOTS = [
  { start: 100, end: 140, code: 'factor/proximity' },
  { start: 200, end: 230, code: 'factor/attachment' },
  { start: 300, end: 350, code: 'factor/proximity' },
];

interface Queue {
  total: number;
  reviewed: number;
  items: Array<{ coding: StoredCoding }>;
}

describe('team coders review suggestions into their own codings', () => {
  let t: TestTeam;
  let lecturer: Member;
  let ana: Member;
  let budi: Member;
  let ids: number[];

  beforeAll(async () => {
    t = await startTestTeam();
    await t.store.change('lecturer', 'auto-code', (tx) =>
      tx.addCodings(SPOTS.map((s) => ({ ...s, document: DOC, origin: 'auto', coder: 'auto', status: 'suggested', matches: ['rumah'] }))),
    );
    ids = (await t.store.listCodings({ coder: 'auto', document: DOC })).map((c) => c.id);
    expect(ids).toHaveLength(3);
    [lecturer, ana, budi] = await Promise.all(['lecturer', 'ana', 'budi'].map((n) => signIn(t.origin, n)));
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const queue = async (m: Member) => (await m.call('GET', `/api/review?document=${DOC}`)).json as Queue;
  const statuses = (q: Queue) => q.items.map((i) => [i.coding.id, i.coding.status]);
  const copies = async (coder: string) => t.store.listCodings({ coder, origin: 'auto', document: DOC, status: ['accepted', 'rejected'] });

  it("records a coder's accept and reject as their own copies and leaves the shared suggestion alone", async () => {
    expect((await ana.call('POST', '/api/codings/review', { ids: [ids[0]], status: 'accepted' })).status).toBe(201);
    const rejected = await ana.call('PATCH', `/api/codings/${ids[1]}`, { status: 'rejected' });
    expect(rejected.status).toBe(200);
    expect(rejected.json).toMatchObject({ coder: 'ana', origin: 'auto', status: 'rejected', ...SPOTS[1] });

    for (const id of ids) expect((await t.store.getCoding(id))?.status).toBe('suggested');
    expect((await copies('ana')).map((c) => [c.start, c.end, c.code, c.status, c.matches])).toEqual([
      [100, 140, 'factor/proximity', 'accepted', ['rumah']],
      [200, 230, 'factor/attachment', 'rejected', ['rumah']],
    ]);

    const hers = await queue(ana);
    expect(statuses(hers)).toEqual([
      [ids[0], 'accepted'],
      [ids[1], 'rejected'],
      [ids[2], 'suggested'],
    ]);
    expect([hers.total, hers.reviewed]).toEqual([3, 2]);
    const his = await queue(budi);
    expect(statuses(his).map(([, s]) => s)).toEqual(['suggested', 'suggested', 'suggested']);
    expect(his.reviewed).toBe(0);
  });

  it('shows the coder their copies instead of the suggestions they decided, and hides them from the others while blind', async () => {
    const doc = (await ana.call('GET', `/api/documents/${DOC}`)).json as { codings: StoredCoding[] };
    const shown = doc.codings.filter((c) => c.origin === 'auto').map((c) => [c.coder, c.start, c.status]);
    expect(shown).toEqual([
      ['ana', 100, 'accepted'],
      ['auto', 300, 'suggested'],
    ]);
    const row = ((await ana.call('GET', '/api/documents')).json as Array<{ id: string; suggestions: number; reviewed: number }>).find(
      (r) => r.id === DOC,
    );
    expect([row?.suggestions, row?.reviewed]).toEqual([3, 2]);
    const his = await budi.call('GET', `/api/documents/${DOC}`);
    expect(his.text).not.toContain('"coder":"ana"');
    expect((his.json as { codings: StoredCoding[] }).codings.filter((c) => c.coder === 'auto').length).toBe(3);
    // The owner sees the copy as ana's coding, and the queue lists only the machine's suggestions.
    expect((await lecturer.call('GET', `/api/codings?coder=ana&document=${DOC}`)).text).toContain('"origin":"auto"');
    expect((await queue(lecturer)).total).toBe(3);
  });

  it('reopens a decision by removing the copy, and undoes it as one step of the coder', async () => {
    expect((await ana.call('PATCH', `/api/codings/${ids[1]}`, { status: 'suggested' })).status).toBe(200);
    expect((await copies('ana')).map((c) => c.start)).toEqual([100]);
    expect(statuses(await queue(ana))[1]).toEqual([ids[1], 'suggested']);
    expect((await ana.call('POST', '/api/undo')).status).toBe(201);
    expect((await copies('ana')).map((c) => [c.start, c.status])).toEqual([
      [100, 'accepted'],
      [200, 'rejected'],
    ]);
  });

  it('still refuses a coder changing the shared suggestion itself, and lets the owner decide on it for everyone', async () => {
    expect((await ana.call('PATCH', `/api/codings/${ids[2]}`, { start: 290 })).status).toBe(403);
    expect((await ana.call('PATCH', `/api/codings/${ids[2]}`, { status: 'accepted', memo: 'mine' })).status).toBe(403);
    expect((await lecturer.call('PATCH', `/api/codings/${ids[2]}`, { status: 'accepted' })).status).toBe(200);
    expect((await t.store.getCoding(ids[2]))?.status).toBe('accepted');
    // A coder still decides for themselves.
    expect(statuses(await queue(ana))[2]).toEqual([ids[2], 'suggested']);
    expect((await copies('lecturer')).length).toBe(0);
  });

  it('keeps a suggestion for the other coders when automatic coding runs again after one coder decided on it', async () => {
    await codeProject(t.store, 'lecturer');
    const [first] = await t.store.listCodings({ coder: 'auto', status: 'suggested', document: DOC });
    expect(first).toBeDefined();
    expect((await ana.call('POST', '/api/codings/review', { ids: [first.id], status: 'accepted' })).status).toBe(201);
    await codeProject(t.store, 'lecturer');
    const again = (await t.store.listCodings({ coder: 'auto', status: 'suggested', document: DOC })).find(
      (c) => c.start === first.start && c.end === first.end && c.code === first.code,
    );
    expect(again, 'the suggestion budi has not reviewed yet').toBeDefined();
    const item = (await queue(ana)).items.find((i) => i.coding.id === again?.id);
    expect(item?.coding.status).toBe('accepted');
    expect((await queue(budi)).items.find((i) => i.coding.id === again?.id)?.coding.status).toBe('suggested');
  });
});
