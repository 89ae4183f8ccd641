// A class that coded the sample transcript informan-01: the lecturer's codings are coder A's of
// data-sample/coders, five students start from coder A's or coder B's and drift (seeded): some
// codings left out, one code applied to a neighbouring turn. Deterministic, so figures repeat.
import { seededRandom } from '../../src/analysis/agreement/random.js';
import { readCodings } from '../../src/io/read-codings.js';
import { OffsetMap } from '../../src/text/offsets.js';
import { hashPassword } from '../../src/server/team/password.js';
import type { NewCoding, ProjectStore } from '../../src/store/store.js';
import type { TeamStore } from '../../src/store/team-store.js';
import { PASSWORD } from './team.js';

/** The document the class coded. */
export const CLASS_DOCUMENT = 'informan-01';
/** The students of the fixture. */
export const STUDENTS = ['dewi', 'eko', 'fajar', 'gita', 'hana'];

/** Add the lecturer's and the students' accounts and codings to a project holding the sample transcripts. */
export async function seedClass(store: ProjectStore, team: TeamStore): Promise<void> {
  const hash = await hashPassword(PASSWORD);
  for (const name of STUDENTS) await team.saveAccount({ name, role: 'coder', passwordHash: hash, createdAt: new Date().toISOString() });
  const spans = (file: string) =>
    readCodings([file]).then((r) =>
      r.codings.filter((c) => c.document === CLASS_DOCUMENT && c.span).map((c) => ({ code: c.code, ...c.span! })),
    );
  const a = await spans('data-sample/coders/coder-a.csv');
  const b = await spans('data-sample/coders/coder-b.csv');
  const doc = (await store.getDocument(CLASS_DOCUMENT))!;
  const offsets = new OffsetMap(doc.text);
  const turns = doc.turns.map((t) => ({ start: offsets.toCodePoint(t.start), end: offsets.toCodePoint(t.end) }));
  const spanOfTurn = (i: number) => ({ start: turns[i].start, end: turns[i].end });
  const asNew = (coder: string, c: { code: string; start: number; end: number }): NewCoding => ({
    document: CLASS_DOCUMENT,
    code: c.code,
    start: c.start,
    end: c.end,
    origin: 'manual',
    coder,
  });
  await store.change('lecturer', 'lecturer codes', (tx) => tx.addCodings(a.map((c) => asNew('lecturer', c))));
  const random = seededRandom(15);
  for (const [i, student] of STUDENTS.entries()) {
    const base = i % 2 === 0 ? a : b;
    const kept = base.filter(() => random() > 0.25);
    const drift = base[Math.floor(random() * base.length)];
    const neighbour = Math.min(turns.length - 1, Math.max(0, turns.findIndex((t) => t.end >= drift.end) + (random() < 0.5 ? -1 : 1)));
    const codings = [...kept.map((c) => asNew(student, c)), asNew(student, { code: drift.code, ...spanOfTurn(neighbour) })];
    await store.change(student, `${student} codes`, (tx) => tx.addCodings(codings));
  }
}
