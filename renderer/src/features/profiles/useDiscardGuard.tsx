import { type ReactNode, useCallback, useRef, useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { t } from '../../i18n';

export interface DiscardGuard {
  /** The profile editor reports whether it holds unsaved edits. */
  setDirty: (dirty: boolean) => void;
  /** Runs the action at once, or after the user agreed to discard the unsaved edits. */
  guard: (action: () => void) => void;
  /** The "Discard changes?" dialog while it is asked, else null: render it. */
  dialog: ReactNode;
}

/** Asks "Discard changes?" before an action that would drop the profile editor's unsaved edits. */
export function useDiscardGuard(): DiscardGuard {
  const dirty = useRef(false);
  const [pending, setPending] = useState<{ action: () => void } | null>(null);

  const setDirty = useCallback((value: boolean) => {
    dirty.current = value;
  }, []);
  const guard = useCallback((action: () => void) => {
    if (dirty.current) setPending({ action });
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
        dirty.current = false;
        pending.action();
      }}
      onCancel={cancel}
    >
      <p>{t('profile.discard.body')}</p>
    </ConfirmDialog>
  ) : null;

  return { setDirty, guard, dialog };
}
