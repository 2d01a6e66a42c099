// The desktop main process up to its first window (docs/benchmarks.md, desktop start-up), run under plain Node
// with `electron` stubbed by test/bench/support/mainStartupChild.ts: the sandbox server and its certificate
// generator (selfsigned and its ASN.1 libraries) are not loaded before the first window. Needs
// `npx electron-vite build` first:  npx vitest run --project integration test/integration/mainStartup.test.ts
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const INDEX = path.resolve(import.meta.dirname, '../../out/main/index.js');
const CHILD = path.resolve(import.meta.dirname, '../bench/support/mainStartupChild.ts');
let dataDir: string;

beforeAll(async () => {
  if (!existsSync(INDEX)) throw new Error(`${INDEX} is missing: run \`npx electron-vite build\` first.`);
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'koodrive-main-startup-'));
});

afterAll(async () => {
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

describe('desktop main start-up', () => {
  it('reaches the first window without loading the services, the core, the sandbox or its certificate generator', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CHILD, INDEX, dataDir], {
      timeout: 30_000,
    });
    const marks = JSON.parse(stdout) as { windowMs: number; modules: string[]; builtins: string[] };
    expect(marks.windowMs).toBeGreaterThan(0);
    expect(marks.modules).toContain(INDEX);
    expect(marks.modules.filter((file) => /selfsigned|@peculiar|[\\/]server-[\w-]+\.js$/.test(file))).toEqual([]);
    // The services, the IPC handlers and the core load after the window: no HTTP, TLS or DNS before it
    // (docs/architecture.md, "Start-up").
    const late = ['http', 'https', 'tls', 'dns'];
    expect(marks.builtins.filter((name) => late.includes(name))).toEqual([]);
    expect(marks.modules.filter((file) => /[\\/](services|handlers|runBatch)-[\w-]+\.js$/.test(file))).toEqual([]);
  });
});
