import { Fragment, useId } from 'react';
import { useModalDialog } from '../../components/useModalDialog';
import { t } from '../../i18n';
import { type KeyCombo, shortcutRows } from './shortcutKeys';
import './shortcuts.css';

export interface ShortcutOverlayProps {
  mac: boolean;
  onClose: () => void;
}

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

/**
 * The list of keyboard shortcuts, as a modal dialog: the page behind is inert, focus stays inside,
 * Escape or Close closes it and focus returns to where it was. Mount it to open it.
 */
export function ShortcutOverlay({ mac, onClose }: ShortcutOverlayProps) {
  const { dialogRef, initialFocusRef: closeRef, trapTab } = useModalDialog<HTMLButtonElement>(onClose);
  const titleId = useId();
  const introId = useId();

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
