/**
 * What the last lock call of this session said about each profile's secret: accepted (the server
 * answered past authentication) or refused (an auth result). In memory only; forgotten when the secret is
 * replaced or removed. The secret badge shows it (docs/user-guide.md#the-result-and-its-next-steps).
 */
import type { LockResult, ResultKind } from '../../../../shared/result';
import type { SecretLastOutcome } from '../../components/SecretBadge';
import { t } from '../../i18n';
import { createStore } from '../../state/createStore';
import { useStore } from '../../state/useStore';
import { displayClock } from '../settings/displayTime';

export type SecretOutcome = { accepted: true; at: Date } | { accepted: false; at: Date; status: string };

/** Answers that only come after the server has checked the credential. */
const ACCEPTED_KINDS: ReadonlySet<ResultKind> = new Set<ResultKind>(['success', 'not-found', 'conflict']);

const outcomes = createStore<ReadonlyMap<string, SecretOutcome>>(new Map());

/** What a result says about the secret, or null when it says nothing (no answer, clock, throttled, …). */
export function secretOutcomeOf(result: LockResult, at: Date): SecretOutcome | null {
  if (ACCEPTED_KINDS.has(result.kind)) return { accepted: true, at };
  if (result.kind !== 'auth') return null;
  const status = result.httpStatus === null ? (result.code ?? '') : String(result.httpStatus);
  return { accepted: false, at, status };
}

export function secretOutcomeText(outcome: SecretOutcome): string {
  return outcome.accepted
    ? t('secretOutcome.accepted', { time: displayClock(outcome.at) })
    : t('secretOutcome.refused', { status: outcome.status });
}

export function recordSecretOutcome(profileId: string, result: LockResult, at: Date): void {
  const outcome = secretOutcomeOf(result, at);
  if (!outcome) return;
  outcomes.set((current) => new Map(current).set(profileId, outcome));
}

/** A new or removed secret has not been tried yet. */
export function forgetSecretOutcome(profileId: string): void {
  if (!outcomes.get().has(profileId)) return;
  outcomes.set((current) => {
    const next = new Map(current);
    next.delete(profileId);
    return next;
  });
}

export function secretOutcomeFor(profileId: string): SecretOutcome | undefined {
  return outcomes.get().get(profileId);
}

/** What the secret badge shows of a profile's last outcome; re-renders when it changes. */
export function useSecretLastOutcome(profileId: string): SecretLastOutcome | undefined {
  const outcome = useStore(outcomes, (all) => all.get(profileId));
  return outcome ? { text: secretOutcomeText(outcome), refused: !outcome.accepted } : undefined;
}
