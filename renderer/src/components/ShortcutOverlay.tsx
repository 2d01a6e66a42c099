import { Fragment, type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef } from 'react';
import { t } from '../i18n';
import { type KeyCombo, shortcutRows } from '../lib/shortcutKeys';
import '../styles/shortcuts.css';

export interface ShortcutOverlayProps {
  mac: boolean;
  onClose: () => void;
}

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex="0"]';

function Combo({ combo, mac }: { combo: KeyCombo; mac: boolean }) {
  return (
    <span className="shortcut-combo">
      {combo.map((key, index) => (
        <Fragment key={key}>
          {index > 0 && !mac && <span aria-hidden="true">+</span>}
          <kbd className="keycap">{key}</kbd>
        </Fragment>
      ))}
    </span>
  );
}

/** Tab and Shift+Tab cycle inside the dialog instead of leaving it. */
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
 * The list of keyboard shortcuts, as a modal dialog: the page behind is inert, focus stays inside,
 * Escape or Close closes it and focus returns to where it was. Mount it to open it.
 */
export function ShortcutOverlay({ mac, onClose }: ShortcutOverlayProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const introId = useId();

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
    closeRef.current?.focus();
    return () => {
      dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected && !dialog.contains(document.activeElement)) {
        opener.focus();
      }
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="dialog shortcut-dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={introId}
      onKeyDown={trapTab}
    >
      <h2 id={titleId} className="dialog-title">
        {t('shortcuts.title')}
      </h2>
      <p id={introId} className="field-help">
        {t('shortcuts.intro')}
      </p>
      <table className="shortcut-table">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.column.action')}</th>
            <th scope="col">{t('shortcuts.column.keys')}</th>
          </tr>
        </thead>
        <tbody>
          {shortcutRows(mac).map((row) => (
            <tr key={row.label}>
              <td>{t(row.label)}</td>
              <td className="shortcut-keys">
                {row.combos.map((combo, index) => (
                  <Fragment key={combo.join(' ')}>
                    {index > 0 && <span className="shortcut-or">{t('shortcuts.or')}</span>}
                    <Combo combo={combo} mac={mac} />
                  </Fragment>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button ref={closeRef} type="button" className="button button--primary" onClick={onClose}>
          {t('shortcuts.close')}
        </button>
      </div>
    </dialog>
  );
}
