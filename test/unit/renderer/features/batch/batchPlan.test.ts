import { describe, expect, it } from 'vitest';
import { parseBatchInput } from '../../../../../shared/batchInput';
import { localized } from '../../../../../shared/messages/localized';
import type { Profile } from '../../../../../shared/profile';
import { planBatch } from '../../../../../renderer/src/features/batch/batchRows';

const LOCK_A = '78e41c7e-db02-4d55-85b3-8153e4fefd2e@102';
const LOCK_B = '1f7126e9-bdc9-4683-938e-4869f15d412e@100';
const USER_1 = '1505084218764547200';
const USER_2 = '1505084218764547201';

function profile(overrides: Partial<Profile>): Profile {
  return {
    id: 'p',
    name: 'Tenant',
    baseUrl: 'https://intl.myhuaweicloud-koodrive.com',
    authMode: 'app',
    appId: 'app',
    moduleCode: '102',
    environment: 'production',
    ...overrides,
  };
}

describe('planBatch', () => {
  it('keeps each row’s own user and counts the different users', () => {
    const input = parseBatchInput(`userId,lockId\n${USER_1},${LOCK_A}\n${USER_2},${LOCK_B}\n${USER_2},${LOCK_A}`);
    const plan = planBatch(input, profile({}), '');
    expect(plan.rows).toEqual([
      { userId: USER_1, lockId: LOCK_A },
      { userId: USER_2, lockId: LOCK_B },
      { userId: USER_2, lockId: LOCK_A },
    ]);
    expect(plan.users).toBe(2);
    expect(plan.invalid).toEqual([]);
    expect(plan.withoutUser).toBe(0);
  });

  it('holds back rows without a user when there is neither a batch user nor a default user', () => {
    const input = parseBatchInput(`${LOCK_A}\n${LOCK_B}`);
    expect(planBatch(input, profile({}), '')).toMatchObject({ rows: [], withoutUser: 2 });
    const withBatchUser = planBatch(input, profile({}), ` ${USER_1} `);
    expect(withBatchUser).toMatchObject({ withoutUser: 0, users: 1, batchUserId: USER_1, batchUserProblem: null });
    expect(withBatchUser.rows).toEqual([{ lockId: LOCK_A }, { lockId: LOCK_B }]);
    const withDefault = planBatch(input, profile({ userId: USER_2 }), '');
    expect(withDefault).toMatchObject({ withoutUser: 0, users: 1 });
  });

  it('says what is wrong with the batch user and does not use it', () => {
    const plan = planBatch(parseBatchInput(LOCK_A), profile({}), '12ab');
    expect(plan.batchUserProblem).toMatch(/digits only/);
    expect(localized('zh-CN', plan.batchUserProblemMessage ?? { key: 'validation.none' })).toMatch(
      /^用户 ID 只能是数字/,
    );
    expect(plan.withoutUser).toBe(1);
  });

  it('lists rows of another user as invalid for a bearer profile, whose token acts only for its own user', () => {
    const bearer = profile({ authMode: 'bearer', appId: undefined, userId: USER_1 });
    const input = parseBatchInput(`userId,lockId\n${USER_1},${LOCK_A}\n${USER_2},${LOCK_B}`);
    const plan = planBatch(input, bearer, USER_2);
    expect(plan.rows).toEqual([{ userId: USER_1, lockId: LOCK_A }]);
    expect(plan.invalid).toEqual([expect.objectContaining({ line: 3, text: USER_2 })]);
    expect(plan.invalid[0].problem).toMatch(/bearer token/);
    expect(localized('zh-CN', plan.invalid[0].problemMessage)).toContain(USER_2);
    expect(localized('zh-CN', plan.invalid[0].problemMessage)).toMatch(/[\u4e00-\u9fff]/);
    // The batch user field is fixed for a bearer profile: what was typed there is not used.
    expect(plan.batchUserId).toBe('');
  });

  it('keeps the parser’s invalid rows, in line order', () => {
    const input = parseBatchInput(`userId,lockId\n12ab,${LOCK_A}\n${USER_1},not-a-lock\n${USER_1},${LOCK_B}`);
    const plan = planBatch(input, profile({}), '');
    expect(plan.invalid.map((problem) => problem.line)).toEqual([2, 3]);
    expect(plan.rows).toEqual([{ userId: USER_1, lockId: LOCK_B }]);
  });
});
