// `npm run bench` (or `tsx bench/serve.ts`): the workbench in Chromium on a 20,000-word transcript
// with 1,000 codings — time until the whole transcript is readable, and time from the key press
// that applies a code until it shows (median of 20). Results: bench/results/serve-<date>.json.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildWeb } from '../scripts/build-web.js';
import { seededRandom } from '../src/analysis/agreement/random.js';
import { parseCodebook } from '../src/codebook/parse.js';
import { fromText } from '../src/import/text.js';
import { loadAssets } from '../src/server/assets.js';
import { tokenAuthenticator } from '../src/server/auth.js';
import { workbenchRoutes } from '../src/server/routes/index.js';
import { newToken } from '../src/server/security.js';
import { startServer } from '../src/server/server.js';
import { openSqliteStore } from '../src/store/sqlite-store.js';
import type { NewCoding } from '../src/store/store.js';
import { CHROMIUM, CHROMIUM_FLAGS } from '../test/helpers/chromium.js';

const WORDS = 20_000;
const CODINGS = 1_000;
const random = seededRandom(20);
const vocabulary =
  'saya dia korban pelaku keluarga kampus dosen teman cerita takut malu percaya bantu konselor laporan rumah ibu ayah kakak sekolah kuliah waktu hari minggu bulan tahun tidak sudah belum masih juga karena jadi kalau tapi dan atau yang itu ini ada'.split(
    ' ',
  );
const dir = mkdtempSync(join(tmpdir(), 'qda-bench-serve-'));

// A transcript of 400 turns of 50 words, two speakers.
const lines = ['---', 'id: bench', 'title: Benchmark interview', 'date: 2025-01-01', 'language: id', '---', ''];
for (let turn = 0; turn < WORDS / 50; turn++) {
  const words = Array.from({ length: 50 }, () => vocabulary[Math.floor(random() * vocabulary.length)]);
  lines.push(`${turn % 2 === 0 ? 'Pewawancara' : 'Informan'}: ${words.join(' ')}.`, '');
}
const doc = fromText(lines.join('\n'), { file: 'bench.md' }).corpus.documents[0];
const codebook = parseCodebook(readFileSync('codebooks/lk3-psychosocial.yaml', 'utf8'), 'codebooks/lk3-psychosocial.yaml').codebook!;
const leaves = codebook.codes.filter((c) => !codebook.codes.some((d) => d.parent === c.id)).map((c) => c.id);
const store = await openSqliteStore(join(dir, 'bench.qda'), { mode: 'write', create: true });
const codings: NewCoding[] = Array.from({ length: CODINGS }, () => {
  const turn = doc.turns[Math.floor(random() * doc.turns.length)];
  const start = turn.start + Math.floor(random() * (turn.end - turn.start - 60));
  return {
    document: 'bench',
    start,
    end: start + 20 + Math.floor(random() * 40),
    code: leaves[Math.floor(random() * leaves.length)],
    origin: 'manual',
    coder: ['ayu', 'bima', 'citra'][Math.floor(random() * 3)],
    status: 'accepted',
  };
});
await store.change('bench', 'set up', async (tx) => {
  await tx.addDocument(doc);
  await tx.saveCodebook(codebook);
  await tx.addCodings(codings);
});

const web = join(dir, 'web');
await buildWeb(web);
const token = newToken();
const server = await startServer({
  routes: workbenchRoutes({ store, name: 'bench.qda' }),
  assets: loadAssets(web),
  token,
  authenticate: tokenAuthenticator(token),
});
const profile = join(dir, 'profile');
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 800 },
  args: [...CHROMIUM_FLAGS],
});
const page = context.pages()[0] ?? (await context.newPage());
await page.addInitScript(() => localStorage.setItem('qda.coder', 'ana'));
await page.goto(server.url);
await page.locator('table.documents').waitFor();

const openMs: number[] = [];
for (let run = 0; run < 5; run++) {
  await page.goto(`http://127.0.0.1:${server.port}/#/documents`);
  await page.locator('table.documents').waitFor();
  const started = Date.now();
  await page.goto(`http://127.0.0.1:${server.port}/#/doc/bench`);
  await page.locator(`#turn-${doc.turns.length}`).waitFor({ state: 'attached' });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  openMs.push(Date.now() - started);
}

// Apply a code to a keyboard selection; time from keydown to the frame that shows the new stripe.
const applyMs: number[] = [];
await page.locator('.transcript').focus();
for (let i = 0; i < 20; i++) {
  await page.keyboard.press('Control+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  const timing = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let t0 = 0;
        document.addEventListener('keydown', () => (t0 = performance.now()), { capture: true, once: true });
        const before = document.querySelectorAll('.stripe').length;
        const observer = new MutationObserver(() => {
          if (t0 && document.querySelectorAll('.stripe').length > before) {
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - t0));
          }
        });
        observer.observe(document.querySelector('.transcript')!, { childList: true, subtree: true });
      }),
  );
  await page.waitForTimeout(20);
  await page.keyboard.press('1');
  applyMs.push(await timing);
  await page.locator('.save-state.saved').waitFor();
}

await context.close();
await server.close();
await store.close();
rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const result = {
  case: 'serve',
  words: WORDS,
  turns: doc.turns.length,
  codings: CODINGS,
  viewport: '1280x800',
  open_ms: { median: median(openMs), max: Math.max(...openMs), runs: openMs },
  open_budget_ms: 1000,
  apply_code_ms: { median: Math.round(median(applyMs) * 10) / 10, max: Math.round(Math.max(...applyMs) * 10) / 10, runs: applyMs.length },
  apply_budget_ms: 100,
};
console.log(JSON.stringify(result));
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  join('bench/results', `serve-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
  `${JSON.stringify(result, null, 2)}\n`,
);
