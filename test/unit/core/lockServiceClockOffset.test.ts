import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../shared/profile';
import type { AuditEntry } from '../../../electron/core/audit/auditEntry';
import { fixedClock } from '../../support/fixedClock';
import type { HttpRequest } from '../../../electron/core/koodrive/transport';
import { createLockService } from '../../../electron/core/lockService';

const NOW = new Date(Date.UTC(2025, 0, 15, 8, 30, 0));

function setup(authMode: Profile['authMode'] = 'bearer', clockAt: Date = NOW) {
  const sent: HttpRequest[] = [];
  const audit: AuditEntry[] = [];
  const service = createLockService({
    transport: async (request) => {
      sent.push(request);
      return { status: 200, headers: {}, body: Buffer.from('{"code":0,"msg":"success"}') };
    },
    clock: fixedClock(clockAt),
    secretFor: async () => 'kd-test-secret-2f7c9e1a4b6d8f0c',
    audit: { append: async (entry) => void audit.push(entry) },
    source: 'gui',
    osUser: 'alice',
  });
  const profile: Profile = {
    environment: 'other',
    id: 'p',
    name: 'P',
    baseUrl: 'https://intl.myhuaweicloud-koodrive.com',
    userId: '1234567890123456789',
    authMode,
    appId: '9f2b6c1e4d8a7f30b5c2e1d4a6f8b9c0d3e2f1a4b7c6d5e8f9a0b1c2d3e4f5a6',
    moduleCode: '102',
  };
  return { service, sent, audit, profile };
}

describe('LockService clockOffsetMs', () => {
  it('signs with the local clock when no offset is given', async () => {
    const { service, sent, profile } = setup();
    await service.run({ operation: 'release', profile, lockId: 'a@102' });
    expect(sent[0].headers['X-Date']).toBe('20250115T083000Z');
  });

  it.each([
    [-90_000, '20250115T082830Z'],
    [1_000_000, '20250115T084640Z'],
    [-1, '20250115T082959Z'],
    [999, '20250115T083000Z'],
  ])('moves X-Date by clockOffsetMs %i', async (clockOffsetMs, xDate) => {
    const { service, sent, profile } = setup();
    await service.run({ operation: 'renew', profile, lockId: 'a@102', clockOffsetMs });
    expect(sent[0].headers['X-Date']).toBe(xDate);
  });

  it('signs the HMAC over the shifted X-Date (spec vector A at the corrected time) and changes nothing else', async () => {
    // The local clock is 10 minutes ahead; the offset brings X-Date back to the vector's 08:30:00.
    const { service, sent, audit, profile } = setup('app', new Date(NOW.getTime() + 600_000));
    await service.run({
      operation: 'release',
      profile,
      lockId: '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102',
      clockOffsetMs: -600_000,
    });
    expect(sent[0].headers['X-Date']).toBe('20250115T083000Z');
    expect(sent[0].headers.Authorization).toBe(
      'HMAC-SHA256 AppId=9f2b6c1e4d8a7f30b5c2e1d4a6f8b9c0d3e2f1a4b7c6d5e8f9a0b1c2d3e4f5a6,SignedHeaders=host;x-date;x-user-id,Signature=7761116b87a269a42fdaa9397c3e6ba83c87982a979999bf0d49515954bb5990',
    );
    // The audit log keeps the real local time: the offset only affects signing.
    expect(audit.map((entry) => entry.time)).toEqual([
      new Date(NOW.getTime() + 600_000).toISOString(),
      new Date(NOW.getTime() + 600_000).toISOString(),
    ]);
  });
});
