import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { BATCH_DEFAULT_CONCURRENCY, BATCH_MAX_CONCURRENCY, BATCH_MAX_LOCKS } from '../../../../shared/batch';
import { isRetryable } from '../../../../shared/batchOutcome';
import { parseBatchInput } from '../../../../shared/batchInput';
import type { Profile } from '../../../../shared/profile';
import { resultsToCsv } from '../../../../shared/resultsCsv';
import { useSecretStatus } from '../profiles/useSecretStatus';
import { t } from '../../i18n';
import { downloadCsv, timestampedCsvName } from '../../lib/csvDownload';
import { type BatchRow, planBatch } from './batchRows';
import { cancelBatchRun, dismissBatchError, isBatchBusy, startBatchRun, useBatchRun } from './batchRun';
import { environmentOf } from '../../lib/environment';
import { hostOf } from '../../lib/hostOf';
import { BatchConfirmDialog, type BatchKind } from './BatchConfirmDialog';
import { BatchInput, batchBlocker } from './BatchInput';
import { BatchInputSummary } from './BatchInputSummary';
import { batchRunSummaryText } from './batchRunSummary';
import { BatchProgressPanel } from './BatchProgressPanel';
import { BatchResults } from './BatchResults';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProfilePicker } from '../../components/ProfilePicker';
import { ServerTimeChip } from '../diagnostics/ServerTimeChip';
import '../../styles/batchHistory.css';

export interface BatchScreenProps {
  profiles: Profile[];
  profile: Profile;
  onSelectProfile: (profileId: string) => void;
  /** Opens History filtered to one batch. */
  onShowBatchHistory: (batchId: string) => void;
}

interface PendingBatch {
  kind: BatchKind;
  rows: BatchRow[];
  /** The user for rows without one (the one user for the whole batch), if given. */
  userId?: string;
  profile: Profile;
  concurrency: number;
}

function concurrencyOf(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 && value <= BATCH_MAX_CONCURRENCY ? value : null;
}

function rowKey(userId: string | null | undefined, lockId: string | null): string {
  return `${userId ?? ''}\n${lockId ?? ''}`;
}

/** The users the rows act for, as the confirmation names them: the one user, or how many. */
function usersOf(pending: PendingBatch): { users: number; onlyUser: string | null } {
  const users = new Set(pending.rows.map((row) => row.userId ?? pending.userId ?? pending.profile.userId ?? ''));
  const [only] = [...users];
  return { users: users.size, onlyUser: users.size === 1 && only ? only : null };
}

