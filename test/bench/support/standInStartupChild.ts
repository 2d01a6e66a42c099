/**
 * The stand-in's main side (test/e2e/support/fixtures.ts): the services and IPC handlers the built
 * renderer is routed to, in a fresh process. Prints one JSON line: ms since process start when this
 * bundle's modules were loaded, and when the services and handlers were created (what main does
 * before its first window). Usage: node standInStartupChild.js <data dir>
 */
import { createAppServices } from '../../../electron/app/services';
import { createHandlers } from '../../../electron/ipc/handlers';

// The bundle evaluates every imported module before this line.
const loadedMs = performance.now();

const services = createAppServices({ dataDir: process.argv[2] });
createHandlers(services);
const composedMs = performance.now();
process.stdout.write(`${JSON.stringify({ loadedMs, composedMs })}\n`, () => process.exit(0));
