import { describe, expect, it, vi } from 'vitest';
import { DOC_LINKS } from '../../../electron/main/docLinks';
import { restrictNavigation } from '../../../electron/main/navigation';
import { FakeWebContents } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

const PAGE = 'app://koodrive/index.html';

function setup() {
  const contents = new FakeWebContents();
  const openExternal = vi.fn<(url: string) => Promise<void>>(async () => {});
  restrictNavigation(contents as never, PAGE, openExternal);
  const navigate = (event: string, url: string) => {
    const details = { url, preventDefault: vi.fn() };
    contents.emit(event, details, url);
    return details.preventDefault;
  };
  return { contents, openExternal, navigate };
}

describe('restrictNavigation', () => {
  it.each(['will-navigate', 'will-redirect'])('%s to a foreign URL is prevented', (event) => {
    const { navigate, openExternal } = setup();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:8080/', 'javascript:1']) {
      expect(navigate(event, url)).toHaveBeenCalled();
    }
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('a navigation within our own page is allowed', () => {
    const { navigate } = setup();
    expect(navigate('will-navigate', `${PAGE}#/settings`)).not.toHaveBeenCalled();
  });

  it('a navigation to an allowlisted documentation URL is prevented and opened in the OS browser', () => {
    const { navigate, openExternal } = setup();
    expect(navigate('will-navigate', DOC_LINKS[0].url)).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith(DOC_LINKS[0].url);
  });

  it('window.open is always denied; only an allowlisted documentation URL is opened externally', () => {
    const { contents, openExternal } = setup();
    const handler = contents.windowOpenHandler;
    expect(handler).not.toBeNull();
    expect(handler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: PAGE })).toEqual({ action: 'deny' });
    expect(openExternal).not.toHaveBeenCalled();
    expect(handler?.({ url: DOC_LINKS[1].url })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith(DOC_LINKS[1].url);
  });

  it('a near-miss of a documentation URL is not opened', () => {
    const { contents, openExternal } = setup();
    contents.windowOpenHandler?.({ url: `${DOC_LINKS[0].url}?redirect=https://evil.example` });
    contents.windowOpenHandler?.({ url: DOC_LINKS[0].url.replace('https:', 'http:') });
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('a <webview> is never attached', () => {
    const { contents } = setup();
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
  });
});
