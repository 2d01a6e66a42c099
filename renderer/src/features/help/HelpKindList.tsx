import { RESULT_KINDS, type ResultKind } from '../../../../shared/result';
import { t } from '../../i18n';

/** Every result kind, each opening its help. */
export function HelpKindList({ onOpen }: { onOpen: (kind: ResultKind) => void }) {
  return (
    <section className="panel form" aria-labelledby="diag-kinds-title">
      <div className="diag-panel-head">
        <h2 id="diag-kinds-title" className="panel-title">
          {t('diagnostics.kinds.title')}
        </h2>
        <p className="field-help">{t('diagnostics.kinds.help')}</p>
      </div>
      <ul className="help-kinds">
        {RESULT_KINDS.map((kind) => (
          <li key={kind} className="help-kind">
            <button type="button" className="help-kind-button" onClick={() => onOpen(kind)}>
              {t(`help.kind.${kind}.title`)}
            </button>
            <p className="help-kind-cause">{t(`help.kind.${kind}.cause`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
