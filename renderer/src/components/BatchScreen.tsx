import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { BATCH_DEFAULT_CONCURRENCY, BATCH_MAX_CONCURRENCY, BATCH_MAX_LOCKS } from '../../../shared/batch';
import { parseBatchInput } from '../../../shared/batchInput';
import type { Profile } from '../../../shared/profile';
import { resultsToCsv } from '../../../shared/resultsCsv';
import { useBatchRun } from '../hooks/useBatchRun';
import { useSecretStatus } from '../hooks/useSecretStatus';
import { t } from '../i18n';
import { downloadCsv, timestampedCsvName } from '../lib/batchCsvDownload';
import { cancelBatchRun, dismissBatchError, isBatchBusy, startBatchRun } from '../lib/batchRun';
import { hostOf } from '../lib/hostOf';
import { BatchConfirmDialog, type BatchKind } from './BatchConfirmDialog';
import { BatchInput } from './BatchInput';
import { BatchProgressPanel } from './BatchProgressPanel';
import { BatchResults } from './BatchResults';
import { ErrorAlert } from './ErrorAlert';
import { ProfilePicker } from './ProfilePicker';
import '../styles/batchHistory.css';

export interface BatchScreenProps {
  profiles: Profile[];
  profile: Profile;
  onSelectProfile: (profileId: string) => void;
}

interface PendingBatch {
  kind: BatchKind;
  lockIds: string[];
  profile: Profile;
  concurrency: number;
}

function concurrencyOf(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,3}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 && value <= BATCH_MAX_CONCURRENCY ? value : null;
}

export function BatchScreen({ profiles, profile, onSelectProfile }: BatchScreenProps) {
  const secret = useSecretStatus(profile.id);
  const run = useBatchRun();
  const [text, setText] = useState('');
  const [concurrencyText, setConcurrencyText] = useState(String(BATCH_DEFAULT_CONCURRENCY));
  const [pending, setPending] = useState<PendingBatch | null>(null);
  const [exportNote, setExportNote] = useState('');
  const deferredText = useDeferredValue(text);
  const list = useMemo(() => parseBatchInput(deferredText), [deferredText]);
  const inputLockIds = useMemo(() => [...new Set(list.rows.map((row) => row.lockId))], [list]);
  const concurrency = concurrencyOf(concurrencyText);
  const busy = isBatchBusy(run);

  const request = run.request;
  const batchProfile = request ? (profiles.find((item) => item.id === request.profileId) ?? null) : null;
  const finished = run.phase === 'finished';
  const failedIds = useMemo(() => {
    const ids = new Set<string>();
    for (const result of run.results) if (!result.ok && result.lockId !== null) ids.add(result.lockId);
    return [...ids];
  }, [run.results]);
  const notSentIds = useMemo(() => {
    if (!request) return [];
    const sent = new Set(run.results.map((result) => result.lockId));
    return request.lockIds.filter((lockId) => !sent.has(lockId));
  }, [request, run.results]);

  function ask() {
    if (busy || concurrency === null || inputLockIds.length === 0 || inputLockIds.length > BATCH_MAX_LOCKS) return;
    setPending({ kind: 'start', lockIds: inputLockIds, profile, concurrency });
  }

  function askAgain(kind: 'retry' | 'rest') {
    if (busy || !request || !batchProfile) return;
    const lockIds = kind === 'retry' ? failedIds : notSentIds;
    if (lockIds.length > 0) setPending({ kind, lockIds, profile: batchProfile, concurrency: request.concurrency });
  }

  async function confirm() {
    if (!pending) return;
    const chosen = pending;
    setPending(null);
    setExportNote('');
    await startBatchRun({
      profileId: chosen.profile.id,
      profileName: chosen.profile.name,
      host: hostOf(chosen.profile.baseUrl),
      lockIds: chosen.lockIds,
      concurrency: chosen.concurrency,
    });
  }

  function exportCsv() {
    const name = timestampedCsvName('koodrive-batch');
    downloadCsv(name, resultsToCsv(run.results));
    setExportNote(t('batch.results.exported', { name }));
  }

  const dismissDialog = useCallback(() => setPending(null), []);

  return (
    <div className="page page--wide">
      <div className="page-head">
        <h1 className="page-title">{t('batch.title')}</h1>
        <p className="page-subtitle">{t('batch.subtitle')}</p>
      </div>
      {secret.error && <ErrorAlert error={secret.error} />}
      <BatchInput
        header={
          <ProfilePicker profiles={profiles} profile={profile} secret={secret.status} onChange={onSelectProfile} />
        }
        text={text}
        onTextChange={setText}
        list={list}
        concurrencyText={concurrencyText}
        onConcurrencyChange={setConcurrencyText}
        concurrencyProblem={
          concurrency === null ? t('batch.concurrency.problem', { max: BATCH_MAX_CONCURRENCY }) : null
        }
        busy={busy}
        onSubmit={ask}
      />
      {run.error && <ErrorAlert error={run.error} onDismiss={dismissBatchError} />}
      {run.stopError && <ErrorAlert error={run.stopError} />}
      {run.phase !== 'idle' && <BatchProgressPanel run={run} onCancel={() => void cancelBatchRun()} />}
      {run.phase !== 'idle' && (
        <BatchResults
          results={run.results}
          retryCount={finished && batchProfile ? failedIds.length : null}
          notSentCount={finished && batchProfile ? notSentIds.length : null}
          exportNote={exportNote}
          onRetry={() => askAgain('retry')}
          onSendRest={() => askAgain('rest')}
          onExport={exportCsv}
        />
      )}
      {pending && (
        <BatchConfirmDialog
          kind={pending.kind}
          count={pending.lockIds.length}
          concurrency={pending.concurrency}
          profile={pending.profile}
          onConfirm={() => void confirm()}
          onCancel={dismissDialog}
        />
      )}
    </div>
  );
}
