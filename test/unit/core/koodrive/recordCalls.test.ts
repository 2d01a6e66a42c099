import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../../../shared/profile';
import { RECORD_PATH } from '../../../../electron/core/koodrive/endpoints';
import { prepareRequest } from '../../../../electron/core/koodrive/requestBuilder';
import { type HttpTransport, createHttpTransport } from '../../../../electron/core/koodrive/httpTransport';
import type { QueryPairs } from '../../../../electron/core/koodrive/sign';
import { type RunningSandbox, startSandbox } from '../../../../electron/sandbox/server';

describe('sandbox GET /koodrive/ose/v1/backup/record', () => {
  let sandbox: RunningSandbox;
  let transport: HttpTransport;
  let bearer: Profile;
  let app: Profile;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, seedLocks: 1, seedRecords: false });
    transport = createHttpTransport();
    bearer = {
      environment: 'other',
      id: 'b',
      name: 'B',
      baseUrl: sandbox.url,
      userId: sandbox.credentials.userId,
      authMode: 'bearer',
      moduleCode: '102',
    };
    app = { ...bearer, authMode: 'app', appId: sandbox.credentials.appId };
  });

  afterAll(async () => {
    transport.close();
    await sandbox.stop();
  });

  async function get(
    profile: Profile,
    query: QueryPairs,
    secret?: string,
    method: 'GET' | 'POST' = 'GET',
    path = RECORD_PATH,
  ) {
    const own = profile.authMode === 'app' ? sandbox.credentials.appSecret : sandbox.credentials.token;
    const prepared = prepareRequest({ profile, method, path, query, secret: secret ?? own, now: new Date() });
    const response = await transport({
      method,
      url: prepared.url,
      headers: prepared.headers,
      timeoutMs: 5000,
      maxBodyBytes: 65536,
    });
    return { status: response.status, body: JSON.parse(Buffer.from(response.body).toString('utf8')) as unknown };
  }

  const valid: QueryPairs = [
    ['moduleCode', '102'],
    ['pageSize', '1'],
  ];

  it('answers an empty page to a bearer or HMAC-signed request', async () => {
    const empty = { code: 0, msg: 'success', data: [], nextCursor: '' };
    expect(await get(bearer, valid)).toEqual({ status: 200, body: empty });
    expect(
      await get(app, [
        ['pageSize', '100'],
        ['moduleCode', '100'],
        ['deviceId', 'a b/c'],
      ]),
    ).toEqual({ status: 200, body: empty });
    expect(sandbox.received().at(-1)).toMatchObject({
      method: 'GET',
      path: RECORD_PATH,
      lockId: null,
      outcome: 'listed-records',
    });
  });

  it('is as strict about authentication as the lock routes', async () => {
    const badToken = await get(bearer, valid, 'wrong-token');
    expect(badToken).toMatchObject({ status: 401, body: { error_code: 'APIGW.0301' } });
    const badSignature = await get(app, valid, 'wrong-secret');
    expect(badSignature).toMatchObject({ status: 401, body: { error_code: 'APIGW.0303' } });
    expect(sandbox.received().at(-1)?.outcome).toBe('rejected:bad-signature');
    const wrongUser = await get({ ...bearer, userId: '1' }, valid);
    expect(wrongUser.status).toBe(401);
  });

  it.each<[string, QueryPairs, string]>([
    ['no moduleCode', [['pageSize', '1']], 'moduleCode is required'],
    [
      'a bad moduleCode',
      [
        ['moduleCode', '1x'],
        ['pageSize', '1'],
      ],
      'moduleCode must be 1-8 digits',
    ],
    ['no pageSize', [['moduleCode', '102']], 'pageSize is required'],
    [
      'pageSize 0',
      [
        ['moduleCode', '102'],
        ['pageSize', '0'],
      ],
      'pageSize must be a whole number from 1 to 100',
    ],
    [
      'pageSize 101',
      [
        ['moduleCode', '102'],
        ['pageSize', '101'],
      ],
      'pageSize must be a whole number from 1 to 100',
    ],
    [
      'pageSize 1.5',
      [
        ['moduleCode', '102'],
        ['pageSize', '1.5'],
      ],
      'pageSize must be a whole number from 1 to 100',
    ],
    [
      'a repeated parameter',
      [
        ['moduleCode', '102'],
        ['pageSize', '1'],
        ['pageSize', '2'],
      ],
      'pageSize is sent more than once',
    ],
    [
      'a cursor over 1000 characters',
      [
        ['moduleCode', '102'],
        ['pageSize', '1'],
        ['cursor', 'c'.repeat(1001)],
      ],
      'cursor must be at most 1000',
    ],
  ])('refuses %s with PARAMETER_INVALID', async (_label, query, problem) => {
    const answer = await get(bearer, query);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 13000102 });
    expect((answer.body as { msg: string }).msg).toContain(problem);
  });

  it('is GET on the exact path only', async () => {
    expect((await get(bearer, valid, undefined, 'POST')).status).toBe(404);
    expect((await get(bearer, valid, undefined, 'GET', `${RECORD_PATH}/`)).status).toBe(404);
    expect(sandbox.received().at(-1)?.outcome).toBe('rejected:unknown-route');
  });
});
