import type { LockResult } from '../../../shared/result';

/** A successful release as the core returns it; override what a test needs. */
export function lockResult(overrides: Partial<LockResult> = {}): LockResult {
  return {
    ok: true,
    kind: 'success',
    operation: 'release',
    host: '127.0.0.1:8443',
    httpStatus: 200,
    code: '0',
    msg: 'success',
    lockId: '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102',
    userId: '1505084218764547200',
    durationMs: 37,
    remedy: 'Nothing to do.',
    remedyMessage: { key: 'operation.release.success' },
    ...overrides,
  };
}
