import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The layering of docs/design.md: each folder of src/ may import only the folders listed.
// report/ may also use text/ to convert offsets to code points at the output boundary.
const ALLOWED: Record<string, string[]> = {
  model: [],
  text: ['model'],
  import: ['model', 'text'],
  codebook: ['model', 'text'],
  coding: ['model', 'text', 'codebook'],
  analysis: ['model'],
  report: ['model', 'analysis', 'text'],
  io: ['model', 'text', 'import', 'codebook', 'coding', 'analysis', 'report'],
  store: ['model', 'text', 'codebook', 'coding', 'analysis'],
  server: ['model', 'text', 'import', 'codebook', 'coding', 'analysis', 'report', 'io', 'store'],
  // The browser app: types of the model and pure text helpers only (bundled for the browser).
  web: ['model', 'text'],
  cli: ['model', 'text', 'import', 'codebook', 'coding', 'analysis', 'report', 'io', 'store', 'server'],
};
const FILE_SYSTEM = /from 'node:(fs|fs\/promises|child_process|worker_threads)'|process\.(stdout|stderr|exit|argv)/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('src/ layering', () => {
  const files = sources('src').filter((f) => f.split('/').length > 2);

  it.each(files)('%s imports only what its layer may', (file) => {
    const layer = relative('src', file).split('/')[0];
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(/from '(\.[^']+)'/g)].map((m) => relative('src', join(file, '..', m[1])).split('/')[0]);
    const bad = targets.filter((t) => t !== layer && !ALLOWED[layer]?.includes(t));
    expect(bad, `${file} imports ${bad.join(', ')}`).toEqual([]);
    if (!['io', 'store', 'server', 'cli'].includes(layer)) expect(FILE_SYSTEM.test(text), `${file} touches the file system or the process`).toBe(false);
    if (layer === 'web') expect(/from 'node:|import\('node:/.test(text), `${file} imports a Node module`).toBe(false);
    if (layer === 'web') expect(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/.test(text), `${file} writes HTML from strings`).toBe(false);
  });
});
