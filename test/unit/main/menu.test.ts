import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { DOC_LINKS } from '../../../electron/main/docLinks';
import { menuTemplate } from '../../../electron/main/menu';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.map((item) => item.label ?? item.role ?? '');
}

const base = { appName: 'KooDrive Lock Admin', openDoc: vi.fn() };

describe('menuTemplate', () => {
  it('has File, Edit, View, Window and Help; the app menu only on macOS', () => {
    expect(labels(menuTemplate({ ...base, isMac: false, isPackaged: true }))).toEqual([
      'File',
      'Edit',
      'View',
      'Window',
      'help',
    ]);
    expect(labels(menuTemplate({ ...base, isMac: true, isPackaged: true }))[0]).toBe('KooDrive Lock Admin');
  });

  it('has the standard edit roles and quit', () => {
    const all = roles(menuTemplate({ ...base, isMac: false, isPackaged: true }));
    for (const role of ['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit', 'togglefullscreen', 'zoomIn']) {
      expect(all).toContain(role);
    }
  });

  it('offers reload and developer tools only when not packaged', () => {
    const packaged = roles(menuTemplate({ ...base, isMac: false, isPackaged: true }));
    expect(packaged).not.toContain('toggleDevTools');
    expect(packaged).not.toContain('reload');
    const dev = roles(menuTemplate({ ...base, isMac: false, isPackaged: false }));
    expect(dev).toContain('toggleDevTools');
    expect(dev).toContain('reload');
  });

  it('About is in the app menu on macOS and under Help elsewhere', () => {
    const helpRoles = (isMac: boolean) =>
      (menuTemplate({ ...base, isMac, isPackaged: true }).at(-1)?.submenu as MenuItemConstructorOptions[]).map(
        (item) => item.role,
      );
    expect(helpRoles(false)).toContain('about');
    expect(helpRoles(true)).not.toContain('about');
    expect(roles(menuTemplate({ ...base, isMac: true, isPackaged: true }))).toContain('about');
  });

  it('Help opens the documentation links, and only those', () => {
    const openDoc = vi.fn();
    const help = menuTemplate({ ...base, openDoc, isMac: false, isPackaged: true }).at(-1);
    const items = (help?.submenu as MenuItemConstructorOptions[]).filter((item) => item.label);
    expect(items.map((item) => item.label)).toEqual(DOC_LINKS.map((link) => link.label));
    for (const item of items) (item.click as () => void)();
    expect(openDoc.mock.calls.map((call) => call[0])).toEqual(DOC_LINKS.map((link) => link.url));
  });
});
