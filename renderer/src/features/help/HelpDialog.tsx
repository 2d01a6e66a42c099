import { useId } from 'react';
import type { ResultKind } from '../../../../shared/result';
import { useModalDialog } from '../../components/useModalDialog';
import { t } from '../../i18n';
import '../diagnostics/diagnostics.css';

export interface HelpDialogProps {
  kind: ResultKind;
  onClose: () => void;
}

/**
 * What a result kind means: likely cause, how to confirm it, the fix. A modal <dialog> like the
 * confirmation: Escape closes it and focus returns to the button that opened it. Mount to open.
 */
export function HelpDialog({ kind, onClose }: HelpDialogProps) {
  const { dialogRef, initialFocusRef: closeRef } = useModalDialog<HTMLButtonElement>(onClose);
  const titleId = useId();
  const bodyId = useId();

  const sections = [
    ['cause', t('help.cause'), t(`help.kind.${kind}.cause`)],
    ['confirm', t('help.confirm'), t(`help.kind.${kind}.confirm`)],
    ['fix', t('help.fix'), t(`help.kind.${kind}.fix`)],
  ] as const;

  return (
    <dialog ref={dialogRef} className="dialog help-dialog" aria-labelledby={titleId} aria-describedby={bodyId}>
      <h2 id={titleId} className="dialog-title">
        {t('help.dialogTitle', { title: t(`help.kind.${kind}.title`) })}
      </h2>
      <div id={bodyId} className="dialog-body help-sections">
        {sections.map(([key, heading, text]) => (
          <section key={key} className="help-section">
            <h3 className="subheading">{heading}</h3>
            <p>{text}</p>
          </section>
        ))}
      </div>
      <div className="dialog-actions">
        <button ref={closeRef} type="button" className="button button--primary" onClick={onClose}>
          {t('help.close')}
        </button>
      </div>
    </dialog>
  );
}
