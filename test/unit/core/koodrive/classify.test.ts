import { describe, expect, it } from 'vitest';
import { RESULT_KINDS, type ResultKind } from '../../../../shared/result';
import {
  type ClassifyInput,
  classify,
  clockSkewMs,
  retryAfterSeconds,
} from '../../../../electron/core/koodrive/classify';
import { LOCK_OPERATIONS } from '../../../../electron/core/koodrive/lockOperations';
import { LIST_RECORDS, LIST_RECORD_FILES, VIEW_RECORD } from '../../../../electron/core/koodrive/recordOperations';
import { type ParsedBody, parseResponseBody } from '../../../../electron/core/koodrive/responseParser';
import { TransportError, type TransportFailure } from '../../../../electron/core/koodrive/transport';

const X_DATE = '20250115T083000Z';
const SERVER_DATE_SAME = 'Wed, 15 Jan 2025 08:30:01 GMT';

function body(json: string): ParsedBody {
  return parseResponseBody(Buffer.from(json, 'utf8'));
}

function run(status: number | null, json: string, extra: Partial<ClassifyInput> = {}) {
  return classify({
    operation: LOCK_OPERATIONS.release,
    httpStatus: status,
    body: status === null ? null : body(json),
    xDate: X_DATE,
    serverDate: SERVER_DATE_SAME,
    ...extra,
  });
}

const koodrive = (code: number | string, msg = 'm') => JSON.stringify({ code, msg });
const gateway = (code: string, msg = 'm') => JSON.stringify({ error_code: code, error_msg: msg, request_id: 'r1' });

describe('classify: HTTP answers', () => {
  const table: Array<[string, number, string, ResultKind, Partial<ClassifyInput>?]> = [
    ['200 code 0', 200, koodrive(0, 'success'), 'success'],
    ['200 code "0"', 200, koodrive('0'), 'success'],
    ['200 code 13000309', 200, koodrive(13000309), 'not-found'],
    ['200 code 13000201', 200, koodrive(13000201), 'server'],
    ['200 code 13000102', 200, koodrive('13000102'), 'invalid-input'],
    ['200 unknown code', 200, koodrive(13000999), 'conflict'],
    ['200 HTML', 200, '<html>login</html>', 'invalid-response'],
    ['200 empty', 200, '', 'invalid-response'],
    ['401', 401, koodrive(401, 'unauthorized'), 'auth'],
    ['401 HTML', 401, '<html>no</html>', 'auth'],
    ['403', 403, koodrive(403), 'auth'],
    ['401 APIGW.0303', 401, gateway('APIGW.0303'), 'auth'],
    ['401 APIGW.0301', 401, gateway('APIGW.0301'), 'auth'],
    ['403 APIGW.0302', 403, gateway('APIGW.0302'), 'auth'],
    ['400 mentioning authentication', 400, koodrive(400, 'Authentication failed'), 'auth'],
    ['400 mentioning the signature', 400, koodrive(400, 'signature mismatch'), 'auth'],
    ['400 authentication in Chinese', 400, koodrive(400, '认证失败'), 'auth'],
    ['401 whose msg names X-Date', 401, gateway('APIGW.0303', 'Invalid X-Date'), 'clock'],
    ['404 KooDrive body', 404, koodrive(13000309), 'not-found'],
    ['404 HTML (wrong address)', 404, '<html>Not Found</html>', 'invalid-response'],
    ['404 empty (wrong address)', 404, '', 'invalid-response'],
    ['404 APIGW.0101 (no such route)', 404, gateway('APIGW.0101'), 'invalid-input'],
    ['400 code 13000309', 400, koodrive(13000309), 'not-found'],
    ['409', 409, koodrive(409, 'lock held'), 'conflict'],
    ['409 HTML', 409, '<p>conflict</p>', 'conflict'],
    ['429', 429, '', 'throttled'],
    ['400 APIGW.0308', 400, gateway('APIGW.0308'), 'throttled'],
    ['500', 500, koodrive(500), 'server'],
    ['502 HTML', 502, '<html>Bad Gateway</html>', 'server'],
    ['503 empty', 503, '', 'server'],
    ['400 13000201', 400, koodrive(13000201), 'server'],
    ['400 13000102', 400, koodrive(13000102, 'PARAMETER_INVALID'), 'invalid-input'],
    ['400 13000101', 400, koodrive('13000101'), 'invalid-input'],
    ['400 APIGW.0201', 400, gateway('APIGW.0201'), 'invalid-input'],
    ['400 unknown business code', 400, koodrive(13000301), 'conflict'],
    ['400 HTML', 400, '<html>bad</html>', 'invalid-response'],
    ['405 empty', 405, '', 'invalid-response'],
    ['302 redirect', 302, '', 'invalid-response'],
  ];

  it.each(table)('%s -> %s', (_label, status, json, kind, extra) => {
    const result = run(status, json, extra);
    expect(result.kind).toBe(kind);
    expect(result.remedy).toMatch(/^[A-Z].*\.$/);
    expect(result.remedy).not.toMatch(/\.\s+[A-Z]/);
  });

  it('requires a lock ID in a successful create answer', () => {
    const ok = classify({
      operation: LOCK_OPERATIONS.create,
      httpStatus: 200,
      body: body('{"code":0,"data":{"lockId":"a@102"}}'),
    });
    expect(ok.kind).toBe('success');
    const missing = classify({
      operation: LOCK_OPERATIONS.create,
      httpStatus: 200,
      body: body('{"code":0,"msg":"success"}'),
    });
    expect(missing.kind).toBe('invalid-response');
    expect(missing.remedy).toMatch(/no lock ID/);
  });

  it('names the right credential in the auth remedy', () => {
    expect(run(401, '', { authMode: 'bearer' }).remedy).toMatch(/access token/);
    expect(run(401, '', { authMode: 'app' }).remedy).toMatch(/App secret/);
    expect(run(403, '', { authMode: 'app' }).remedy).toMatch(/refused the operation/);
  });

  it('gives operation-specific not-found remedies', () => {
    expect(run(404, koodrive(13000309)).remedy).toBe(
      'The lock is already gone (released or expired) or the ID is wrong; nothing to do unless the backup still fails.',
    );
    expect(run(404, koodrive(13000309), { operation: LOCK_OPERATIONS.renew }).remedy).toMatch(/create a new lock/);
  });
});

