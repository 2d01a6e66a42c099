import { afterEach, describe, expect, it } from 'vitest';
import { localeReady, setLanguagePreference } from '../../../../../renderer/src/i18n';
import { offsetDuration, serverTimeChipText } from '../../../../../renderer/src/features/diagnostics/serverTimeText';

afterEach(async () => {
  setLanguagePreference('en');
  await localeReady();
  await localeReady();
});

describe('the server-time chip', () => {
  it('is shown only while the profile signs with the server time (an offset of 0 included)', async () => {
    expect(serverTimeChipText(undefined)).toBeNull();
    expect(serverTimeChipText(0)).toBe('Signing with the server’s time (+0.0 s)');
    expect(serverTimeChipText(192_000)).toBe('Signing with the server’s time (+3 min 12 s)');
  });

  it('names the offset in seconds, minutes or hours, with its sign', async () => {
    expect(offsetDuration(400)).toBe('+0.4 s');
    expect(offsetDuration(-9_949)).toBe('−9.9 s');
    expect(offsetDuration(-45_400)).toBe('−45 s');
    expect(offsetDuration(59_600)).toBe('+1 min 0 s');
    expect(offsetDuration(1_200_000)).toBe('+20 min 0 s');
    expect(offsetDuration(-(2 * 3_600_000 + 5 * 60_000 + 20_000))).toBe('−2 h 5 min');
  });

  it('speaks Chinese in the Chinese UI', async () => {
    setLanguagePreference('zh-CN');
    await localeReady();
    expect(serverTimeChipText(192_000)).toBe('正在使用服务器时间签名（+3 分 12 秒）');
    expect(offsetDuration(-45_000)).toBe('−45 秒');
  });
});
