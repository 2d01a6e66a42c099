import { useCallback, useRef, useState } from 'react';
import { checkLockId } from '../../../shared/identifiers';
import type { Profile } from '../../../shared/profile';
import { useLockOperation } from '../hooks/useLockOperation';
import { clearRecentLockIds, rememberRecentLockId, useRecentLockIds } from '../hooks/useRecentLockIds';
import type { SandboxState } from '../hooks/useSandbox';
import { useSecretStatus } from '../hooks/useSecretStatus';
import { useShortcutKeys } from '../hooks/useShortcutKeys';
import { t } from '../i18n';
import type { OperationRequest } from '../lib/operation';
import { resultTitle } from '../lib/resultText';
import { isSandboxProfile } from '../lib/sandbox';
import { CreateLockSection } from './CreateLockSection';
import { ErrorAlert } from './ErrorAlert';
import { InFlightPanel } from './InFlightPanel';
import { LockIdField } from './LockIdField';
import { OperationDialog } from './OperationDialog';
import { ProfilePicker } from './ProfilePicker';
import { RecentLockIds } from './RecentLockIds';
import { ResultPanel } from './ResultPanel';
import { SandboxBar } from './SandboxBar';
import { StuckLockList } from './StuckLockList';

export interface LocksScreenProps {
  profiles: Profile[];
  profile: Profile;
  onSelectProfile: (profileId: string) => void;
  sandbox: SandboxState;
}

export function LocksScreen({ profiles, profile, onSelectProfile, sandbox }: LocksScreenProps) {
  const secret = useSecretStatus(profile.id);
  const operation = useLockOperation();
  const [lockId, setLockId] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [pending, setPending] = useState<OperationRequest | null>(null);
  const [recentNotice, setRecentNotice] = useState('');
  const lockInput = useRef<HTMLInputElement>(null);
  const recent = useRecentLockIds(profile.id);

  const check = checkLockId(lockId);
  const busy = operation.inFlight !== null;
  const onSandbox = isSandboxProfile(profile.id, sandbox.info);
  const stuckLockIds = onSandbox && sandbox.info?.running ? sandbox.info.activeLockIds : null;

  function ask(kind: 'release' | 'renew') {
    if (busy) return;
    if (!check.ok) {
      setAttempted(true);
      lockInput.current?.focus();
      return;
    }
    setPending({ operation: kind, profileId: profile.id, lockId: check.lockId });
  }

  useShortcutKeys((action) => {
    if (action.kind !== 'release') return false;
    ask('release');
    return true;
  });

  function pickLockId(id: string) {
    setLockId(id);
    lockInput.current?.focus();
  }

  function clearRecent() {
    clearRecentLockIds(profile.id);
    setRecentNotice(t('recent.cleared'));
    lockInput.current?.focus();
  }

  async function confirm() {
    if (!pending) return;
    const request = pending;
    setPending(null);
    await operation.run(request, { profileName: profile.name, userId: profile.userId });
    if (request.operation !== 'create') rememberRecentLockId(request.profileId, request.lockId);
    if (onSandbox) void sandbox.refresh();
  }

  const dismissDialog = useCallback(() => setPending(null), []);

  const announcement = operation.inFlight
    ? t(`inflight.${operation.inFlight.operation}`)
    : operation.completed
      ? `${resultTitle(operation.completed.result)}. ${operation.completed.result.remedy}`
      : '';

  return (
    <div className="page">
      <div className="page-head">
        <h1 className="page-title">{t('locks.title')}</h1>
        <p className="page-subtitle">{t('locks.subtitle')}</p>
      </div>
      {secret.error && <ErrorAlert error={secret.error} />}
      <form
        className="panel form"
        noValidate
        aria-label={t('locks.formLabel')}
        onSubmit={(event) => {
          event.preventDefault();
          ask('release');
        }}
      >
        <ProfilePicker profiles={profiles} profile={profile} secret={secret.status} onChange={onSelectProfile} />
        {onSandbox && <SandboxBar sandbox={sandbox} disabled={busy} />}
        <LockIdField
          value={lockId}
          check={check}
          attempted={attempted}
          onChange={setLockId}
          inputRef={lockInput}
          recent={recent}
        />
        {recent.length > 0 && <RecentLockIds lockIds={recent} onPick={pickLockId} onClear={clearRecent} />}
        {stuckLockIds && <StuckLockList lockIds={stuckLockIds} onPick={pickLockId} />}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('locks.release')}
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => ask('renew')}>
            {t('locks.renew')}
          </button>
        </div>
      </form>
      {operation.error && <ErrorAlert error={operation.error} />}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      <p className="visually-hidden" role="status">
        {recentNotice}
      </p>
      {operation.inFlight && <InFlightPanel inFlight={operation.inFlight} onCancel={() => void operation.cancel()} />}
      {!operation.inFlight && operation.completed && <ResultPanel done={operation.completed} />}
      <CreateLockSection
        key={profile.id}
        defaultModuleCode={profile.moduleCode}
        busy={busy}
        onCreate={(moduleCode) => {
          if (!busy) setPending({ operation: 'create', profileId: profile.id, moduleCode });
        }}
      />
      {pending && (
        <OperationDialog
          request={pending}
          profile={profile}
          onConfirm={() => void confirm()}
          onCancel={dismissDialog}
        />
      )}
    </div>
  );
}
