// A child process that opens a project for writing and holds it until killed: the second
// process of the locking tests. Run with `node --import tsx test/helpers/project-holder.ts <project>`.
import { openSqliteStore } from '../../src/store/sqlite-store.js';

const store = await openSqliteStore(process.argv[2], { mode: 'write' });
process.stdout.write(`ready ${(await store.info()).documents}\n`);
setInterval(() => undefined, 60_000);
