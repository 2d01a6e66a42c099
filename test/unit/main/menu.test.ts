import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { DOC_LINKS } from '../../../electron/main/docLinks';
import { menuTemplate } from '../../../electron/main/menu';
import { menuEn } from '../../../shared/messages/menu.en';
import { menuZhCN } from '../../../shared/messages/menu.zhCN';
import { placeholdersOf, translated } from '../../../shared/messages/template';

function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

function labels(items: MenuItemConstructorOptions[]): string[] {
  return items.map((item) => item.label ?? item.role ?? '');
}

/** Every item that is not a separator, submenus included. */
function allItems(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    ...(item.type === 'separator' ? [] : [item]),
    ...(Array.isArray(item.submenu) ? allItems(item.submenu) : []),
  ]);
}

const base = { appName: 'KooDrive Lock Admin', openDoc: vi.fn(), locale: 'en' } as const;

describe('menuTemplate', () => {
  it('has File, Edit, View, Window and Help; the app menu only on macOS', () => {
    expect(labels(menuTemplate({ ...base, isMac: false, isPackaged: true }))).toEqual([
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
    expect(menuTemplate({ ...base, isMac: false, isPackaged: true }).at(-1)?.role).toBe('help');
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
    const items = (help?.submenu as MenuItemConstructorOptions[]).filter((item) => item.click);
    expect(items.map((item) => item.label)).toEqual(DOC_LINKS.map((link) => menuEn[link.label]));
    for (const item of items) (item.click as () => void)();
    expect(openDoc.mock.calls.map((call) => call[0])).toEqual(DOC_LINKS.map((link) => link.url));
  });

  it('in zh-CN, labels every menu and item in Chinese, with the same roles as in English', () => {
    for (const isMac of [false, true]) {
      for (const isPackaged of [false, true]) {
        const english = menuTemplate({ ...base, isMac, isPackaged });
        const chinese = menuTemplate({ ...base, isMac, isPackaged, locale: 'zh-CN' });
        expect(roles(chinese)).toEqual(roles(english));
        const items = allItems(chinese).filter((item) => item.label !== base.appName);
        for (const item of items) expect(item.label, String(item.role)).toMatch(/[\u4e00-\u9fff]/);
      }
    }
    expect(labels(menuTemplate({ ...base, isMac: false, isPackaged: true, locale: 'zh-CN' }))).toEqual([
      '文件',
      '编辑',
      '视图',
      '窗口',
      '帮助',
    ]);
    const help = menuTemplate({ ...base, isMac: false, isPackaged: true, locale: 'zh-CN' }).at(-1);
    const about = (help?.submenu as MenuItemConstructorOptions[]).find((item) => item.role === 'about');
    expect(about?.label).toBe('关于 KooDrive Lock Admin');
  });

  it('in English, gives every role a label (Electron would otherwise choose one)', () => {
    const items = allItems(menuTemplate({ ...base, isMac: true, isPackaged: false }));
    for (const item of items) expect(item.label, String(item.role)).toMatch(/^[\x20-\x7e]+$/);
  });

  it('has a zh-CN label for every English one, with the same placeholders', () => {
    expect(Object.keys(menuZhCN).sort()).toEqual(Object.keys(menuEn).sort());
    for (const [key, template] of Object.entries(menuEn)) {
      expect(placeholdersOf(menuZhCN[key as keyof typeof menuEn]), key).toEqual(placeholdersOf(template));
    }
  });
});

describe('a menu translation that is not faithful', () => {
  it('does not compile: a missing label, or other placeholders', () => {
    const { 'menu.about': omitted, ...withoutAbout } = menuZhCN;
    // @ts-expect-error 'menu.about' has no translation
    const missing: Readonly<Record<keyof typeof menuEn, string>> = translated<typeof menuEn>()(withoutAbout);
    // @ts-expect-error {name} instead of {appName}
    const renamed: Readonly<Record<keyof typeof menuEn, string>> = translated<typeof menuEn>()({
      ...menuZhCN,
      'menu.about': '关于 {name}',
    });
    expect([omitted, missing, renamed]).toHaveLength(3);
  });
});
