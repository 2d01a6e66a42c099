import { useEffect } from 'react';
import { lockAdmin } from '../../api/lockAdmin';

/**
 * Tells main whether the profile editor holds unsaved edits, so that closing the window or quitting asks
 * "Discard unsaved changes?" first (electron/main/closeGuard.ts). Said when it changes, and "none" when the editor
 * goes away.
 */
export function useUnsavedChangesSignal(dirty: boolean): void {
  useEffect(() => {
    void lockAdmin().setUnsavedChanges({ edits: dirty ? 'unsaved' : 'none' });
  }, [dirty]);
  useEffect(() => () => void lockAdmin().setUnsavedChanges({ edits: 'none' }), []);
}
