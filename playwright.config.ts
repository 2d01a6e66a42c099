import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import type { Runtime } from './test/e2e/support/fixtures';

/**
 * End-to-end tests: one spec list, two projects (test/e2e/support/fixtures.ts switches the runtime).
 * - stand-in: the built renderer in Chromium (Debian's /usr/bin/chromium, CHROMIUM_PATH, else
 *   Playwright's own), with `window.lockAdmin` routed to the real IPC handlers, sandbox and keychain,
 *   under main's own permission, CSP and navigation policies;
 * - electron: the built app in real Electron (_electron.launch); skipped, with the reason, where
 *   the Electron binary is not installed.
 * Build first: npm run build && node test/support/with-keyring.mjs npx playwright test
 * Only one project: --project=stand-in or --project=electron.
 */
const debianChromium = '/usr/bin/chromium';
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync(debianChromium) ? debianChromium : undefined);

export default defineConfig<{ runtime: Runtime }>({
  testDir: 'test/e2e',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: 'test-results/',
  reporter: 'list',
  forbidOnly: Boolean(process.env.CI),
  use: {
    viewport: { width: 1024, height: 760 },
    colorScheme: 'light',
    actionTimeout: 10_000,
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'stand-in', use: { runtime: 'stand-in' } },
    { name: 'electron', use: { runtime: 'electron' }, timeout: 90_000 },
  ],
});
