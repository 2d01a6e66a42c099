// NODE_TLS_REJECT_UNAUTHORIZED=0 must not weaken TLS: against a self-signed HTTPS sandbox, the real
// LockService + HTTP transport and the built CLI (`npm run build` first) send nothing, and say why.
//   node test/support/with-keyring.mjs npx vitest run --project integration test/integration/tls-env-refusal.test.ts
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/profile';
import { createAuditLog } from '../../electron/core/audit/auditLog';
import { systemClock } from '../../electron/core/clock';
import { createHttpTransport } from '../../electron/core/koodrive/httpTransport';
import { createKeepAliveHttpsAgent } from '../../electron/core/koodrive/keepAliveAgents';
import { TLS_OVERRIDE_VARIABLE } from '../../electron/core/koodrive/tlsEnvironment';
import { createLockService } from '../../electron/core/lockService';
import { type RunningSandbox, startSandbox } from '../../electron/sandbox/server';

const CLI = path.resolve(import.meta.dirname, '../../out/main/cli.js');

let sandbox: RunningSandbox;
let dataDir: string;
const saved = process.env[TLS_OVERRIDE_VARIABLE];

beforeAll(async () => {
  sandbox = await startSandbox({ https: true, seedLocks: 0 });
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-tls-env-'));
});

afterEach(() => {
  if (saved === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  else process.env[TLS_OVERRIDE_VARIABLE] = saved;
});

afterAll(async () => {
  await sandbox?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

function profile(caPem?: string): Profile {
  return {
    id: 'tls-env',
    name: 'TLS env',
    baseUrl: sandbox.url,
    userId: sandbox.credentials.userId,
    authMode: 'bearer',
    moduleCode: '102',
    environment: 'sandbox',
    ...(caPem ? { caPem } : {}),
  } as Profile;
}

function service() {
  const transport = createHttpTransport();
  const audit = createAuditLog({ dataDir });
  const lockService = createLockService({
    transport,
    clock: systemClock,
    secretFor: async () => sandbox.credentials.token,
    audit,
    source: 'gui',
    osUser: 'tls-tester',
    timeoutMs: 3000,
  });
  return { lockService, close: async () => (transport.close(), await audit.close()) };
}

describe('NODE_TLS_REJECT_UNAUTHORIZED=0', () => {
  it('every HTTPS agent verifies explicitly', () => {
    expect(createKeepAliveHttpsAgent().options.rejectUnauthorized).toBe(true);
  });

  it('the sandbox really is self-signed HTTPS, and with its certificate as extra CA a release goes through', async () => {
    expect(sandbox.url).toMatch(/^https:/);
    const { lockService, close } = service();
    const result = await lockService.release(profile(sandbox.caPem), sandbox.addLock());
    await close();
    expect(result).toMatchObject({ ok: true });
    expect(sandbox.received().length).toBeGreaterThan(0);
  });

  it('LockService: kind "tls" naming the variable and what to do; the sandbox receives nothing', async () => {
    const before = sandbox.received().length;
    process.env[TLS_OVERRIDE_VARIABLE] = '0';
    for (const caPem of [undefined, sandbox.caPem]) {
      const { lockService, close } = service();
      const result = await lockService.release(profile(caPem), sandbox.addLock());
      await close();
      expect(result).toMatchObject({ ok: false, kind: 'tls', httpStatus: null });
      expect(result.msg ?? '').toContain('NODE_TLS_REJECT_UNAUTHORIZED=0');
      expect(result.msg ?? '').toContain('unset');
    }
    expect(sandbox.received().length).toBe(before);
  });

  it('the built CLI refuses at start (exit 2) before reading any secret; the sandbox receives nothing', async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first.`);
    const before = sandbox.received().length;
    const env = {
      ...process.env,
      [TLS_OVERRIDE_VARIABLE]: '0',
      KOODRIVE_TOKEN: sandbox.credentials.token,
      KOODRIVE_LOCK_ADMIN_DATA_DIR: dataDir,
    };
    const args = ['release', '--base-url', sandbox.url, '--user-id', sandbox.credentials.userId, '--auth', 'bearer'];
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      // --secret-stdin: a CLI that read the secret would wait for stdin, which is never closed here.
      const child = spawn(process.execPath, [CLI, ...args, '--secret-stdin', sandbox.addLock()], { env });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
      child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('NODE_TLS_REJECT_UNAUTHORIZED=0');
    expect(run.stderr).toContain('unset NODE_TLS_REJECT_UNAUTHORIZED');
    expect(sandbox.received().length).toBe(before);
  });
});
