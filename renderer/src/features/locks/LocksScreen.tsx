import { useCallback, useRef, useState } from 'react';
import { checkLockId, userIdProblemMessage } from '../../../../shared/identifiers';
import { validationText } from '../../../../shared/messages/validationText';
import type { Profile } from '../../../../shared/profile';
import { useLockOperation } from './useLockOperation';
import {
  clearRecentLockIds,
  rememberRecentLockId,
  rememberRecentUserId,
  useRecentLockIds,
  useRecentUserIds,
} from './useRecentLockIds';
import type { SandboxState } from '../sandbox/useSandbox';
import { useSecretStatus } from '../profiles/useSecretStatus';
import { useShortcutKeys } from '../shortcuts/useShortcutKeys';
import { messageText, t } from '../../i18n';
import { environmentOf } from '../../lib/environment';
import type { OperationRequest } from '../../lib/operation';
import { resultTitle } from '../../lib/resultText';
import { isSandboxProfile } from '../sandbox/sandbox';
import { CreateLockSection } from './CreateLockSection';
import { ErrorAlert } from '../../components/ErrorAlert';
import { InFlightPanel } from './InFlightPanel';
import { LockIdField } from './LockIdField';
import { LocksHandoffNote } from './LocksHandoffNote';
import type { LocksPrefill } from './locksPrefill';
import { OperationDialog } from './OperationDialog';
import { ProfilePicker } from '../../components/ProfilePicker';
import { RecentLockIds } from './RecentLockIds';
import type { ResultNavigation } from './nextSteps';
import { useSecretLastOutcome } from './secretOutcome';
import { ResultPanel } from './ResultPanel';
import { SandboxBar } from '../sandbox/SandboxBar';
import { ServerTimeChip } from '../diagnostics/ServerTimeChip';
import { type StuckLock, StuckLockList } from './StuckLockList';
import { UserIdField } from '../../components/UserIdField';
import './users.css';

export type { LocksPrefill } from './locksPrefill';

export interface LocksScreenProps {
  profiles: Profile[];
  profile: Profile;
  onSelectProfile: (profileId: string) => void;
  sandbox: SandboxState;
  /** Applies while its profile is the selected one; remount (key) to apply a new one. */
  prefill?: LocksPrefill | null;
  /** A result's next step that opens another screen. */
  onNavigate: (target: ResultNavigation) => void;
}

const USER_FIELD = 'lock-user-id';

/** The user as typed for one profile; another profile starts from its own default user. */
interface UserDraft {
  profileId: string;
  text: string;
}

export function LocksScreen({
  profiles,
  profile,
  onSelectProfile,
  sandbox,
  prefill = null,
  onNavigate,
}: LocksScreenProps) {
  const secret = useSecretStatus(profile.id);
  const secretOutcome = useSecretLastOutcome(profile.id);
  const operation = useLockOperation();
  const filled = prefill?.profileId === profile.id ? prefill : null;
  const [lockId, setLockId] = useState(filled?.lockId ?? '');
  const [userDraft, setUserDraft] = useState<UserDraft>({
    profileId: profile.id,
    text: filled?.userId ?? profile.userId ?? '',
  });
  const [attempted, setAttempted] = useState(false);
  const [pending, setPending] = useState<OperationRequest | null>(null);
  const [recentNotice, setRecentNotice] = useState('');
  const lockInput = useRef<HTMLInputElement>(null);
  const userInput = useRef<HTMLInputElement>(null);
  const recent = useRecentLockIds(profile.id);
  const recentUsers = useRecentUserIds(profile.id);

  const bearer = profile.authMode === 'bearer';
  const userText = bearer
    ? (profile.userId ?? '')
    : userDraft.profileId === profile.id
      ? userDraft.text
      : (profile.userId ?? '');
  const userId = userText.trim();
  const userProblemMessage = userIdProblemMessage(userId);
  const userProblem = userProblemMessage && messageText(userProblemMessage, validationText(userProblemMessage));
  const check = checkLockId(lockId);
  const busy = operation.inFlight !== null;
  const onSandbox = isSandboxProfile(profile.id, sandbox.info);
  const stuckLocks = onSandbox && sandbox.info?.running ? sandbox.info.activeLocks : null;
  const completed = operation.completed;
  const stale = completed !== null && (completed.profileId !== profile.id || completed.userId !== userId);

  function setUserText(text: string) {
    setUserDraft({ profileId: profile.id, text });
  }

  function ask(kind: 'release' | 'renew') {
    if (busy) return;
    if (userProblem || !check.ok) {
      setAttempted(true);
      if (userProblem) userInput.current?.focus();
      else lockInput.current?.focus();
      return;
    }
    setPending({ operation: kind, profileId: profile.id, userId, lockId: check.lockId });
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

  function pickStuckLock(lock: StuckLock) {
    if (!bearer) setUserText(lock.userId);
    setLockId(lock.lockId);
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
    await operation.run(request, {
      profileId: profile.id,
      profileName: profile.name,
      environment: environmentOf(profile),
      userId: request.userId,
    });
    if (request.operation !== 'create') rememberRecentLockId(request.profileId, request.lockId);
    if (!bearer) rememberRecentUserId(request.profileId, request.userId);
    if (onSandbox) void sandbox.refresh();
  }

  const dismissDialog = useCallback(() => setPending(null), []);

  const announcement = operation.inFlight
    ? t(`inflight.${operation.inFlight.operation}`)
    : completed
      ? `${resultTitle(completed.result)}. ${messageText(completed.result.remedyMessage, completed.result.remedy)}`
      : '';

  return (
    <div className="page">
      <div className="page-head">
        <h1 className="page-title">{t('locks.title')}</h1>
        <p className="page-subtitle">{t('locks.subtitle')}</p>
      </div>
      <ServerTimeChip profileId={profile.id} />
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
        <ProfilePicker
          profiles={profiles}
          profile={profile}
          secret={secret.status}
          onChange={onSelectProfile}
          secretOutcome={secretOutcome}
        />
        {onSandbox && <SandboxBar sandbox={sandbox} disabled={busy} />}
        <div className="field-pair">
          <UserIdField
            id={USER_FIELD}
            profile={profile}
            value={userText}
            onChange={setUserText}
            problem={userProblem}
            attempted={attempted}
            recent={recentUsers}
            inputRef={userInput}
          />
          <div>
            <LockIdField
              value={lockId}
              check={check}
              attempted={attempted}
              onChange={setLockId}
              inputRef={lockInput}
              recent={recent}
            />
          </div>
        </div>
        {filled && <LocksHandoffNote prefill={filled} />}
        {recent.length > 0 && <RecentLockIds lockIds={recent} onPick={pickLockId} onClear={clearRecent} />}
        {stuckLocks && <StuckLockList locks={stuckLocks} onPick={pickStuckLock} />}
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
      {!operation.inFlight && completed && <ResultPanel done={completed} stale={stale} onNavigate={onNavigate} />}
      <CreateLockSection
        key={`${profile.id}:${filled?.moduleCode ?? ''}`}
        defaultModuleCode={filled?.moduleCode ?? profile.moduleCode}
        busy={busy}
        onCreate={(moduleCode) => {
          if (busy) return;
          if (userProblem) {
            setAttempted(true);
            userInput.current?.focus();
            return;
          }
          setPending({ operation: 'create', profileId: profile.id, userId, moduleCode });
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
