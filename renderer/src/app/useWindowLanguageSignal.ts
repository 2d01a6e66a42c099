import { useEffect } from 'react';
import { lockAdmin } from '../api/lockAdmin';
import type { Locale } from '../i18n';

/**
 * Tells main the window's language whenever it changes (Settings, else the system's), so that the menu, the
 * close question and the batch notification follow it (electron/main/windowLanguage.ts).
 */
export function useWindowLanguageSignal(language: Locale): void {
  useEffect(() => {
    lockAdmin()
      .setWindowLanguage({ language })
      .catch(() => undefined); // main keeps the system's language: nothing in the window depends on it
  }, [language]);
}
