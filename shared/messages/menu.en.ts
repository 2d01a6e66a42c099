/**
 * The application menu in English (electron/main/menu.ts). Main renders it itself, so it is not part of the
 * catalogue sent to the window (docs/renderer.md#messages-from-main-keys-and-parameters). The roles' labels
 * are Electron's own English ones, given here so that zh-CN can replace them.
 */
export const menuEn = {
  'menu.file': 'File',
  'menu.edit': 'Edit',
  'menu.view': 'View',
  'menu.window': 'Window',
  'menu.help': 'Help',
  'menu.about': 'About {appName}',
  'menu.services': 'Services',
  'menu.hide': 'Hide {appName}',
  'menu.hideOthers': 'Hide Others',
  'menu.unhide': 'Show All',
  'menu.quitApp': 'Quit {appName}',
  'menu.close': 'Close Window',
  'menu.undo': 'Undo',
  'menu.redo': 'Redo',
  'menu.cut': 'Cut',
  'menu.copy': 'Copy',
  'menu.paste': 'Paste',
  'menu.selectAll': 'Select All',
  'menu.reload': 'Reload',
  'menu.forceReload': 'Force Reload',
  'menu.toggleDevTools': 'Toggle Developer Tools',
  'menu.resetZoom': 'Actual Size',
  'menu.zoomIn': 'Zoom In',
  'menu.zoomOut': 'Zoom Out',
  'menu.togglefullscreen': 'Toggle Full Screen',
  'menu.minimize': 'Minimize',
  'menu.zoom': 'Zoom',
  'menu.front': 'Bring All to Front',
  'menu.doc.release': 'KooDrive API: Releasing a Backup Lock',
  'menu.doc.renew': 'KooDrive API: Renewing a Backup Lock',
  'menu.doc.create': 'KooDrive API: Creating a Backup Lock',
  'menu.doc.auth': 'KooDrive API: Authentication',
  'menu.doc.errorCodes': 'KooDrive API: Error Codes',
} as const;

export type MenuKey = keyof typeof menuEn;
