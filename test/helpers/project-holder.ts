// A child process that opens a project (for writing, or with `read` for reading) and holds it
// until killed: the second process of the locking tests. Run with
// `node --import tsx test/helpers/project-holder.ts <project> [read]`.
import { openSqliteStore } from '../../src/store/sqlite-store.js';

const store = await openSqliteStore(process.argv[2], { mode: process.argv[3] === 'read' ? 'read' : 'write' });
process.stdout.write(`ready ${(await store.info()).documents}\n`);
setInterval(() => undefined, 60_000);
