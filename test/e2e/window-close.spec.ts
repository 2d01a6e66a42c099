/**
 * Closing the window or quitting with unsaved profile edits asks "Discard unsaved changes?" (electron/main/
 * closeGuard.ts). The stand-in has no BrowserWindow, so main's own close guard and question texts are built here and
 * given to the real handlers as the app does (services.unsavedChanges); the real renderer reports its edits through
 * the real setUnsavedChanges IPC, and a window stand-in fires 'close' as Electron does. The dialog is the only
 * stand-in part: it records what main asked and gives the test's answer.
 */
import { EventEmitter } from 'node:events';
import { createAppServices } from '../../electron/app/services';
import { type DiscardAnswer, createCloseGuard } from '../../electron/main/closeGuard';
import { type DiscardQuestion, discardQuestion } from '../../electron/main/closeGuardTexts';
import { expect, test as base } from './support/fixtures';
import { saveSandboxProfile } from './support/profiles';

/** A BrowserWindow's close as Electron runs it: 'close' listeners first, closed unless one prevented it. */
class WindowStandIn extends EventEmitter {
  closed = false;
  readonly webContents = new EventEmitter();
  isDestroyed(): boolean {
    return this.closed;
  }
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.closed = true;
  }
}

interface MainShell {
  guard: ReturnType<typeof createCloseGuard<WindowStandIn>>;
  /** Every state the renderer reported, in order. */
  reported: boolean[];
  asked: DiscardQuestion[];
  /** The answers the "dialog" gives, in order. */
  answers: DiscardAnswer[];
  quits: number;
  open(): WindowStandIn;
}

const test = base.extend<{ shell: MainShell }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  shell: async ({}, use) => {
    const shell: MainShell = {
      reported: [],
      asked: [],
      answers: [],
      quits: 0,
      guard: createCloseGuard<WindowStandIn>({
        ask: async () => {
          shell.asked.push(discardQuestion('en'));
          return shell.answers.shift() ?? 'cancel';
        },
        quit: () => (shell.quits += 1),
      }),
      open() {
        const win = new WindowStandIn();
        shell.guard.attach(win);
        return win;
      },
    };
    await use(shell);
  },
  services: async ({ dataDir, runtime, shell }, use, testInfo) => {
    testInfo.skip(runtime === 'electron', "Electron's own close and dialog are covered by test/unit/main/closeWiring");
    testInfo.skip(process.env.KOODRIVE_KEYRING !== 'ready', process.env.KOODRIVE_KEYRING_REASON ?? 'no keyring');
    const unsavedChanges = {
      setUnsaved(unsaved: boolean) {
        shell.reported.push(unsaved);
        shell.guard.setUnsaved(unsaved);
      },
    };
    const services = createAppServices({ dataDir, unsavedChanges });
    await use(services);
    for (const profile of await services.profiles.list()) await services.secrets.delete(profile.id);
    await services.dispose();
  },
});

/** Until main's handler has heard the renderer's latest state. */
async function reported(shell: MainShell, unsaved: boolean): Promise<void> {
  await expect.poll(() => shell.reported.at(-1)).toBe(unsaved);
}

test('closing or quitting with unsaved profile edits asks Discard / Cancel through main’s close guard', async ({
  app,
  handlers,
  shell,
  startKooDrive,
}) => {
  const sandbox = await startKooDrive();
  await saveSandboxProfile(handlers, sandbox);
  await app.page.reload();
  await app.ready();
  await app.navigate('Profiles');
  await expect(app.page.getByRole('heading', { name: 'Profile “Staging”' })).toBeVisible();
  await reported(shell, false);

  // No edits: the window closes without a question.
  const first = shell.open();
  first.close();
  expect(first.closed).toBe(true);
  expect(shell.asked).toEqual([]);

  // An edit: main asks; Cancel keeps the window and the edit, Discard closes.
  await app.field('Name').fill('Staging, renamed');
  await reported(shell, true);
  const win = shell.open();
  shell.answers.push('cancel');
  win.close();
  await expect.poll(() => shell.asked.length).toBe(1);
  expect(shell.asked[0]).toMatchObject({ message: 'Discard unsaved changes?', buttons: ['Discard', 'Cancel'] });
  expect(win.closed).toBe(false);
  await expect(app.field('Name')).toHaveValue('Staging, renamed');
  shell.answers.push('discard');
  win.close();
  await expect.poll(() => win.closed).toBe(true);
  expect(shell.asked).toHaveLength(2);

  // Quitting (menu, Ctrl+Q) with an edit asks too, and quits after Discard (the edit reported as a new window would).
  shell.guard.setUnsaved(true);
  const quitting = shell.open();
  shell.answers.push('discard');
  shell.guard.quitRequested();
  quitting.close();
  await expect.poll(() => shell.quits).toBe(1);
  expect(shell.asked).toHaveLength(3);

  // Saved: no question any more.
  await app.field('Name').fill('Staging, saved');
  await reported(shell, true);
  await app.button('Save profile').click();
  await reported(shell, false);
  const saved = shell.open();
  saved.close();
  expect(saved.closed).toBe(true);
  expect(shell.asked).toHaveLength(3);
});
