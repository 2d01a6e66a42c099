import type { MenuItemConstructorOptions } from 'electron';
import { DOC_LINKS } from './docLinks';

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  isPackaged: boolean;
  openDoc: (url: string) => void;
}

/** The application menu: standard roles only, developer tools only in an unpackaged build. */
export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [];
  if (options.isMac) {
    template.push({
      label: options.appName,
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'services' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    });
  }
  template.push({ label: 'File', submenu: [options.isMac ? { role: 'close' } : { role: 'quit' }] });
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  });
  const developer: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  template.push({
    label: 'View',
    submenu: [
      ...developer,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  template.push({
    label: 'Window',
    submenu: options.isMac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  });
  const docs: MenuItemConstructorOptions[] = DOC_LINKS.map((link) => ({
    label: link.label,
    click: () => options.openDoc(link.url),
  }));
  template.push({
    role: 'help',
    // macOS has About in the app menu; elsewhere it goes under Help.
    submenu: options.isMac ? docs : [...docs, { type: 'separator' }, { role: 'about' }],
  });
  return template;
}
