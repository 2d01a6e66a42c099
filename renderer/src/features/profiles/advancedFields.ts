/** The editor's "Advanced" section: authorization prefix, proxy, proxy password and CA certificate. */
import type { ProfileDraft } from './profileForm';

/** Whether any advanced field holds a value, which opens the section when the editor opens. */
export function advancedFieldsSet(draft: ProfileDraft): boolean {
  const prefix = draft.authMode === 'bearer' && draft.bearerPrefix.trim() !== '';
  return prefix || draft.proxyUrl !== '' || draft.caPem !== '';
}
