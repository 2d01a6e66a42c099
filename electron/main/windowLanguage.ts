import type { MessageLocale } from '../../shared/messages/locales';
import { mainLanguageOf } from '../../shared/messages/textTable';
import type { WindowLanguagePort } from '../ipc/windowLanguagePort';

export interface WindowLanguage extends WindowLanguagePort {
  /** The language the window said it shows (Settings, else the system's); the system's until it says. */
  current(): MessageLocale;
}

/**
 * The language main speaks in its menu, the close question and the batch notification: the window's, so that a
 * language chosen in Settings applies there too (docs/user-guide.md#language). `onChange` runs when it changes.
 */
export function createWindowLanguage(options: {
  systemLocale: () => string;
  onChange: (language: MessageLocale) => void;
}): WindowLanguage {
  let told: MessageLocale | null = null;
  const current = () => told ?? mainLanguageOf(options.systemLocale());
  return {
    current,
    setLanguage(language) {
      const before = current();
      told = language;
      if (language !== before) options.onChange(language);
    },
  };
}
