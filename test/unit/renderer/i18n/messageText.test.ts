import { describe, expect, it } from 'vitest';
import { message } from '../../../../shared/messages/message';
import { messageText, localeReady, setLanguagePreference } from '../../../../renderer/src/i18n';

describe("main's messages in the window's language", () => {
  const remedy = message('operation.release.conflict', { note: message('note.status', { status: 409 }) });
  const english = 'KooDrive refused to release this lock (HTTP 409): …';

  it('shows the English text main sent, and the zh-CN table once Chinese is chosen', async () => {
    setLanguagePreference('en');
    await localeReady();
    expect(messageText(remedy, english)).toBe(english);
    setLanguagePreference('zh-CN');
    await localeReady();
    expect(messageText(remedy, english)).toBe(
      'KooDrive 拒绝释放此备份锁（HTTP 409）：请确认锁 ID 属于该用户和模块；如仍失败，请携带请求 ID 上报。',
    );
    expect(messageText(undefined, english)).toBe(english);
    setLanguagePreference('en');
    await localeReady();
  });
});
