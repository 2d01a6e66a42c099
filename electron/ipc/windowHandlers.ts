import type { Handlers } from '../../shared/contract';
import type { HandlerServices } from './handlerServices';

/** What the window tells the desktop shell about itself. */
export function createWindowHandlers(
  services: HandlerServices,
): Pick<Handlers, 'setUnsavedChanges' | 'setWindowLanguage'> {
  return {
    async setUnsavedChanges({ edits }) {
      if (!services.unsavedChanges) return { guarded: false };
      services.unsavedChanges.setUnsaved(edits === 'unsaved');
      return { guarded: edits === 'unsaved' };
    },
    async setWindowLanguage({ language }) {
      if (!services.windowLanguage) return { applied: false };
      services.windowLanguage.setLanguage(language);
      return { applied: true };
    },
  };
}
