/**
 * electron-builder is not installed here (packaging runs on a desktop, docs/packaging.md), so its
 * configuration is checked as data: the file electron-builder reads, parsed as JSON.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');

type Config = Record<string, unknown>;

function section(config: Config, name: string): Config {
  const value = config[name];
  expect(value, `"${name}" is an object`).toBeTypeOf('object');
  return value as Config;
}

describe('electron-builder.json', () => {
  let config: Config;
  let pkg: Config;

  beforeAll(async () => {
    config = JSON.parse(await readFile(join(ROOT, 'electron-builder.json'), 'utf8')) as Config;
    pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as Config;
  });

  it('is the only electron-builder configuration (no YAML, TOML or package.json "build" to override it)', () => {
    for (const other of [
      'electron-builder.yml',
      'electron-builder.yaml',
      'electron-builder.toml',
      'electron-builder.json5',
    ]) {
      expect(existsSync(join(ROOT, other)), other).toBe(false);
    }
    expect(pkg).not.toHaveProperty('build');
  });

  it('names the app', () => {
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+){2,}$/);
    expect(config.productName).toBe('KooDrive Lock Admin');
  });

  it('packs only the built app, package.json and the window icon, into an asar archive', () => {
    expect(config.files).toEqual(['out/**', 'package.json', 'build/icon.png']);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['node_modules/keytar/**/*.node']);
    expect(String(pkg.main)).toMatch(/^out\//);
  });

  it('flips every fuse as the security checklist asks', () => {
    const fuses = section(config, 'electronFuses');
    expect(fuses.runAsNode).toBe(false);
    expect(fuses.enableCookieEncryption).toBe(true);
    expect(fuses.enableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses.enableNodeCliInspectArguments).toBe(false);
    expect(fuses.enableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(fuses.onlyLoadAppFromAsar).toBe(true);
    expect(fuses.loadBrowserProcessSpecificV8Snapshot).toBe(false);
    expect(fuses.grantFileProtocolExtraPrivileges).toBe(false);
    // Not a fuse: an unsigned macOS build is ad-hoc signed again after the fuses are flipped.
    expect(fuses.resetAdHocDarwinSignature).toBe(true);
    expect(Object.keys(fuses)).toHaveLength(9);
  });

  it('builds deb (first) and AppImage on Linux, with the keychain library keytar needs', () => {
    const linux = section(config, 'linux');
    expect(linux.target).toEqual(['deb', 'AppImage']);
    expect(linux.maintainer).toMatch(/<[^>]+@[^>]+>/);
    expect(section(config, 'deb').depends).toContain('libsecret-1-0');
  });

  it('builds a dmg with the hardened runtime on macOS', () => {
    const mac = section(config, 'mac');
    expect(mac.target).toEqual(['dmg']);
    expect(mac.hardenedRuntime).toBe(true);
  });

  it('builds an NSIS installer on Windows', () => {
    expect(section(config, 'win').target).toEqual(['nsis']);
  });

  it('does not rebuild native modules: keytar is an N-API module that Electron loads as built', () => {
    expect(config.npmRebuild).toBe(false);
    expect((pkg.dependencies as Record<string, string>).keytar).toBeDefined();
  });
});
