export type DiagnosticsStatus = 'passed' | 'warning' | 'failed' | 'skipped';

const PATHS: Readonly<Record<DiagnosticsStatus, string>> = {
  passed: 'M5 12.5l4.5 4.5L19 7.5',
  warning: 'M12 8v5M12 16.5v.5M10.3 3.9L2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z',
  failed: 'M7 7l10 10M17 7L7 17',
  skipped: 'M7 12h10',
};

/** Decorative status mark in a tinted circle; the status is always written out next to it. */
export function DiagnosticsStatusIcon({ status }: { status: DiagnosticsStatus }) {
  return (
    <svg
      className={`icon diag-status-icon diag-status-icon--${status}`}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[status]} />
    </svg>
  );
}
