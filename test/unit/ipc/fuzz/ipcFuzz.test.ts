// IPC fuzzing: every method of the contract through the real dispatch(createHandlers(services), method, arg),
// with real services (temp data folder, in-memory secret store, real audit log and HTTP transport) and a real
// KooDrive sandbox. Invalid arguments (10,000 per method) must be refused as invalid-argument before any
// handler runs, and never reach a server; valid ones (fewer runs: they do real work) must give a result of
// the right shape or a typed error. No call may throw or reject, no promise rejection may go unhandled,
// Object.prototype must stay clean, and no result may contain a secret.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Handlers, METHOD_NAMES, type MethodName, contract } from '../../../../shared/contract';
import { checkLockId } from '../../../../shared/identifiers';
import { safeParse } from '../../../../shared/schema';
import { type RunningSandbox, startSandbox } from '../../../../electron/sandbox/server';
import { createMemorySecretStore } from '../../../../electron/core/secrets/memorySecretStore';
import { type AppServices, createAppServices } from '../../../../electron/app/services';
import { dispatch } from '../../../../electron/ipc/dispatch';
import { createHandlers } from '../../../../electron/ipc/handlers';
import { createTestCa } from '../../../support/testCa';
import { adversarialValue, mutated, nastyString } from './adversarial';
import { ipcResultProblem } from './resultShapes';
import { LIVE_LOCK, type ValidArgContext, argumentKeys, validArgFor } from './validArgs';

/** Invalid arguments per method: the brief's floor. */
const INVALID_RUNS = 10_000;
/** Valid arguments per method: each one does real work (files, fsync, HTTP), so fewer. */
const VALID_RUNS: Record<MethodName, number> = {
  listProfiles: 100,
  saveProfile: 200,
  deleteProfile: 500,
  secretStatus: 500,
  setSecret: 500,
  clearSecret: 500,
  proxyPasswordStatus: 300,
  setProxyPassword: 300,
  clearProxyPassword: 300,
  releaseLock: 300,
  renewLock: 300,
  createLock: 200,
  cancelRequest: 1000,
  startSandbox: 6,
  stopSandbox: 6,
  sandboxStatus: 200,
  startBatch: 40,
  batchStatus: 1000,
  cancelBatch: 1000,
  queryHistory: 300,
  exportHistory: 100,
  verifyAudit: 20,
  previewRequest: 500,
  checkClock: 60,
  checkConnection: 60,
  setUnsavedChanges: 200,
  setWindowLanguage: 100,
  listRecords: 60,
  viewRecord: 100,
  listRecordFiles: 100,
};
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

const TOKEN = `LEAKCANARY-fuzz-token-${Math.random().toString(36).slice(2)}`;
const APP_SECRET = `LEAKCANARY-fuzz-app-${Math.random().toString(36).slice(2)}`;
const SECRETS = [TOKEN, APP_SECRET];

/** Methods whose valid calls may send a request to a server. */
const SENDING: ReadonlySet<MethodName> = new Set([
  'releaseLock',
  'renewLock',
  'createLock',
  'startBatch',
  'checkClock',
  'checkConnection',
  'listRecords',
  'viewRecord',
  'listRecordFiles',
]);

let dataDir: string;
let sandbox: RunningSandbox;
const embedded: RunningSandbox[] = [];
let services: AppServices;
let handlers: Handlers;
const handlerCalls = new Map<string, number>();
let counting: Handlers;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
let context: ValidArgContext;
const prototypeKeys = {
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  function: Object.getOwnPropertyNames(Function.prototype).sort(),
};

/** Requests that reached any sandbox (the test's and the embedded ones). */
function requestsSeen(): number {
  return sandbox.received().length + embedded.reduce((sum, server) => sum + server.received().length, 0);
}