describe('classify: clock', () => {
  it('turns an auth rejection into clock when our X-Date is after the server Date', () => {
    const result = run(401, gateway('APIGW.0303'), { serverDate: 'Wed, 15 Jan 2025 08:28:00 GMT' });
    expect(result.kind).toBe('clock');
    expect(result.remedy).toMatch(/120 seconds ahead of|2 minutes ahead of/);
  });

  it('turns an auth rejection into clock when our X-Date is more than 15 minutes old', () => {
    const result = run(400, koodrive(400, 'authentication failed'), { serverDate: 'Wed, 15 Jan 2025 08:50:00 GMT' });
    expect(result.kind).toBe('clock');
    expect(result.remedy).toMatch(/20 minutes behind/);
  });

  it('stays auth when the clocks agree (14 minutes behind is still inside the window)', () => {
    expect(run(401, gateway('APIGW.0303')).kind).toBe('auth');
    expect(run(401, '', { serverDate: 'Wed, 15 Jan 2025 08:44:00 GMT' }).kind).toBe('auth');
    expect(run(401, '', { serverDate: undefined }).kind).toBe('auth');
  });

  it('does not call a successful answer a clock problem', () => {
    expect(run(200, koodrive(0), { serverDate: 'Wed, 15 Jan 2025 07:00:00 GMT' }).kind).toBe('success');
  });

  it('computes the skew', () => {
    expect(clockSkewMs(X_DATE, 'Wed, 15 Jan 2025 08:29:00 GMT')).toBe(60_000);
    expect(clockSkewMs(X_DATE, 'not a date')).toBeNull();
    expect(clockSkewMs('2025-01-15', SERVER_DATE_SAME)).toBeNull();
  });
});

describe('classify: throttling', () => {
  it('mentions Retry-After seconds when given', () => {
    expect(run(429, '', { retryAfter: '30' }).remedy).toMatch(/wait 30 seconds \(Retry-After\)/);
    expect(run(429, '', { retryAfter: 'Wed, 15 Jan 2025 08:31:01 GMT' }).remedy).toMatch(/wait 60 seconds/);
    expect(run(429, '').remedy).toMatch(/about a minute/);
  });

  it('reads both Retry-After forms', () => {
    expect(retryAfterSeconds('  120 ', undefined)).toBe(120);
    expect(retryAfterSeconds('soon', undefined)).toBeNull();
    expect(retryAfterSeconds(undefined, undefined)).toBeNull();
  });
});

describe('classify: transport failures', () => {
  const table: Array<[TransportFailure, string | undefined, ResultKind, RegExp]> = [
    ['dns', 'ENOTFOUND', 'network', /could not be resolved/],
    ['network', 'ECONNREFUSED', 'network', /No connection/],
    ['reset', 'ECONNRESET', 'network', /may already be released/],
    ['tls', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'tls', /not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)/],
    ['tls', 'ERR_TLS_CERT_ALTNAME_INVALID', 'tls', /different host name/],
    ['tls', 'CERT_HAS_EXPIRED', 'tls', /date and time/],
    ['timeout', undefined, 'timeout', /in time/],
    ['too-large', undefined, 'invalid-response', /size limit/],
    ['cancelled', undefined, 'cancelled', /cancelled/],
    ['network', 'HPE_INVALID_CONSTANT', 'invalid-response', /malformed HTTP/],
    ['network', 'EPROXYAUTH', 'proxy-auth', /HTTPS_PROXY=http:\/\/user:password@proxy:port.*cntlm or px/],
    ['network', 'EPROXYCONNECT', 'network', /^The proxy could not be reached/],
    ['network', 'EPROXY', 'network', /^The proxy would not open a tunnel/],
    ['tls', 'ERR_SSL_WRONG_VERSION_NUMBER', 'tls', /answered in plain HTTP, not TLS/],
  ];

  it.each(table)('%s (%s) -> %s', (failure, causeCode, kind, remedy) => {
    const result = classify({
      operation: LOCK_OPERATIONS.release,
      httpStatus: null,
      body: null,
      transportError: new TransportError(failure, 'm', causeCode),
    });
    expect(result.kind).toBe(kind);
    expect(result.remedy).toMatch(remedy);
  });
});

