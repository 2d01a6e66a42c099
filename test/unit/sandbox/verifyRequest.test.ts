import { describe, expect, it } from 'vitest';
import { DEFAULT_SIGNED_HEADERS, sha256Hex, signAppRequest } from '../../../electron/core/koodrive/sign';
import { formatXDate } from '../../../electron/core/koodrive/xdate';
import { ReceivedHeaders } from '../../../electron/sandbox/receivedHeaders';
import type { SandboxCredentials } from '../../../electron/sandbox/types';
import { verifyRequest } from '../../../electron/sandbox/verifyRequest';

const CREDENTIALS: SandboxCredentials = {
  userId: '1234567890123456789',
  token: 'sbx_token',
  appId: '9f2b6c1e4d8a7f30b5c2e1d4a6f8b9c0d3e2f1a4b7c6d5e8f9a0b1c2d3e4f5a6',
  appSecret: 'kd-test-secret-2f7c9e1a4b6d8f0c',
};
const NOW = new Date(Date.UTC(2025, 0, 15, 8, 30, 0, 400));
const PATH = '/koodrive/ose/v1/backup/lock';

interface Build {
  method?: string;
  rawUrl?: string;
  signedAt?: Date;
  auth?: 'bearer' | 'app';
  headers?: Record<string, string>;
  body?: string;
  after?: (headers: Record<string, string>) => void;
  raw?: string[];
}

function build(options: Build = {}) {
  const method = options.method ?? 'DELETE';
  const rawUrl = options.rawUrl ?? PATH;
  const body = Buffer.from(options.body ?? '', 'utf8');
  const headers: Record<string, string> = {
    Host: 'intl.myhuaweicloud-koodrive.com',
    'X-Date': formatXDate(options.signedAt ?? NOW),
    'X-User-Id': CREDENTIALS.userId,
    'x-backup-lock-id': '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102',
    ...options.headers,
  };
  if ((options.auth ?? 'app') === 'bearer') headers.Authorization = `Bearer ${CREDENTIALS.token}`;
  else {
    const [path, query = ''] = rawUrl.split('?');
    headers.Authorization = signAppRequest({
      method,
      path,
      query: query ? query.split('&').map((pair) => pair.split('=') as [string, string]) : [],
      headers,
      signedHeaders: DEFAULT_SIGNED_HEADERS,
      body,
      appId: CREDENTIALS.appId,
      appSecret: CREDENTIALS.appSecret,
    }).authorization;
  }
  options.after?.(headers);
  const raw = [...Object.entries(headers).flat(), ...(options.raw ?? [])];
  return verifyRequest({ method, rawUrl, headers: new ReceivedHeaders(raw), body }, CREDENTIALS, NOW, 'req-1');
}

function outcomeOf(result: ReturnType<typeof verifyRequest>): string {
  return result.ok ? `ok:${result.scheme}` : result.outcome;
}

