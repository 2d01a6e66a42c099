import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../../../shared/profile';
import { systemClock } from '../../../../electron/core/clock';
import { type HttpTransport, createHttpTransport } from '../../../../electron/core/koodrive/httpTransport';
import { LOCK_OPERATIONS } from '../../../../electron/core/koodrive/lockOperations';
import { prepareLockRequest } from '../../../../electron/core/koodrive/lockRequests';
import { LIST_RECORDS } from '../../../../electron/core/koodrive/recordOperations';
import { prepareRecordListRequest } from '../../../../electron/core/koodrive/recordRequests';
import { signedCall } from '../../../../electron/core/koodrive/signedCall';
import { type RunningSandbox, startSandbox } from '../../../../electron/sandbox/server';

describe('signedCall against the sandbox', () => {
  let sandbox: RunningSandbox;
  let transport: HttpTransport;
  let app: Profile;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seedLocks: 0 });
    transport = createHttpTransport();
    app = {
      environment: 'other',
      id: 'a',
      name: 'A',
      baseUrl: sandbox.url,
      userId: sandbox.credentials.userId,
      authMode: 'app',
      appId: sandbox.credentials.appId,
      moduleCode: '102',
    };
  });

  afterAll(async () => {
    transport.close();
    await sandbox.stop();
  });

  const deps = () => ({ transport, clock: systemClock, timeoutMs: 5000 });

  it('serves a GET with a query: signed, sent, parsed and classified', async () => {
    const outcome = await signedCall(deps(), {
      operation: LIST_RECORDS,
      profile: app,
      prepare: (now) => prepareRecordListRequest({ profile: app, secret: sandbox.credentials.appSecret, now }),
    });
    expect(outcome.prepared.url.search).toBe('?moduleCode=102&pageSize=1');
    expect(outcome).toMatchObject({ kind: 'success', transportError: null, response: { status: 200 } });
    expect(outcome.body?.shape).not.toBe('none');
  });

  it('classifies a rejected signature on a GET with the same kinds as a lock call', async () => {
    const outcome = await signedCall(deps(), {
      operation: LIST_RECORDS,
      profile: app,
      prepare: (now) => prepareRecordListRequest({ profile: app, secret: 'not-the-app-secret', now }),
    });
    expect(outcome.kind).toBe('auth');
    expect(outcome.remedy).toMatch(/app signature/);
  });

  it('sends nothing when the step before sending throws', async () => {
    const before = sandbox.received().length;
    const call = signedCall(deps(), {
      operation: LOCK_OPERATIONS.create,
      profile: app,
      prepare: (now) =>
        prepareLockRequest({ profile: app, operation: 'create', secret: sandbox.credentials.appSecret, now }),
      beforeSend: async () => {
        throw new Error('audit log full');
      },
    });
    await expect(call).rejects.toThrow('audit log full');
    expect(sandbox.received().length).toBe(before);
  });

  it('signs with the clock offset the user chose', async () => {
    const outcome = await signedCall(deps(), {
      operation: LIST_RECORDS,
      profile: app,
      clockOffsetMs: -3_600_000,
      prepare: (now) => prepareRecordListRequest({ profile: app, secret: sandbox.credentials.appSecret, now }),
    });
    expect(outcome.kind).toBe('clock');
  });
});
