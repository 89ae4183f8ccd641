import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { compileLinearRegex } from './src/codebook/linear-regex.ts';
const cb = parse(readFileSync('codebooks/lk3-psychosocial.yaml', 'utf8'));
const all: string[] = [];
for (const c of cb.codes) for (const r of c.regex ?? []) all.push(r);
const files: string[] = [];
const walk = (d: string) => { for (const f of readdirSync(d)) { const p = join(d, f); const s = statSync(p); if (s.isDirectory()) walk(p); else if (/\.(md|txt|vtt|srt|csv|json|jsonl|xml|qde|html)$/i.test(f) && s.size < 50e6) files.push(p); } };
for (const d of process.argv.slice(2)) walk(d);
let texts = 0, chars = 0, diffs = 0, hits = 0;
const compiled = all.map((r) => ({ js: new RegExp(r, 'giu'), lin: compileLinearRegex(r) }));
let tj = 0, tl = 0;
for (const f of files) {
  const full = readFileSync(f, 'utf8');
  // lines and paragraphs as stand-ins for segments, plus the whole file
  const parts = [...full.split(/\n/), ...full.split(/\n\s*\n/)];
  for (const text of parts) {
    texts++; chars += text.length;
    for (const { js, lin } of compiled) {
      let t0 = performance.now();
      const a: string[] = []; js.lastIndex = 0;
      for (let m = js.exec(text); m; m = js.exec(text)) { if (m[0].length === 0) { js.lastIndex++; continue; } a.push(`${m.index}-${m.index + m[0].length}`); }
      tj += performance.now() - t0; t0 = performance.now();
      const b = lin.matches(text).map(([s, e]) => `${s}-${e}`);
      tl += performance.now() - t0;
      hits += a.length;
      if (a.join() !== b.join()) { diffs++; if (diffs < 10) console.log('DIFF', f, js.source.slice(0, 80), a, b, JSON.stringify(text.slice(0, 200))); }
    }
  }
}
console.log({ files: files.length, texts, chars, hits, diffs, jsMs: Math.round(tj), linearMs: Math.round(tl) });