describe('verifyRequest', () => {
  it('accepts a bearer request and an app-signed request', () => {
    expect(outcomeOf(build({ auth: 'bearer' }))).toBe('ok:bearer');
    expect(outcomeOf(build({ auth: 'app' }))).toBe('ok:app');
    expect(outcomeOf(build({ method: 'POST', body: '{"moduleCode":"102"}' }))).toBe('ok:app');
    expect(outcomeOf(build({ method: 'GET', rawUrl: `${PATH}?pageSize=10&moduleCode=102` }))).toBe('ok:app');
  });

  it('accepts X-Date from exactly 15 minutes old up to 1 s ahead, and nothing outside', () => {
    const at = (ms: number) => outcomeOf(build({ signedAt: new Date(NOW.getTime() + ms) }));
    expect(at(-15 * 60_000)).toBe('ok:app');
    expect(at(-15 * 60_000 - 1000)).toBe('rejected:stale-x-date');
    expect(at(1000)).toBe('ok:app');
    expect(at(2000)).toBe('rejected:future-x-date');
    expect(at(-20 * 60_000)).toBe('rejected:stale-x-date');
    expect(at(2 * 60_000)).toBe('rejected:future-x-date');
  });

  it('explains the window in an APIGW.0303 body', () => {
    const result = build({ auth: 'bearer', signedAt: new Date(NOW.getTime() - 20 * 60_000) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reply.status).toBe(401);
    expect(result.reply.body).toMatchObject({ error_code: 'APIGW.0303', request_id: 'req-1' });
    expect(String(result.reply.body.error_msg)).toContain(
      'X-Date 20250115T081000Z is outside the accepted window (at most 15 minutes before server time and not after it)',
    );
  });

  it('rejects a signature when anything signed changed after signing', () => {
    const tamper = (change: (h: Record<string, string>) => void) => outcomeOf(build({ after: change }));
    expect(tamper((h) => (h.Host = 'other.example.com'))).toBe('rejected:bad-signature');
    expect(tamper((h) => (h['X-Date'] = formatXDate(new Date(NOW.getTime() - 1000))))).toBe('rejected:bad-signature');
    expect(tamper((h) => (h['X-User-Id'] = '1234567890123456780'))).toBe('rejected:bad-signature');
    // the lock ID header is not signed by default, so changing it keeps the signature valid
    expect(tamper((h) => (h['x-backup-lock-id'] = 'x@100'))).toBe('ok:app');
  });

  it('checks every request against its own signature, also right after the same request was accepted', () => {
    let deleteAuthorization = '';
    expect(outcomeOf(build({ after: (h) => (deleteAuthorization = h.Authorization) }))).toBe('ok:app');
    const flipLast = (h: Record<string, string>) =>
      (h.Authorization = `${h.Authorization.slice(0, -1)}${h.Authorization.endsWith('0') ? '1' : '0'}`);
    expect(outcomeOf(build({ after: flipLast }))).toBe('rejected:bad-signature');
    expect(outcomeOf(build({ method: 'PATCH', after: (h) => (h.Authorization = deleteAuthorization) }))).toBe(
      'rejected:bad-signature',
    );
    expect(outcomeOf(build({ rawUrl: `${PATH}?a=1`, after: (h) => (h.Authorization = deleteAuthorization) }))).toBe(
      'rejected:bad-signature',
    );
    expect(outcomeOf(build({ method: 'PATCH' }))).toBe('ok:app');
    expect(outcomeOf(build())).toBe('ok:app');
  });

  it('hashes the body as received', () => {
    const headers = (body: string) => {
      const signed: Record<string, string> = {
        Host: 'h',
        'X-Date': formatXDate(NOW),
        'X-User-Id': CREDENTIALS.userId,
      };
      signed.Authorization = signAppRequest({
        method: 'POST',
        path: PATH,
        query: [],
        headers: signed,
        signedHeaders: DEFAULT_SIGNED_HEADERS,
        body,
        appId: CREDENTIALS.appId,
        appSecret: CREDENTIALS.appSecret,
      }).authorization;
      return new ReceivedHeaders(Object.entries(signed).flat());
    };
    const verify = (signedBody: string, sentBody: string) =>
      outcomeOf(
        verifyRequest(
          { method: 'POST', rawUrl: PATH, headers: headers(signedBody), body: Buffer.from(sentBody) },
          CREDENTIALS,
          NOW,
          'r',
        ),
      );
    expect(verify('{"moduleCode":"102"}', '{"moduleCode":"102"}')).toBe('ok:app');
    expect(verify('{"moduleCode":"102"}', '{"moduleCode": "102"}')).toBe('rejected:bad-signature');
  });

  it('tells the client the SHA-256 of the canonical request it computed', () => {
    const result = build({ after: (h) => (h.Host = 'changed') });
    if (result.ok) throw new Error('expected a rejection');
    const canonical = `DELETE\n${PATH}/\n\nhost:changed\nx-date:${formatXDate(NOW)}\nx-user-id:${CREDENTIALS.userId}\n\nhost;x-date;x-user-id\n${sha256Hex('')}`;
    expect(String(result.reply.body.error_msg)).toContain(sha256Hex(canonical));
  });

  it('rejects wrong credentials', () => {
    expect(outcomeOf(build({ auth: 'bearer', after: (h) => (h.Authorization = 'Bearer nope') }))).toBe(
      'rejected:bad-token',
    );
    expect(
      outcomeOf(build({ after: (h) => (h.Authorization = h.Authorization.replace(CREDENTIALS.appId, 'abc')) })),
    ).toBe('rejected:bad-app-id');
    expect(outcomeOf(build({ auth: 'bearer', headers: { 'X-User-Id': '1' } }))).toBe('rejected:wrong-user');
  });

  it('lets an app act for any user, but a token only for its own', () => {
    expect(outcomeOf(build({ headers: { 'X-User-Id': '1505084218764547200' } }))).toBe('ok:app');
    const forOther = build({ headers: { 'X-User-Id': '1505084218764547200' } });
    expect(forOther.ok && forOther.userId).toBe('1505084218764547200');
    const bearer = build({ auth: 'bearer', headers: { 'X-User-Id': '1505084218764547200' } });
    if (bearer.ok) throw new Error('expected a rejection');
    expect(bearer.reply).toMatchObject({ status: 401, body: { error_code: 'APIGW.0301' } });
    expect(String(bearer.reply.body.error_msg)).toContain('does not belong to X-User-Id 1505084218764547200');
  });

  it('answers 400 PARAMETER_INVALID for missing, repeated or malformed headers', () => {
    const problem = (result: ReturnType<typeof verifyRequest>) => {
      if (result.ok) throw new Error('expected a rejection');
      expect(result.reply.status).toBe(400);
      expect(result.reply.body.code).toBe(13000102);
      return String(result.reply.body.msg);
    };
    expect(problem(build({ after: (h) => delete h['X-User-Id'] }))).toBe('PARAMETER_INVALID: missing header X-User-Id');
    expect(problem(build({ after: (h) => delete h['X-Date'] }))).toBe('PARAMETER_INVALID: missing header X-Date');
    expect(problem(build({ after: (h) => delete h.Authorization }))).toBe(
      'PARAMETER_INVALID: missing header Authorization',
    );
    expect(problem(build({ headers: { 'X-User-Id': '12a' } }))).toMatch(/digits only/);
    expect(problem(build({ headers: { 'X-Date': '2025-01-15T08:30:00Z' } }))).toMatch(/yyyyMMdd'T'HHmmss'Z'/);
    expect(problem(build({ headers: { 'X-Date': '20250115T083000' } }))).toMatch(/yyyyMMdd/);
    expect(problem(build({ raw: ['X-Date', formatXDate(NOW)] }))).toMatch(/X-Date is sent more than once/);
    expect(problem(build({ after: (h) => (h.Authorization = 'Token x') }))).toMatch(/expected "Bearer <token>"/);
    expect(problem(build({ after: (h) => delete h.Host }))).toMatch(/signed header host is missing/);
    expect(problem(build({ rawUrl: `${PATH}?a=%zz` }))).toMatch(/percent-encoding/);
  });
});
