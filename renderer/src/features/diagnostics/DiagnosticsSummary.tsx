import type { MouseEvent, Ref } from 'react';
import { t } from '../../i18n';
import type { DiagnosticsCheck, SummaryRow } from './diagnosticsSummary';
import { DiagnosticsStatusIcon } from './DiagnosticsStatusIcon';

export const SECTION_ID: Readonly<Record<DiagnosticsCheck, string>> = {
  clock: 'diag-clock',
  connection: 'diag-connection',
};

export interface DiagnosticsSummaryProps {
  rows: readonly SummaryRow[];
  busy: boolean;
  /** Said (role=status) when "Run all checks" ends. */
  announcement: string;
  onRunAll: () => void;
  /** Opens a check's section and moves there. */
  onShow: (check: DiagnosticsCheck) => void;
  /** The list of results, which takes focus when "Run all checks" ends. */
  listRef?: Ref<HTMLUListElement>;
}

/** "Run all checks", then one line per check: its status, one sentence why, and a link to its section. */
export function DiagnosticsSummary({ rows, busy, announcement, onRunAll, onShow, listRef }: DiagnosticsSummaryProps) {
  function show(event: MouseEvent<HTMLAnchorElement>, check: DiagnosticsCheck) {
    event.preventDefault();
    onShow(check);
  }

  return (
    <section className="panel form diag-summary" aria-labelledby="diag-summary-title">
      <div className="diag-summary-head">
        <h2 id="diag-summary-title" className="panel-title">
          {t('diagnostics.summary.title')}
        </h2>
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={onRunAll}
          aria-describedby="diag-run-all-help"
        >
          {t('diagnostics.runAll')}
        </button>
        <span className="copy-note" role="status">
          {busy ? t('diagnostics.runAll.running') : announcement}
        </span>
      </div>
      <p id="diag-run-all-help" className="field-help">
        {t('diagnostics.runAll.help')}
      </p>
      {rows.length > 0 && (
        <ul ref={listRef} className="diag-summary-list" aria-label={t('diagnostics.summary.results')} tabIndex={-1}>
          {rows.map((row) => (
            <li key={row.check} className={`diag-summary-row diag-summary-row--${row.status}`}>
              <DiagnosticsStatusIcon status={row.status} />
              <a
                className="diag-summary-link"
                href={`#${SECTION_ID[row.check]}`}
                onClick={(event) => show(event, row.check)}
              >
                {t(`diagnostics.${row.check}.title`)}
              </a>
              <span className="diag-summary-status">{t(`diagnostics.status.${row.status}`)}</span>
              <span className="diag-summary-reason">{row.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
