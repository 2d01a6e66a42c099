import type { LockOperation, LockResult, ResultKind } from '../../../../shared/result';

/** What the result panel offers to do next, as a button (docs/user-guide.md#the-result-and-its-next-steps). */
export type NextStep = 'checkClock' | 'replaceSecret' | 'editProfile' | 'openDiagnostics' | 'showHistory';

/** Where a next step takes the user; App switches screens and fills them in. */
export type ResultNavigation =
  | { to: 'diagnostics'; profileId: string; userId: string; operation: LockOperation; lockId: string }
  | { to: 'profiles'; profileId: string }
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
