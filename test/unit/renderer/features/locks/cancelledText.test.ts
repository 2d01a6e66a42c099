import { describe, expect, it } from 'vitest';
import { cancelledText } from '../../../../../renderer/src/features/locks/cancelledText';
import { lockResult } from '../../../shared/lockResultFixture';

const cancelled = (overrides: Parameters<typeof lockResult>[0] = {}) =>
  lockResult({ ok: false, kind: 'cancelled', httpStatus: null, ...overrides });

describe('cancelledText', () => {
  it('says a request that left may have reached the server, and how to find out per operation', () => {
    const release = cancelledText(cancelled({ sentAt: '2026-03-02T06:57:03.000Z' }));
    expect(release).toContain('may have reached the server');
    expect(release).toContain('History lists it');
    expect(release).toContain('“Lock not found”');
    expect(cancelledText(cancelled({ operation: 'renew', sentAt: '2026-03-02T06:57:03.000Z' }))).toContain(
      'renew it again',
    );
    expect(cancelledText(cancelled({ operation: 'create', sentAt: '2026-03-02T06:57:03.000Z' }))).toContain(
      'Do not simply create again',
    );
  });

  it('says nothing when the request never left, or for other results', () => {
    expect(cancelledText(cancelled())).toBeNull();
    expect(cancelledText(cancelled({ sentAt: '' }))).toBeNull();
    expect(cancelledText(lockResult({ sentAt: '2026-03-02T06:57:03.000Z' }))).toBeNull();
  });
});