export function BatchScreen({ profiles, profile, onSelectProfile, onShowBatchHistory }: BatchScreenProps) {
  const secret = useSecretStatus(profile.id);
  const run = useBatchRun();
  const [text, setText] = useState('');
  const [allowUnusual, setAllowUnusual] = useState(false);
  const [batchUserText, setBatchUserText] = useState('');
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [concurrencyText, setConcurrencyText] = useState(String(BATCH_DEFAULT_CONCURRENCY));
  const [pending, setPending] = useState<PendingBatch | null>(null);
  const [exportNote, setExportNote] = useState('');
  /** Unfolded while nothing has run; a start folds it to one line (BatchInputSummary), Edit unfolds it again. */
  const [inputOpen, setInputOpen] = useState(() => run.phase === 'idle');
  const [focusRequest, setFocusRequest] = useState<{ to: 'progress' | 'input' } | null>(null);
  const progressRef = useRef<HTMLElement>(null);
  const deferredText = useDeferredValue(text);
  const parsed = useMemo(() => parseBatchInput(deferredText, { allowUnusual }), [deferredText, allowUnusual]);
  const plan = useMemo(() => planBatch(parsed, profile, batchUserText), [parsed, profile, batchUserText]);
  const concurrency = concurrencyOf(concurrencyText);
  const busy = isBatchBusy(run);

  const request = run.request;
  const batchProfile = request ? (profiles.find((item) => item.id === request.profileId) ?? null) : null;
  const finished = run.phase === 'finished';
  const retryRows = useMemo(() => {
    const rows: BatchRow[] = [];
    const seen = new Set<string>();
    for (const result of run.results) {
      if (!isRetryable(result) || result.lockId === null) continue;
      const key = rowKey(result.userId, result.lockId);
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(result.userId ? { userId: result.userId, lockId: result.lockId } : { lockId: result.lockId });
    }
    return rows;
  }, [run.results]);
  const notSentRows = useMemo(() => {
    if (!request) return [];
    const sent = new Set(run.results.map((result) => rowKey(result.userId, result.lockId)));
    const fallback = request.userId ?? batchProfile?.userId;
    return request.rows.filter((row) => !sent.has(rowKey(row.userId ?? fallback, row.lockId)));
  }, [request, run.results, batchProfile]);

  function ask() {
    const blocked = batchBlocker(plan, skipInvalid) !== null || plan.batchUserProblem !== null;
    if (busy || blocked || concurrency === null) return;
    if (plan.rows.length === 0 || plan.rows.length > BATCH_MAX_LOCKS) return;
    setPending({
      kind: 'start',
      rows: plan.rows,
      ...(plan.batchUserId ? { userId: plan.batchUserId } : {}),
      profile,
      concurrency,
    });
  }

  function askAgain(kind: 'retry' | 'rest') {
    if (busy || !request || !batchProfile) return;
    const rows = kind === 'retry' ? retryRows : notSentRows;
    if (rows.length === 0) return;
    setPending({
      kind,
      rows,
      ...(request.userId ? { userId: request.userId } : {}),
      profile: batchProfile,
      concurrency: request.concurrency,
    });
  }

  async function confirm() {
    if (!pending) return;
    const chosen = pending;
    setPending(null);
    setExportNote('');
    setInputOpen(false);
    setFocusRequest({ to: 'progress' });
    await startBatchRun({
      profileId: chosen.profile.id,
      profileName: chosen.profile.name,
      environment: environmentOf(chosen.profile),
      host: hostOf(chosen.profile.baseUrl),
      rows: chosen.rows,
      ...(chosen.userId ? { userId: chosen.userId } : {}),
      concurrency: chosen.concurrency,
    });
  }

  // Focus moves once its target has rendered: the progress panel after a start, the list after Edit.
  useEffect(() => {
    if (focusRequest?.to === 'progress') {
      progressRef.current?.scrollIntoView({ block: 'start' });
      progressRef.current?.focus({ preventScroll: true });
    } else if (focusRequest?.to === 'input') {
      document.getElementById('batch-ids')?.focus();
    }
  }, [focusRequest]);

  function exportCsv() {
    const name = timestampedCsvName('koodrive-batch');
    downloadCsv(name, resultsToCsv(run.results, run.summary ?? undefined));
    setExportNote(t('batch.results.exported', { name }));
  }

  const dismissDialog = useCallback(() => setPending(null), []);
  const batchId = run.summary?.batchId;
  // A start that main refused leaves nothing running: the input stays as it was typed.
  const folded = !inputOpen && request !== null && run.phase !== 'idle';

  return (
    <div className="page page--wide">
      <div className="page-head">
        <h1 className="page-title">{t('batch.title')}</h1>
        <p className="page-subtitle">{t('batch.subtitle')}</p>
      </div>
      <ServerTimeChip profileId={profile.id} />
      {secret.error && <ErrorAlert error={secret.error} />}
      {folded ? (
        <BatchInputSummary
          text={batchRunSummaryText(request, batchProfile?.userId)}
          running={busy}
          onEdit={() => {
            setInputOpen(true);
            setFocusRequest({ to: 'input' });
          }}
        />
      ) : (
        <BatchInput
          header={
            <ProfilePicker profiles={profiles} profile={profile} secret={secret.status} onChange={onSelectProfile} />
          }
          profile={profile}
          text={text}
          onTextChange={setText}
          parsed={parsed}
          plan={plan}
          allowUnusual={allowUnusual}
          onAllowUnusualChange={setAllowUnusual}
          batchUserText={batchUserText}
          onBatchUserChange={setBatchUserText}
          skipInvalid={skipInvalid}
          onSkipInvalidChange={setSkipInvalid}
          concurrencyText={concurrencyText}
          onConcurrencyChange={setConcurrencyText}
          concurrencyProblem={
            concurrency === null ? t('batch.concurrency.problem', { max: BATCH_MAX_CONCURRENCY }) : null
          }
          busy={busy}
          onSubmit={ask}
        />
      )}
      {run.error && <ErrorAlert error={run.error} onDismiss={dismissBatchError} />}
      {run.stopError && <ErrorAlert error={run.stopError} />}
      {run.phase !== 'idle' && (
        <BatchProgressPanel run={run} onCancel={() => void cancelBatchRun()} panelRef={progressRef} />
      )}
      {run.phase !== 'idle' && (
        <BatchResults
          results={run.results}
          outcomes={run.outcomes}
          retryCount={finished && batchProfile ? retryRows.length : null}
          notSentCount={finished && batchProfile ? notSentRows.length : null}
          exportNote={exportNote}
          onRetry={() => askAgain('retry')}
          onSendRest={() => askAgain('rest')}
          onExport={exportCsv}
          onShowInHistory={finished && batchId ? () => onShowBatchHistory(batchId) : null}
        />
      )}
      {pending && (
        <BatchConfirmDialog
          kind={pending.kind}
          count={pending.rows.length}
          {...usersOf(pending)}
          concurrency={pending.concurrency}
          profile={pending.profile}
          onConfirm={() => void confirm()}
          onCancel={dismissDialog}
        />
      )}
    </div>
  );
}