function problemWith(method: MethodName, result: unknown): string | null {
  const shapeProblem = ipcResultProblem(method, result);
  if (shapeProblem) return shapeProblem;
  const text = JSON.stringify(result);
  for (const secret of SECRETS) if (text.includes(secret)) return 'the result contains a secret';
  return null;
}

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kla-ipc-fuzz-'));
  sandbox = await startSandbox({ seedLocks: 0, credentials: { token: TOKEN, appSecret: APP_SECRET } });
  services = createAppServices({
    dataDir,
    secrets: createMemorySecretStore(),
    env: {},
    launchSandbox: async () => {
      const started = await startSandbox({ seedLocks: 3 });
      embedded.push(started);
      return started;
    },
  });
  handlers = createHandlers(services);
  counting = Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      (arg: unknown) => {
        handlerCalls.set(name, (handlerCalls.get(name) ?? 0) + 1);
        return (handler as (arg: unknown) => Promise<unknown>)(arg);
      },
    ]),
  ) as unknown as Handlers;

  const port = new URL(sandbox.url).port;
  const ca = await createTestCa();
  const closed = 'http://127.0.0.1:9';
  const fixtures: Array<{ id: string; input: Record<string, unknown>; secret?: string }> = [
    { id: 'fx-bearer', input: { baseUrl: sandbox.url, authMode: 'bearer' }, secret: TOKEN },
    {
      id: 'fx-app',
      input: { baseUrl: sandbox.url, authMode: 'app', appId: sandbox.credentials.appId },
      secret: APP_SECRET,
    },
    { id: 'fx-no-secret', input: { baseUrl: sandbox.url, authMode: 'bearer' } },
    { id: 'fx-closed-port', input: { baseUrl: closed, authMode: 'bearer' }, secret: TOKEN },
    { id: 'fx-prefix', input: { baseUrl: `${sandbox.url}/gw/`, authMode: 'bearer' }, secret: TOKEN },
    {
      id: 'fx-tls-to-http',
      input: { baseUrl: `https://127.0.0.1:${port}`, authMode: 'bearer', caPem: ca.certPem },
      secret: TOKEN,
    },
    {
      id: 'fx-dead-proxy',
      input: { baseUrl: `https://localhost:${port}`, authMode: 'bearer', proxyUrl: closed },
      secret: TOKEN,
    },
  ];
  for (const fixture of fixtures) {
    const saved = await dispatch(handlers, 'saveProfile', {
      id: undefined,
      name: fixture.id,
      userId: sandbox.credentials.userId,
      moduleCode: '102',
      ...fixture.input,
    });
    if (!saved.ok) throw new Error(`fixture ${fixture.id}: ${saved.error.message}`);
    expect((saved.value as { id: string }).id).toBe(fixture.id);
    if (fixture.secret) {
      const stored = await dispatch(handlers, 'setSecret', { profileId: fixture.id, secret: fixture.secret });
      if (!stored.ok) throw new Error(stored.error.message);
    }
  }
  context = {
    fixtureIds: fixtures.map((fixture) => fixture.id),
    baseUrls: [sandbox.url, closed, `http://localhost:${port}`, `http://[::1]:9`, `${sandbox.url}/prefix`],
    proxyUrl: closed,
    caPem: ca.certPem,
  };
}, 30_000);

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await services?.dispose();
  await Promise.all([sandbox?.stop(), ...embedded.map((server) => server.stop())]);
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

/** Anything the schema refuses: hostile values, and near misses of a valid argument. */
function invalidArgFor(method: MethodName): fc.Arbitrary<unknown> {
  const schema = contract[method].args;
  const keys = argumentKeys(method);
  const nearMiss =
    keys.length === 0
      ? adversarialValue
      : mutated(validArgFor(method, context) as fc.Arbitrary<Record<string, unknown>>, keys);
  return fc
    .oneof({ arbitrary: adversarialValue, weight: 1 }, { arbitrary: nearMiss, weight: 2 })
    .filter((arg) => !safeParse(schema, arg).ok);
}

describe(`invalid arguments: ${INVALID_RUNS} per method, refused before any handler, nothing sent`, () => {
  for (const method of METHOD_NAMES) {
    it(
      method,
      async () => {
        const callsBefore = handlerCalls.get(method) ?? 0;
        let runs = 0;
        await fc.assert(
          fc.asyncProperty(invalidArgFor(method), async (arg) => {
            runs += 1;
            const result = await dispatch(counting, method, arg);
            const problem = problemWith(method, result);
            if (problem) throw new Error(problem);
            if (result.ok || result.error.code !== 'invalid-argument') {
              throw new Error(`expected invalid-argument, got ${JSON.stringify(result).slice(0, 300)}`);
            }
          }),
          { numRuns: INVALID_RUNS, seed: SEED, endOnFailure: true },
        );
        expect(runs).toBe(INVALID_RUNS);
        expect(handlerCalls.get(method) ?? 0).toBe(callsBefore);
        expect(sandbox.received()).toEqual([]);
        expect(embedded).toEqual([]);
      },
      60_000,
    );
  }

  it(`unknown method names (${INVALID_RUNS}): unknown-method, no handler runs`, async () => {
    const before = [...handlerCalls.values()].reduce((sum, n) => sum + n, 0);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          nastyString(40),
          fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'releaselock', 'releaseLock '),
          fc.constantFrom(...METHOD_NAMES).map((name) => `lockAdmin:${name}`),
          adversarialValue,
        ),
        adversarialValue,
        async (method, arg) => {
          fc.pre(!(METHOD_NAMES as readonly unknown[]).includes(method));
          const result = await dispatch(counting, method, arg);
          if (result.ok || result.error.code !== 'unknown-method') throw new Error(JSON.stringify(result));
        },
      ),
      { numRuns: INVALID_RUNS, seed: SEED },
    );
    expect([...handlerCalls.values()].reduce((sum, n) => sum + n, 0)).toBe(before);
    expect(sandbox.received()).toEqual([]);
  }, 60_000);
});

