import { afterEach, describe, expect, it } from 'vitest';
import { countOutcomes } from '../../../../../shared/batchOutcome';
import { localeReady, setLanguagePreference } from '../../../../../renderer/src/i18n';
import type { BatchRunState } from '../../../../../renderer/src/features/batch/batchRun';
import { batchIndicatorOf } from '../../../../../renderer/src/features/batch/batchIndicator';

afterEach(async () => {
  setLanguagePreference('en');
  await localeReady();
  await localeReady();
});

function runState(change: Partial<BatchRunState>): BatchRunState {
  return {
    phase: 'running',
    request: null,
    total: 500,
    results: [],
    outcomes: countOutcomes([]),
    summary: null,
    progress: { done: 73, failed: 0, remaining: 427, inFlight: 4, ratePerSec: 12, etaSec: 35 },
    cancelling: false,
    cancelled: false,
    notSent: 0,
    error: null,
    stopError: null,
    paused: null,
    startedAt: 1,
    finishedAt: null,
    ...change,
  };
}

describe('the header’s batch indicator', () => {
  it('shows nothing before a batch, and the count while one starts or runs', async () => {
    expect(batchIndicatorOf(runState({ phase: 'idle', progress: null }), false)).toBeNull();
    expect(batchIndicatorOf(runState({ phase: 'starting', progress: null }), false)).toEqual({
      state: 'running',
      text: 'Batch 0/500',
      description: '0 of 500 locks done. Open the Batch screen.',
    });
    expect(batchIndicatorOf(runState({}), false)?.text).toBe('Batch 73/500');
    expect(batchIndicatorOf(runState({ cancelling: true }), false)?.text).toBe('Batch cancelling 73/500');
  });

  it('says how a batch ended until the Batch screen has shown it', async () => {
    const finished = { phase: 'finished', finishedAt: 2 } as const;
    const done = { done: 500, failed: 0, remaining: 0, inFlight: 0, ratePerSec: 12, etaSec: 0 };
    expect(batchIndicatorOf(runState({ ...finished, progress: done }), false)?.text).toBe('Batch finished 500/500');
    expect(batchIndicatorOf(runState({ ...finished, progress: done }), true)).toBeNull();
    const paused = { reason: 'server-unreachable', connectionFailures: 5 } as const;
    expect(batchIndicatorOf(runState({ ...finished, paused }), false)).toMatchObject({
      state: 'paused',
      text: 'Batch paused 73/500',
    });
    const stopError = { code: 'storage', message: 'The audit log could not be written.' } as const;
    expect(batchIndicatorOf(runState({ ...finished, stopError }), false)?.text).toBe('Batch stopped 73/500');
    expect(batchIndicatorOf(runState({ ...finished, cancelled: true }), false)?.text).toBe('Batch cancelled 73/500');
  });

  it('counts with the language’s plural rules and number format', async () => {
    expect(batchIndicatorOf(runState({ total: 1, progress: null }), false)?.description).toBe(
      '0 of 1 lock done. Open the Batch screen.',
    );
    expect(batchIndicatorOf(runState({ total: 2500 }), false)?.text).toBe('Batch 73/2,500');
    setLanguagePreference('zh-CN');
    await localeReady();
    expect(batchIndicatorOf(runState({}), false)).toMatchObject({
      text: '批量 73/500',
      description: '已完成 73 / 500 个锁。打开“批量”页面。',
    });
  });
});
