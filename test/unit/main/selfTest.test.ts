import { EventEmitter } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemorySecretStore } from '../../../electron/core/secrets/memorySecretStore';
import { SELF_TEST_FILE, runSelfTest } from '../../../electron/main/selfTest';

const PAGE = 'app://koodrive/index.html';

function contents(url: string, exposed: boolean) {
  return Object.assign(new EventEmitter(), {
    isLoading: () => false,
    getURL: () => url,
    executeJavaScript: vi.fn(async () => exposed),
  });
}

describe('packaged self-test', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'kla-self-'));
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dataDir, { recursive: true, force: true });
  });

  const app = (appPath: string) => ({ isPackaged: true, getAppPath: () => appPath });

  it('passes when the app runs from app.asar, the page loaded with its bridge, and the keychain round-trips', async () => {
    const secrets = createMemorySecretStore();
    const passed = await runSelfTest({
      win: { webContents: contents(PAGE, true) } as never,
      app: app('/opt/KooDrive Lock Admin/resources/app.asar'),
      dataDir,
      page: PAGE,
      secrets,
    });
    expect(passed).toBe(true);
    const report = JSON.parse(await readFile(join(dataDir, SELF_TEST_FILE), 'utf8')) as {
      ok: boolean;
      checks: unknown[];
    };
    expect(report.ok).toBe(true);
    expect(report.checks).toHaveLength(3);
  });

  it('fails, saying which check, when any of them fails', async () => {
    const failing = createMemorySecretStore();
    failing.set = async () => {
      throw new Error('The OS keychain is locked');
    };
    const passed = await runSelfTest({
      win: { webContents: contents('app://koodrive/other.html', false) } as never,
      app: app('/opt/app/resources/app'),
      dataDir,
      page: PAGE,
      secrets: failing,
    });
    expect(passed).toBe(false);
    const report = JSON.parse(await readFile(join(dataDir, SELF_TEST_FILE), 'utf8')) as {
      checks: Array<{ name: string; ok: boolean; detail: string }>;
    };
    expect(report.checks.map((check) => [check.name, check.ok])).toEqual([
      ['asar', false],
      ['page', false],
      ['keychain', false],
    ]);
    expect(report.checks[2].detail).toMatch(/locked/);
  });
});
