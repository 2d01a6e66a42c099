import { type ReactNode, useCallback, useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { t } from '../../i18n';
import type { EditState } from './editState';

export interface DiscardGuard {
  /** The profile editor reports whether it holds unsaved edits or is saving them. */
  setEditState: (state: EditState) => void;
  /**
   * Runs the action at once; with unsaved edits, after the user agreed to discard them; during a save, once it
   * has saved everything (or asks then, when edits are still unsaved because the save failed).
   */
  guard: (action: () => void) => void;
  /** The "Discard changes?" dialog while it is asked, else null: render it. */
  dialog: ReactNode;
}

/** Asks "Discard changes?" before an action that would drop the profile editor's unsaved edits. */
export function useDiscardGuard(): DiscardGuard {
  const state = useRef<EditState>('clean');
  const afterSave = useRef<(() => void) | null>(null);
  const [pending, setPending] = useState<{ action: () => void } | null>(null);

  const setEditState = useCallback((value: EditState) => {
    state.current = value;
    const waiting = afterSave.current;
    if (value === 'saving' || !waiting) return;
    afterSave.current = null;
    if (value === 'clean') waiting();
    else setPending({ action: waiting });
  }, []);
  const guard = useCallback((action: () => void) => {
    if (state.current === 'saving') afterSave.current = action;
    else if (state.current === 'unsaved') setPending({ action });
    else action();
  }, []);
  const cancel = useCallback(() => setPending(null), []);

  const dialog = pending ? (
    <ConfirmDialog
      title={t('profile.discard.title')}
      confirmLabel={t('profile.discard.action')}
      tone="danger"
      initialFocus="cancel"
      onConfirm={() => {
        setPending(null);
        state.current = 'clean';
        pending.action();
      }}
      onCancel={cancel}
    >
      <p>{t('profile.discard.body')}</p>
    </ConfirmDialog>
  ) : null;

  return { setEditState, guard, dialog };
}
