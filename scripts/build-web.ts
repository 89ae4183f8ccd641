// Bundle the browser app (src/web) into one script, with its page and styles, for the
// workbench server to serve: `dist/web/` by default. Run by `npm run build`; tests call
// `buildWeb(dir)` for a fresh copy.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const SOURCE = fileURLToPath(new URL('../src/web/', import.meta.url));

/** Write app.js, app.css and index.html into `outDir`. */
export async function buildWeb(outDir: string): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [join(SOURCE, 'main.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    outfile: join(outDir, 'app.js'),
    logLevel: 'warning',
  });
  copyFileSync(join(SOURCE, 'index.html'), join(outDir, 'index.html'));
  copyFileSync(join(SOURCE, 'styles.css'), join(outDir, 'app.css'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildWeb(process.argv[2] ?? 'dist/web');
}
