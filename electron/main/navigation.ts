import type { WebContents } from 'electron';
import { isOwnPageUrl } from '../ipc/senderPolicy';
import { openDocLink } from './docLinks';

type Hardenable = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Keeps a web contents on our own page: navigations and redirects elsewhere are cancelled, new
 * windows are never created, <webview> is never attached. A documentation link from DOC_LINKS
 * opens in the OS browser instead; every other URL is dropped.
 */
export function restrictNavigation(
  contents: Hardenable,
  allowedPage: string,
  openExternal: (url: string) => Promise<void>,
): void {
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (isOwnPageUrl(event.url, allowedPage)) return;
    event.preventDefault();
    openDocLink(event.url, openExternal);
  };
  contents.on('will-navigate', (event) => guard(event));
  contents.on('will-redirect', (event) => guard(event));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openDocLink(url, openExternal);
    return { action: 'deny' };
  });
}
