import { afterEach, describe, expect, it } from 'vitest';
import type { ClockCheck, ConnectionReport, ConnectionStep } from '../../../../../shared/diagnostics';
import { localeReady, setLanguagePreference } from '../../../../../renderer/src/i18n';
import {
  clockSummaryRow,
  connectionSummaryRow,
  sectionOpenAfterRun,
  summaryAnnouncement,
  summaryRows,
} from '../../../../../renderer/src/features/diagnostics/diagnosticsSummary';

afterEach(async () => {
  setLanguagePreference('en');
  await localeReady();
});

const MINUTE = 60_000;

function clock(verdict: ClockCheck['verdict'], skewMs: number | null): ClockCheck {
  return {
    localTime: '2026-03-02T06:57:03.000Z',
    serverTime: skewMs === null ? null : '2026-03-02T07:17:03.000Z',
    skewMs,
    verdict,
    message: 'main’s own sentence, not used by the summary',
    suggestedOffsetMs: null,
  };
}

function step(name: ConnectionStep['step'], ok: boolean | null, remedy: string | null = null): ConnectionStep {
  return { step: name, ok, durationMs: 3, detail: '', remedy };
}

function report(steps: ConnectionStep[]): ConnectionReport {
  return { profileId: 'p', host: 'sandbox.test', steps };
}

const ALL_PASSED = report([
  step('dns', true),
  step('tcp', true),
  step('tls', null),
  step('http', true),
  step('auth', true),
]);
const TCP_REFUSED = report([
  step('dns', true),
  step('tcp', false, 'Start the server'),
  step('tls', null),
  step('http', null),
  step('auth', null),
]);

describe('the summary row of the clock check', () => {
  it('passes when the clocks agree, fails with how far off when they do not, is skipped without a server time', () => {
    expect(clockSummaryRow({ value: clock('ok', 400), error: null })).toEqual({
      check: 'clock',
      status: 'passed',
      reason: 'This computer’s clock agrees with the server’s.',
    });
    expect(clockSummaryRow({ value: clock('local-behind', 20 * MINUTE), error: null })).toEqual({
      check: 'clock',
      status: 'failed',
      reason: 'This computer’s clock is about 20 minutes behind the server’s.',
    });
    expect(clockSummaryRow({ value: clock('local-ahead', -90_000), error: null })?.reason).toBe(
      'This computer’s clock is about 90 seconds ahead of the server’s.',
    );
    expect(clockSummaryRow({ value: clock('unknown', null), error: null })?.status).toBe('skipped');
  });

  it('fails with the error when the check could not run, and has no row before it ran', () => {
    expect(clockSummaryRow({ value: null, error: { code: 'not-found', message: 'No such profile.' } })).toEqual({
      check: 'clock',
      status: 'failed',
      reason: 'The check could not run: No such profile.',
    });
    expect(clockSummaryRow({ value: null, error: null })).toBeNull();
  });
});

describe('the summary row of the connection check', () => {
  it('names the step that failed', () => {
    expect(connectionSummaryRow({ value: TCP_REFUSED, error: null })).toEqual({
      check: 'connection',
      status: 'failed',
      reason: 'The check “TCP connection” failed; the later checks were skipped.',
    });
  });

  it('passes when every step that ran passed (TLS skipped on plain http), with a warning when one has a remedy', () => {
    expect(connectionSummaryRow({ value: ALL_PASSED, error: null })).toEqual({
      check: 'connection',
      status: 'passed',
      reason: 'Every check passed.',
    });
    const warned = report([
      step('dns', true),
      step('tcp', true),
      step('tls', true, 'Renew soon'),
      step('http', true),
      step('auth', true),
    ]);
    expect(connectionSummaryRow({ value: warned, error: null })).toEqual({
      check: 'connection',
      status: 'warning',
      reason: 'Every check passed; “Secure connection (TLS)” has a warning.',
    });
  });
});

describe('the summary of a run', () => {
  it('lists the checks in the order they run, and opens only the sections that did not pass', () => {
    const rows = summaryRows({
      clock: { value: clock('ok', 0), error: null },
      connection: { value: TCP_REFUSED, error: null },
    });
    expect(rows.map((row) => [row.check, row.status])).toEqual([
      ['clock', 'passed'],
      ['connection', 'failed'],
    ]);
    expect(rows.map(sectionOpenAfterRun)).toEqual([false, true]);
    expect(sectionOpenAfterRun({ check: 'connection', status: 'warning', reason: '' })).toBe(true);
    expect(summaryRows({ clock: { value: null, error: null }, connection: { value: null, error: null } })).toEqual([]);
  });

  it('is announced with how many passed, failed and were skipped', () => {
    const failed = summaryRows({
      clock: { value: clock('local-behind', 20 * MINUTE), error: null },
      connection: { value: ALL_PASSED, error: null },
    });
    expect(summaryAnnouncement(failed)).toBe(
      '2 checks ran: 1 failed, 1 passed, 0 skipped. The sections of the failed checks are open.',
    );
    const passed = summaryRows({
      clock: { value: clock('unknown', null), error: null },
      connection: { value: ALL_PASSED, error: null },
    });
    expect(summaryAnnouncement(passed)).toBe('All 2 checks ran: 1 passed, 1 skipped.');
  });

  it('speaks Chinese in the Chinese UI', async () => {
    setLanguagePreference('zh-CN');
    await localeReady();
    expect(clockSummaryRow({ value: clock('local-behind', 20 * MINUTE), error: null })?.reason).toBe(
      '这台电脑的时钟比服务器慢约 20 分钟。',
    );
    expect(connectionSummaryRow({ value: TCP_REFUSED, error: null })?.reason).toBe(
      '检查“TCP 连接”失败，后续检查已跳过。',
    );
  });
});
