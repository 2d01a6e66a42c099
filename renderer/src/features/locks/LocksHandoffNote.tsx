import { t } from '../../i18n';
import type { LocksPrefill } from './locksPrefill';

/** Says where the lock form's filled-in values come from (docs/user-guide.md#the-result-and-its-next-steps). */
export function LocksHandoffNote({ prefill }: { prefill: LocksPrefill }) {
  const { userId, moduleCode, lockId } = prefill;
  let text: string | null = null;
  if (lockId) text = t('locks.handoff.failed', { userId, lockId });
  else if (lockId === '') text = t('locks.handoff.failedUser', { userId });
  else if (moduleCode) text = t('inspect.handoff', { userId, module: moduleCode });
  if (text === null) return null;
  return (
    <p className="field-help" role="note">
      {text}
    </p>
  );
}
