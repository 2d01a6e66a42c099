import { type ReactNode, useId } from 'react';
import { useModalDialog } from './useModalDialog';
import { t } from '../i18n';

export interface ConfirmDialogProps {
  title: string;
  confirmLabel: string;
  tone: 'danger' | 'primary';
  onConfirm: () => void;
  onCancel: () => void;
  children: ReactNode;
  /** Which button has the focus when the dialog opens (Cancel for Production, so Enter does not send). */
  initialFocus?: 'confirm' | 'cancel';
  /** The confirm button waits for something (a typed count); the dialog says what. */
  confirmDisabled?: boolean;
}

/**
 * A modal <dialog>: the page behind it is inert, Escape cancels, and focus goes back to where it was
 * when the dialog closes. Mount it to open it; unmount it to close it.
 */
export function ConfirmDialog({
  title,
  confirmLabel,
  tone,
  onConfirm,
  onCancel,
  children,
  initialFocus = 'confirm',
  confirmDisabled = false,
}: ConfirmDialogProps) {
  const { dialogRef, initialFocusRef } = useModalDialog<HTMLButtonElement>(onCancel);
  const titleId = useId();
  const bodyId = useId();

  return (
    <dialog ref={dialogRef} className="dialog" aria-labelledby={titleId} aria-describedby={bodyId}>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div id={bodyId} className="dialog-body">
        {children}
      </div>
      <div className="dialog-actions">
        <button
          ref={initialFocus === 'cancel' ? initialFocusRef : undefined}
          type="button"
          className="button"
          onClick={onCancel}
        >
          {t('common.cancel')}
        </button>
        <button
          ref={initialFocus === 'confirm' ? initialFocusRef : undefined}
          type="button"
          className={tone === 'danger' ? 'button button--danger' : 'button button--primary'}
          onClick={onConfirm}
          disabled={confirmDisabled}
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
