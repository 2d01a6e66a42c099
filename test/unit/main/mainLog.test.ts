import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainLog, logLine, mirrorConsole } from '../../../electron/main/mainLog';

describe('main-process log', () => {
  let dir: string;
  const now = () => new Date('2026-01-02T03:04:05.000Z');
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kla-log-'));
  });
  afterEach(async () => rm(dir, { recursive: true, force: true }));

  it('appends one line per entry to main.log in the data folder, creating the folder', async () => {
    const dataDir = join(dir, 'data');
    const log = createMainLog(dataDir, { now });
    log.write('info', 'Started', 'app');
    log.write('error', new Error('boom'));
    expect(log.path).toBe(join(dataDir, 'main.log'));
    expect(await readFile(log.path, 'utf8')).toBe(
      '2026-01-02T03:04:05.000Z INFO Started app\n2026-01-02T03:04:05.000Z ERROR boom\n',
    );
  });

  it('keeps an entry on one line: a message cannot forge a second entry', () => {
    expect(logLine(now(), 'warn', ['a\nb\r\n2026 ERROR forged'])).toBe(
      '2026-01-02T03:04:05.000Z WARN a b 2026 ERROR forged\n',
    );
  });

  it('rotates by size, keeping a fixed number of old files, so the log never grows past its cap', async () => {
    const log = createMainLog(dir, { now, maxBytes: 200, keptFiles: 2 });
    for (let i = 0; i < 40; i += 1) log.write('info', `entry ${String(i).padStart(3, '0')} ${'x'.repeat(40)}`);
    expect((await readdir(dir)).sort()).toEqual(['main.1.log', 'main.2.log', 'main.log']);
    for (const name of ['main.log', 'main.1.log', 'main.2.log']) {
      expect(Buffer.byteLength(await readFile(join(dir, name), 'utf8'))).toBeLessThanOrEqual(200);
    }
    expect(await readFile(join(dir, 'main.log'), 'utf8')).toMatch(/entry 039/);
    expect(await readFile(join(dir, 'main.2.log'), 'utf8')).not.toMatch(/entry 000/);
  });

  it('never throws when the folder cannot be written', async () => {
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'not a folder');
    const log = createMainLog(join(blocker, 'data'));
    expect(() => log.write('error', 'still running')).not.toThrow();
  });

  it('mirrors console output into the log', async () => {
    const log = createMainLog(dir, { now });
    const target = { log: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    mirrorConsole(log, target as unknown as Console);
    target.warn('Cleanup failed:', 'timeout');
    target.error('Could not load the app page:', 'ERR_FAILED');
    expect(await readFile(log.path, 'utf8')).toBe(
      '2026-01-02T03:04:05.000Z WARN Cleanup failed: timeout\n2026-01-02T03:04:05.000Z ERROR Could not load the app page: ERR_FAILED\n',
    );
  });
});
