import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests of the built renderer in Debian's Chromium (no browser downloads here), with
 * `window.lockAdmin` routed to the real IPC handlers, sandbox and keychain. Build first:
 *   npx electron-vite build && node test/support/with-keyring.mjs npx playwright test
 */
export default defineConfig({
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
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
});
