import { useId, useState } from 'react';
import type { ResultKind } from '../../../../shared/result';
import { useModalDialog } from '../../components/useModalDialog';
import { t } from '../../i18n';
import { HelpGlossary, KindSections } from './HelpGlossary';
import './help.css';

export interface HelpDialogProps {
  /** The result kind to explain; null opens the glossary of every kind. */
  kind: ResultKind | null;
  onClose: () => void;
}

/**
 * What a result kind means: likely cause, how to confirm it, the fix; or every kind ("What each result means").
 * A modal <dialog> like the confirmation: Escape closes it and focus returns to the button that opened it.
 * Mount to open.
 */
export function HelpDialog({ kind, onClose }: HelpDialogProps) {
  const { dialogRef, initialFocusRef: closeRef } = useModalDialog<HTMLButtonElement>(onClose);
  const [showAll, setShowAll] = useState(kind === null);
  const titleId = useId();
  const bodyId = useId();
  const single = showAll ? null : kind;

  return (
    <dialog ref={dialogRef} className="dialog help-dialog" aria-labelledby={titleId} aria-describedby={bodyId}>
      <h2 id={titleId} className="dialog-title">
        {single === null ? t('help.glossary.title') : t('help.dialogTitle', { title: t(`help.kind.${single}.title`) })}
      </h2>
      {single === null ? (
        <div className="dialog-body">
          <p id={bodyId} className="field-help">
            {t('help.glossary.help')}
          </p>
          <HelpGlossary openKind={kind} focusOpenKind={kind !== null} />
        </div>
      ) : (
        <div id={bodyId} className="dialog-body">
          <KindSections kind={single} />
        </div>
      )}
      <div className="dialog-actions">
        {single !== null && (
          <button type="button" className="button" onClick={() => setShowAll(true)}>
            {t('help.glossary.open')}
          </button>
        )}
        <button ref={closeRef} type="button" className="button button--primary" onClick={onClose}>
          {t('help.close')}
        </button>
      </div>
    </dialog>
  );
}
