import type { ReactNode, Ref } from 'react';
import { t } from '../../i18n';
import { type DiagnosticsStatus, DiagnosticsStatusIcon } from './DiagnosticsStatusIcon';

export interface DiagnosticsSectionProps {
  /** The section's element id, which the summary's links point at. */
  id: string;
  title: string;
  /** The latest outcome of the section's check, shown next to the title while folded too. */
  status?: DiagnosticsStatus | null;
  open: boolean;
  onToggle: (open: boolean) => void;
  /** The section's own action (its secondary "Check …" button), always visible. */
  action?: ReactNode;
  /** The disclosure button, so a summary link can move focus there. */
  toggleRef?: Ref<HTMLButtonElement>;
  children: ReactNode;
}

function Chevron() {
  return (
    <svg className="icon diag-chevron" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M9 6l6 6-6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

/** A folding section: the title is a disclosure button (aria-expanded, aria-controls) the summary's links also open. */
export function DiagnosticsSection({
  id,
  title,
  status = null,
  open,
  onToggle,
  action,
  toggleRef,
  children,
}: DiagnosticsSectionProps) {
  const titleId = `${id}-title`;
  const bodyId = `${id}-body`;
  return (
    <section id={id} className="panel form diag-section" aria-labelledby={titleId}>
      <div className="diag-section-head">
        <h2 id={titleId} className="panel-title diag-section-title">
          <button
            ref={toggleRef}
            type="button"
            className="diag-section-toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => onToggle(!open)}
          >
            <Chevron />
            {title}
          </button>
        </h2>
        {status && (
          <span className={`diag-section-status diag-section-status--${status}`}>
            <DiagnosticsStatusIcon status={status} />
            {t(`diagnostics.status.${status}`)}
          </span>
        )}
        {action && <div className="diag-section-action">{action}</div>}
      </div>
      <div id={bodyId} className="diag-section-body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
