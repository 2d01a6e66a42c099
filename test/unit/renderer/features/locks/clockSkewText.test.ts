import { afterEach, describe, expect, it } from 'vitest';
import { localeReady, setLanguagePreference } from '../../../../../renderer/src/i18n';
import { amountOfTime, clockSkewText } from '../../../../../renderer/src/features/locks/clockSkewText';
import { lockResult } from '../../../shared/lockResultFixture';

const SERVER = Date.UTC(2026, 2, 2, 6, 57, 0);
const MINUTE = 60_000;

/** A clock result whose answer came back when this computer read server time + localAheadMs. */
function clockResult(localAheadMs: number, serverDate: string | null = new Date(SERVER).toUTCString()) {
  const durationMs = 40;
  return lockResult({
    ok: false,
    kind: 'clock',
    httpStatus: 401,
    durationMs,
    sentAt: new Date(SERVER + 500 + localAheadMs - durationMs / 2).toISOString(),
    ...(serverDate === null ? {} : { serverDate }),
  });
}

afterEach(async () => {
  setLanguagePreference('en');
  await localeReady();
  await localeReady();
});

describe('clockSkewText', () => {
  it('says how far behind the server this computer is', async () => {
    expect(clockSkewText(clockResult(-20 * MINUTE))).toBe(
      'Your clock is about 20 minutes behind the server’s, by the time in its answer.',
    );
  });

  it('says how far ahead, by the clock check’s thresholds (more than 2 s)', async () => {
    expect(clockSkewText(clockResult(90_000))).toBe(
      'Your clock is about 90 seconds ahead of the server’s, by the time in its answer.',
    );
    expect(clockSkewText(clockResult(1900))).toBeNull();
  });

  it('says nothing while the gap is one KooDrive accepts (under 14 minutes behind)', async () => {
    expect(clockSkewText(clockResult(-10 * MINUTE))).toBeNull();
    expect(clockSkewText(clockResult(-14 * MINUTE - 10_000))).toContain('14 minutes behind');
  });

  it('needs the server’s Date, the sending time and a clock result', async () => {
    expect(clockSkewText(clockResult(-20 * MINUTE, null))).toBeNull();
    expect(clockSkewText(clockResult(-20 * MINUTE, 'yesterday-ish'))).toBeNull();
    expect(clockSkewText({ ...clockResult(-20 * MINUTE), sentAt: undefined })).toBeNull();
    expect(clockSkewText({ ...clockResult(-20 * MINUTE), kind: 'auth' })).toBeNull();
  });

  it('speaks Chinese in the Chinese UI', async () => {
    setLanguagePreference('zh-CN');
    await localeReady();
    expect(clockSkewText(clockResult(-20 * MINUTE))).toBe('根据服务器应答中的时间，您的时钟比服务器慢约 20 分钟。');
  });
});

describe('amountOfTime', () => {
  it.each([
    [1000, '1 second'],
    [45_000, '45 seconds'],
    [-3 * MINUTE, '3 minutes'],
    [60 * MINUTE, '60 minutes'],
    [3 * 60 * MINUTE, '3 hours'],
    [3 * 24 * 60 * MINUTE, '3 days'],
  ])('%d ms is %s', (ms, words) => {
    expect(amountOfTime(ms)).toBe(words);
  });
});
