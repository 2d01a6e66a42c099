import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeForResult, worstExitCode } from '../../../electron/cli/exitCodes';
import type { LockResult, ResultKind } from '../../../shared/result';

function result(kind: ResultKind, httpStatus: number | null): LockResult {
  return {
    ok: kind === 'success',
    kind,
    operation: 'release',
    host: 'h',
    userId: null,
    httpStatus,
    code: null,
    msg: null,
    lockId: 'x@1',
    durationMs: 1,
    remedy: '',
    remedyMessage: { key: 'note.noAnswer' },
  };
}

describe('exitCodeForResult', () => {
  it.each<[ResultKind, number | null, number]>([
    ['success', 200, 0],
    ['not-found', 400, 1],
    ['auth', 401, 1],
    ['conflict', 409, 1],
    ['throttled', 429, 1],
    ['server', 500, 1],
    ['clock', 400, 1],
    ['invalid-response', null, 1],
    ['invalid-response', 200, 1],
    ['network', null, 3],
    ['tls', null, 3],
    ['timeout', null, 3],
    ['network', 200, 3],
    ['server', null, 3],
    ['invalid-input', null, 2],
    ['proxy-auth', null, 2],
    ['proxy-auth', 407, 2],
    ['cancelled', null, 130],
  ])('%s with HTTP %s exits %i', (kind, status, code) => {
    expect(exitCodeForResult(result(kind, status))).toBe(code);
  });
});

describe('worstExitCode', () => {
  it('is 0 for nothing and for all-success', () => {
    expect(worstExitCode([])).toBe(0);
    expect(worstExitCode([0, 0])).toBe(0);
  });

  it('ranks 130 > 4 > 3 > 2 > 1 > 0', () => {
    expect(worstExitCode([EXIT.ok, EXIT.refused])).toBe(1);
    expect(worstExitCode([EXIT.network, EXIT.refused, EXIT.ok])).toBe(3);
    expect(worstExitCode([EXIT.refused, EXIT.usage])).toBe(2);
    expect(worstExitCode([EXIT.usage, EXIT.network])).toBe(3);
    expect(worstExitCode([EXIT.internal, EXIT.network])).toBe(4);
    expect(worstExitCode([EXIT.interrupted, EXIT.internal, EXIT.ok])).toBe(130);
  });
});