describe('lists are checked index by index', () => {
  it('a valid argument with a hole punched into one of its lists is refused; no handler runs', async () => {
    let punched = 0;
    for (const method of METHOD_NAMES) {
      const callsBefore = handlerCalls.get(method) ?? 0;
      const samples = fc.sample(validArgFor(method, context), { numRuns: 50, seed: SEED });
      for (const arg of samples) {
        if (typeof arg !== 'object' || arg === null) continue;
        for (const [key, value] of Object.entries(arg)) {
          if (!Array.isArray(value) || value.length === 0) continue;
          const inner = [...value, value[0], value[0]];
          Reflect.deleteProperty(inner, value.length);
          for (const sparse of [inner, Object.assign([...value], { length: value.length + 1 })]) {
            expect(Object.keys(sparse).length).toBeLessThan(sparse.length);
            const result = await dispatch(counting, method, { ...arg, [key]: sparse });
            expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
            punched += 1;
          }
        }
      }
      expect(handlerCalls.get(method) ?? 0).toBe(callsBefore);
    }
    expect(punched).toBeGreaterThan(0);
    expect(sandbox.received()).toEqual([]);
  });
});

async function waitForBatch(batchId: string): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 20) {
    const status = await dispatch(handlers, 'batchStatus', { batchId, since: 0 });
    if (!status.ok || (status.value as { finished: boolean }).finished) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`batch ${batchId} did not finish within 10 s`);
}

/** The lock IDs of a (valid) argument that could have been sent: the ones checkLockId accepts. */
function sendableLocks(arg: Record<string, unknown>): number {
  const ids = Array.isArray(arg.rows) ? arg.rows.map((row: { lockId?: unknown }) => row.lockId) : [arg.lockId];
  return ids.filter((id) => typeof id === 'string' && checkLockId(id).ok).length;
}

function withLiveLocks(arg: unknown): unknown {
  if (typeof arg !== 'object' || arg === null) return arg;
  const record = { ...(arg as Record<string, unknown>) };
  if (record.lockId === LIVE_LOCK) record.lockId = sandbox.addLock();
  if (Array.isArray(record.rows)) {
    record.rows = record.rows.map((row: { lockId?: unknown }) =>
      row.lockId === LIVE_LOCK ? { ...row, lockId: sandbox.addLock() } : row,
    );
  }
  return record;
}

describe('valid arguments: a value of the right shape or a typed error; requests only when they should be', () => {
  for (const method of METHOD_NAMES) {
    it(`${method} (${VALID_RUNS[method]} runs)`, async () => {
      const outcomes = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(validArgFor(method, context), async (generated) => {
          const arg = withLiveLocks(generated);
          const before = requestsSeen();
          const result = await dispatch(handlers, method, arg);
          const problem = problemWith(method, result);
          if (problem) throw new Error(`${problem}: ${JSON.stringify(result).slice(0, 400)}`);
          const outcome = result.ok ? 'ok' : result.error.code;
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);

          if (method === 'startBatch' && result.ok) await waitForBatch((result.value as { batchId: string }).batchId);
          const sent = requestsSeen() - before;
          if (!SENDING.has(method)) {
            if (sent !== 0) throw new Error(`${method} sent ${sent} request(s)`);
            return;
          }
          if (method === 'releaseLock' || method === 'renewLock' || method === 'createLock') {
            // Refused before sending: an IPC error, or a LockResult without an HTTP status for bad input.
            const value = result.ok ? (result.value as { kind: string; httpStatus: number | null }) : null;
            const refused = value === null || (value.kind === 'invalid-input' && value.httpStatus === null);
            if (refused && sent !== 0) throw new Error(`a refused ${method} still sent ${sent} request(s)`);
            if (sent > 1) throw new Error(`${method} sent ${sent} requests`);
          }
          if (method === 'listRecords' || method === 'viewRecord' || method === 'listRecordFiles') {
            // A read refused before sending has no HTTP status; one record or file read is one request.
            const value = result.ok ? (result.value as { httpStatus: number | null }) : null;
            if ((value === null || value.httpStatus === null) && sent !== 0 && !result.ok)
              throw new Error(`a refused ${method} still sent ${sent} request(s)`);
            if (method !== 'listRecords' && sent > 1) throw new Error(`${method} sent ${sent} requests`);
          }
          if (method === 'startBatch') {
            const limit = result.ok ? sendableLocks(arg as Record<string, unknown>) : 0;
            if (sent > limit) throw new Error(`the batch sent ${sent} requests for ${limit} sendable IDs`);
          }
        }),
        { numRuns: VALID_RUNS[method], seed: SEED, endOnFailure: true },
      );
      // Reported so that a handler that only ever fails (a placeholder) is visible in the run's output.
      console.info(`ipc-fuzz valid ${method}: ${JSON.stringify(Object.fromEntries(outcomes))}`);
    }, 60_000);
  }
});

describe('afterwards', () => {
  it('no prototype was polluted', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys.object);
    expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(prototypeKeys.array);
    expect(Object.getOwnPropertyNames(Function.prototype).sort()).toEqual(prototypeKeys.function);
  });

  it('no promise rejection went unhandled', async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
  });

  it('the files written (profiles, audit log) contain no secret', async () => {
    for (const name of await fs.readdir(dataDir, { recursive: true })) {
      const file = path.join(dataDir, String(name));
      if (!(await fs.stat(file)).isFile()) continue;
      const bytes = await fs.readFile(file);
      for (const secret of SECRETS) expect(bytes.includes(secret), `${file} contains a secret`).toBe(false);
    }
  });
});