describe('classify: answers from something in between', () => {
  it('an HTML 502 is blamed on a proxy or gateway, not on KooDrive', () => {
    const result = classify({
      operation: LOCK_OPERATIONS.release,
      httpStatus: 502,
      body: body('<html>Bad Gateway</html>'),
    });
    expect(result.kind).toBe('server');
    expect(result.remedy).toMatch(/^Something between this computer and KooDrive \(a proxy/);
    expect(result.remedy).not.toMatch(/KooDrive failed internally/);
  });

  it('a KooDrive JSON 502 is still KooDrive failing internally', () => {
    const result = classify({
      operation: LOCK_OPERATIONS.release,
      httpStatus: 502,
      body: body('{"error_code":"APIGW.0201"}'),
    });
    expect(result.remedy).toMatch(/^KooDrive failed internally/);
  });

  it('a 407 answer is proxy-auth', () => {
    expect(classify({ operation: LOCK_OPERATIONS.renew, httpStatus: 407, body: body('') }).kind).toBe('proxy-auth');
  });
});

describe('classify: coverage', () => {
  it('produces every ResultKind, each with a remedy, for every operation (lock and record reads)', () => {
    const seen = new Set<ResultKind>();
    const operations = [...Object.values(LOCK_OPERATIONS), LIST_RECORDS, VIEW_RECORD, LIST_RECORD_FILES];
    const inputs: Array<Omit<ClassifyInput, 'operation'>> = [
      { httpStatus: 200, body: body('{"code":0,"data":{"lockId":"a@1"}}') },
      { httpStatus: 401, body: body('') },
      { httpStatus: 401, body: body(''), xDate: X_DATE, serverDate: 'Wed, 15 Jan 2025 08:00:00 GMT' },
      { httpStatus: 404, body: body(koodrive(13000309)) },
      { httpStatus: 409, body: body('') },
      { httpStatus: 429, body: body('') },
      { httpStatus: 500, body: body('') },
      { httpStatus: 400, body: body(koodrive(13000102)) },
      { httpStatus: 200, body: body('<html>') },
      { httpStatus: 407, body: body('<html>Proxy Authentication Required</html>') },
      ...(['network', 'tls', 'timeout', 'cancelled'] as const).map((failure) => ({
        httpStatus: null,
        body: null,
        transportError: new TransportError(failure, 'm'),
      })),
    ];
    for (const operation of operations) {
      for (const input of inputs) {
        const result = classify({ operation, ...input });
        seen.add(result.kind);
        expect(result.remedy.length).toBeGreaterThan(20);
      }
    }
    // Decided before anything is sent, by the lock service (the secret's destination), never by an answer.
    const beforeSending: readonly ResultKind[] = ['destination-changed'];
    expect([...seen].sort()).toEqual(RESULT_KINDS.filter((kind) => !beforeSending.includes(kind)).sort());
  });
});

describe('classify: read-only record calls', () => {
  it('words the remedies for a call that changes nothing, with the same kinds as a lock call', () => {
    const lost = classify({
      operation: LIST_RECORDS,
      httpStatus: null,
      body: null,
      transportError: new TransportError('timeout', 'm'),
    });
    expect(lost).toEqual({
      kind: 'timeout',
      remedy: 'No complete answer arrived in time: check the network or proxy and try again.',
      remedyMessage: { key: 'remedy.timeout.readOnly' },
    });
    const failed = classify({ operation: VIEW_RECORD, httpStatus: 500, body: body(koodrive(13000201)) });
    expect(failed.kind).toBe('server');
    expect(failed.remedy).toMatch(/the call only reads, so nothing changed/);
    expect(failed.remedy).not.toMatch(/lock/);
    const missing = classify({ operation: VIEW_RECORD, httpStatus: 404, body: body(koodrive(13000309)) });
    expect(missing).toMatchObject({ kind: 'not-found', remedy: expect.stringMatching(/record ID/) });
    // A create-lock success without a lock ID is invalid; a record read has no such requirement.
    const ok = body('{"code":0,"data":[]}');
    expect(classify({ operation: LIST_RECORD_FILES, httpStatus: 200, body: ok }).kind).toBe('success');
    expect(classify({ operation: LOCK_OPERATIONS.create, httpStatus: 200, body: ok }).kind).toBe('invalid-response');
  });
});
