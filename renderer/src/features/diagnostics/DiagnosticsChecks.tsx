import { useEffect, useRef, useState } from 'react';
import type { Profile } from '../../../../shared/profile';
import type { LockOperation, ResultKind } from '../../../../shared/result';
import { clockOffsetFor } from './diagnosticsClockOffset';
import { DiagnosticsClockPanel } from './DiagnosticsClockPanel';
import { DiagnosticsConnectionPanel } from './DiagnosticsConnectionPanel';
import { DiagnosticsPreviewPanel } from './DiagnosticsPreviewPanel';
import { DiagnosticsSummary } from './DiagnosticsSummary';
import { type DiagnosticsCheck, sectionOpenAfterRun, summaryAnnouncement } from './diagnosticsSummary';
import { useDiagnosticsChecks } from './useDiagnosticsChecks';

type Section = DiagnosticsCheck | 'preview';

export interface DiagnosticsChecksProps {
  profile: Profile;
  userId?: string;
  /** The request preview's operation and lock (a lock result's "Open in Diagnostics"). */
  initial?: { operation: LockOperation; lockId: string };
  onHelp: (kind: ResultKind) => void;
  /** Opens this profile at its secret field (a refused authenticated call's next step). */
  onReplaceSecret?: () => void;
}

/**
 * "Run all checks" with its summary, and the folding sections of the clock check, the connection check and the
 * request preview; mount with a key per profile.
 */
export function DiagnosticsChecks({ profile, userId, initial, onHelp, onReplaceSecret }: DiagnosticsChecksProps) {
  const checks = useDiagnosticsChecks(profile.id, userId);
  const [open, setOpen] = useState<Record<Section, boolean>>(() => ({
    // The clock section opens where "Sign with server time" is on, so the switch that is on can be seen.
    clock: clockOffsetFor(profile.id) !== undefined,
    connection: false,
    preview: true,
  }));
  const [announcement, setAnnouncement] = useState('');
  const [focusRequest, setFocusRequest] = useState<{ to: 'summary' | Section } | null>(null);
  const summaryRef = useRef<HTMLUListElement>(null);
  const clockToggle = useRef<HTMLButtonElement>(null);
  const connectionToggle = useRef<HTMLButtonElement>(null);
  const previewToggle = useRef<HTMLButtonElement>(null);

  // Focus moves once the element it goes to has rendered (the summary appears with the first results).
  useEffect(() => {
    if (!focusRequest) return;
    const targets = {
      summary: summaryRef,
      clock: clockToggle,
      connection: connectionToggle,
      preview: previewToggle,
    };
    const target = targets[focusRequest.to].current;
    // The summary is near the top already; a section is brought to the top, below the sticky header.
    target?.scrollIntoView({ block: focusRequest.to === 'summary' ? 'nearest' : 'start' });
    target?.focus({ preventScroll: true });
  }, [focusRequest]);

  const setSection = (section: Section) => (value: boolean) => setOpen((current) => ({ ...current, [section]: value }));

  async function runAll() {
    setAnnouncement('');
    const rows = await checks.runAll();
    if (!rows) return;
    setOpen((current) => ({
      ...current,
      clock: sectionOpenAfterRun(rows.find((row) => row.check === 'clock')),
      connection: sectionOpenAfterRun(rows.find((row) => row.check === 'connection')),
    }));
    setAnnouncement(summaryAnnouncement(rows));
    setFocusRequest({ to: 'summary' });
  }

  function checkOne(section: DiagnosticsCheck) {
    setSection(section)(true);
    void (section === 'clock' ? checks.checkClock() : checks.checkConnection());
  }

  function show(section: DiagnosticsCheck) {
    setSection(section)(true);
    setFocusRequest({ to: section });
  }

  const statusOf = (check: DiagnosticsCheck) => checks.rows.find((row) => row.check === check)?.status ?? null;

  return (
    <>
      <DiagnosticsSummary
        rows={checks.rows}
        busy={checks.busy}
        announcement={announcement}
        onRunAll={() => void runAll()}
        onShow={show}
        listRef={summaryRef}
      />
      <DiagnosticsClockPanel
        profile={profile}
        call={checks.clock}
        onCheck={() => checkOne('clock')}
        status={statusOf('clock')}
        open={open.clock}
        onToggle={setSection('clock')}
        toggleRef={clockToggle}
      />
      <DiagnosticsConnectionPanel
        call={checks.connection}
        onCheck={() => checkOne('connection')}
        onHelp={onHelp}
        onReplaceSecret={onReplaceSecret}
        status={statusOf('connection')}
        open={open.connection}
        onToggle={setSection('connection')}
        toggleRef={connectionToggle}
      />
      <DiagnosticsPreviewPanel
        profile={profile}
        userId={userId}
        initial={initial}
        open={open.preview}
        onToggle={setSection('preview')}
        toggleRef={previewToggle}
      />
    </>
  );
}
