import { describe, expect, it } from 'vitest';
import { isOwnPageUrl, isTrustedSender, senderRefusal } from '../../../electron/ipc/senderPolicy';

const PAGE = 'file:///opt/koodrive-lock-admin/resources/app/out/renderer/index.html';
const DEV = 'http://localhost:5173';

describe('isTrustedSender', () => {
  it('accepts our built page in the main frame, with or without a hash or query', () => {
    expect(isTrustedSender({ url: PAGE, isMainFrame: true }, PAGE)).toBe(true);
    expect(isTrustedSender({ url: `${PAGE}#/profiles`, isMainFrame: true }, PAGE)).toBe(true);
    expect(isTrustedSender({ url: `${PAGE}?x=1`, isMainFrame: true }, PAGE)).toBe(true);
  });

  it('rejects a subframe of our own page', () => {
    expect(isTrustedSender({ url: PAGE, isMainFrame: false }, PAGE)).toBe(false);
  });

  it('rejects a missing (navigated or destroyed) frame', () => {
    expect(isTrustedSender(null, PAGE)).toBe(false);
  });

  it.each([
    'file:///tmp/evil/index.html',
    'file:///opt/koodrive-lock-admin/resources/app/out/renderer/other.html',
    'file:///opt/koodrive-lock-admin/resources/app/out/renderer/index.html/../../../../tmp/x.html',
    'file://remote-host/opt/koodrive-lock-admin/resources/app/out/renderer/index.html',
    'https://evil.example/index.html',
    'about:blank',
    'data:text/html,<script>1</script>',
    'not a url',
    '',
  ])('rejects a foreign document %s', (url) => {
    expect(isTrustedSender({ url, isMainFrame: true }, PAGE)).toBe(false);
  });

  it('accepts the dev server origin in development and nothing else', () => {
    expect(isTrustedSender({ url: `${DEV}/`, isMainFrame: true }, DEV)).toBe(true);
    expect(isTrustedSender({ url: `${DEV}/src/main.tsx`, isMainFrame: true }, DEV)).toBe(true);
    expect(isTrustedSender({ url: 'http://localhost:5174/', isMainFrame: true }, DEV)).toBe(false);
    expect(isTrustedSender({ url: 'https://localhost:5173/', isMainFrame: true }, DEV)).toBe(false);
    expect(isTrustedSender({ url: 'http://localhost.evil.example:5173/', isMainFrame: true }, DEV)).toBe(false);
    expect(isTrustedSender({ url: PAGE, isMainFrame: true }, DEV)).toBe(false);
  });

  it('accepts exactly the app:// page in production, in the main frame', () => {
    const APP = 'app://koodrive/index.html';
    expect(isTrustedSender({ url: APP, isMainFrame: true }, APP)).toBe(true);
    expect(isTrustedSender({ url: `${APP}#/history`, isMainFrame: true }, APP)).toBe(true);
    expect(isTrustedSender({ url: APP, isMainFrame: false }, APP)).toBe(false);
    for (const url of [
      'app://koodrive/other.html',
      'app://koodrive/assets/index.js',
      'app://evil/index.html',
      'app://koodrive:8080/index.html',
      'app://user@koodrive/index.html',
      'appx://koodrive/index.html',
      'file:///index.html',
      'https://koodrive/index.html',
    ]) {
      expect(isTrustedSender({ url, isMainFrame: true }, APP), url).toBe(false);
    }
  });

  it('trusts nothing when the allowed page itself is not a usable URL', () => {
    expect(isOwnPageUrl('about:blank', 'about:blank')).toBe(false);
    expect(isOwnPageUrl('http://x/', 'garbage')).toBe(false);
  });
});

describe('senderRefusal', () => {
  const APP = 'app://koodrive/index.html';
  it('passes our page in the main frame of the main window only, and says why otherwise', () => {
    expect(senderRefusal({ url: APP, isMainFrame: true }, APP, true)).toBeNull();
    expect(senderRefusal({ url: APP, isMainFrame: true }, APP, false)).toBe('not-main-window');
    expect(senderRefusal({ url: APP, isMainFrame: false }, APP, true)).toBe('subframe');
    expect(senderRefusal({ url: 'https://evil.example/', isMainFrame: true }, APP, true)).toBe('foreign-page');
    expect(senderRefusal(null, APP, true)).toBe('frame-gone');
  });
});
