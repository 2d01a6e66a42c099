import type { MessageLocale } from '../../shared/messages/locales';

/**
 * Where the window's language goes: the desktop shell, which then rebuilds its menu and asks its questions and
 * sends its notifications in that language (electron/main/windowLanguage.ts). Electron-free: the e2e host and
 * the CLI pass none.
 */
export interface WindowLanguagePort {
  setLanguage(language: MessageLocale): void;
}
