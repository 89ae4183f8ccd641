// Runs the CLI from source as a real process (for tests of exit codes and stderr without a build).
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
