import type { LockOperation, LockResult, ResultKind } from '../../../../shared/result';
import type { CompletedOperation } from '../../lib/operation';

/** What the result panel offers to do next, as a button (docs/user-guide.md#the-result-and-its-next-steps). */
export type NextStep = 'checkClock' | 'replaceSecret' | 'editProfile' | 'openDiagnostics' | 'showHistory';

/** The operation a failed result was about, as the screens its next steps open are filled in with. */
export interface FailedOperation {
  profileId: string;
  userId: string;
  operation: LockOperation;
  /** Empty for a create, which names a module instead. */
  lockId: string;
}

/** Where a next step takes the user; App switches screens and fills them in. */
export type ResultNavigation =
  | ({ to: 'diagnostics' } & FailedOperation)
  /** failed: "Replace secret" from a failed operation, which "Use in lock form" brings back filled in. */
  | { to: 'profiles'; profileId: string; failed: FailedOperation | null }
  | { to: 'history'; lockId: string | null; userId: string };

/** Results whose cause Diagnostics can show: the request itself, the clock or the connection. */
const DIAGNOSABLE: ReadonlySet<ResultKind> = new Set<ResultKind>([
  'auth',
  'clock',
  'network',
  'tls',
  'timeout',
  'invalid-response',
  'server',
  'proxy-auth',
  'destination-changed',
]);

/** Only a request that left can have an audit entry worth looking at in History. */
function wasSent(result: LockResult): boolean {
  return typeof result.sentAt === 'string' && result.sentAt !== '';
}

/** The buttons for a result, most useful first. */
export function nextStepsFor(result: LockResult): NextStep[] {
  const steps: NextStep[] = [];
  if (result.kind === 'clock') steps.push('checkClock');
  if (result.kind === 'auth') steps.push('replaceSecret');
  if (result.kind === 'destination-changed') steps.push('editProfile');
  if (DIAGNOSABLE.has(result.kind)) steps.push('openDiagnostics');
  if (wasSent(result)) steps.push('showHistory');
  return steps;
}

/** Where a next step's button goes, filled in from the result (the clock check runs in place instead). */
export function navigationFor(step: Exclude<NextStep, 'checkClock'>, done: CompletedOperation): ResultNavigation {
  const { result, profileId } = done;
  const userId = result.userId ?? done.userId;
  const failed = { profileId, userId, operation: result.operation, lockId: result.lockId ?? '' };
  switch (step) {
    case 'replaceSecret':
      return { to: 'profiles', profileId, failed };
    case 'editProfile':
      return { to: 'profiles', profileId, failed: null };
    case 'openDiagnostics':
      return { to: 'diagnostics', ...failed };
    case 'showHistory':
      return { to: 'history', lockId: result.lockId, userId };
  }
}
