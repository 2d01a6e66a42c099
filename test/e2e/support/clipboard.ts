import type { BrowserContext, ElectronApplication, Page } from '@playwright/test';
import type { ClipboardAccess } from './lockAdminPage';

/**
 * The stand-in's clipboard, used the way a person would: Ctrl+C / Ctrl+V in a blank page of the same
 * browser. Keyboard copy and paste need no permission, so the app page's own permissions (main's
 * decision) stay exactly as they are.
 */
export function keyboardClipboard(context: BrowserContext, appPage: Page): ClipboardAccess {
  async function withScratchPage<T>(work: (scratch: Page) => Promise<T>): Promise<T> {
    const scratch = await context.newPage();
    try {
      await scratch.setContent('<textarea aria-label="scratch"></textarea>');
      return await work(scratch);
    } finally {
      await scratch.close();
      await appPage.bringToFront();
    }
  }
  return {
    readText: () =>
      withScratchPage(async (scratch) => {
        const box = scratch.getByRole('textbox');
        await box.focus();
        await scratch.keyboard.press('ControlOrMeta+V');
        return box.inputValue();
      }),
    writeText: (text) =>
      withScratchPage(async (scratch) => {
        const box = scratch.getByRole('textbox');
        await box.fill(text);
        await box.selectText();
        await scratch.keyboard.press('ControlOrMeta+C');
      }),
  };
}

/** Electron's clipboard, through its main process. */
export function electronClipboard(app: ElectronApplication): ClipboardAccess {
  return {
    readText: () => app.evaluate(({ clipboard }) => clipboard.readText()),
    writeText: async (text) => {
      await app.evaluate(({ clipboard }, value) => clipboard.writeText(value), text);
    },
  };
}
