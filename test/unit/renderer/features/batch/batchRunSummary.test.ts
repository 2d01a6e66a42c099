import { afterEach, describe, expect, it } from 'vitest';
import { localeReady, setLanguagePreference } from '../../../../../renderer/src/i18n';
import type { BatchRunRequest } from '../../../../../renderer/src/features/batch/batchRun';
import { batchRunSummaryText } from '../../../../../renderer/src/features/batch/batchRunSummary';

const USER_1 = '1505084218764547200';
const USER_2 = '1505084218764547201';

function request(rows: BatchRunRequest['rows'], extra: Partial<BatchRunRequest> = {}): BatchRunRequest {
  return {
    profileId: 'p',
    profileName: 'Prod Intl',
    environment: 'production',
    host: 'api.example',
    rows,
    concurrency: 16,
    ...extra,
  };
}

function locks(count: number, userId?: string): BatchRunRequest['rows'] {
  return Array.from({ length: count }, (_, n) => ({ lockId: `lock-${n}@102`, ...(userId ? { userId } : {}) }));
}

afterEach(async () => {
  setLanguagePreference('en');
  await localeReady();
});

describe('the one line a running batch input folds into', () => {
  it('names the count, the profile, the one user and the concurrency', () => {
    expect(batchRunSummaryText(request(locks(3000), { userId: USER_1 }))).toBe(
      `3,000 locks for profile “Prod Intl”, user ${USER_1}, 16 at a time`,
    );
    expect(batchRunSummaryText(request(locks(1, USER_2)))).toBe(
      `1 lock for profile “Prod Intl”, user ${USER_2}, 16 at a time`,
    );
  });

  it('takes the profile’s default user for rows without one, and counts users when there are several', () => {
    expect(batchRunSummaryText(request(locks(2)), USER_1)).toBe(
      `2 locks for profile “Prod Intl”, user ${USER_1}, 16 at a time`,
    );
    const mixed = [...locks(2, USER_1), ...locks(3, USER_2), ...locks(1)];
    expect(batchRunSummaryText(request(mixed, { userId: USER_1 }))).toBe(
      '6 locks of 2 users for profile “Prod Intl”, 16 at a time',
    );
    expect(batchRunSummaryText(request(mixed, { concurrency: 1 }), USER_2)).toBe(
      '6 locks of 2 users for profile “Prod Intl”, 1 at a time',
    );
  });

  it('speaks Chinese in the Chinese UI', async () => {
    setLanguagePreference('zh-CN');
    await localeReady();
    expect(batchRunSummaryText(request(locks(3000), { userId: USER_1 }))).toBe(
      `为配置“Prod Intl”释放 3,000 个锁，用户 ${USER_1}，每次 16 个请求`,
    );
  });
});
