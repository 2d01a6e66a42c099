import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { formatResult, printable } from '../../../electron/cli/formatResult';
import { createProgressLine, formatProgress, formatSeconds } from '../../../electron/cli/progressLine';
import { readAll, readFirstLine } from '../../../electron/cli/readInput';
import type { LockResult } from '../../../shared/result';

const base: LockResult = {
  ok: true,
  kind: 'success',
  operation: 'release',
  host: 'h',
  userId: '1505084218764547200',
  httpStatus: 200,
  code: '0',
  msg: 'success',
  lockId: '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102',
  durationMs: 36.6,
  remedy: 'The lock is released.',
  remedyMessage: { key: 'operation.release.success' },
};

describe('formatResult', () => {
  it('one line for a success', () => {
    expect(formatResult(base)).toBe(
      'released 78e41c7e-db02-4d55-85b3-8153e4fefd2e@102 for user 1505084218764547200 (HTTP 200, code 0, 37 ms)',
    );
    expect(formatResult({ ...base, operation: 'create', requestId: 'r-1' })).toBe(
      'created 78e41c7e-db02-4d55-85b3-8153e4fefd2e@102 for user 1505084218764547200 (HTTP 200, code 0, request r-1, 37 ms)',
    );
  });

  it('one line for a failure, with the message, the codes and the remedy', () => {
    const failed: LockResult = {
      ...base,
      ok: false,
      kind: 'not-found',
      httpStatus: 400,
      code: '13000309',
      msg: 'Lock not found',
      remedy: 'Nothing to do.',
    };
    expect(formatResult({ ...failed, kind: 'auth', httpStatus: 401, code: '31084', msg: 'token expired' })).toBe(
      'FAILED 78e41c7e-db02-4d55-85b3-8153e4fefd2e@102 for user 1505084218764547200: token expired (HTTP 401, code 31084, 37 ms) — Nothing to do.',
    );
    expect(formatResult({ ...failed, kind: 'timeout', httpStatus: null, code: null, msg: null })).toBe(
      'FAILED 78e41c7e-db02-4d55-85b3-8153e4fefd2e@102 for user 1505084218764547200: timed out (no HTTP response, 37 ms) — Nothing to do.',
    );
    expect(formatResult({ ...failed, operation: 'create', lockId: null })).toMatch(
      /^FAILED create for user 1505084218764547200: Lock not found/,
    );
  });

  it('a release answered "not found" is a neutral "already gone" line, not a failure', () => {
    const gone: LockResult = {
      ...base,
      ok: false,
      kind: 'not-found',
      httpStatus: 400,
      code: '13000309',
      msg: 'Lock not found',
      remedy: 'Nothing to do.',
    };
    expect(formatResult(gone)).toBe(
      'already gone 78e41c7e-db02-4d55-85b3-8153e4fefd2e@102 for user 1505084218764547200: the server has no such lock for this user (HTTP 400, code 13000309, 37 ms)',
    );
  });

  it('strips terminal escapes and line breaks that a server might send', () => {
    const line = formatResult({ ...base, ok: false, kind: 'server', msg: 'bad\u001b[2J\nnews\r' });
    expect([...line].some((char) => char.charCodeAt(0) < 0x20)).toBe(false);
    expect(line).toContain('bad [2J news');
    expect(printable('x'.repeat(500), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('progress line', () => {
  it('formats done, failed, remaining, rate and ETA', () => {
    expect(formatProgress({ done: 10, failed: 1, remaining: 36, inFlight: 4, ratePerSec: 8.25, etaSec: 4.8 }, 50)).toBe(
      '10/50 done, 1 failed, 40 remaining · 8.3/s · ETA 5s',
    );
    expect(formatProgress({ done: 0, failed: 0, remaining: 50, inFlight: 0, ratePerSec: 0, etaSec: null }, 50)).toBe(
      '0/50 done, 0 failed, 50 remaining · -/s · ETA -',
    );
    expect(formatSeconds(61)).toBe('1m01s');
    expect(formatSeconds(3700)).toBe('1h01m');
  });

  it('writes nothing when disabled, and clears itself before other output when enabled', () => {
    let written = '';
    const off = createProgressLine({ write: (t: string) => (written += t) }, 5, false);
    off.update({ done: 1, failed: 0, remaining: 4, inFlight: 0, ratePerSec: 1, etaSec: 4 });
    off.end();
    expect(written).toBe('');
    const on = createProgressLine({ write: (t: string) => (written += t) }, 5, true);
    on.update({ done: 1, failed: 0, remaining: 4, inFlight: 0, ratePerSec: 1, etaSec: 4 });
    on.clear();
    on.redraw();
    on.end();
    expect(written).toBe(
      '\r\u001b[2K1/5 done, 0 failed, 4 remaining · 1.0/s · ETA 4s\r\u001b[2K\r\u001b[2K1/5 done, 0 failed, 4 remaining · 1.0/s · ETA 4s\r\u001b[2K',
    );
  });
});

describe('reading stdin', () => {
  it('readFirstLine returns the first line without its line ending, across chunks', async () => {
    const stream = new PassThrough();
    const line = readFirstLine(stream);
    stream.write('abc');
    stream.write('def\r\nrest');
    expect(await line).toBe('abcdef');
  });

  it('readFirstLine gives null on empty input and the text on input without a newline', async () => {
    const empty = new PassThrough();
    empty.end();
    expect(await readFirstLine(empty)).toBeNull();
    const noNewline = new PassThrough();
    noNewline.end('token');
    expect(await readFirstLine(noNewline)).toBe('token');
  });

  it('refuses input beyond the limit', async () => {
    const stream = new PassThrough();
    stream.end('x'.repeat(100));
    await expect(readFirstLine(stream, 10)).rejects.toThrow('longer than 10 bytes');
    const all = new PassThrough();
    all.end('y'.repeat(100));
    await expect(readAll(all, 50)).rejects.toThrow('longer than 50 bytes');
  });
});
