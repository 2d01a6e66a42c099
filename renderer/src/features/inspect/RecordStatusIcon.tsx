import type { RecordStatusWord } from '../../../../shared/records';

/** The marks: a clock hand (running), a tick, a bin, a question mark; a warning sign for possibly stuck. */
const PATHS: Readonly<Record<RecordStatusWord | 'stuck', string>> = {
  'in-progress': 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3 2',
  completed: 'M5 12.5l4.5 4.5L19 7.5',
  'pending-deletion': 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6',
  unknown: 'M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17v.5',
  stuck: 'M12 8v5M12 16.5v.5M10.3 3.9L2.4 18a2 2 0 0 0 1.7 3h15.8a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0z',
};

/** Decorative: the status is always written out next to it. */
export function RecordStatusIcon({ status }: { status: RecordStatusWord | 'stuck' }) {
  return (
    <svg
      className={`icon record-status-icon record-status-icon--${status}`}
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
