import type { MenuItemConstructorOptions } from 'electron';
import type { MessageLocale } from '../../shared/messages/locales';
import { menuEn } from '../../shared/messages/menu.en';
import { menuZhCN } from '../../shared/messages/menu.zhCN';
import { textTable } from '../../shared/messages/textTable';
import { DOC_LINKS } from './docLinks';

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  isPackaged: boolean;
  /** The menu's language: the window's (electron/main/windowLanguage.ts), as for the notification and the close question. */
  locale: MessageLocale;
  openDoc: (url: string) => void;
}

const menuText = textTable(menuEn, menuZhCN);

type Role = NonNullable<MenuItemConstructorOptions['role']>;

/**
 * The application menu: standard roles only, developer tools only in an unpackaged build. Every item has
 * its label in the menu's language; Electron would otherwise label the roles in English.
 */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const text = menuText(options.locale);
  const { appName } = options;
  const item = (role: Role, label: string): MenuItemConstructorOptions => ({ role, label });
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const about = item('about', text('menu.about', { appName }));
  const close = item('close', text('menu.close'));
  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) {
    template.push({
      label: appName,
      submenu: [
        about,
        separator,
        item('services', text('menu.services')),
        separator,
        item('hide', text('menu.hide', { appName })),
        item('hideOthers', text('menu.hideOthers')),
        item('unhide', text('menu.unhide')),
        separator,
        item('quit', text('menu.quitApp', { appName })),
      ],
    });
  }
  template.push({
    label: text('menu.file'),
    submenu: [options.isMac ? close : item('quit', text('menu.quitApp', { appName }))],
  });
  template.push({
    label: text('menu.edit'),
    submenu: [
      item('undo', text('menu.undo')),
      item('redo', text('menu.redo')),
      separator,
      item('cut', text('menu.cut')),
      item('copy', text('menu.copy')),
      item('paste', text('menu.paste')),
      item('selectAll', text('menu.selectAll')),
    ],
  });
  const developer: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [
        item('reload', text('menu.reload')),
        item('forceReload', text('menu.forceReload')),
        item('toggleDevTools', text('menu.toggleDevTools')),
        separator,
      ];
  template.push({
    label: text('menu.view'),
    submenu: [
      ...developer,
      item('resetZoom', text('menu.resetZoom')),
      item('zoomIn', text('menu.zoomIn')),
      item('zoomOut', text('menu.zoomOut')),
      separator,
      item('togglefullscreen', text('menu.togglefullscreen')),
    ],
  });
  template.push({
    label: text('menu.window'),
    submenu: options.isMac
      ? [
          item('minimize', text('menu.minimize')),
          item('zoom', text('menu.zoom')),
          separator,
          item('front', text('menu.front')),
        ]
      : [item('minimize', text('menu.minimize')), close],
  });
  const docs: MenuItemConstructorOptions[] = DOC_LINKS.map((link) => ({
    label: text(link.label),
    click: () => options.openDoc(link.url),
  }));
  template.push({
    role: 'help',
    label: text('menu.help'),
    // macOS has About in the app menu; elsewhere it goes under Help.
    submenu: options.isMac ? docs : [...docs, separator, about],
  });
  return template;
}
