// Creates a tracked temporary folder beside the path given, says "ready", and waits to be
// stopped by a signal: the test checks that the signal removed the temporary.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporaryPath, track } from '../../src/io/temporaries.js';

const temporary = temporaryPath(process.argv[2]);
mkdirSync(temporary);
writeFileSync(join(temporary, 'part.txt'), 'half of a folder');
track(temporary);
process.stdout.write(`${temporary}\n`);
setInterval(() => undefined, 1000);
