import { type KeyboardEvent, type RefObject, useEffect, useLayoutEffect, useRef } from 'react';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex="0"]';

export interface ModalDialog<T extends HTMLElement> {
  dialogRef: RefObject<HTMLDialogElement | null>;
  /** The element focused when the dialog opens. */
  initialFocusRef: RefObject<T | null>;
  /** Optional `onKeyDown` for the dialog: Tab and Shift+Tab cycle inside it instead of leaving it. */
  trapTab: (event: KeyboardEvent<HTMLDialogElement>) => void;
}

function trapTab(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Tab') return;
  const items = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  if (items.length === 0) return;
  const first = items[0];
  const last = items[items.length - 1];
  const active = document.activeElement;
  if (event.shiftKey && (active === first || !event.currentTarget.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !event.currentTarget.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * Shows the <dialog> as a modal while the component is mounted: the page behind is inert, the
 * initial element gets focus, Escape calls onClose, and on unmount focus goes back to where it was.
 */
export function useModalDialog<T extends HTMLElement>(onClose: () => void): ModalDialog<T> {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const initialFocusRef = useRef<T>(null);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const onCancel = (event: Event) => {
      event.preventDefault();
      onClose();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => dialog.removeEventListener('cancel', onCancel);
  }, [onClose]);

  // A layout effect, so the cleanup runs while the dialog is still in the document.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement;
    if (!dialog.open) dialog.showModal();
    initialFocusRef.current?.focus();
    return () => {
      dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected && !dialog.contains(document.activeElement)) {
        opener.focus();
      }
    };
  }, []);

  return { dialogRef, initialFocusRef, trapTab };
}
