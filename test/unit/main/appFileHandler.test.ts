import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFileHandler, appFilePath, contentTypeFor } from '../../../electron/main/appFileHandler';

const POLICY = "default-src 'none'";

describe('app:// file handler', () => {
  let base: string;
  let root: string;
  let handler: ReturnType<typeof appFileHandler>;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'kla-appfiles-'));
    root = join(base, 'renderer');
    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><title>ok</title>');
    await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
    await writeFile(join(root, 'assets', 'index-abc.css'), 'body{}');
    await writeFile(join(base, 'secret.txt'), 'outside the renderer folder');
    await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
    handler = appFileHandler(root, POLICY);
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

  it('serves index.html and assets with their type, the CSP and nosniff', async () => {
    const page = await get('app://koodrive/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>ok</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('access-control-allow-origin')).toBeNull();

    const script = await get('app://koodrive/assets/index-abc.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
    expect((await get('app://koodrive/assets/index-abc.css')).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('serves index.html for the bare origin, and answers HEAD without a body', async () => {
    expect(await (await get('app://koodrive/')).text()).toContain('<title>ok</title>');
    const head = await get('app://koodrive/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each([
    'app://koodrive/..%2fsecret.txt',
    'app://koodrive/%2e%2e/secret.txt',
    'app://koodrive/assets/..%5c..%5csecret.txt',
    'app://koodrive/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://koodrive/assets/link.txt',
    'app://koodrive/assets',
    'app://koodrive/missing.js',
    'app://koodrive//etc/passwd',
    'app://koodrive/%00index.html',
    'app://koodrive/%E0%A4%A',
    'app://koodrive/C:%5cWindows%5cwin.ini',
    'app://other/index.html',
    'app://koodrive:99/index.html',
  ])('refuses %s with 404 and never reads outside the folder', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('outside the renderer folder');
  });

  it('refuses writes', async () => {
    expect((await get('app://koodrive/index.html', 'POST')).status).toBe(405);
  });

  it('maps URLs inside the folder only', () => {
    expect(appFilePath(root, 'app://koodrive/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(appFilePath(root, 'app://koodrive/a/b/')).toBe(join(root, 'a', 'b', 'index.html'));
    expect(appFilePath(root, 'file:///etc/passwd')).toBeNull();
    expect(appFilePath(root, 'app://user:pw@koodrive/index.html')).toBeNull();
    expect(appFilePath(root, 'not a url')).toBeNull();
  });

  it('knows the content types of a Vite build, and falls back to a download type', () => {
    expect(contentTypeFor('x.mjs')).toMatch(/javascript/);
    expect(contentTypeFor('x.WOFF2')).toBe('font/woff2');
    expect(contentTypeFor('x.exe')).toBe('application/octet-stream');
  });
});
